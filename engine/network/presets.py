"""Every network the seeds build, as plain data, named as the curriculum names them."""

from __future__ import annotations

from engine.network.spec import LayerSpec, ModelSpec

L = LayerSpec.of


def _conv_stage(first: int, in_channels: int, out_channels: int) -> tuple[LayerSpec, ...]:
    """Conv2d 3x3 (padding 1 keeps the size), MaxPool2d 2, BatchNorm2d, ReLU: one stage of `features`.

    Pooling first: BatchNorm and ReLU then work on a quarter of the values, which made fashion_cnn's
    step 25-40 % cheaper on a CPU, and it learnt as well or better (docs/measurements.md)."""
    return (
        L("Conv2d", f"features.{first}", in_channels=in_channels, out_channels=out_channels, kernel_size=3, padding=1),
        L("MaxPool2d", f"features.{first + 1}", kernel_size=2, stride=2),
        L("BatchNorm2d", f"features.{first + 2}", num_features=out_channels),
        L("ReLU", f"features.{first + 3}"),
    )


PRESETS: dict[str, ModelSpec] = {
    # Seed 000: NeuralNetwork, flatten + linear_relu_stack (669,706 parameters).
    "fashion_mlp": ModelSpec(
        (1, 28, 28),
        (
            L("Flatten", "flatten"),
            L("Linear", "linear_relu_stack.0", in_features=784, out_features=512),
            L("ReLU", "linear_relu_stack.1"),
            L("Linear", "linear_relu_stack.2", in_features=512, out_features=512),
            L("ReLU", "linear_relu_stack.3"),
            L("Linear", "linear_relu_stack.4", in_features=512, out_features=10),
        ),
        "NeuralNetwork",
    ),
    # Seed 000: NeuralNetwork2, fc1/fc2/fc3 with one shared ReLU (1,333,770 parameters), flattening with
    # `x.view(x.size(0), -1)` in forward (the layer named `view`) and defining self.relu last, as the seed does.
    "fashion_mlp_fc": ModelSpec(
        (1, 28, 28),
        (
            L("Flatten", "view"),
            L("Linear", "fc1", in_features=784, out_features=1024),
            L("ReLU", "relu"),
            L("Linear", "fc2", in_features=1024, out_features=512),
            L("ReLU", "relu"),
            L("Linear", "fc3", in_features=512, out_features=10),
        ),
        "NeuralNetwork2",
    ),
    # Seeds 000/004: seq_modules, the minibatch-of-three walkthrough (15,910 parameters).
    "walkthrough": ModelSpec(
        (1, 28, 28),
        (L("Flatten"), L("Linear", in_features=784, out_features=20), L("ReLU"),
         L("Linear", in_features=20, out_features=10)),
    ),
    # Seed 002: the torchsummary example (8,256 + 1,040 + 17 = 9,313 parameters).
    "dense_128": ModelSpec(
        (128,),
        (L("Linear", in_features=128, out_features=64), L("Tanh"),
         L("Linear", in_features=64, out_features=16), L("Tanh"),
         L("Linear", in_features=16, out_features=1), L("Sigmoid")),
    ),
    # Seed 002: the same network as `class Model(nn.Module)` holding it in `self.layers` (9,313 parameters).
    # Unnamed layers of a named class go into `self.layers`, so print(model) reads `Model((layers): Sequential(...))`.
    "dense_128_model": ModelSpec(
        (128,),
        (L("Linear", in_features=128, out_features=64), L("Tanh"),
         L("Linear", in_features=64, out_features=16), L("Tanh"),
         L("Linear", in_features=16, out_features=1), L("Sigmoid")),
        "Model",
    ),
    # Seed 001: the temperature models.
    "temperature_linear": ModelSpec((1,), (L("Linear", in_features=1, out_features=1),)),
    "temperature_tanh": ModelSpec(
        (1,),
        (L("Linear", in_features=1, out_features=13), L("Tanh"), L("Linear", in_features=13, out_features=1)),
    ),
    "temperature_named": ModelSpec(
        (1,),
        (L("Linear", "hidden_linear", in_features=1, out_features=12), L("Tanh", "hidden_activation"),
         L("Linear", "output_linear", in_features=12, out_features=1)),
    ),
    # Train page: the recommended fast FashionMNIST classifier (>= 85 % test accuracy in about 2 epochs
    # with Adam, see engine/training/recommended.py) and TF Playground's 2-D network (2-8-8-2, Tanh).
    "fashion_fast": ModelSpec(
        (1, 28, 28),
        (L("Flatten"), L("Linear", in_features=784, out_features=128), L("ReLU"),
         L("Linear", in_features=128, out_features=10)),
    ),
    # Issue 17: the fast, accurate FashionMNIST CNN (29,290 parameters; 91.5-91.8 % test accuracy after 3
    # epochs at engine/training/recommended.py's settings, OneCycleLR, docs/measurements.md). Three
    # conv-pool-BatchNorm-ReLU stages halve the image 28 -> 14 -> 7 -> 3, named `features` and `classifier`
    # as torchvision's VGG names them.
    "fashion_cnn": ModelSpec(
        (1, 28, 28),
        (
            *_conv_stage(0, 1, 16), *_conv_stage(4, 16, 32), *_conv_stage(8, 32, 64),
            L("Flatten", "flatten"),
            L("Linear", "classifier", in_features=64 * 3 * 3, out_features=10),
        ),
        "FashionCNN",
    ),
    # The PyTorch tutorials' "신경망(Neural Networks)" `Net` (LeNet), adapted to 28x28: conv1 pads by 2, so
    # the 28x28 image reaches fc1 as 16 * 5 * 5 values, exactly as the tutorial's 32x32 one does (61,706
    # parameters). Its F.relu and F.max_pool2d calls become one shared `relu` and one shared `pool`.
    "net": ModelSpec(
        (1, 28, 28),
        (
            L("Conv2d", "conv1", in_channels=1, out_channels=6, kernel_size=5, padding=2),
            L("ReLU", "relu"),
            L("MaxPool2d", "pool", kernel_size=2, stride=2),
            L("Conv2d", "conv2", in_channels=6, out_channels=16, kernel_size=5),
            L("ReLU", "relu"),
            L("MaxPool2d", "pool", kernel_size=2, stride=2),
            L("Flatten", "flatten"),
            L("Linear", "fc1", in_features=16 * 5 * 5, out_features=120),
            L("ReLU", "relu"),
            L("Linear", "fc2", in_features=120, out_features=84),
            L("ReLU", "relu"),
            L("Linear", "fc3", in_features=84, out_features=10),
        ),
        "Net",
    ),
    "playground_2d": ModelSpec(
        (2,),
        (L("Linear", in_features=2, out_features=8), L("Tanh"), L("Linear", in_features=8, out_features=8), L("Tanh"),
         L("Linear", in_features=8, out_features=2)),
    ),
    # TF Playground's default network (hidden layers 4-2, Tanh) and its spiral challenge (six layers of 8).
    "playground_circle": ModelSpec(
        (2,),
        (L("Linear", in_features=2, out_features=4), L("Tanh"), L("Linear", in_features=4, out_features=2), L("Tanh"),
         L("Linear", in_features=2, out_features=2)),
    ),
    "playground_spiral": ModelSpec(
        (2,),
        tuple(part for i in range(6) for part in (L("Linear", in_features=2 if i == 0 else 8, out_features=8),
                                                  L("ReLU")))
        + (L("Linear", in_features=8, out_features=2),),
    ),
}


def small_mlp(inputs: int, outputs: int, hidden: int = 16) -> ModelSpec:
    """inputs -> hidden -> ReLU -> outputs: the network offered for a student's own CSV (one row, one example)."""
    return ModelSpec((inputs,), (L("Linear", in_features=inputs, out_features=hidden), L("ReLU"),
                                 L("Linear", in_features=hidden, out_features=outputs)))
