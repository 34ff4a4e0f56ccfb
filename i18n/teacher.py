"""Teacher page strings: lesson links, and the lesson presets (one per step of the seeds)."""

STRINGS = {
    "nav.teacher": ("교사용", "For teachers"),
    "lesson.blurb": ("수업 링크 만들기: 수업 글, 숨길 컨트롤, 시작 모델", "Make a lesson link: text, hidden controls, starting model"),
    "lesson.title": ("수업 링크 만들기", "Make a lesson link"),
    "lesson.intro": ("수업 프리셋을 고르거나 직접 글을 쓰고, 학생에게 숨길 컨트롤을 고른 뒤 링크를 보내세요. "
                     "링크를 연 학생마다 자신만의 세션에서 같은 설정으로 시작합니다.",
                     "Pick a lesson preset or write your own text, choose the controls students should not see, "
                     "and send the link. Every student who opens it starts from the same setup in a session of their own."),
    "lesson.preset": ("수업 프리셋", "Lesson preset"),
    "lesson.custom": ("(직접 쓰기)", "(write my own)"),
    "lesson.page": ("학생이 처음 볼 페이지", "Page students open"),
    "lesson.text": ("수업 글 (페이지 위에 보임)", "Lesson text (shown above the page)"),
    "lesson.hide": ("학생에게 숨길 컨트롤", "Controls to hide from students"),
    "lesson.language": ("수업 언어", "Lesson language"),
    "lesson.link": ("수업 링크", "Lesson link"),
    "lesson.link_help": ("현재 모델(매개변수 {params:,}개)도 링크에 함께 들어갑니다.",
                         "The current model ({params:,} parameters) goes into the link too."),
    "lesson.some_hidden": ("선생님이 이 수업에서 일부 컨트롤을 숨겼습니다.", "Your teacher hid some controls for this lesson."),
    "lesson.control_language": ("언어 전환", "Language switch"),
    "lesson.control_model_preset": ("모델 프리셋 선택", "Model preset picker"),
    "lesson.control_model_editor": ("계층 편집기", "Layer editor"),
    "lesson.control_model_code": ("모델 코드 탭", "Model code tab"),
    "lesson.control_model_json": ("모델 JSON 저장/불러오기 탭", "Model JSON save/load tab"),
    "lesson.control_train_settings": ("학습시키기: 학습 설정 전체 (접힌 채 바꿀 수 없게)",
                                       "Train: all training settings (folded, unchangeable)"),
    "lesson.control_page": ("페이지: {page}", "Page: {page}"),
    "lesson.lock": ("이 값으로 고정할 학습 설정", "Training settings to lock to these values"),
    "lesson.lock_help": ("학생의 학습시키기 페이지에서 이 설정은 보이지만 바꿀 수 없습니다. 값은 선생님이 학습시키기 "
                         "페이지에서 고른 값이고, 아직 고르지 않았다면 지금 모델의 추천 설정입니다.",
                         "On the students' Train page these settings show but cannot be changed. The values are "
                         "the ones you chose on the Train page, else the current model's recommended settings."),
    "lesson.page_hidden": ("링크가 여는 페이지를 숨겼습니다. 학생들은 홈 페이지에서 시작하게 됩니다.",
                           "The link's page is hidden: students will start on Home."),
    "lessons.tensors": ("1단계 · 텐서: 데이터, NumPy, 다른 텐서, 모양에서 텐서를 만들고 shape·dtype·device를 확인해 보세요. "
                        "cat과 stack, @와 *의 차이, NumPy와 메모리를 공유하는 모습도 살펴봅니다.",
                        "Step 1 · Tensors: create tensors from data, NumPy, another tensor and a shape, and check their "
                        "shape, dtype and device. Compare cat with stack and @ with *, and watch NumPy share memory."),
    "lessons.data": ("2단계 · 데이터: FashionMNIST 이미지와 정답(label)을 보고, DataLoader가 만든 배치의 모양 [64, 1, 28, 28]과 "
                     "ToTensor의 0-1 변환을 확인해 보세요.",
                     "Step 2 · Data: look at FashionMNIST images and labels, the DataLoader batch shape [64, 1, 28, 28] "
                     "and how ToTensor scales pixels to 0-1."),
    "lessons.model": ("3단계 · 모델: NeuralNetwork의 구조를 print(model)로 보고, 매개변수 669,706개가 어디서 나오는지 "
                      "요약표에서 찾아보세요.",
                      "Step 3 · Model: print(model) for NeuralNetwork and find in the summary where its 669,706 "
                      "parameters come from."),
    "lessons.layers": ("4단계 · 계층: 이미지 3장이 Flatten, Linear, ReLU, Softmax를 지나며 모양과 값이 어떻게 바뀌는지 "
                       "따라가 보세요. ReLU가 0으로 만든 값은 몇 개인가요?",
                       "Step 4 · Layers: follow three images through Flatten, Linear, ReLU and Softmax. How many values "
                       "did ReLU set to zero?"),
    "lessons.activations": ("5단계 · 활성화 함수: ReLU, Sigmoid, Tanh, Hardtanh의 모양과 도함수(기울기)를 비교하고, "
                            "기울기가 거의 0인 포화 구간을 찾아보세요.",
                            "Step 5 · Activations: compare ReLU, Sigmoid, Tanh and Hardtanh and their derivatives, and "
                            "find the saturated ranges where the slope is almost zero."),
    "lessons.autograd": ("6단계 · Autograd: 연산 그래프를 보고 loss.backward()를 눌러 w.grad와 b.grad를 확인하세요. "
                         "두 번 누르면 변화도가 어떻게 되나요?",
                         "Step 6 · Autograd: look at the computational graph, press loss.backward() and read w.grad "
                         "and b.grad. What happens to the gradients when you press it twice?"),
    "lessons.training": ("7단계 · 학습: SGD, 학습률 1e-3, 배치 64로 학습시키며 정확도가 튜토리얼 표처럼 오르는지 보세요.",
                         "Step 7 · Training: train with SGD, learning rate 1e-3, batch 64, and watch the accuracy climb "
                         "like the tutorial's table."),
    "lessons.save_load": ("8단계 · 저장과 불러오기: 학습한 가중치(state_dict)를 .pth로 내려받고 다시 불러와 보세요.",
                          "Step 8 · Save and load: download the trained weights (state_dict) as .pth and load them back."),
    "lessons.onnx": ("9단계 · ONNX: 모델을 ONNX로 내보내 onnxruntime과 결과가 같은지 확인하고, 내 브라우저에서 다시 "
                     "실행해 보세요.",
                     "Step 9 · ONNX: export the model to ONNX, check onnxruntime agrees, and run it again in your own browser."),
    "lesson_title.tensors": ('1 · 텐서', '1 · Tensors'),
    "lesson_title.data": ('2 · 데이터', '2 · Data'),
    "lesson_title.model": ('3 · 모델', '3 · Model'),
    "lesson_title.layers": ('4 · 계층', '4 · Layers'),
    "lesson_title.activations": ('5 · 활성화 함수', '5 · Activations'),
    "lesson_title.autograd": ('6 · Autograd', '6 · Autograd'),
    "lesson_title.training": ('7 · 학습', '7 · Training'),
    "lesson_title.save_load": ('8 · 저장과 불러오기', '8 · Save and load'),
    "lesson_title.onnx": ('9 · ONNX', '9 · ONNX'),
}
