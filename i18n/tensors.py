"""Tensors page strings."""

STRINGS = {
    "nav.tensors": ("텐서", "Tensors"),
    "tensors.blurb": ("텐서를 만들고, 장치 이동·인덱싱·합치기·곱하기·item()·바꿔치기 연산과 NumPy 변환을 유인물의 "
                      "예제대로, 또 직접 해 봅니다",
                      "Make tensors; try moving them to a device, indexing, joining, multiplying, item(), in-place "
                      "operations and the NumPy bridge, as the handout does and your own way"),
    "tensors.title": ("텐서 (Tensor)", "Tensors"),
    "tensors.intro": ("텐서는 배열·행렬과 비슷한 자료구조로, 모델의 입력·출력·매개변수를 담습니다 (튜토리얼 003의 1장). "
                      "각 예제는 보여 주는 코드를 그대로 실행한 결과입니다.",
                      "A tensor is a data structure much like an array or a matrix; it holds a model's inputs, "
                      "outputs and parameters (tutorial 003, section 1). Each example shows the code and what running "
                      "exactly that code printed."),
    "tensors.tab_create": ("만들기와 속성", "Create and attributes"),
    "tensors.tab_index": ("인덱싱과 슬라이싱", "Indexing and slicing"),
    "tensors.tab_join": ("cat과 stack", "cat and stack"),
    "tensors.tab_multiply": ("@ 와 *", "@ and *"),
    "tensors.tab_inplace": ("바꿔치기 연산 _", "In-place operations _"),
    "tensors.tab_numpy": ("NumPy 변환", "NumPy bridge"),
    "tensors.method": ("만드는 방법", "How to make it"),
    "tensors.method_data": ("데이터로부터: torch.tensor(data)", "From data: torch.tensor(data)"),
    "tensors.method_numpy": ("NumPy 배열로부터: torch.from_numpy", "From a NumPy array: torch.from_numpy"),
    "tensors.method_ones_like": ("다른 텐서로부터: torch.ones_like", "From another tensor: torch.ones_like"),
    "tensors.method_rand_like": ("다른 텐서로부터: torch.rand_like", "From another tensor: torch.rand_like"),
    "tensors.method_rand": ("모양으로부터: torch.rand(shape)", "From a shape: torch.rand(shape)"),
    "tensors.method_ones": ("모양으로부터: torch.ones(shape)", "From a shape: torch.ones(shape)"),
    "tensors.method_zeros": ("모양으로부터: torch.zeros(shape)", "From a shape: torch.zeros(shape)"),
    "tensors.data": ("데이터 (중첩 리스트)", "Data (a nested list)"),
    "tensors.shape": ("모양 (shape)", "Shape"),
    "tensors.seed": ("난수 시드", "Random seed"),
    "tensors.shape_metric": ("모양 (shape)", "Shape"),
    "tensors.dtype_metric": ("자료형 (dtype)", "Datatype (dtype)"),
    "tensors.device_metric": ("장치 (device)", "Device"),
    "tensors.code": ("코드", "Code"),
    "tensors.output": ("출력", "Output"),
    "tensors.index": ("인덱스", "Index"),
    "tensors.index_help": ("예: 0 (첫 행), :, 0 (첫 열), ..., -1 (마지막 열), 1:3, ::2",
                           "e.g. 0 (first row), :, 0 (first column), ..., -1 (last column), 1:3, ::2"),
    "tensors.assign": ("이 자리에 값 넣기", "Assign a value there"),
    "tensors.value": ("값", "Value"),
    "tensors.join_intro": ("`torch.cat`은 있는 차원을 따라 이어 붙이고, `torch.stack`은 새 차원을 만들어 쌓습니다.",
                           "`torch.cat` joins along an existing dimension; `torch.stack` stacks along a new one."),
    "tensors.operation": ("연산", "Operation"),
    "tensors.dim": ("dim", "dim"),
    "tensors.result_shape": ("결과 모양: {shape}", "Result shape: {shape}"),
    "tensors.multiply_intro": ("`@`(`matmul`)는 행렬 곱으로 (n×m)·(m×n) → (n×n)이고, `*`(`mul`)는 같은 자리끼리 곱해 "
                               "모양이 그대로입니다.",
                               "`@` (`matmul`) is the matrix product, (n×m)·(m×n) → (n×n); `*` (`mul`) multiplies "
                               "element by element and keeps the shape."),
    "tensors.rows": ("행 n", "Rows n"),
    "tensors.cols": ("열 m", "Columns m"),
    "tensors.matmul_result": ("tensor @ tensor.T", "tensor @ tensor.T"),
    "tensors.mul_result": ("tensor * tensor", "tensor * tensor"),
    "tensors.inplace_intro": ("`_`로 끝나는 연산은 결과를 피연산자 자신에 저장합니다 (예: `x.add_(y)`, `x.t_()`).",
                              "Operations ending in `_` store the result in the operand itself (e.g. `x.add_(y)`, "
                              "`x.t_()`)."),
    "tensors.amount": ("더할 값", "Amount to add"),
    "tensors.before": ("전", "Before"),
    "tensors.after": ("후", "After"),
    "tensors.autograd_warning": ("바꿔치기 연산은 메모리를 조금 아끼지만 기록이 즉시 사라져 도함수 계산에 문제가 생길 수 있어 "
                                 "권장하지 않습니다. 아래 코드가 실제로 그 오류를 냅니다:",
                                 "In-place operations save some memory, but they lose history at once, which can "
                                 "break the computation of derivatives; so they are discouraged. The code below "
                                 "really raises that error:"),
    "tensors.numpy_intro": ("CPU의 텐서와 NumPy 배열은 메모리를 공유할 수 있어, 하나를 바꾸면 다른 하나도 바뀝니다.",
                            "A tensor on the CPU and a NumPy array can share memory: change one and the other changes."),
    "tensors.direction": ("방향", "Direction"),
    "tensors.direction_tensor_to_numpy": ("텐서 → NumPy: t.numpy(), 그다음 t.add_()",
                                          "Tensor → NumPy: t.numpy(), then t.add_()"),
    "tensors.direction_numpy_to_tensor": ("NumPy → 텐서: torch.from_numpy(n), 그다음 np.add(..., out=n)",
                                          "NumPy → tensor: torch.from_numpy(n), then np.add(..., out=n)"),
    "tensors.copy": ("대신 복사본 만들기", "Make a copy instead"),
    "tensors.shared": ("메모리 공유: t와 n이 함께 바뀌었습니다.", "Shared memory: t and n changed together."),
    "tensors.not_shared": ("복사본: 한쪽만 바뀌었습니다.", "A copy: only one of them changed."),
    "tensors.handout": ("유인물의 예제 (튜토리얼 003 그대로)", "The handout's example (tutorial 003 as printed)"),
    "tensors.own": ("직접 해 보기", "Try your own"),
    "tensors.handout_typo": ("유인물의 코드에는 오타가 두 군데 있고, 위 출력은 그 코드가 실제로 출력하는 것입니다. "
                             "`tensor[: -1]`은 `tensor[:-1]`, 곧 마지막 행을 뺀 모든 **행**이라서 'Last column'에 "
                             "3×4 텐서가 나옵니다. `tensor[: 1] = 0`은 `tensor[:1] = 0`, 곧 첫 번째 **행**을 0으로 "
                             "만듭니다. 튜토리얼이 뜻한 코드는 `tensor[..., -1]`(마지막 열)과 `tensor[:, 1] = 0`"
                             "(두 번째 열을 0으로)입니다. 아래 '직접 해 보기'에서 `..., -1`과 `:, 1`을 넣어 보세요. "
                             "유인물의 다음 예제(cat, @와 *, item, add_)는 첫 행이 0인 이 텐서로 이어집니다.",
                             "The handout's code has two typos, and the output above is what that code really "
                             "prints. `tensor[: -1]` is `tensor[:-1]`, every **row** but the last, so 'Last column' "
                             "prints a 3×4 tensor; `tensor[: 1] = 0` is `tensor[:1] = 0`, which zeroes the first "
                             "**row**. The tutorial meant `tensor[..., -1]` (the last column) and "
                             "`tensor[:, 1] = 0` (zero the second column): try `..., -1` and `:, 1` under 'Try your "
                             "own' below. The handout's next examples (cat, @ and *, item, add_) go on with this "
                             "tensor whose first row is 0."),
    "tensors.tab_device": ("장치 .to", "Device .to"),
    "tensors.device_intro": ("텐서는 기본적으로 CPU에 만들어지고, `.to` 메소드로 GPU 같은 다른 장치로 옮길 수 있습니다. "
                             "장치 사이의 복사는 시간과 메모리가 많이 듭니다.",
                             "Tensors are created on the CPU by default; the `.to` method moves one to another "
                             "device such as a GPU. Copying between devices costs time and memory."),
    "tensors.device_choice": ("옮길 장치 (이 서버에 있는 장치)", "Device to move to (this server's devices)"),
    "tensors.device_handout": ("유인물의 코드: CUDA가 있으면 \"cuda\"로", "The handout's code: to \"cuda\" if CUDA is there"),
    "tensors.device_moved": ("텐서가 {before}에서 {after}(으)로 옮겨졌습니다.", "The tensor moved from {before} to {after}."),
    "tensors.device_stayed": ("텐서는 {device}에 그대로 있습니다. 이 서버에는 GPU가 없어서 `if` 안쪽이 실행되지 않았습니다.",
                              "The tensor stays on {device}: this server has no GPU, so the body of the `if` did not "
                              "run."),
    "tensors.device_same": ("텐서는 {device}에 그대로 있습니다. 이미 그 장치에 있던 텐서는 `.to`가 옮기지 않습니다.",
                            "The tensor stays on {device}: `.to` does not move a tensor that is already there."),
    "tensors.tab_item": ("item()", "item()"),
    "tensors.item_intro": ("텐서의 모든 값을 하나로 집계해 요소가 하나인 텐서가 되면, `item()`으로 Python 숫자 값으로 "
                           "바꿀 수 있습니다.",
                           "When you aggregate all of a tensor's values into a one-element tensor, `item()` turns "
                           "it into a Python number."),
}
