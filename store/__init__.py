"""The store: a student's work and the teacher's classes in a real database, so they outlive the tab.

SQLite file by default, PostgreSQL when `TORCH_PLAYGROUND_DATABASE_URL` says so (store/database.py);
the schema (store/schema.py) is kept up to date by Alembic migrations (store/migrations/). A student's
work is saved and loaded by store/work.py, classes by store/classes.py. Never imports streamlit.
"""
