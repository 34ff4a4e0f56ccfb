"""The tables: classes, students (one row per browser token: their current work) and their runs."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, ForeignKey, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

classes = Table(
    "classes", metadata,
    Column("code", String(16), primary_key=True),  # what students type to join
    Column("key_hash", String(128), nullable=False),  # scrypt of the teacher key; the key itself is never kept
    Column("lesson", Text),  # the lesson link's setup pushed to everyone (encoded as in ?setup=)
    Column("lesson_version", Integer, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)

students = Table(
    "students", metadata,
    Column("token", String(64), primary_key=True),  # the browser's cookie: unguessable
    Column("resume_code", String(16), nullable=False, unique=True),  # short, to continue on another computer
    Column("class_code", String(16), ForeignKey("classes.code", ondelete="CASCADE"), index=True),
    Column("nickname", String(40)),
    Column("lang", String(8)),
    Column("page", String(64)),
    Column("lesson", Text),  # JSON
    Column("spec", Text),  # JSON: ModelSpec.to_dict()
    Column("weights", LargeBinary),  # torch.save(state_dict), read back with weights_only=True
    Column("settings", Text),  # JSON: the Train page's widget values
    Column("csv_name", String(255)),
    Column("csv", LargeBinary),
    Column("queue_place", Integer),
    Column("bytes", Integer, nullable=False, default=0),  # what this student's row and runs take
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
)

runs = Table(
    "runs", metadata,
    Column("id", String(32), primary_key=True),
    Column("token", String(64), ForeignKey("students.token", ondelete="CASCADE"), nullable=False, index=True),
    Column("status", String(16), nullable=False),  # the trainer's status; "training" while it ran
    Column("dataset", String(64), nullable=False),
    Column("epochs", Integer, nullable=False),  # asked for
    Column("epoch", Integer, nullable=False),  # done
    Column("test_accuracy", Float),
    Column("test_loss", Float),
    Column("train_loss", Float),
    Column("seconds", Float, nullable=False, default=0.0),
    Column("config", Text, nullable=False),  # JSON: TrainConfig.to_dict()
    Column("source", String(16), nullable=False),  # "preset" or "current": where its weights started
    Column("spec", Text, nullable=False),  # JSON: the network it trained
    Column("history", Text, nullable=False),  # JSON: one EpochReport dict per epoch
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
