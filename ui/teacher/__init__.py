"""The Teacher page's parts: lesson links (text and hidden controls) and the ready-made lessons."""
