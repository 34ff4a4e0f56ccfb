"""Home page strings."""

STRINGS = {
    "home.blurb": ("놀이터 소개와 모든 페이지로 가는 길", "What the playground is, and every page"),
    "home.intro": (
        "한국어 파이토치 튜토리얼을 따라가며 신경망을 **직접 만들고, 학습시키고, 속을 들여다보는** 곳입니다. "
        "텐서와 데이터셋에서 시작해 `nn.Module`로 모델을 만들고, 서버의 파이토치로 학습시키고, "
        "활성화 함수와 autograd 그래프를 살펴본 뒤 ONNX로 내보내 내 브라우저에서 다시 실행해 봅니다.",
        "Follow the Korean PyTorch tutorials and **build, train and look inside** neural networks. "
        "Start from tensors and data sets, build a model with `nn.Module`, train it with PyTorch on the "
        "server, look at activation functions and autograd graphs, then export it to ONNX and run it "
        "again in your own browser.",
    ),
    "home.device_heading": ("학습 장치", "Where training runs"),
    "home.device_line": ("이 서버는 **{device}** (`{name}`)에서 학습합니다.",
                         "This server trains on **{device}** (`{name}`)."),
    "home.device_others": ("다른 장치: {others}", "Also available: {others}"),
    "home.pages_heading": ("페이지", "Pages"),
}
