"""A student's work kept in the store (store/): who the browser is, saving and restoring the session, the sidebar."""
