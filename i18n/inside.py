"""Strings of the pages that look inside the network: Activations, Layers (forward pass), Autograd."""

STRINGS = {
    "nav.activations": ("활성화 함수", "Activations"),
    "nav.layers": ("계층 따라가기", "Through the layers"),
    "nav.autograd": ("Autograd 그래프", "Autograd graphs"),
    # Activations
    "act.blurb": ("활성화 함수와 autograd로 구한 도함수, 민감한 구간과 포화 구간, 온도가 있는 소프트맥스",
                  "Activation functions with derivatives from autograd, sensitive and saturated ranges, "
                  "softmax with a temperature"),
    "act.title": ("활성화 함수", "Activation functions"),
    "act.intro": ("뉴런은 `y = f(w*x + b)`: 선형 변환 뒤에 비선형 활성화 함수 f를 적용합니다. 도함수 f'(x)는 손으로 쓴 "
                  "공식이 아니라 학습 때와 똑같이 `torch.autograd`가 계산합니다.",
                  "A neuron is `y = f(w*x + b)`: a linear map followed by a nonlinear activation f. The derivative "
                  "f'(x) is computed by `torch.autograd`, exactly as during training, not from a hand-written formula."),
    "act.choose": ("활성화 함수", "Activation functions"),
    "act.choose_one": ("활성화 함수를 하나 이상 고르세요.", "Pick at least one activation function."),
    "act.range": ("입력 범위 x", "Input range x"),
    "act.hardtanh": ("Hardtanh min_val / max_val", "Hardtanh min_val / max_val"),
    "act.seed_clamp": ("튜토리얼 001: 점수를 0~10으로 제한", "Seed 001: clamp scores to 0..10"),
    "act.more": ("다른 인자와 구간 기준", "Other arguments and range thresholds"),
    "act.sensitive_at": ("민감한 구간: |f'|가 가장 가파른 기울기의 몇 배 이상", "Sensitive: |f'| at least this share of the steepest slope"),
    "act.saturated_below": ("포화 구간: |f'|가 가장 가파른 기울기의 몇 배 미만", "Saturated: |f'| below this share of the steepest slope"),
    "act.value": ("f(x)", "f(x)"),
    "act.slope": ("f'(x) (autograd)", "f'(x) (autograd)"),
    "act.layout": ("보기", "View"),
    "act.layout_overlay": ("겹쳐 보기", "Overlaid"),
    "act.layout_grid": ("나란히 보기", "Side by side"),
    "act.focus": ("색칠할 함수", "Shade the ranges of"),
    "act.why": (":green-background[**민감한 구간**]: 입력이 조금만 변해도 출력이 크게 변해 오차가 잘 역전파됩니다 (튜토리얼 001의 성질 3). "
                ":red-background[**포화 구간**]: 출력이 거의 변하지 않아 기울기가 0에 가깝고, 이 구간의 뉴런은 학습이 거의 되지 않습니다 (성질 4).",
                ":green-background[**Sensitive**]: a small change in the input changes the output a lot, so errors propagate back well "
                "(seed 001, property 3). :red-background[**Saturated**]: the output barely moves, the gradient is near zero, and a "
                "neuron stuck there hardly learns (property 4)."),
    "act.col_name": ("함수", "Function"),
    "act.col_peak": ("가장 가파른 |f'|", "Steepest |f'|"),
    "act.col_sensitive": ("민감한 구간", "Sensitive ranges"),
    "act.col_saturated": ("포화 구간", "Saturated ranges"),
    "act.softmax_title": ("소프트맥스와 온도", "Softmax and temperature"),
    "act.softmax_intro": ("소프트맥스는 로짓 벡터 전체를 합이 1인 확률로 바꿉니다. 로짓을 온도 T로 나누면 T < 1은 더 뾰족하게, "
                          "T > 1은 더 평평하게 만듭니다 (튜토리얼 002).",
                          "Softmax turns a whole vector of logits into probabilities that sum to 1. Dividing the logits "
                          "by a temperature T sharpens them for T < 1 and flattens them for T > 1 (seed 002)."),
    "act.logits": ("로짓 (쉼표로 구분)", "Logits (comma-separated)"),
    "act.temperature": ("온도 T", "Temperature T"),
    "act.show_log": ("LogSoftmax도 보기", "Also show LogSoftmax"),
    "act.logits_bars": ("로짓", "Logits"),
    "act.probabilities": ("소프트맥스 확률", "Softmax probabilities"),
    "act.sum": ("확률의 합", "Sum of probabilities"),
    "act.jacobian": ("소프트맥스의 야코비안 (autograd)", "Softmax Jacobian (autograd)"),
    "act.jacobian_intro": ("각 확률 p_i가 각 로짓 z_j에 따라 얼마나 변하는지: `torch.autograd.functional.jacobian`으로 계산. "
                           "한 로짓을 올리면 그 확률은 오르고 나머지는 내려갑니다.",
                           "How each probability p_i moves with each logit z_j, from "
                           "`torch.autograd.functional.jacobian`: raising one logit raises its probability and "
                           "lowers all the others."),
    # Layers (forward-pass walkthrough)
    "layers.blurb": ("이미지 3장짜리 미니배치를 한 계층씩 통과시키며 모양, ReLU 전후, 로짓과 소프트맥스를 봅니다",
                     "A minibatch of three images through the network one layer at a time: shapes, before and "
                     "after ReLU, logits and softmax"),
    "layers.title": ("계층 따라가기", "Through the layers"),
    "layers.intro": ("튜토리얼 000/003/004처럼 28x28 이미지 3장으로 된 미니배치를 신경망에 통과시키며 각 계층에서 무슨 일이 "
                     "일어나는지 봅니다. 계층마다 걸어 둔 forward hook이 입력과 출력을 기록합니다.",
                     "As in seeds 000/003/004, send a minibatch of three 28x28 images through the network and see "
                     "what happens at each layer. A forward hook on every layer records what goes in and comes out."),
    "layers.model": ("신경망", "Network"),
    "layers.model_walkthrough": ("seq_modules (튜토리얼)", "seq_modules (seed)"),
    "layers.model_current": ("내 모델", "My model"),
    "layers.current_note": ("'모델 만들기' 페이지의 현재 모델입니다 (매개변수 {params:,}개). 학습시킨 모델이면 학습된 가중치를 씁니다.",
                            "The current model from the Build a model page ({params:,} parameters); a trained model "
                            "uses its trained weights."),
    "layers.images": ("이미지", "Images"),
    "layers.images_random": ("무작위 torch.rand", "Random torch.rand"),
    "layers.images_fashion": ("FashionMNIST 테스트 이미지", "FashionMNIST test images"),
    "layers.seed": ("시드", "Seed"),
    "layers.fashion_code": ("x = images  # FashionMNIST 테스트 이미지 3장, ToTensor()로 [0, 1] 범위",
                            "x = images  # three FashionMNIST test images, in [0, 1] by ToTensor()"),
    "layers.image_n": ("이미지 {n}", "image {n}"),
    "layers.shapes": ("**모양의 흐름:**", "**Shapes:**"),
    "layers.step_title": ("한 계층씩", "One layer at a time"),
    "layers.step": ("계층", "Layer"),
    "layers.before": ("{kind} 전 (입력)", "Before {kind} (its input)"),
    "layers.after": ("{kind} 후 (출력)", "After {kind} (its output)"),
    "layers.output": ("{kind}의 출력", "Output of {kind}"),
    "layers.zeroed": ("{kind}가 0으로 만든 값", "Values {kind} set to zero"),
    "layers.tab_result": ("로짓과 소프트맥스", "Logits and softmax"),
    "layers.tab_stats": ("계층별 통계", "Statistics per layer"),
    "layers.tab_code": ("파이토치 코드", "PyTorch code"),
    "layers.logits": ("로짓 (마지막 계층의 출력)", "Logits (the last layer's output)"),
    "layers.predicted": ("이미지 {n}: {name}", "image {n}: {name}"),
    "layers.truth": (" (정답 {name})", " (label {name})"),
    "layers.no_probabilities": ("출력이 (배치, 클래스) 모양이 아니라서 소프트맥스 확률은 보여 주지 않습니다.",
                                "The output is not (batch, classes), so there are no softmax probabilities to show."),
    "layers.stats_intro": ("forward hook이 모은 각 계층 출력의 통계와 히스토그램입니다. 위에서 고른 계층은 빨간색입니다.",
                           "Statistics and histograms of every layer's output, collected by forward hooks. The layer "
                           "chosen above is in red."),
    "layers.hover_bin": ("값 %{x:.3f} 근처: %{y}개", "values near %{x:.3f}: %{y}"),
    "layers.col_path": ("계층", "Layer"),
    "layers.col_kind": ("종류", "Kind"),
    "layers.col_shape": ("출력 모양", "Output shape"),
    "layers.col_mean": ("평균", "Mean"),
    "layers.col_std": ("표준편차", "Std"),
    "layers.col_min": ("최솟값", "Min"),
    "layers.col_max": ("최댓값", "Max"),
    "layers.col_zeros": ("0의 비율 (%)", "Zeros (%)"),
    "layers.class_n": ("클래스 {n}", "class {n}"),
    "layers.class_0": ("티셔츠", "T-Shirt"),
    "layers.class_1": ("바지", "Trouser"),
    "layers.class_2": ("풀오버", "Pullover"),
    "layers.class_3": ("드레스", "Dress"),
    "layers.class_4": ("코트", "Coat"),
    "layers.class_5": ("샌들", "Sandal"),
    "layers.class_6": ("셔츠", "Shirt"),
    "layers.class_7": ("운동화", "Sneaker"),
    "layers.class_8": ("가방", "Bag"),
    "layers.class_9": ("앵클 부츠", "Ankle Boot"),
    # Autograd
    "autograd.blurb": ("연산 그래프, loss.backward()와 변화도, no_grad/detach, 변화도 누적, 내 모델의 그래프",
                       "The computational graph, loss.backward() and gradients, no_grad/detach, accumulating "
                       "gradients, and your model's graph"),
    "autograd.title": ("Autograd와 연산 그래프", "Autograd and the computational graph"),
    "autograd.intro": ("`torch.autograd`는 순전파의 모든 연산을 방향성 비순환 그래프(DAG)로 기록하고, `.backward()`가 "
                       "뿌리(손실)에서 잎(매개변수)까지 연쇄 법칙으로 변화도를 계산합니다 (튜토리얼 003의 5절).",
                       "`torch.autograd` records every operation of the forward pass in a directed acyclic graph, "
                       "and `.backward()` computes gradients from the root (the loss) to the leaves (the parameters) "
                       "by the chain rule (seed 003, section 5)."),
    "autograd.tab_example": ("튜토리얼 예제", "The seed's example"),
    "autograd.tab_tracking": ("추적 멈추기", "Stop tracking"),
    "autograd.tab_jacobian": ("누적과 야코비안 곱", "Accumulation and Jacobian product"),
    "autograd.tab_model": ("내 모델의 그래프", "My model's graph"),
    "autograd.show_saved": ("저장된 텐서 보기 (역전파용)", "Show saved tensors (kept for backward)"),
    "autograd.grad_fns": ("`z.grad_fn` = `{z}`, `loss.grad_fn` = `{loss}`", "`z.grad_fn` = `{z}`, `loss.grad_fn` = `{loss}`"),
    "autograd.legend": ("회색: 역전파 함수 (grad_fn) · 파랑: 변화도가 필요한 잎 텐서 (매개변수) · 주황: 역전파를 위해 저장된 텐서 · "
                        "초록: 출력 · 보라: 모듈 하나를 묶은 상자. 화살표는 순전파 방향이고 변화도는 반대로 흐릅니다.",
                        "Grey: backward functions (grad_fn) · blue: leaf tensors that need a gradient (parameters) · "
                        "orange: tensors saved for backward · green: the output · lavender: one module folded into a box. "
                        "Arrows point the way of the forward pass; gradients flow back against them."),
    "autograd.members": ("노드 {n}개", "{n} nodes"),
    "autograd.retain_help": ("그래프를 남겨 두어 backward를 다시 부를 수 있게 합니다", "Keep the graph so backward can run again"),
    "autograd.reset": ("처음부터", "Start over"),
    "autograd.press_backward": ("`loss.backward()`를 눌러 w와 b의 변화도를 계산해 보세요. 지금은 `w.grad`가 `None`입니다.",
                                "Press `loss.backward()` to compute the gradients of w and b. Right now `w.grad` is `None`."),
    "autograd.history": ("실행한 순서: {steps}", "Steps run: {steps}"),
    "autograd.freed": ("마지막 `loss.backward()`는 실패했습니다: 앞선 backward가 그래프의 저장된 텐서를 해제했기 때문입니다. "
                       "같은 그래프에서 backward를 여러 번 부르려면 `retain_graph=True`를 주세요. 변화도는 그대로입니다.",
                       "The last `loss.backward()` failed: the backward before it freed the graph's saved tensors. "
                       "To call backward on the same graph again, pass `retain_graph=True`. The gradients are unchanged."),
    "autograd.accumulated": ("backward를 다시 부르면 변화도가 `.grad`에 **더해집니다**(누적). `zero_()`로 0으로 되돌리세요. "
                             "학습에서는 `optimizer.zero_grad()`가 이 일을 합니다.",
                             "Calling backward again **adds** to `.grad` (gradients accumulate). Reset them with "
                             "`zero_()`; in training `optimizer.zero_grad()` does this."),
    "autograd.rows_equal": ("x가 모두 1이므로 w.grad의 모든 행은 b.grad와 같습니다: ∂loss/∂w[i, j] = x[i] · ∂loss/∂z[j].",
                            "x is all ones, so every row of w.grad equals b.grad: ∂loss/∂w[i, j] = x[i] · ∂loss/∂z[j]."),
    "autograd.why_stop": ("변화도 추적을 멈추는 이유: 일부 매개변수를 **고정**(미세조정)하거나, 순전파만 할 때 **더 빠르게** 계산하기 위해서입니다.",
                          "Why stop tracking: to **freeze** some parameters (fine-tuning), or to compute **faster** "
                          "when only the forward pass is needed."),
    "autograd.jacobian_intro": ("출력이 스칼라가 아니면 `backward(v)`는 야코비안 곱 vᵀ·J를 계산합니다. 같은 인자로 두 번 부르면 "
                                "값이 두 배가 됩니다: 변화도는 잎 노드의 `grad`에 누적됩니다.",
                                "When the output is not a scalar, `backward(v)` computes the Jacobian product vᵀ·J. "
                                "Called twice with the same argument the values double: gradients accumulate in the "
                                "leaves' `grad`."),
    "autograd.jacobian_note": ("튜토리얼 003이 출력한 것과 같은 세 행렬입니다: 대각선 4 (나머지 2), 두 번째 호출 뒤 8 (4), zero_() 뒤 다시 4 (2).",
                               "The same three matrices seed 003 prints: 4 on the diagonal (2 elsewhere), 8 (4) after "
                               "the second call, 4 (2) again after zero_()."),
    "autograd.model": ("모델", "Model"),
    "autograd.current_model": ("내 모델 ('모델 만들기' 페이지)", "My model (Build a model page)"),
    "autograd.group": ("모듈별로 묶기", "Group by module"),
    "autograd.group_help": ("모듈 호출 하나를 상자 하나로 접습니다. 노드가 40개를 넘으면 처음부터 켜집니다.",
                            "Fold each module call into one box; on from the start when there are more than 40 nodes."),
    "autograd.model_line": ("이미지 3장으로 된 미니배치에 대한 `{loss}` = {value:.4f} 의 그래프 (노드 {nodes}개)",
                            "The graph of `{loss}` = {value:.4f} on a minibatch of three ({nodes} nodes)"),
    "autograd.norms_intro": ("각 매개변수가 `{loss}`에서 받는 변화도의 크기 (`torch.autograd.grad`로 계산, 모델의 `.grad`는 건드리지 않음):",
                             "How large a gradient each parameter gets from `{loss}` (computed with "
                             "`torch.autograd.grad`; the model's own `.grad` stays untouched):"),
    "autograd.untracked": ("그래프에 없는 계층: {modules}. 입력 이미지는 변화도가 필요 없으므로, 매개변수가 나오기 전의 연산은 기록되지 않습니다.",
                           "Not in the graph: {modules}. The input images need no gradient, so operations before "
                           "the first parameter are not recorded."),
    "autograd.col_param": ("매개변수", "Parameter"),
    "autograd.col_shape": ("모양", "Shape"),
    "autograd.col_norm": ("변화도의 노름 ‖grad‖", "Gradient norm ‖grad‖"),
}
