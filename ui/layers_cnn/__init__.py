"""Views of the Layers page's CNN section: feature maps, kernels, ReLU, the convolution and pooling
explained, and the size explorer."""
