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
    # ONNX export and saved models (export/)
    "export_bad_opset": "opset {opset}은(는) 지원하지 않습니다. 다음 중에서 고르세요: {supported}",
    "export_failed_layer": "계층 '{layer}' ({kind})을(를) ONNX로 내보낼 수 없습니다: {reason}",
    "export_failed_model": "이 모델 ({kind})을(를) ONNX로 내보낼 수 없습니다: {reason}",
    "checkpoint_too_large": "파일 크기가 {size:,}바이트입니다. 최대 {limit:,}바이트까지 받습니다.",
    "checkpoint_bad_spec_json": "zip 안의 spec.json이 올바른 JSON이 아닙니다.",
    "checkpoint_unsafe": "이 파일에는 순수한 가중치 외의 것(객체나 코드)이 들어 있어 열지 않았습니다.",
    "checkpoint_not_readable": "저장된 파이토치 모델이 아닙니다. 이 페이지에서 받은 zip이나 .pth state_dict를 올려 주세요.",
    "checkpoint_not_state_dict": "파일에는 state_dict(계층 이름과 텐서의 대응)가 들어 있어야 합니다.",
    "checkpoint_wrong_keys": "가중치가 이 신경망에 맞지 않습니다. 빠진 것: {missing}. 필요 없는 것: {unexpected}.",
    "checkpoint_wrong_shape": "가중치 '{name}'의 모양은 {got}이지만 이 신경망에는 {expected}이(가) 필요합니다.",
    "checkpoint_bad_dtype": "가중치 '{name}'의 자료형이 {dtype}입니다. 부동소수점 텐서여야 합니다.",
    "checkpoint_not_finite": "가중치 '{name}'에 NaN이나 무한대 값이 있습니다.",
}

STRINGS = {f"error.{key}": (_KOREAN[key], english) for key, english in ENGLISH.items()}
