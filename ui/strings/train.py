"""Train page strings, and the descriptions of the presets the training area adds."""

STRINGS = {
    "nav.train": ("학습시키기", "Train"),
    "preset.fashion_fast": ("빠른 FashionMNIST 분류기 784-128-10 (추천)", "Fast FashionMNIST classifier 784-128-10 (recommended)"),
    "preset.playground_2d": ("2차원 놀이터 신경망 2-8-8-2 Tanh", "2-D playground network 2-8-8-2 Tanh"),
}
