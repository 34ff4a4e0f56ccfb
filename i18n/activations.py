"""Strings of the Activations page: activation functions, their autograd slopes, softmax with a temperature."""

STRINGS = {
    "nav.activations": ("활성화 함수", "Activations"),
    "act.blurb": ("활성화 함수와 autograd로 구한 도함수, 민감한 구간과 포화 구간, 온도가 있는 소프트맥스",
                  "Activation functions with derivatives from autograd, sensitive and saturated ranges, "
                  "softmax with a temperature"),
    "act.title": ("활성화 함수", "Activation functions"),
    "act.intro": ("뉴런은 `y = f(w*x + b)`: 선형 변환 뒤에 비선형 활성화 함수 f를 적용합니다. 도함수 f'(x)는 미리 적어 둔 "
                  "공식에서 나온 값이 아니라, 학습할 때와 똑같이 `torch.autograd`가 계산한 값입니다.",
                  "A neuron is `y = f(w*x + b)`: a linear map followed by a nonlinear activation f. The derivative "
                  "f'(x) is computed by `torch.autograd`, exactly as during training, not from a hand-written formula."),
    "act.choose": ("활성화 함수", "Activation functions"),
    "act.choose_one": ("활성화 함수를 하나 이상 고르세요.", "Pick at least one activation function."),
    "act.range": ("입력 범위 x", "Input range x"),
    "act.hardtanh": ("Hardtanh min_val / max_val", "Hardtanh min_val / max_val"),
    "act.seed_clamp": ("튜토리얼 001: 점수를 0~10으로 제한", "Tutorial 001: clamp scores to 0..10"),
    "act.more": ("다른 인자와 구간 기준", "Other arguments and range thresholds"),
    "act.sensitive_at": ("민감한 구간: |f'|가 가장 가파른 기울기의 몇 배 이상인 곳", "Sensitive: |f'| at least this share of the steepest slope"),
    "act.saturated_below": ("포화 구간: |f'|가 가장 가파른 기울기의 몇 배 미만인 곳", "Saturated: |f'| below this share of the steepest slope"),
    "act.value": ("f(x)", "f(x)"),
    "act.slope": ("f'(x) (autograd)", "f'(x) (autograd)"),
    "act.layout": ("보기", "View"),
    "act.layout_overlay": ("겹쳐 보기", "Overlaid"),
    "act.layout_grid": ("나란히 보기", "Side by side"),
    "act.focus": ("색칠할 함수", "Shade the ranges of"),
    "act.why": (":green-background[**민감한 구간**]: 입력이 조금만 변해도 출력이 크게 변해 오차가 잘 역전파됩니다 (튜토리얼 001의 성질 3). "
                ":red-background[**포화 구간**]: 출력이 거의 변하지 않아 기울기 f'(x)가 0에 가깝습니다. "
                "그러면 역전파되는 변화도도 0에 가까워져, 이 구간에 머문 뉴런은 거의 학습되지 않습니다 (성질 4).",
                ":green-background[**Sensitive**]: a small change in the input changes the output a lot, so errors propagate back well "
                "(tutorial 001, property 3). :red-background[**Saturated**]: the output barely moves, the gradient is near zero, and a "
                "neuron stuck there hardly learns (property 4)."),
    "act.col_name": ("함수", "Function"),
    "act.col_peak": ("가장 가파른 |f'|", "Steepest |f'|"),
    "act.col_sensitive": ("민감한 구간", "Sensitive ranges"),
    "act.col_saturated": ("포화 구간", "Saturated ranges"),
    "act.softmax_title": ("소프트맥스와 온도", "Softmax and temperature"),
    "act.softmax_intro": ("소프트맥스는 로짓 벡터 전체를 합이 1인 확률로 바꿉니다. 로짓을 온도 T로 나누면 T < 1은 더 뾰족하게, "
                          "T > 1은 더 평평하게 만듭니다 (튜토리얼 002).",
                          "Softmax turns a whole vector of logits into probabilities that sum to 1. Dividing the logits "
                          "by a temperature T sharpens them for T < 1 and flattens them for T > 1 (tutorial 002)."),
    "act.logits": ("로짓 (쉼표로 구분)", "Logits (comma-separated)"),
    "act.temperature": ("온도 T", "Temperature T"),
    "act.show_log": ("LogSoftmax도 보기", "Also show LogSoftmax"),
    "act.logits_bars": ("로짓", "Logits"),
    "act.probabilities": ("소프트맥스 확률", "Softmax probabilities"),
    "act.sum": ("확률의 합", "Sum of probabilities"),
    "act.jacobian": ("소프트맥스의 야코비안 (autograd)", "Softmax Jacobian (autograd)"),
    "act.jacobian_intro": ("로짓 z_j가 바뀔 때 각 확률 p_i가 얼마나 변하는지를 `torch.autograd.functional.jacobian`으로 "
                           "계산합니다. 한 로짓을 올리면 그 확률은 오르고 나머지 확률은 모두 내려갑니다.",
                           "How each probability p_i moves with each logit z_j, from "
                           "`torch.autograd.functional.jacobian`: raising one logit raises its probability and "
                           "lowers all the others."),
    "act.logits_sum": ("로짓의 합 (float32)", "Sum of logits (float32)"),
    "act.float32_sum": ("float32로 계산한 확률의 합", "Sum of probabilities in float32"),
    "act.float32_sum_why": ("수학적으로 소프트맥스 확률의 합은 정확히 1입니다. torch는 float32로 계산하므로 반올림 오차 때문에 "
                            "1.0000001192092896(1 + 2⁻²³)처럼 1과 아주 조금 다른 값이 나올 수 있습니다.",
                            "Mathematically softmax probabilities sum to exactly 1. torch computes in float32, so rounding "
                            "can give a value a hair away from 1, such as 1.0000001192092896 (1 + 2⁻²³)."),
    "act.batch_title": ("배치에 적용하기: 모양은 그대로", "On a batch: the shape is kept"),
    "act.batch_intro": ("튜토리얼 002처럼 `torch.rand(8, 128)` 텐서(128개 특징을 가진 샘플 8개)에 선택한 활성화 함수를 "
                        "적용했습니다. 활성화 함수는 각 값에 따로 작용하므로 출력의 모양은 입력과 같습니다.",
                        "As in tutorial 002, each chosen activation is applied to a `torch.rand(8, 128)` tensor "
                        "(8 samples of 128 features). An activation acts on each value alone, so the output "
                        "keeps the input's shape."),
    "act.rand_logits_help": ("튜토리얼 002처럼 0과 1 사이의 로짓 20개를 무작위로 뽑아 채웁니다(시드를 고정한 생성기 사용). "
                             "그 셀의 마지막 `out.shape` 줄은 앞 셀의 `act_fn(x)`를 다시 보여 줄 뿐입니다.",
                             "Fills in 20 random logits between 0 and 1, as in tutorial 002 (from a seeded generator). "
                             "That cell's last `out.shape` line only repeats the previous cell's `act_fn(x)`."),
}
