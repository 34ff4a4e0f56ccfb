"""The guided course: one path per tutorial in the class's handouts, in the tutorials' own order.

Pure data and engine checks (no streamlit): `PATHS` lists the paths (tutorial 000..004); each step
names the page and control to use, the handout's printed result, the student's own figure computed
by the engine, and one exercise the engine checks. The view is ui/course/.
"""

from engine.course.steps import CoursePath, Step
from engine.course.tutorial_000 import PATH as PATH_000
from engine.course.tutorial_001 import PATH as PATH_001
from engine.course.tutorial_002 import PATH as PATH_002
from engine.course.tutorial_003 import PATH as PATH_003
from engine.course.tutorial_004 import PATH as PATH_004

PATHS: dict[str, CoursePath] = {path.key: path for path in (PATH_000, PATH_001, PATH_002, PATH_003, PATH_004)}

__all__ = ["PATHS", "CoursePath", "Step"]
