"""The Data page's parts: shared data sets and the student's upload, image views, point and table views."""
