"""Many students on one server: the fair training queue, and the training processes it hands runs to.

No streamlit here: `ui/train/job.py` ties a student's session to the queue.
"""
