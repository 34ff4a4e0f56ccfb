"""Code a student takes home: a model as PyTorch source, and a whole setup as a script or a notebook."""
