"""The first store: classes, students' work, their runs.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the three tables."""
    op.create_table(
        "classes",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("key_hash", sa.String(128), nullable=False),
        sa.Column("lesson", sa.Text),
        sa.Column("lesson_version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_classes_expires_at", "classes", ["expires_at"])
    op.create_table(
        "students",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("resume_code", sa.String(16), nullable=False, unique=True),
        sa.Column("class_code", sa.String(16), sa.ForeignKey("classes.code", ondelete="CASCADE")),
        sa.Column("nickname", sa.String(40)),
        sa.Column("lang", sa.String(8)),
        sa.Column("page", sa.String(64)),
        sa.Column("lesson", sa.Text),
        sa.Column("spec", sa.Text),
        sa.Column("weights", sa.LargeBinary),
        sa.Column("settings", sa.Text),
        sa.Column("csv_name", sa.String(255)),
        sa.Column("csv", sa.LargeBinary),
        sa.Column("queue_place", sa.Integer),
        sa.Column("bytes", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_students_class_code", "students", ["class_code"])
    op.create_index("ix_students_updated_at", "students", ["updated_at"])
    op.create_table(
        "runs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("token", sa.String(64), sa.ForeignKey("students.token", ondelete="CASCADE"), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("dataset", sa.String(64), nullable=False),
        sa.Column("epochs", sa.Integer, nullable=False),
        sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("test_accuracy", sa.Float),
        sa.Column("test_loss", sa.Float),
        sa.Column("train_loss", sa.Float),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("config", sa.Text, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("spec", sa.Text, nullable=False),
        sa.Column("history", sa.Text, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_runs_token", "runs", ["token"])


def downgrade() -> None:
    """Drop them again."""
    op.drop_table("runs")
    op.drop_table("students")
    op.drop_table("classes")
