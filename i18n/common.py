"""Strings shared by every page: navigation, sidebar."""

STRINGS = {
    # a device's name for people (engine/device.py gives the kind and core count; ui/language.py's device_label)
    "device.cpu": ("CPU (코어 {cores}개)", "CPU ({cores} cores)"),
    "device.cpu_one": ("CPU (코어 1개)", "CPU (1 core)"),
    "device.auto": ("자동", "Automatic"),
    "app.title": ("파이토치 신경망 놀이터", "Torch Playground"),
    "nav.home": ("홈", "Home"),
    "nav.model": ("모델 만들기", "Build a model"),
    "sidebar.language": ("언어", "Language"),
    "sidebar.device": ("학습 장치: {device}", "Training device: {device}"),
    "common.download": ("내려받기", "Download"),
    # ui/widgets.py: Streamlit's own English texts, and a number typed outside its range
    "widgets.upload": ("파일 올리기", "Upload"),
    "widgets.upload_limit": ("파일 하나에 {mb}MB까지", "{mb}MB per file"),
    "widgets.press_enter": ("Enter 키를 누르면 적용됩니다", "Press Enter to apply"),
    "widgets.clamped": ("{low}~{high} 사이만 넣을 수 있어 {typed} 대신 {used}(으)로 바꿨습니다.",
                        "Allowed: {low} to {high}. {typed} was changed to the nearest, {used}."),
    # ui/plots.py: one line under each chart on what to look for
    "plot.look_for": ("👀 볼 곳: {hint}", "👀 Look for: {hint}"),
    "plot.loss": ("손실이 에폭마다 줄어드는지, 학습 손실과 테스트 손실이 벌어지지 않는지(벌어지면 과적합) 보세요.",
                  "the loss falling epoch by epoch, and the training and test losses staying close (a widening "
                  "gap means overfitting)."),
    "plot.accuracy": ("정확도가 올라가다 평평해지는 지점: 그 뒤로는 에폭을 더 돌려도 얻는 것이 적습니다.",
                      "where accuracy climbs and then levels off: more epochs gain little after that."),
    "plot.confusion": ("대각선 밖의 진한 칸: 모델이 자주 헷갈리는 두 클래스입니다(예: 셔츠와 티셔츠).",
                       "dark cells off the diagonal: two classes the model often confuses (e.g. shirt and T-shirt)."),
    "plot.temperature": ("모델의 선이 측정값(점) 사이를 지나가는지, 검증용 점에서 얼마나 벗어나는지 보세요.",
                         "the model's line passing between the measurements, and how far it misses the validation "
                         "points."),
    "plot.parity": ("모든 점이 빨간 점선 아래에 있으면 ONNX 모델이 파이토치와 같은 값을 냅니다.",
                    "every point below the red dashed line: the ONNX model gives PyTorch's values."),
    "plot.histograms": ("모양은 같고 가로축만 바뀝니다: ToTensor는 0–255를 0–1로 나눌 뿐입니다.",
                        "the same shape on another axis: ToTensor only divides 0–255 into 0–1."),
    "plot.points_2d": ("두 색의 점을 한 줄로 나눌 수 있는지: 나눌 수 없다면 은닉층이 필요합니다.",
                       "whether one straight line can split the two colours: if not, the network needs a hidden layer."),
    "plot.temperature_data": ("점들이 거의 한 직선 위에 있습니다: 선형 모델로 충분하다는 뜻입니다.",
                              "the points lie almost on one straight line: a linear model is enough."),
    "plot.activations": ("곡선이 평평해지는 구간: 그곳에서는 변화도가 0에 가까워 역전파로 거의 배우지 못합니다.",
                         "where the curve flattens: the gradient there is near 0, so backpropagation teaches "
                         "almost nothing."),
    "plot.softmax": ("가장 큰 로짓이 가장 큰 확률이 되고, 확률의 합은 언제나 1입니다. 온도를 올리면 고르게 퍼집니다.",
                     "the largest logit gets the largest probability, and they always sum to 1; a higher temperature "
                     "spreads them out."),
    "plot.probabilities": ("가장 긴 막대가 모델의 답입니다. 두 막대가 비슷하면 모델이 망설이는 것입니다.",
                           "the longest bar is the model's answer; two bars of similar length mean it hesitates."),
    "common.copy_hint": ("오른쪽 위 아이콘으로 복사할 수 있습니다.", "Copy it with the icon at the top right."),
}
