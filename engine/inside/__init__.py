"""What the Tensors, Layers, Activations and Autograd pages compute, returned as data for the views to draw."""
