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
    "link_invalid": "이 링크의 설정을 읽을 수 없습니다 (잘렸거나 수정되었을 수 있습니다).",
    # Inside the network (activations, forward walkthrough, autograd graphs)
    "inside_not_elementwise": "{name}은(는) 원소별 활성화 함수가 아닙니다. Softmax와 LogSoftmax는 벡터 전체에 작용합니다.",
    "inside_bad_range": "입력 범위는 작은 수에서 큰 수로 가야 합니다 (받은 값: {low} ~ {high}).",
    "inside_bad_points": "점은 2개 이상 {limit}개 이하로 정하세요 (받은 값: {points}).",
    "inside_hardtanh_order": "Hardtanh의 min_val({min_val})은(는) max_val({max_val})보다 작아야 합니다.",
    "inside_bad_logits": "로짓은 1개 이상 {limit}개 이하로 입력하세요 (받은 개수: {count}).",
    "inside_logits_not_finite": "로짓은 유한한 수여야 합니다.",
    "inside_logits_not_numbers": "'{text}'에서 숫자를 읽을 수 없습니다. 쉼표로 구분해 입력하세요 (예: 2.0, 1.0, 0.1).",
    "inside_bad_temperature": "온도는 0보다 커야 합니다 (받은 값: {value}).",
    "inside_bad_batch": "미니배치의 모양은 {got}인데, 모델은 배치 차원 다음에 {expected}을(를) 받습니다.",
    # Data sets (engine/data)
    "idx_malformed": "데이터 파일 {file}이(가) 손상되었거나 IDX 파일이 아닙니다 ({reason}).",
    "download_failed": "{file}을(를) 내려받지 못했습니다: {reason}.",
    "download_incomplete": "{file} 내려받기가 중간에 멈췄습니다 ({expected:,} 바이트 중 {got:,} 바이트).",
    "download_checksum": "내려받은 {file}이(가) 공개된 MD5 체크섬과 맞지 않아 버렸습니다.",
    "fashion_unavailable": "이 컴퓨터에 FashionMNIST가 없고 {folder}(으)로 내려받지도 못했습니다 ({reason}). "
                           "공식 .gz 파일 네 개가 있는 폴더를 환경 변수 {env}에 지정하거나, 인터넷에 연결한 뒤 "
                           "다시 시도하세요. 다른 데이터셋은 그대로 쓸 수 있습니다.",
    "fashion_dir_incomplete": "{env}이(가) {folder}을(를) 가리키지만 그곳에 다음 파일이 없습니다: {missing}.",
    "data_unknown": "알 수 없는 데이터셋 '{name}'. 사용 가능한 데이터셋: {known}",
    "data_unknown_option": "데이터셋 '{name}'에는 '{option}' 옵션이 없습니다 (옵션: {known}).",
    "data_option_range": "{name}: '{option}'은(는) {low}부터 {high}까지의 정수여야 합니다. 받은 값: {value!r}",
    "csv_too_large": "파일 크기가 {size:,} 바이트입니다. 최대 {limit:,} 바이트까지 올릴 수 있습니다.",
    "csv_not_text": "UTF-8 텍스트(CSV) 파일이 아닙니다.",
    "csv_malformed": "읽을 수 있는 CSV 파일이 아닙니다 ({reason}).",
    "csv_empty": "파일에 머리글 행이나 데이터 행이 없습니다.",
    "csv_bad_header": "{column}번째 열의 이름('{name}')이 비어 있거나 중복됩니다. 열마다 서로 다른 이름이 필요합니다.",
    "csv_too_many_columns": "열이 {count}개입니다. 최대 {limit}개까지 허용됩니다.",
    "csv_too_many_rows": "데이터 행이 {limit:,}개를 넘습니다.",
    "csv_too_few_rows": "데이터 행이 {count}개입니다. 학습과 테스트를 하려면 최소 {limit}개가 필요합니다.",
    "csv_ragged_row": "{row}번째 행의 값은 {count}개인데 머리글의 열은 {expected}개입니다.",
    "csv_no_label_column": "'{column}' 열이 없습니다. 열 목록: {known}",
    "csv_no_features": "정답 열 '{column}' 말고는 학습에 쓸 열이 없습니다.",
    "csv_missing_value": "{row}번째 행, '{column}' 열의 값이 비어 있습니다.",
    "csv_not_numeric": "{row}번째 행, '{column}' 열: '{value}'은(는) 숫자가 아닙니다.",
    "csv_out_of_range": "{row}번째 행, '{column}' 열: {value}은(는) float32로 나타내기에 너무 큽니다.",
    "csv_one_class": "정답 열 '{column}'에 클래스가 하나('{value}')뿐입니다. 분류에는 클래스가 둘 이상 필요합니다.",
    "csv_too_many_classes": "정답 열 '{column}'에 서로 다른 값이 {count}개 있습니다. 클래스는 최대 {limit}개까지 "
                            "허용됩니다 (숫자라면 회귀를 고르세요).",
    "csv_bad_task": "작업은 'classification' 또는 'regression'이어야 합니다. 받은 값: '{task}'",
    # The Tensors page
    "tensor_bad_data": "[[1, 2], [3, 4]]처럼 숫자를 담은 중첩 리스트를 입력하세요 (1–3차원, 직사각형, "
                       "숫자 최대 64개; {reason}).",
    "tensor_bad_shape": "모양 {shape}은(는) 1–3개의 차원으로, 각 크기가 1부터 {high}까지여야 합니다.",
    "tensor_bad_index": "'{index}'은(는) 4x4 텐서의 인덱스가 아닙니다. 0, :, 0 또는 ..., -1 또는 1:3, ::2 처럼 써 보세요.",
    "tensor_bad_dim": "2차원 텐서 두 개의 torch.{operation}에서 dim은 {low}부터 {high}까지입니다. 받은 값: {dim}",
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
    # Take-it-home scripts (engine/codegen/script.py)
    "script_no_csv": "스크립트가 올린 CSV를 읽어야 하는데 CSV가 없습니다. 데이터 페이지에서 올려 주세요.",
    # classroom: the shared training queue (classroom/queue.py)
    "queue_one_job": "이미 기다리거나 진행 중인 학습이 있습니다. 그 학습을 멈춘 뒤 새로 시작하세요.",
    "queue_full": "서버의 학습 대기열이 가득 찼습니다(대기 {limit}개). 잠시 후 다시 해 보세요.",
    "queue_closed": "서버가 종료 중이라 새 학습을 받지 않습니다.",
    # training in child processes (classroom/processes.py)
    "train_worker_lost": "이 학습을 하던 프로세스가 갑자기 멈췄습니다(서버의 메모리가 부족했을 수 있습니다). 학습은 "
                         "끝났고 화면에는 마지막으로 갱신된 가중치가 남아 있습니다. 다시 하려면 학습을 누르세요.",

}

STRINGS = {f"error.{key}": (_KOREAN[key], english) for key, english in ENGLISH.items()}
