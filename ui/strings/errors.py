"""Engine errors (engine/errors.py keys, prefixed "error.") in Korean and English."""

from engine.errors import ENGLISH

_KOREAN = {
    "spec_not_mapping": "신경망 설명은 JSON 객체여야 합니다.",
    "spec_unknown_field": "신경망 설명에 알 수 없는 항목 '{field}'이(가) 있습니다.",
    "spec_missing_field": "신경망 설명에 '{field}' 항목이 없습니다.",
    "spec_bad_input_shape": "입력 모양은 1 이상 {high} 이하의 정수 1~3개여야 합니다. 받은 값: {value}",
    "spec_input_too_large": "입력 값 {size:,}개는 너무 많습니다 (최대 {limit:,}개).",
    "spec_no_layers": "신경망에는 계층이 하나 이상 있어야 합니다.",
    "spec_too_many_layers": "계층 {count}개는 너무 많습니다 (최대 {limit}개).",
    "spec_bad_layer": "계층 {index}: 각 계층은 'kind', 'args', 선택적 'name'을 가진 객체여야 합니다.",
    "spec_unknown_layer": "계층 {index}: 알 수 없는 계층 종류 '{kind}'. 사용 가능한 종류: {known}",
    "spec_unknown_arg": "계층 {index} ({kind}): 알 수 없는 인자 '{arg}'.",
    "spec_bad_arg_type": "계층 {index} ({kind}): '{arg}'은(는) {expected} 형이어야 합니다. 받은 값: {value!r}",
    "spec_arg_out_of_range": "계층 {index} ({kind}): '{arg}' = {value} 은(는) 허용 범위 {low}..{high} 밖입니다.",
    "spec_hardtanh_order": "계층 {index} (Hardtanh): min_val {min_val}은(는) max_val {max_val}보다 작아야 합니다.",
    "spec_bad_name": "계층 {index}: '{name}'은(는) 올바른 계층 이름이 아닙니다 "
                     "(영문자, 숫자, _ 사용, 묶음은 '묶음.이름' 형식).",
    "spec_dotted_needs_class": "계층 {index}: '{name}'처럼 묶음 이름을 쓰려면 클래스 이름이 필요합니다.",
    "spec_duplicate_name": "계층 {index}: 이름 '{name}'은(는) 이미 다른 계층이 쓰고 있습니다.",
    "spec_group_split": "계층 {index}: 묶음 '{group}'의 계층들은 연속해서 있어야 합니다.",
    "spec_group_order": "계층 {index}: 묶음 '{group}'에서 번호 계층은 0, 1, 2, ... 순서여야 합니다 "
                        "({group}.{position} 이어야 함).",
    "spec_bad_class_name": "'{name}'은(는) 올바른 클래스 이름이 아닙니다.",
    "spec_shape": "계층 {index} ({kind}): {reason}",
    "spec_too_many_parameters": "이 신경망의 매개변수는 {count:,}개입니다. 서버는 최대 {limit:,}개까지 허용합니다.",
    "shape_linear_in": "입력 특징 {expected}개를 기대하지만 {got}개가 들어옵니다 (모양 {shape}). "
                       "in_features를 {got}(으)로 바꾸세요.",
    "shape_flatten_order": "start_dim {start}이(가) end_dim {end}보다 뒤에 있습니다.",
    "shape_flatten_batch": "Flatten은 배치 차원을 유지해야 합니다 (start_dim >= 1).",
    "shape_dim_range": "dim {dim}은(는) {ndim}차원 텐서의 범위를 벗어납니다.",
    # Training (engine/training)
    "train_not_mapping": "학습 설정은 JSON 객체여야 합니다.",
    "train_unknown_field": "알 수 없는 학습 설정 '{field}'.",
    "train_bad_value": "학습 설정 '{field}'에 {value!r} 값은 쓸 수 없습니다.",
    "train_out_of_range": "학습 설정 '{field}' = {value!r}은(는) {low}에서 {high} 사이여야 합니다.",
    "train_unknown_loss": "알 수 없는 손실 함수 '{name}'. 사용 가능한 손실 함수: {known}",
    "train_unknown_optimizer": "알 수 없는 옵티마이저 '{name}'. 사용 가능한 옵티마이저: {known}",
    "train_unknown_device": "알 수 없는 장치 '{name}'. 다음 중에서 고르세요: {known}",
    "train_device_absent": "이 서버에는 '{name}' 장치가 없습니다. 사용 가능: {present}",
    "train_unknown_data": "알 수 없는 데이터셋 '{name}'. 사용 가능한 데이터셋: {known}",
    "train_no_data": "데이터셋 '{name}'에 학습용 예제가 없습니다.",
    "train_too_many_parameters": "이 신경망의 매개변수는 {count:,}개입니다. 한 번의 학습에는 최대 {limit:,}개까지 "
                                 "쓸 수 있습니다. 은닉층을 더 작게 만드세요.",
    "train_too_many_epochs": "한 번의 학습에 에폭 {epochs}개는 너무 많습니다 (최대 {limit}개).",
    "train_input_mismatch": "모델은 {model} 모양의 입력을 기대하지만 '{name}'은(는) {data} 모양을 줍니다. "
                            "모델 만들기 페이지에서 입력 모양을 {data}(으)로 바꾸세요 (이미지라면 맨 앞에 Flatten을 "
                            "추가하세요).",
    "train_loss_task": "{loss}은(는) {task}용이 아니고 '{name}'은(는) {task} 데이터셋입니다. 다음 중에서 고르세요: "
                       "{suggestions}",
    "train_output_mismatch": "모델은 예제마다 {got}개를 출력하지만 '{name}'에는 {wanted}개가 필요합니다. "
                             "마지막 Linear 계층의 out_features를 {features}(으)로 바꾸세요.",
    "train_binary_needs_two": "{loss}은(는) 두 클래스를 구분하는데, 이 데이터셋의 클래스는 {classes}개입니다. "
                              "CrossEntropyLoss를 쓰세요.",
    "train_bce_needs_sigmoid": "BCELoss에는 확률이 필요한데 모델의 마지막 계층이 {last}입니다. 마지막에 Sigmoid를 "
                               "추가하거나 BCEWithLogitsLoss를 고르세요.",
    "train_nll_needs_logsoftmax": "NLLLoss에는 로그 확률이 필요한데 모델의 마지막 계층이 {last}입니다. 마지막에 "
                                  "LogSoftmax(dim=1)을 추가하거나 CrossEntropyLoss를 고르세요.",
    "train_diverged": "학습이 발산했습니다: 에폭 {epoch}, 배치 {batch}에서 손실이 {value}이(가) 되었습니다. "
                      "학습률 {lr}이(가) 너무 큰 것 같습니다. 10배 작게 해 보세요. 에폭 {good_epoch}, 배치 "
                      "{good_batch}의 (마지막으로 정상이던) 가중치를 남겨 두었습니다.",
    "train_time_limit": "서버의 학습 시간 제한 {limit}초에 도달해 학습을 멈췄습니다. 지금까지 학습한 가중치는 "
                        "남아 있습니다.",

}

STRINGS = {f"error.{key}": (_KOREAN[key], english) for key, english in ENGLISH.items()}
