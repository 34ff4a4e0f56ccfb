"""The guided course's views: the sidebar panel that follows a tutorial step by step, and Home's list."""
