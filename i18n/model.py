"""Model page strings, and the preset descriptions shown wherever a preset is picked."""

STRINGS = {
    "model.blurb": ("프리셋을 고르거나 계층을 하나씩 쌓아 모델을 만들고 구조·요약·매개변수·코드를 봅니다",
                    "Pick a preset or stack layers one by one; see structure, summary, parameters and code"),
    "model.title": ("모델 만들기", "Build a model"),
    "model.intro": ("튜토리얼의 신경망을 고르거나 직접 계층을 쌓아 보세요. 잘못된 수정은 이유를 알려 주고, "
                    "마지막으로 올바른 신경망은 그대로 남습니다.",
                    "Pick one of the tutorials' networks or stack your own layers. An invalid edit tells you "
                    "why, and the last valid network stays."),
    "model.preset": ("프리셋", "Preset"),
    "model.input_shape": ("입력 모양 (배치 제외)", "Input shape (without batch)"),
    "model.input_shape_help": ("예: 1, 28, 28 (FashionMNIST 이미지) 또는 128", "e.g. 1, 28, 28 (a FashionMNIST image) or 128"),
    "model.class_name": ("클래스 이름", "Class name"),
    "model.class_name_help": ("비워 두면 nn.Sequential, 이름을 쓰면 nn.Module 하위 클래스가 됩니다",
                              "Empty: an nn.Sequential; a name: an nn.Module subclass"),
    "model.auto_connect": ("크기 자동 연결", "Connect sizes automatically"),
    "model.auto_connect_help": ("각 Linear의 in_features, Conv2d의 in_channels, BatchNorm의 num_features를 앞 계층이 "
                                "내보내는 크기로 맞춥니다 (Flatten 뒤 Linear는 채널 x 높이 x 너비)",
                                "Sets each Linear's in_features, Conv2d's in_channels and BatchNorm's num_features "
                                "to what the previous layer gives (after Flatten: channels x height x width)"),
    "model.output_shape": ("출력 모양 {shape}", "Output shape {shape}"),
    "model.output_shape_unknown": ("출력 모양: 이 계층이나 앞 계층을 고치면 보입니다",
                                   "Output shape: shown once this layer or one before it is fixed"),
    "model.layer_kind": ("계층 {n}", "Layer {n}"),
    "model.layer_name": ("이름", "Name"),
    "model.optional": ("선택 (예: fc1)", "optional (e.g. fc1)"),
    "model.no_args": ("인자 없음", "no arguments"),
    "model.move_up": ("위로", "Move up"),
    "model.move_down": ("아래로", "Move down"),
    "model.remove": ("삭제", "Remove"),
    "model.new_layer": ("새 계층", "New layer"),
    "model.add_layer": ("계층 추가", "Add layer"),
    "model.kept_last_valid": ("아래는 마지막으로 올바른 신경망입니다.", "Below is the last valid network."),
    "model.status": ("매개변수 **{params:,}**개, 출력 모양 `{shape}`", "**{params:,}** parameters, output shape `{shape}`"),
    "model.tab_structure": ("print(model)", "print(model)"),
    "model.tab_summary": ("요약", "Summary"),
    "model.tab_parameters": ("매개변수", "Parameters"),
    "model.tab_linear": ("nn.Linear = x @ W.T + b", "nn.Linear = x @ W.T + b"),
    "model.tab_call": ("모델 호출하기: model(x)", "Call it: model(x)"),
    "model.call_intro": ("입력 텐서 `x`를 직접 써서 모델에 넣어 보세요. 튜토리얼 001의 `linear_model(torch.ones(1))`처럼 "
                         "모델을 함수처럼 부르면 순전파가 일어납니다. 출력에 붙은 `grad_fn`은 역전파 때 쓸 연산을 "
                         "autograd가 기억하고 있다는 표시입니다.",
                         "Type an input tensor `x` and feed it to your model. Calling the model like a function, as "
                         "tutorial 001's `linear_model(torch.ones(1))` does, runs the forward pass. The `grad_fn` on "
                         "the output shows that autograd remembers the operation for the backward pass."),
    "model.call_names": ("튜토리얼 001의 온도 텐서도 이름으로 쓸 수 있습니다: `t_u`, `t_c`, `t_un`, `t_un_train`, "
                         "`t_un_val` (검증용 두 개는 데이터 페이지의 온도 데이터 시드로 고릅니다).",
                         "Tutorial 001's temperature tensors work by name too: `t_u`, `t_c`, `t_un`, `t_un_train`, "
                         "`t_un_val` (the two validation readings follow the Data page's temperature seed)."),
    "model.call_input": ("입력 x", "Input x"),
    "model.call_shapes": ("입력 모양 {input} → 출력 모양 {output}", "Input shape {input} → output shape {output}"),
    "model.tab_code": ("파이토치 코드", "PyTorch code"),
    "model.tab_json": ("저장 / 불러오기 (JSON)", "Save / load (JSON)"),
    "model.col_layer": ("계층 (종류)", "Layer (type)"),
    "model.col_output_shape": ("출력 모양", "Output shape"),
    "model.col_params": ("매개변수 수", "Param #"),
    "model.total_params": ("전체 매개변수", "Total params"),
    "model.trainable_params": ("학습 가능한 매개변수", "Trainable params"),
    "model.total_size": ("예상 전체 크기", "Estimated total size"),
    "model.sizes_line": ("입력 {input:.2f} MB · 순전파/역전파 {activations:.2f} MB · 매개변수 {params:.2f} MB",
                         "Input {input:.2f} MB · forward/backward pass {activations:.2f} MB · params {params:.2f} MB"),
    "model.col_name": ("이름", "Name"),
    "model.col_size": ("크기", "Size"),
    "model.col_count": ("개수", "Count"),
    "model.col_values": ("처음 값들 [:2]", "First values [:2]"),
    "model.no_linear": ("이 모델에는 nn.Linear 계층이 없습니다.", "This model has no nn.Linear layer."),
    "model.linear_intro": ("`{name}` 계층의 출력을 직접 계산한 `x @ W.T + b`와 비교합니다 (무작위 입력 3개).",
                           "Compare layer `{name}` with `x @ W.T + b` computed by hand (3 random inputs)."),
    "model.max_abs_diff": ("최대 절대 차이", "Max absolute difference"),
    "model.download_code": ("model.py 내려받기", "Download model.py"),
    "model.download_spec": ("모델 설명 JSON 내려받기", "Download the model description (JSON)"),
    "model.paste_spec": ("모델 설명 JSON 붙여넣기", "Paste a model description (JSON)"),
    "model.load_spec": ("불러오기", "Load"),
    "model.spec_loaded": ("불러왔습니다.", "Loaded."),
    "model.bad_json": ("JSON 형식이 잘못되었습니다 ({line}번째 줄, {column}번째 칸).",
                       "That is not valid JSON (line {line}, column {column})."),
    "preset.fashion_mlp": ("FashionMNIST 분류기 NeuralNetwork (튜토리얼 000)", "FashionMNIST classifier NeuralNetwork (tutorial 000)"),
    "preset.fashion_mlp_fc": ("fc1/fc2/fc3 NeuralNetwork2 (튜토리얼 000)", "fc1/fc2/fc3 NeuralNetwork2 (tutorial 000)"),
    "preset.fashion_cnn": ("빠르고 정확한 FashionMNIST 합성곱 신경망 FashionCNN (추천)",
                           "Fast, accurate FashionMNIST convolutional network FashionCNN (recommended)"),
    "preset.net": ("튜토리얼 '신경망'의 Net (LeNet 합성곱 신경망, 28x28에 맞춤)",
                   "The tutorial's Net from 'Neural Networks' (LeNet CNN, fitted to 28x28)"),
    "preset.walkthrough": ("seq_modules: 이미지 3장 따라가기", "seq_modules: three images, step by step"),
    "preset.dense_128": ("128-64-16-1 Tanh/Sigmoid (torchsummary 예제)", "128-64-16-1 Tanh/Sigmoid (torchsummary example)"),
    "preset.temperature_linear": ("온도 선형 모델 Linear(1, 1)", "Temperature linear model Linear(1, 1)"),
    "preset.temperature_tanh": ("온도 신경망 1-13-1 Tanh", "Temperature network 1-13-1 Tanh"),
    "preset.temperature_named": ("이름 붙인 온도 신경망 (OrderedDict)", "Named temperature network (OrderedDict)"),
    "preset.dense_128_model": ("class Model: self.layers에 담은 128-64-16-1 (nn.Module 예제)",
                               "class Model: 128-64-16-1 in self.layers (nn.Module example)"),
    "model.non_trainable_params": ("학습 불가능한 매개변수", "Non-trainable params"),
    "model.torchinfo_instead": ("이 앱에는 torchsummary 대신 torchinfo가 설치되어 있어, 위 표는 아래의 torchinfo 호출로 "
                                "계산했습니다. 집에서 `pip install torchsummary`로 설치하면 튜토리얼의 두 줄이 같은 "
                                "표를 출력합니다.",
                                "This app has torchinfo installed instead of torchsummary: the table above comes from "
                                "the torchinfo call below. At home, `pip install torchsummary` and the tutorial's two "
                                "lines print the same table."),
    "model.handout_imports": ("튜토리얼의 import 셀입니다. 이 앱은 torchvision 없이 FashionMNIST 파일을 직접 읽으므로 "
                              "`datasets, transforms`는 집에서 튜토리얼을 따라 할 때만 필요합니다.",
                              "The tutorials' import cell. This app reads the FashionMNIST files itself, without "
                              "torchvision, so `datasets, transforms` are needed only when you follow the tutorial "
                              "at home."),
    "model.class_skeleton": ("튜토리얼 002의 빈 클래스: nn.Module을 상속한 모델은 `__init__`에서 층을 만들고 `forward`에서 "
                             "순전파를 정의합니다.",
                             "Tutorial 002's empty class: a model that subclasses nn.Module creates its layers in "
                             "`__init__` and defines the forward pass in `forward`."),
    "model.class_filled": ("그 두 곳을 채운 {name}의 코드입니다:", "The code of {name}, with both filled in:"),
    "model.summary_printout": ("torchsummary가 출력하는 표 그대로", "The table as torchsummary prints it"),
}
