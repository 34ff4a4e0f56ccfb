"""Strings of the Autograd page: the graphs autograd records and what backward() does along them."""

STRINGS = {
    "nav.autograd": ("Autograd 그래프", "Autograd graphs"),
    "autograd.blurb": ("연산 그래프, loss.backward()와 변화도, no_grad/detach, 변화도 누적, 내 모델의 그래프",
                       "The computational graph, loss.backward() and gradients, no_grad/detach, accumulating "
                       "gradients, and your model's graph"),
    "autograd.title": ("Autograd와 연산 그래프", "Autograd and the computational graph"),
    "autograd.intro": ("`torch.autograd`는 순전파의 모든 연산을 방향성 비순환 그래프(DAG)로 기록하고, `.backward()`가 "
                       "뿌리(손실)에서 잎(매개변수)까지 연쇄 법칙으로 변화도를 계산합니다 (튜토리얼 003의 5절).",
                       "`torch.autograd` records every operation of the forward pass in a directed acyclic graph, "
                       "and `.backward()` computes gradients from the root (the loss) to the leaves (the parameters) "
                       "by the chain rule (tutorial 003, section 5)."),
    "autograd.tab_example": ("튜토리얼 예제", "The tutorial's example"),
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
    "autograd.reset": ("처음부터 다시", "Start over"),
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
                               "The same three matrices tutorial 003 prints: 4 on the diagonal (2 elsewhere), 8 (4) after "
                               "the second call, 4 (2) again after zero_()."),
    "autograd.model": ("모델", "Model"),
    "autograd.current_model": ("내 모델 ('모델 만들기' 페이지)", "My model (Build a model page)"),
    "autograd.group": ("모듈별로 묶기", "Group by module"),
    "autograd.group_help": ("모듈 호출 하나를 상자 하나로 접습니다. 노드가 40개를 넘으면 처음부터 켜집니다.",
                            "Fold each module call into one box; on from the start when there are more than 40 nodes."),
    "autograd.model_line": ("이미지 3장짜리 미니배치에서 계산한 `{loss}` = {value:.4f}의 그래프 (노드 {nodes}개)",
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
