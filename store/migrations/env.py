"""Alembic's entry: migrations run on the connection store/database.py hands over (or the configured URL)."""

from alembic import context
from sqlalchemy import create_engine

from store.database import database_url
from store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # the `alembic` command line: the app's own URL
    with create_engine(database_url()).begin() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    context.run_migrations()
