"""The Model page's parts: the student's current network, the layer editor, the views of it."""
