"""Small shared view helpers for pages: strings in Korean and English, session state, sidebar."""
