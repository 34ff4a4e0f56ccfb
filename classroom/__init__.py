"""Many students on one server: the fair training queue, the training processes it hands runs to, and
the gang process where a class's small runs train together (gang_runs.py, gang_child.py).

No streamlit here: `ui/train/job.py` ties a student's session to the queue.
"""
