"""The guided course's steps (engine/course/), in the app's own words: title, point, question, hint.

Keys are `course.<tutorial>.<step>.<field>`; a hint helps without giving the answer away.
"""


def _step(path: str, step: str, title: tuple, point: tuple, question: tuple, hint: tuple) -> dict:
    prefix = f"course.{path}.{step}."
    return {prefix + "title": title, prefix + "point": point, prefix + "question": question, prefix + "hint": hint}


STRINGS = {
    # Tutorial 000: 신경망 모델 구성하기
    **_step("t000", "device",
            ("학습할 장치 고르기", "Choosing the device"),
            ("튜토리얼은 GPU가 있으면 `cuda`, 없으면 `cpu`에서 학습합니다. 텐서와 모델은 `.to(device)`로 그 장치에 옮깁니다.",
             "The tutorial trains on `cuda` when there is a GPU, else on `cpu`; tensors and models move there "
             "with `.to(device)`."),
            ("NVIDIA GPU를 가리키는 파이토치의 장치 이름은 무엇일까요?", "What device name does PyTorch give an NVIDIA GPU?"),
            ("튜토리얼의 `device = ... if torch.cuda.is_available() else \"cpu\"` 줄을 다시 보세요.",
             "Look again at the tutorial's `device = ... if torch.cuda.is_available() else \"cpu\"` line.")),
    **_step("t000", "model",
            ("NeuralNetwork 만들기", "Building NeuralNetwork"),
            ("`nn.Module`을 상속한 클래스가 `__init__`에서 계층을 만들고 `forward`에서 순서대로 부릅니다. "
             "프리셋에서 튜토리얼 000의 NeuralNetwork를 고르면 같은 구조가 나옵니다.",
             "A subclass of `nn.Module` makes its layers in `__init__` and calls them in order in `forward`. "
             "Pick tutorial 000's NeuralNetwork as the preset to get the same structure."),
            ("이 모델의 매개변수는 모두 몇 개일까요?", "How many parameters does this model have in all?"),
            ("Linear 계층마다 가중치가 in_features × out_features개, 편향이 out_features개입니다.",
             "Each Linear layer holds in_features × out_features weights and out_features biases.")),
    **_step("t000", "flatten",
            ("nn.Flatten", "nn.Flatten"),
            ("`nn.Flatten`은 28x28 이미지 한 장을 784개 값이 늘어선 배열로 펼칩니다. 배치 차원(0번 차원)은 그대로 둡니다.",
             "`nn.Flatten` turns each 28x28 image into a row of 784 values; the batch dimension (dim 0) stays."),
            ("크기가 [32, 1, 28, 28]인 미니배치가 Flatten을 지나면 모양이 어떻게 될까요?",
             "A minibatch of shape [32, 1, 28, 28] goes through Flatten: what shape comes out?"),
            ("배치 차원은 그대로 두고, 나머지 차원의 크기를 모두 곱합니다.",
             "Keep the batch dimension; multiply all the other sizes together.")),
    **_step("t000", "linear",
            ("nn.Linear와 nn.ReLU", "nn.Linear and nn.ReLU"),
            ("선형 계층은 가중치와 편향으로 입력을 선형 변환하고, ReLU는 음수를 0으로 바꿔 비선형성을 더합니다.",
             "A linear layer transforms its input with its weights and biases; ReLU sets negative values to 0, "
             "which makes the network non-linear."),
            ("`nn.Flatten(), nn.Linear(784, 20), nn.ReLU(), nn.Linear(784, 10)`은 만들어지지 않습니다. "
             "마지막 Linear의 in_features를 몇으로 고쳐야 할까요?",
             "`nn.Flatten(), nn.Linear(784, 20), nn.ReLU(), nn.Linear(784, 10)` does not build. "
             "What should the last Linear's in_features be?"),
            ("한 계층의 in_features는 바로 앞 계층이 내보내는 값의 개수와 같아야 합니다.",
             "A layer's in_features must equal the number of values the layer before it puts out.")),
    **_step("t000", "softmax",
            ("로짓과 소프트맥스", "Logits and softmax"),
            ("모델의 출력은 로짓입니다. `nn.Softmax(dim=1)`가 로짓을 분류마다의 확률로 바꾸고, "
             "`argmax(1)`가 가장 큰 확률의 분류를 고릅니다.",
             "The model puts out logits; `nn.Softmax(dim=1)` turns them into a probability per class, and "
             "`argmax(1)` picks the most likely class."),
            ("`pred_probab`의 한 행(이미지 한 장의 확률 10개)을 모두 더하면 얼마일까요?",
             "What do the 10 probabilities in one row of `pred_probab` (one image) add up to?"),
            ("확률이라는 말을 떠올려 보세요.", "Think of what a probability distribution is.")),

    # Tutorial 001: [DL/Pytorch] 파이토치로 신경망 - torch.nn
    **_step("t001", "activation",
            ("활성화 함수", "Activation functions"),
            ("뉴런은 선형 변환 뒤에 활성화 함수를 씁니다. Hardtanh는 -1과 1 사이는 그대로 두고 그 밖은 잘라 냅니다.",
             "A neuron applies an activation function after its linear transform; Hardtanh keeps values "
             "between -1 and 1 and clips the rest."),
            ("`nn.Hardtanh()(torch.tensor(3.0))`의 값은 얼마일까요?", "What is `nn.Hardtanh()(torch.tensor(3.0))`?"),
            ("기본값은 min_val=-1, max_val=1입니다.", "Its defaults are min_val=-1, max_val=1.")),
    **_step("t001", "data",
            ("온도 데이터 나누기", "Splitting the temperatures"),
            ("측정값 11개를 `unsqueeze(1)`로 [11, 1] 모양의 배치로 만들고, `torch.randperm`으로 섞어 "
             "20 %를 검증용으로 떼어 둡니다.",
             "The 11 readings become a batch of shape [11, 1] with `unsqueeze(1)`; `torch.randperm` shuffles "
             "them and 20 % are kept aside for validation."),
            ("튜토리얼의 `n_val = int(0.2 * n_samples)`는 몇일까요?", "What is the tutorial's `n_val = int(0.2 * n_samples)`?"),
            ("int()는 소수점 아래를 버립니다.", "int() drops the fraction.")),
    **_step("t001", "linear",
            ("nn.Linear(1, 1): 선형 모델", "nn.Linear(1, 1): the linear model"),
            ("온도 문제의 선형 모델은 입력 하나, 출력 하나인 `nn.Linear(1, 1)`입니다. "
             "가중치와 편향은 처음에 난수로 정해집니다.",
             "The temperature problem's linear model is `nn.Linear(1, 1)`: one input, one output. "
             "Its weight and bias start as random numbers."),
            ("`nn.Linear(1, 1)`의 매개변수는 몇 개일까요?", "How many parameters does `nn.Linear(1, 1)` have?"),
            ("가중치 행렬과 편향 벡터를 따로 세어 보세요.", "Count the weight matrix and the bias vector separately.")),
    **_step("t001", "loss",
            ("손실 함수 고르기", "Choosing the loss function"),
            ("섭씨 온도처럼 숫자 자체를 맞히는 회귀에는 정답과의 차이를 재는 손실 함수가 맞습니다. "
             "학습 페이지에서 튜토리얼처럼 3000 에폭을 학습해 보세요.",
             "Regression, predicting a number such as a Celsius temperature, wants a loss that measures the "
             "distance to the answer. Train for 3000 epochs on the Train page, as the tutorial does."),
            ("이 회귀 문제에 맞는 손실 함수는 어느 것일까요?", "Which loss function fits this regression?"),
            ("분류용 손실 함수는 정답을 클래스 번호로 받습니다. 온도는 클래스가 아닙니다.",
             "Classification losses take a class index as the answer; a temperature is not a class.")),
    **_step("t001", "network",
            ("nn.Sequential로 만든 신경망", "A network with nn.Sequential"),
            ("`nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))`은 은닉 뉴런 13개인 신경망입니다. "
             "`parameters()`는 모든 계층의 매개변수를 돌려줍니다.",
             "`nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))` is a network with 13 hidden "
             "neurons; `parameters()` gives every layer's parameters."),
            ("이 신경망의 매개변수는 모두 몇 개일까요?", "How many parameters does this network have in all?"),
            ("튜토리얼이 출력한 네 텐서의 모양을 보고 원소 수를 더해 보세요.",
             "Add up the elements of the four tensors whose shapes the tutorial printed.")),
    **_step("t001", "output",
            ("입력을 넣어 모델 부르기", "Calling the model on an input"),
            ("`model(x)`는 `forward`를 부릅니다. 입력 B개를 [B, 1] 배치로 넣으면 출력도 배치로 나옵니다.",
             "`model(x)` calls `forward`; B inputs as a [B, 1] batch give a batch of outputs."),
            ("측정값 11개 전체([11, 1])를 이 신경망에 넣으면 출력의 모양은 어떻게 될까요?",
             "All 11 readings ([11, 1]) go through this network: what shape comes out?"),
            ("배치 차원은 그대로이고, 마지막 계층의 out_features를 보세요.",
             "The batch dimension stays; look at the last layer's out_features.")),

    # Tutorial 002: 2-8. PyTorch로 구현해보는 Neural Network
    **_step("t002", "batch",
            ("배치 하나를 Linear에 넣기", "One batch through a Linear"),
            ("특성 128개짜리 데이터 32개가 [32, 128] 배치가 됩니다. `nn.Linear(128, 64)`는 배치마다 특성 수만 64로 바꿉니다.",
             "32 examples of 128 features make a [32, 128] batch; `nn.Linear(128, 64)` changes only the "
             "number of features, to 64."),
            ("[32, 128] 배치가 `nn.Linear(128, 64)`를 지나면 모양이 어떻게 될까요?",
             "A [32, 128] batch goes through `nn.Linear(128, 64)`: what shape comes out?"),
            ("배치 차원은 그대로입니다.", "The batch dimension stays.")),
    **_step("t002", "softmax",
            ("소프트맥스의 합", "The softmax's sum"),
            ("소프트맥스 확률의 합은 수학적으로 정확히 1입니다. float32로 더하면 반올림 때문에 1.0000001처럼 "
             "아주 조금 어긋날 수 있습니다.",
             "Softmax probabilities add up to exactly 1 in mathematics; added in float32, rounding can make it "
             "a hair off, such as 1.0000001."),
            ("반올림이 없다면 소프트맥스 확률의 합은 얼마일까요?", "Without rounding, what do the softmax probabilities add up to?"),
            ("튜토리얼이 출력한 값에서 float32의 반올림만큼을 빼 보세요.",
             "Take the float32 rounding off the value the tutorial printed.")),
    **_step("t002", "sequential",
            ("nn.Sequential로 쌓기", "Stacking with nn.Sequential"),
            ("128-64-16-1 신경망은 Linear와 Tanh를 번갈아 쌓고 마지막에 Sigmoid를 씁니다. "
             "프리셋에서 torchsummary 예제를 고르세요.",
             "The 128-64-16-1 network alternates Linear and Tanh and ends with Sigmoid. Pick the "
             "torchsummary example as the preset."),
            ("[32, 128] 배치가 이 신경망 전체를 지나면 출력의 모양은 어떻게 될까요?",
             "A [32, 128] batch goes through the whole network: what shape comes out?"),
            ("활성화 함수는 모양을 바꾸지 않습니다. 마지막 Linear만 보세요.",
             "Activation functions keep the shape; look at the last Linear only.")),
    **_step("t002", "summary",
            ("torchsummary의 요약 표", "torchsummary's summary table"),
            ("요약 표는 계층마다 출력 모양과 매개변수 수를 보여 주고 맨 아래에 합계를 적습니다.",
             "The summary table shows each layer's output shape and parameter count, and the total at the bottom."),
            ("첫 계층 `nn.Linear(128, 64)`의 매개변수는 몇 개일까요?",
             "How many parameters does the first layer, `nn.Linear(128, 64)`, have?"),
            ("가중치 128 × 64개에 편향을 더하세요.", "Take the 128 × 64 weights and add the biases.")),
    **_step("t002", "class_model",
            ("class Model: self.layers", "class Model: self.layers"),
            ("같은 신경망을 `nn.Module`을 상속한 `class Model`의 `self.layers`에 담을 수도 있습니다. "
             "프리셋에서 class Model을 고르세요.",
             "The same network can live in `self.layers` of a `class Model` that subclasses `nn.Module`. "
             "Pick class Model as the preset."),
            ("`nn.Linear(128, 64), nn.Tanh(), nn.Linear(128, 16)`은 만들어지지 않습니다. "
             "두 번째 Linear의 in_features를 몇으로 고쳐야 할까요?",
             "`nn.Linear(128, 64), nn.Tanh(), nn.Linear(128, 16)` does not build. What should the second "
             "Linear's in_features be?"),
            ("Tanh는 모양을 바꾸지 않으니, 첫 Linear가 내보내는 값의 개수를 보세요.",
             "Tanh keeps the shape: look at how many values the first Linear puts out.")),

    # Tutorial 003: pytorch 문법 간단히 알아보기
    **_step("t003", "item",
            ("item(): 텐서에서 파이썬 숫자로", "item(): from a tensor to a Python number"),
            ("요소가 하나인 텐서는 `item()`으로 파이썬 숫자가 됩니다. 튜토리얼의 `tensor[: 1] = 0`은 "
             "`tensor[:, 1] = 0`(두 번째 열)을 쓰려다 첫 행을 0으로 만든 오타라서 합이 12.0입니다.",
             "A tensor with one element becomes a Python number with `item()`. The tutorial's "
             "`tensor[: 1] = 0` is a typo for `tensor[:, 1] = 0` (the second column): it zeroes the first "
             "row, so the sum is 12.0."),
            ("`torch.ones(4, 4).sum().item()`은 어떤 파이썬 자료형일까요?",
             "What Python type is `torch.ones(4, 4).sum().item()`?"),
            ("`item()`은 텐서가 아니라 파이썬 값을 돌려줍니다. ones는 실수 텐서입니다.",
             "`item()` returns a Python value, not a tensor; ones makes a floating-point tensor.")),
    **_step("t003", "cat",
            ("torch.cat으로 합치기", "Joining with torch.cat"),
            ("`torch.cat`은 주어진 차원을 따라 텐서를 이어 붙입니다. dim=1이면 가로로 붙습니다.",
             "`torch.cat` joins tensors along the given dimension; dim=1 puts them side by side."),
            ("[4, 4] 텐서 세 개를 `torch.cat(..., dim=1)`로 합치면 모양이 어떻게 될까요?",
             "Three [4, 4] tensors joined with `torch.cat(..., dim=1)`: what shape?"),
            ("dim=1의 크기만 더해집니다.", "Only the size along dim=1 adds up.")),
    **_step("t003", "loader",
            ("DataLoader와 배치", "DataLoader and batches"),
            ("`DataLoader`는 데이터셋을 배치 크기만큼 묶어 꺼내 주고, `shuffle=True`면 에폭마다 순서를 섞습니다.",
             "A `DataLoader` hands out the data set in batches of the batch size and, with `shuffle=True`, "
             "shuffles it every epoch."),
            ("학습 이미지 60,000장을 batch_size=64로 나누면 한 에폭에 배치가 몇 개일까요?",
             "60,000 training images in batches of 64: how many batches make one epoch?"),
            ("마지막 배치는 64장보다 적어도 하나로 셉니다.", "The last batch counts even when it holds fewer than 64.")),
    **_step("t003", "autograd",
            ("autograd와 변화도", "Autograd and gradients"),
            ("`requires_grad=True`인 `w`, `b`로 손실을 계산하고 `loss.backward()`를 부르면 역전파로 "
             "`w.grad`, `b.grad`에 변화도가 담깁니다.",
             "With `requires_grad=True` on `w` and `b`, computing the loss and calling `loss.backward()` "
             "back-propagates and fills `w.grad` and `b.grad` with the gradients."),
            ("`w = torch.randn(5, 3, requires_grad=True)`일 때 `w.grad`의 모양은 어떻게 될까요?",
             "With `w = torch.randn(5, 3, requires_grad=True)`, what shape is `w.grad`?"),
            ("변화도는 매개변수 하나마다 하나씩 있습니다.", "There is one gradient per parameter value.")),
    **_step("t003", "train",
            ("학습 루프와 테스트 루프", "The training and test loops"),
            ("`train_loop`는 배치마다 순전파, 손실 계산, 역전파, 옵티마이저 한 걸음을 밟고 100 배치마다 손실을 "
             "출력합니다. `test_loop`는 에폭이 끝날 때 정확도와 `Avg loss`를 출력합니다.",
             "`train_loop` runs the forward pass, the loss, back-propagation and one optimizer step per batch "
             "and prints the loss every 100 batches; `test_loop` prints the accuracy and `Avg loss` after each "
             "epoch."),
            ("batch_size=64로 한 에폭을 돌면 `loss :` 줄이 몇 번 출력될까요?",
             "With batch_size=64, how many `loss :` lines does one epoch print?"),
            ("`if batch % 100 == 0`은 0번 배치에서도 참입니다.", "`if batch % 100 == 0` is true for batch 0 too.")),
    **_step("t003", "save",
            ("모델 저장하고 불러오기", "Saving and loading a model"),
            ("`torch.save(model.state_dict())`는 매개변수만 저장합니다. `torch.save(model)`은 모델을 통째로 "
             "pickle로 저장하는데, pickle은 불러올 때 코드를 실행할 수 있어서 모르는 사람이 준 파일은 "
             "`weights_only=True`로만 불러야 합니다. 이 앱도 통째로 저장한 파일은 불러오지 않습니다.",
             "`torch.save(model.state_dict())` saves the parameters only; `torch.save(model)` pickles the whole "
             "model, and loading a pickle can run code, so a file from a stranger must be loaded with "
             "`weights_only=True` only. This app never loads a whole pickled model either."),
            ("다음 중 통째로 저장한 모델(pickle)을 거부하는 호출은 어느 것일까요? (이 서버의 파이토치로 직접 시험합니다)",
             "Which call refuses a whole pickled model? (Tried for real with this server's PyTorch.)"),
            ("`weights_only`는 텐서와 기본 자료형만 되살린다는 뜻입니다. 최신 파이토치는 기본값이 무엇인지 "
             "이 앱의 결과 탭에서 보세요.",
             "`weights_only` means only tensors and plain types come back; see this app's tab for what recent "
             "PyTorch uses by default.")),

    # Tutorial 004: [PyTorch] nn.Module
    **_step("t004", "structure",
            ("모델 구조 출력하기", "Printing the model's structure"),
            ("`print(model)`은 모델이 가진 계층을 이름과 함께 보여 줍니다.",
             "`print(model)` shows the layers a model holds, with their names."),
            ("`linear_relu_stack.0`, 즉 `nn.Linear(784, 512)`의 매개변수는 몇 개일까요?",
             "How many parameters does `linear_relu_stack.0`, `nn.Linear(784, 512)`, have?"),
            ("가중치 784 × 512개에 편향 512개를 더하세요.", "Take the 784 × 512 weights and add 512 biases.")),
    **_step("t004", "predict",
            ("이미지 한 장 예측하기", "Predicting one image"),
            ("[1, 28, 28] 이미지 하나를 모델에 넣으면 분류마다 로짓 하나씩이 나오고, 소프트맥스와 `argmax`로 "
             "예측한 분류를 얻습니다.",
             "One [1, 28, 28] image through the model gives a logit per class; softmax and `argmax` give the "
             "predicted class."),
            ("이미지 한 장을 넣었을 때 `logits`의 모양은 어떻게 될까요?", "For one image, what shape are the `logits`?"),
            ("배치 크기는 1이고, 분류는 10개입니다.", "The batch size is 1, and there are 10 classes.")),
    **_step("t004", "flatten",
            ("미니배치 3장을 펼치기", "Flattening a minibatch of three"),
            ("튜토리얼은 28x28 이미지 3장, 곧 [3, 28, 28] 텐서를 `nn.Flatten()`으로 펼칩니다. "
             "계층 페이지에서 배치 크기를 바꿔 보세요.",
             "The tutorial flattens three 28x28 images, a [3, 28, 28] tensor, with `nn.Flatten()`; try other "
             "batch sizes on the Layers page."),
            ("[3, 28, 28] 텐서가 `nn.Flatten()`을 지나면 모양이 어떻게 될까요?",
             "A [3, 28, 28] tensor goes through `nn.Flatten()`: what shape comes out?"),
            ("0번 차원(배치)은 그대로 두고 나머지를 곱합니다.", "Keep dim 0 (the batch) and multiply the rest.")),
    **_step("t004", "relu",
            ("ReLU는 모양을 지킵니다", "ReLU keeps the shape"),
            ("`nn.ReLU`는 음수만 0으로 바꿀 뿐 텐서의 모양은 그대로 둡니다. Sigmoid와 Tanh도 그렇습니다.",
             "`nn.ReLU` only sets negative values to 0 and keeps the tensor's shape; so do Sigmoid and Tanh."),
            ("[3, 20] 텐서가 `nn.ReLU()`를 지나면 모양이 어떻게 될까요?",
             "A [3, 20] tensor goes through `nn.ReLU()`: what shape comes out?"),
            ("활성화 함수는 값 하나하나에 따로 적용됩니다.", "An activation function acts on each value on its own.")),
    **_step("t004", "parameters",
            ("named_parameters()로 매개변수 보기", "Parameters with named_parameters()"),
            ("`named_parameters()`는 계층마다 가중치와 편향을 이름과 함께 돌려줍니다. 학습은 이 값들을 바꿉니다.",
             "`named_parameters()` gives each layer's weights and biases with their names; training changes them."),
            ("`linear_relu_stack.4.weight`(마지막 `nn.Linear(512, 10)`)의 모양은 어떻게 될까요?",
             "What shape is `linear_relu_stack.4.weight` (the last `nn.Linear(512, 10)`)?"),
            ("nn.Linear의 가중치 모양은 (out_features, in_features)입니다.",
             "An nn.Linear's weight has shape (out_features, in_features).")),
}
