"""Errors a student can cause (engine/errors.py's `PlaygroundError` keys, prefixed "error.").

`str(error)` is the English text; a page shows the text in the session's language.
"""

STRINGS = {
    # Values the engine puts into its errors, translated by ui/language.py's error_text (a task kind, a Python type)
    "value.classification": ("분류", "classification"),
    "value.regression": ("회귀", "regression"),
    "value.int": ("정수(int)", "int"),
    "value.float": ("실수(float)", "float"),
    "value.bool": ("참/거짓(bool)", "bool"),
    # The network description and its shapes (engine/network)
    "error.spec_not_mapping": ("신경망 설명은 JSON 객체여야 합니다.", "The network description must be a JSON object."),
    "error.spec_unknown_field": ("신경망 설명에 알 수 없는 항목 '{field}'이(가) 있습니다.",
                                 "Unknown field '{field}' in the network description."),
    "error.spec_missing_field": ("신경망 설명에 '{field}' 항목이 없습니다.", "The network description lacks the field '{field}'."),
    "error.spec_bad_input_shape": ("입력 모양은 1 이상 {high} 이하의 정수 1~3개여야 합니다. 받은 값: {value}",
                                   "Input shape must be 1 to 3 whole numbers between 1 and {high}, got {value}."),
    "error.spec_input_too_large": ("입력 값 {size:,}개는 너무 많습니다 (최대 {limit:,}개).",
                                   "Input of {size:,} values is too large (at most {limit:,})."),
    "error.spec_no_layers": ("신경망에는 계층이 하나 이상 있어야 합니다.", "A network needs at least one layer."),
    "error.spec_too_many_layers": ("계층 {count}개는 너무 많습니다 (최대 {limit}개).",
                                   "{count} layers is too many (at most {limit})."),
    "error.spec_bad_layer": ("계층 {index}: 각 계층은 'kind', 'args', 선택적 'name'을 가진 객체여야 합니다.",
                             "Layer {index}: each layer must be an object with 'kind', 'args' and optional 'name'."),
    "error.spec_unknown_layer": ("계층 {index}: '{kind}'은(는) 알 수 없는 계층 종류입니다. 사용할 수 있는 종류: {known}",
                                 "Layer {index}: unknown layer kind '{kind}'. Known kinds: {known}."),
    "error.spec_unknown_arg": ("계층 {index} ({kind}): '{arg}'은(는) 알 수 없는 인자입니다.",
                               "Layer {index} ({kind}): unknown argument '{arg}'."),
    "error.spec_bad_arg_type": ("계층 {index} ({kind}): '{arg}'에는 {expected} 값이 필요합니다. 받은 값: {value!r}",
                                "Layer {index} ({kind}): '{arg}' must be {expected}, got {value!r}."),
    "error.spec_arg_out_of_range": ("계층 {index} ({kind}): '{arg}' = {value}은(는) 허용 범위 {low}..{high}를 벗어납니다.",
                                    "Layer {index} ({kind}): '{arg}' = {value} is outside {low}..{high}."),
    "error.spec_hardtanh_order": ("계층 {index} (Hardtanh): min_val {min_val}은(는) max_val {max_val}보다 작아야 합니다.",
                                  "Layer {index} (Hardtanh): min_val {min_val} must be below max_val {max_val}."),
    "error.spec_bad_name": ("계층 {index}: '{name}'은(는) 올바른 계층 이름이 아닙니다 (영문자, 숫자, _ 사용, 묶음은 '묶음.이름' 형식).",
                            "Layer {index}: '{name}' is not a valid layer name (letters, digits and _, optionally "
                            "'group.member')."),
    "error.spec_dotted_needs_class": ("계층 {index}: '{name}'처럼 묶음 이름을 쓰려면 클래스 이름이 필요합니다.",
                                      "Layer {index}: grouped names like '{name}' need a class name."),
    "error.spec_duplicate_name": ("계층 {index}: 이름 '{name}'은(는) 이미 다른 계층이 쓰고 있습니다.",
                                  "Layer {index}: the name '{name}' is already used by a different layer."),
    "error.image_folder_not_images": ("{name} 데이터는 흑백 이미지의 분류 데이터가 아니라서 이미지 파일로 쓸 수 없습니다.",
                                      "The {name} data are not grayscale images to classify, so they cannot be "
                                      "written as image files."),
    "error.vgg_not_cached": ("미리 학습된 VGG16 가중치(528 MB)가 이 서버에 없습니다: {path}. 이 서버는 인터넷에서 내려받지 "
                             "않도록 설정되어 있습니다. 선생님이 이 파일을 그 자리에 두거나, 환경 변수 {env}=1로 내려받기를 "
                             "켜면 이 셀이 실행됩니다. 구조는 위에서 그대로 볼 수 있습니다.",
                             "The pretrained VGG16 weights (528 MB) are not on this server: {path}. This server is set "
                             "not to download them from the internet. The cell runs once the teacher puts the file "
                             "there, or turns downloads on with the environment variable {env}=1. The structure above "
                             "is shown all the same."),
    "error.vgg_bad_file": ("{path}은(는) VGG16의 가중치로 읽을 수 없습니다: {reason}",
                           "{path} cannot be read as VGG16's weights: {reason}"),
    "error.vgg_busy": ("다른 학생이 VGG16 가중치를 불러오는 중입니다 (528 MB라 한 번에 하나씩). 잠시 뒤에 다시 눌러 보세요.",
                       "Another student is loading the VGG16 weights (528 MB, so one at a time). Press again in a "
                       "moment."),
    "error.spec_view_flatten": ("계층 {index}: 이름 '{name}'은(는) 클래스 안의 기본 Flatten에만 쓸 수 있습니다. forward에서 "
                                "x = x.view(x.size(0), -1)로 평탄화하는 자리입니다.",
                                "Layer {index}: the name '{name}' is only for a default Flatten inside a class: "
                                "it flattens with x = x.view(x.size(0), -1) in forward."),
    "error.spec_group_split": ("계층 {index}: 묶음 '{group}'의 계층들은 연속해서 있어야 합니다.",
                               "Layer {index}: the group '{group}' must hold consecutive layers."),
    "error.spec_group_order": ("계층 {index}: 묶음 '{group}'에서 번호 계층은 0, 1, 2, ... 순서여야 합니다 ({group}.{position} 이어야 함).",
                               "Layer {index}: in the group '{group}', numbered layers must be numbered 0, 1, 2, "
                               "... in order (expected {group}.{position})."),
    "error.spec_bad_class_name": ("'{name}'은(는) 올바른 클래스 이름이 아닙니다.", "'{name}' is not a valid class name."),
    "error.spec_shape": ("계층 {index} ({kind}): {reason}", "Layer {index} ({kind}): {reason}"),
    "error.spec_too_many_parameters": ("이 신경망의 매개변수는 {count:,}개입니다. 서버는 최대 {limit:,}개까지 허용합니다.",
                                       "This network has {count:,} parameters; the server allows at most {limit:,}."),
    "error.spec_stride_zero": ("계층 {index} ({kind}): stride는 1 이상이어야 합니다 (받은 값: {value}). stride가 0이면 커널이 "
                               "한 칸도 움직이지 않습니다.",
                               "Layer {index} ({kind}): stride must be at least 1 (got {value}); with stride 0 the "
                               "kernel would never move."),
    "error.spec_padding_negative": ("계층 {index} ({kind}): padding은 0 이상이어야 합니다 (받은 값: {value}).",
                                    "Layer {index} ({kind}): padding cannot be negative (got {value})."),
    "error.shape_needs_image": ("(채널, 높이, 너비) 모양의 입력이 필요한데 모양 {shape}이(가) 들어옵니다. Flatten 앞에 두거나 "
                                "입력 모양을 (1, 28, 28)처럼 정하세요.",
                                "needs an input of (channels, height, width) but receives shape {shape}; place it "
                                "before Flatten, or give the input a shape like (1, 28, 28)."),
    "error.shape_kernel_too_large": ("커널 {kernel}x{kernel}이(가) 입력 {height}x{width}보다 큽니다 (패딩 {padding} 포함). "
                                     "kernel_size를 줄이거나 padding을 늘리세요.",
                                     "the {kernel}x{kernel} kernel is larger than its {height}x{width} input (with "
                                     "padding {padding}); use a smaller kernel_size or more padding."),
    "error.shape_conv_in": ("입력 채널이 {expected}개여야 하는데 {got}개가 들어옵니다 (모양 {shape}). in_channels를 {got}(으)로 "
                            "바꾸세요.",
                            "expects {expected} input channels but receives {got} (shape {shape}); set in_channels "
                            "to {got}."),
    "error.shape_pool_padding": ("padding {padding}은(는) 커널 크기 {kernel}의 절반 이하여야 합니다.",
                                 "padding {padding} must be at most half the kernel size {kernel}."),
    "error.shape_batchnorm_dims": ("모양 {shape}의 입력을 받을 수 없습니다 (배치를 뺀 차원 수가 {dims}이어야 합니다).",
                                   "cannot take an input of shape {shape} (it needs {dims} dimensions besides the "
                                   "batch)."),
    "error.shape_batchnorm_features": ("특징(채널)이 {expected}개여야 하는데 {got}개가 들어옵니다 (모양 {shape}). "
                                       "num_features를 {got}(으)로 바꾸세요.",
                                       "expects {expected} features (channels) but receives {got} (shape {shape}); "
                                       "set num_features to {got}."),
    "error.shape_linear_in": ("입력 특징이 {expected}개여야 하는데 {got}개가 들어옵니다 (모양 {shape}). in_features를 {got}(으)로 바꾸세요.",
                              "expects {expected} input features but receives {got} (shape {shape}); set "
                              "in_features to {got}."),
    "error.shape_flatten_order": ("start_dim {start}이(가) end_dim {end}보다 뒤에 있습니다.",
                                  "start_dim {start} comes after end_dim {end}."),
    "error.shape_flatten_batch": ("Flatten은 배치 차원을 유지해야 합니다 (start_dim >= 1).",
                                  "Flatten must keep the batch dimension (start_dim >= 1)."),
    "error.shape_dim_range": ("dim {dim}은(는) {ndim}차원 텐서의 범위를 벗어납니다.",
                              "dim {dim} is out of range for a {ndim}-D tensor."),
    # Links (engine/links.py)
    "error.link_invalid": ("이 링크의 설정을 읽을 수 없습니다 (잘렸거나 수정되었을 수 있습니다).",
                           "This link's setup could not be read (it may be cut off or edited)."),
    # Inside the network (activations, forward walkthrough, autograd graphs)
    "error.inside_not_elementwise": ("{name}은(는) 원소별 활성화 함수가 아닙니다. Softmax와 LogSoftmax는 벡터 전체에 작용합니다.",
                                     "{name} is not an elementwise activation; Softmax and LogSoftmax act on a "
                                     "vector."),
    "error.inside_bad_range": ("입력 범위는 작은 수에서 큰 수로 가야 합니다 (받은 값: {low} ~ {high}).",
                               "The input range must go from a smaller to a larger number (got {low} to {high})."),
    "error.inside_bad_points": ("점은 2개 이상 {limit}개 이하로 정하세요 (받은 값: {points}).",
                                "Use between 2 and {limit} points (got {points})."),
    "error.inside_hardtanh_order": ("Hardtanh의 min_val({min_val})은(는) max_val({max_val})보다 작아야 합니다.",
                                    "Hardtanh needs min_val ({min_val}) below max_val ({max_val})."),
    "error.inside_bad_logits": ("로짓은 1개 이상 {limit}개 이하로 입력하세요 (받은 개수: {count}).",
                                "Enter between 1 and {limit} logits (got {count})."),
    "error.inside_logits_not_finite": ("로짓은 유한한 수여야 합니다.", "Logits must be finite numbers."),
    "error.inside_logits_not_numbers": ("'{text}'에서 숫자를 읽을 수 없습니다. 쉼표로 구분해 입력하세요 (예: 2.0, 1.0, 0.1).",
                                        "Could not read numbers from '{text}'; separate them with commas, e.g. 2.0, "
                                        "1.0, 0.1."),
    "error.inside_bad_temperature": ("온도는 0보다 커야 합니다 (받은 값: {value}).",
                                     "The temperature must be above 0 (got {value})."),
    "error.inside_bad_batch": ("미니배치의 모양은 {got}인데, 모델은 배치 차원 다음에 {expected}을(를) 받습니다.",
                               "The minibatch has shape {got}, but the model takes {expected} after the batch "
                               "dimension."),
    # Inside a CNN (engine/inside/conv_sizes.py, convolution.py, pooling.py, feature_maps.py, image_input.py)
    "error.inside_input_not_positive": ("입력 크기는 1 이상이어야 합니다 (받은 값: {value}).",
                                        "The input size must be at least 1 (got {value})."),
    "error.inside_kernel_not_positive": ("커널 크기는 1 이상이어야 합니다 (받은 값: {value}).",
                                         "The kernel size must be at least 1 (got {value})."),
    "error.inside_zero_stride": ("스트라이드는 1 이상이어야 합니다 (받은 값: {value}). 스트라이드가 0이면 커널이 움직이지 않습니다.",
                                 "The stride must be at least 1 (got {value}); with stride 0 the kernel never moves."),
    "error.inside_negative_padding": ("패딩은 0 이상이어야 합니다 (받은 값: {value}).",
                                      "Padding cannot be negative (got {value})."),
    "error.inside_kernel_too_big": ("커널 크기 {kernel}이(가) 패딩을 더한 입력 크기 {padded}({size} + 2 x {padding})보다 "
                                    "큽니다. 커널을 줄이거나 패딩을 늘리세요.",
                                    "The kernel ({kernel}) is larger than the padded input ({padded} = {size} + 2 x "
                                    "{padding}); use a smaller kernel or more padding."),
    "error.inside_size_too_big": ("크기 탐색기는 입력, 커널, 패딩이 각각 {limit} 이하일 때 격자를 그립니다 (받은 값: 입력 {size}, "
                                  "커널 {kernel}, 패딩 {padding}).",
                                  "The size explorer draws inputs, kernels and paddings up to {limit} each (got input "
                                  "{size}, kernel {kernel}, padding {padding})."),
    "error.inside_not_conv": ("'{path}' 계층은 {kind}입니다. 합성곱 설명에는 Conv2d 계층이 필요합니다.",
                              "The layer '{path}' is a {kind}; the convolution explainer needs a Conv2d layer."),
    "error.inside_not_pool": ("'{path}' 계층은 {kind}입니다. 풀링 설명에는 MaxPool2d나 AvgPool2d 계층이 필요합니다.",
                              "The layer '{path}' is a {kind}; the pooling explainer needs a MaxPool2d or AvgPool2d "
                              "layer."),
    "error.inside_bad_channel": ("채널 {channel}은(는) 없습니다. 이 계층의 채널은 0부터 {last}까지입니다.",
                                 "There is no channel {channel}; this layer's channels are 0 to {last}."),
    "error.inside_bad_position": ("위치 ({row}, {col})은(는) 출력 특징 맵 {rows} x {cols} 밖에 있습니다.",
                                  "The position ({row}, {col}) lies outside the {rows} x {cols} output feature map."),
    "error.inside_no_conv": ("이 모델에는 합성곱 계층(Conv2d)이 없습니다.", "This model has no convolution layer (Conv2d)."),
    "error.inside_not_image": ("이미지를 읽을 수 없습니다 (PNG나 JPEG 파일을 올려 주세요): {reason}",
                               "Could not read the image (upload a PNG or JPEG file): {reason}"),
    # Data sets (engine/data): loading, downloading, the student's own CSV
    "error.idx_malformed": ("데이터 파일 {file}이(가) 손상되었거나 IDX 파일이 아닙니다 ({reason}).",
                            "The data file {file} is damaged or not an IDX file ({reason})."),
    "error.download_failed": ("{file}을(를) 내려받지 못했습니다: {reason}.", "Could not download {file}: {reason}."),
    "error.download_incomplete": ("{file} 내려받기가 중간에 멈췄습니다 ({expected:,} 바이트 중 {got:,} 바이트).",
                                  "The download of {file} stopped early ({got:,} of {expected:,} bytes)."),
    "error.download_checksum": ("내려받은 {file}이(가) 공개된 체크섬(MD5 또는 SHA-256)과 맞지 않아 지웠습니다.",
                                "The downloaded {file} does not match its published checksum (MD5 or SHA-256); it "
                                "was discarded."),
    "error.fashion_unavailable": ("이 컴퓨터에 FashionMNIST가 없고 {folder}(으)로 내려받지도 못했습니다 ({reason}). 공식 .gz 파일 네 개가 있는 "
                                  "폴더를 환경 변수 {env}에 지정하거나, 인터넷에 연결한 뒤 다시 시도하세요. 다른 데이터셋은 그대로 쓸 수 있습니다.",
                                  "FashionMNIST is not on this machine and could not be downloaded into {folder} "
                                  "({reason}). Set {env} to a folder holding the four official .gz files, or "
                                  "connect to the internet and try again. The other data sets work without it."),
    "error.fashion_dir_incomplete": ("{env}이(가) {folder}을(를) 가리키지만 그곳에 다음 파일이 없습니다: {missing}.",
                                     "{env} points to {folder}, but these files are missing there: {missing}."),
    "error.data_unknown": ("'{name}'은(는) 알 수 없는 데이터셋입니다. 사용할 수 있는 데이터셋: {known}",
                           "Unknown data set '{name}'. Known data sets: {known}."),
    "error.data_unknown_option": ("데이터셋 '{name}'에는 '{option}' 옵션이 없습니다 (옵션: {known}).",
                                  "The data set '{name}' has no option '{option}' (options: {known})."),
    "error.data_option_range": ("{name}: '{option}'은(는) {low}부터 {high}까지의 정수여야 합니다. 받은 값: {value!r}",
                                "{name}: '{option}' must be a whole number from {low} to {high}, got {value!r}."),
    "error.csv_too_large": ("파일 크기가 {size:,} 바이트입니다. 최대 {limit:,} 바이트까지 올릴 수 있습니다.",
                            "The file is {size:,} bytes; at most {limit:,} bytes are allowed."),
    "error.csv_not_text": ("UTF-8 텍스트(CSV) 파일이 아닙니다.", "This is not a UTF-8 text (CSV) file."),
    "error.csv_malformed": ("읽을 수 있는 CSV 파일이 아닙니다 ({reason}).", "This is not a readable CSV file ({reason})."),
    "error.csv_empty": ("파일에 머리글 행이나 데이터 행이 없습니다.", "The file has no header row or no data rows."),
    "error.csv_bad_header": ("{column}번째 열의 이름('{name}')이 비어 있거나 중복됩니다. 열마다 서로 다른 이름이 필요합니다.",
                             "Column {column} has an empty or repeated name ('{name}'); every column needs its own "
                             "name."),
    "error.csv_too_many_columns": ("열이 {count}개입니다. 최대 {limit}개까지 허용됩니다.",
                                   "The file has {count} columns; at most {limit} are allowed."),
    "error.csv_too_many_rows": ("데이터 행이 {limit:,}개를 넘습니다.", "The file has more than {limit:,} data rows."),
    "error.csv_too_few_rows": ("데이터 행이 {count}개입니다. 학습과 테스트를 하려면 최소 {limit}개가 필요합니다.",
                               "The file has {count} data rows; at least {limit} are needed to train and test."),
    "error.csv_ragged_row": ("{row}번째 행의 값은 {count}개인데 머리글의 열은 {expected}개입니다.",
                             "Row {row} has {count} values, but the header has {expected} columns."),
    "error.csv_no_label_column": ("'{column}' 열이 없습니다. 열 목록: {known}",
                                  "There is no column '{column}'. Columns: {known}."),
    "error.csv_no_features": ("정답 열 '{column}' 말고는 학습에 쓸 열이 없습니다.",
                              "Besides the label column '{column}' there is no column to learn from."),
    "error.csv_missing_value": ("{row}번째 행, '{column}' 열의 값이 비어 있습니다.",
                                "Row {row}, column '{column}' is empty or missing."),
    "error.csv_not_numeric": ("{row}번째 행, '{column}' 열: '{value}'은(는) 숫자가 아닙니다.",
                              "Row {row}, column '{column}': '{value}' is not a number."),
    "error.csv_out_of_range": ("{row}번째 행, '{column}' 열: {value}은(는) float32로 나타내기에 너무 큽니다.",
                               "Row {row}, column '{column}': {value} is too large for float32."),
    "error.csv_one_class": ("정답 열 '{column}'에 클래스가 하나('{value}')뿐입니다. 분류에는 클래스가 둘 이상 필요합니다.",
                            "The label column '{column}' holds only one class ('{value}'); a classifier needs at "
                            "least two."),
    "error.csv_too_many_classes": ("정답 열 '{column}'에 서로 다른 값이 {count}개 있습니다. 클래스는 최대 {limit}개까지 허용됩니다 (숫자라면 회귀를 "
                                   "고르세요).",
                                   "The label column '{column}' holds {count} different values; at most {limit} "
                                   "classes are allowed (for numbers, choose regression)."),
    "error.csv_bad_task": ("작업은 'classification'(분류) 또는 'regression'(회귀)이어야 합니다. 받은 값: '{task}'",
                           "The task must be 'classification' or 'regression', not '{task}'."),
    # The Model page's "model(x)" tab (engine/inside/model_call.py)
    "error.call_bad_input": ("'{text}'은(는) 읽을 수 없는 입력입니다. [[3.57], [5.59]] 같은 리스트, torch.ones(1), "
                             "torch.tensor([1.0, 2.0]), t_un_val, 0.1 * t_u 처럼 써 보세요.",
                             "Cannot read '{text}' as an input. Try a list like [[3.57], [5.59]], torch.ones(1), "
                             "torch.tensor([1.0, 2.0]), t_un_val or 0.1 * t_u."),
    "error.call_too_big": ("입력은 숫자 {limit}개까지만 넣을 수 있습니다.", "An input may hold at most {limit} numbers."),
    "error.call_shape": ("입력의 모양이 {got}입니다. 이 모델은 {expected} 모양의 입력 하나나, {batched} 모양의 배치를 받습니다.",
                         "The input's shape is {got}. This model takes one input of shape {expected}, or a batch of "
                         "shape {batched}."),
    "error.call_failed": ("모델을 호출하지 못했습니다. 파이토치의 메시지: {reason}", "The model could not be called. "
                          "PyTorch says: {reason}"),
    # The Tensors page (engine/inside/tensors.py)
    "error.tensor_bad_data": ("[[1, 2], [3, 4]]처럼 숫자를 담은 중첩 리스트를 입력하세요 (1–3차원, 직사각형, 숫자 최대 64개; {reason}).",
                              "Type a nested list of numbers, like [[1, 2], [3, 4]] (1-3 dimensions, rectangular, "
                              "at most 64 numbers; {reason})."),
    "error.tensor_bad_shape": ("모양 {shape}은(는) 차원이 1–3개이고, 각 크기가 1부터 {high}까지여야 합니다.",
                               "The shape {shape} must have 1 to 3 sides, each from 1 to {high}."),
    "error.tensor_bad_index": ("'{index}'은(는) 4x4 텐서의 인덱스가 아닙니다. 0, :, 0 또는 ..., -1 또는 1:3, ::2 처럼 써 보세요.",
                               "'{index}' is not an index of a 4x4 tensor; try 0, :, 0 or ..., -1 or 1:3, ::2."),
    "error.tensor_bad_dim": ("2차원 텐서 두 개의 torch.{operation}에서 dim은 {low}부터 {high}까지입니다. 받은 값: {dim}",
                             "torch.{operation} of two 2-D tensors takes dim from {low} to {high}, not {dim}."),
    # ONNX export and saved models (export/)
    "error.export_bad_opset": ("opset {opset}은(는) 지원하지 않습니다. 다음 중에서 고르세요: {supported}",
                               "Opset {opset} is not supported here; choose one of {supported}."),
    "error.export_failed_layer": ("계층 '{layer}' ({kind})을(를) ONNX로 내보낼 수 없습니다: {reason}",
                                  "The layer '{layer}' ({kind}) cannot be exported to ONNX: {reason}"),
    "error.export_failed_model": ("이 모델 ({kind})을(를) ONNX로 내보낼 수 없습니다: {reason}",
                                  "This model ({kind}) cannot be exported to ONNX: {reason}"),
    "error.checkpoint_too_large": ("파일 크기가 {size:,}바이트입니다. 최대 {limit:,}바이트까지 받습니다.",
                                   "The file holds {size:,} bytes; at most {limit:,} are accepted."),
    "error.checkpoint_bad_spec_json": ("zip 안의 spec.json이 올바른 JSON이 아닙니다.",
                                       "spec.json inside the zip is not valid JSON."),
    "error.checkpoint_unsafe": ("이 파일에는 순수한 가중치 외의 것(객체나 코드)이 들어 있어 열지 않았습니다.",
                                "This file holds more than plain weights (objects or code), so it was not opened."),
    "error.checkpoint_whole_model": ("torch.save(model)로 모델을 통째로 저장한 파일입니다. 이런 파일은 불러올 때 pickle이 "
                                     "안에 적힌 코드를 실행할 수 있어서 이 앱은 열지 않습니다. "
                                     "torch.save(model.state_dict(), 'model_weights.pth')로 가중치만 저장해서 올려 주세요.",
                                     "This file holds a whole model saved with torch.save(model). Loading such a file "
                                     "lets pickle run code written inside it, so this app does not open it. Save the "
                                     "weights alone with torch.save(model.state_dict(), 'model_weights.pth') and "
                                     "upload that."),
    "error.checkpoint_not_readable": ("저장된 파이토치 모델이 아닙니다. 이 페이지에서 받은 zip이나 .pth state_dict를 올려 주세요.",
                                      "This is not a saved PyTorch model: upload the zip from this page or a .pth "
                                      "state_dict."),
    "error.checkpoint_not_state_dict": ("파일에는 state_dict(계층 이름과 텐서의 대응)가 들어 있어야 합니다.",
                                        "The file must hold a state_dict: layer names mapped to tensors."),
    "error.checkpoint_wrong_keys": ("가중치가 이 신경망에 맞지 않습니다. 빠진 것: {missing}. 필요 없는 것: {unexpected}.",
                                    "The weights do not fit this network. Missing: {missing}. Unexpected: "
                                    "{unexpected}."),
    "error.checkpoint_wrong_shape": ("가중치 '{name}'의 모양은 {got}이지만 이 신경망에는 {expected}이(가) 필요합니다.",
                                     "The weight '{name}' has shape {got}, but this network needs {expected}."),
    "error.checkpoint_bad_dtype": ("가중치 '{name}'의 자료형이 {dtype}입니다. 부동소수점 텐서여야 합니다.",
                                   "The weight '{name}' is {dtype}, not a floating-point tensor."),
    "error.checkpoint_not_finite": ("가중치 '{name}'에 NaN이나 무한대 값이 있습니다.",
                                    "The weight '{name}' contains NaN or infinite values."),
    # Training (engine/training): config, model/data checks, guards during a run.
    "error.train_not_mapping": ("학습 설정은 JSON 객체여야 합니다.", "The training settings must be a JSON object."),
    "error.train_unknown_field": ("'{field}'은(는) 알 수 없는 학습 설정입니다.", "Unknown training setting '{field}'."),
    "error.train_bad_value": ("학습 설정 '{field}'에 {value!r} 값은 쓸 수 없습니다.",
                              "The training setting '{field}' cannot be {value!r}."),
    "error.train_out_of_range": ("학습 설정 '{field}' = {value!r}은(는) {low}에서 {high} 사이여야 합니다.",
                                 "The training setting '{field}' = {value!r} must lie between {low} and {high}."),
    "error.train_unknown_loss": ("'{name}'은(는) 알 수 없는 손실 함수입니다. 사용할 수 있는 손실 함수: {known}",
                                 "Unknown loss '{name}'. Known losses: {known}."),
    "error.train_unknown_optimizer": ("'{name}'은(는) 알 수 없는 옵티마이저입니다. 사용할 수 있는 옵티마이저: {known}",
                                      "Unknown optimizer '{name}'. Known optimizers: {known}."),
    "error.train_unknown_device": ("'{name}'은(는) 알 수 없는 장치입니다. 다음 중에서 고르세요: {known}",
                                   "Unknown device '{name}'. Choose one of: {known}."),
    "error.train_unknown_schedule": ("'{name}'은(는) 알 수 없는 학습률 스케줄입니다. 다음 중에서 고르세요: {known}",
                                     "Unknown learning-rate schedule '{name}'. Choose one of: {known}."),
    "error.train_device_absent": ("이 서버에는 '{name}' 장치가 없습니다. 쓸 수 있는 장치: {present}",
                                  "This server has no '{name}' device. Available: {present}."),
    "error.train_unknown_data": ("'{name}'은(는) 알 수 없는 데이터셋입니다. 사용할 수 있는 데이터셋: {known}",
                                 "Unknown data set '{name}'. Known data sets: {known}."),
    "error.train_no_data": ("데이터셋 '{name}'에 학습용 예제가 없습니다.", "The data set '{name}' has no training examples."),
    "error.train_too_many_parameters": ("이 신경망의 매개변수는 {count:,}개입니다. 한 번의 학습에는 최대 {limit:,}개까지 쓸 수 있습니다. 은닉층을 더 작게 "
                                        "만드세요.",
                                        "This network has {count:,} parameters; a training run may use at most "
                                        "{limit:,}. Make the hidden layers smaller."),
    "error.train_too_many_epochs": ("한 번의 학습에 에폭 {epochs}개는 너무 많습니다 (최대 {limit}개).",
                                    "{epochs} epochs is too many for one run (at most {limit})."),
    "error.train_input_mismatch": ("모델의 입력 모양은 {model}인데 '{name}'의 데이터는 {data} 모양입니다. 모델 만들기 페이지에서 입력 "
                                   "모양을 {data}(으)로 바꾸세요 (이미지라면 맨 앞에 Flatten을 추가하세요).",
                                   "The model expects inputs of shape {model} but '{name}' gives {data}. Set the "
                                   "model's input shape to {data} on the Model page (add a Flatten first if the "
                                   "data are images)."),
    "error.train_loss_task": ("'{name}'은(는) {task} 데이터셋인데 {loss}은(는) {task}에 쓰는 손실 함수가 아닙니다. 다음 중에서 고르세요: "
                              "{suggestions}",
                              "{loss} is not for {task} and '{name}' is a {task} data set. Pick one of: "
                              "{suggestions}."),
    "error.train_output_mismatch": ("모델은 예제마다 {got}개를 출력하는데 '{name}'에는 {wanted}개가 필요합니다. 마지막 Linear 계층의 "
                                    "out_features를 {features}(으)로 바꾸세요.",
                                    "The model gives {got} outputs per example but '{name}' needs {wanted}. Set "
                                    "out_features of the last Linear layer to {features}."),
    "error.train_binary_needs_two": ("{loss}은(는) 두 클래스를 구분하는 손실 함수인데, 이 데이터셋에는 클래스가 {classes}개 있습니다. "
                                     "CrossEntropyLoss를 쓰세요.",
                                     "{loss} tells two classes apart, but this data set has {classes}. Use "
                                     "CrossEntropyLoss instead."),
    "error.train_bce_needs_sigmoid": ("BCELoss에는 확률이 필요한데 모델의 마지막 계층이 {last}입니다. 마지막에 Sigmoid를 추가하거나 "
                                      "BCEWithLogitsLoss를 고르세요.",
                                      "BCELoss needs probabilities, but the model ends with {last}. Add a Sigmoid "
                                      "as the last layer, or pick BCEWithLogitsLoss."),
    "error.train_nll_needs_logsoftmax": ("NLLLoss에는 로그 확률이 필요한데 모델의 마지막 계층이 {last}입니다. 마지막에 LogSoftmax(dim=1)을 "
                                         "추가하거나 CrossEntropyLoss를 고르세요.",
                                         "NLLLoss needs log-probabilities, but the model ends with {last}. Add "
                                         "LogSoftmax(dim=1) as the last layer, or pick CrossEntropyLoss."),
    "error.train_diverged": ("학습이 발산했습니다: 에폭 {epoch}, 배치 {batch}에서 손실이 {value}이(가) 되었습니다. 학습률 {lr}이(가) 너무 큰 것 같습니다. "
                             "10배 작게 해 보세요. 에폭 {good_epoch}, 배치 {good_batch}의 (마지막으로 정상이던) 가중치를 남겨 두었습니다.",
                             "Training diverged: the loss became {value} at epoch {epoch}, batch {batch}. The "
                             "learning rate {lr} is probably too large; try one ten times smaller. The weights from "
                             "epoch {good_epoch}, batch {good_batch} (the last good ones) were kept."),
    "error.train_time_limit": ("서버의 학습 시간 제한 {limit}초에 도달해 학습을 멈췄습니다. 지금까지 학습한 가중치는 남아 있습니다.",
                               "This run reached the server's limit of {limit} seconds of training and stopped; the "
                               "weights trained so far are kept."),
    # Take-it-home scripts (engine/codegen/script.py)
    "error.script_no_csv": ("스크립트가 올린 CSV를 읽어야 하는데 CSV가 없습니다. 데이터 페이지에서 올려 주세요.",
                            "The script reads an uploaded CSV, but no CSV was given: upload one on the Data page."),
    # classroom: the shared training queue (classroom/queue.py)
    "error.queue_one_job": ("이미 기다리거나 진행 중인 학습이 있습니다. 그 학습을 멈춘 뒤 새로 시작하세요.",
                            "You already have a training run waiting or running. Stop it before starting another."),
    "error.queue_full": ("서버의 학습 대기열이 가득 찼습니다(대기 {limit}개). 잠시 후 다시 해 보세요.",
                         "The server's training queue is full ({limit} runs waiting). Try again in a minute."),
    "error.queue_closed": ("서버가 종료 중이라 새 학습을 받지 않습니다.",
                           "The server is shutting down and takes no new training runs."),
    # training in child processes (classroom/processes.py)
    "error.train_worker_lost": ("이 학습을 하던 프로세스가 갑자기 멈췄습니다(서버의 메모리가 부족했을 수 있습니다). 학습은 끝났고 화면에는 마지막으로 갱신된 가중치가 남아 "
                                "있습니다. 다시 하려면 **학습 시작**을 누르세요.",
                                "The process training this run stopped unexpectedly (the server may be short of "
                                "memory). The run has ended with the weights of its last update on screen; press "
                                "Play to start again."),
    # a run that blew up without reaching inf/NaN (engine/training/guards.py's `blew_up`)
    "error.train_blew_up_loss": ("학습이 망가진 것 같습니다: 손실이 처음 {start}에서 {end}(으)로 커졌습니다. 학습률 {lr}이(가) 이 "
                                 "옵티마이저에는 너무 큰 것 같습니다. 학습률을 10배 작게({smaller}) 하거나, 다른 옵티마이저를 "
                                 "썼다면 SGD로 해 보세요.",
                                 "Training blew up: the loss grew from {start} at the start to {end}. The learning "
                                 "rate {lr} is probably too large for this optimizer. Try one ten times smaller "
                                 "({smaller}), or the SGD optimizer if you used another one."),
    "error.train_blew_up_accuracy": ("학습이 망가진 것 같습니다: 테스트 정확도가 {best}%까지 올랐다가 찍어서 맞히는 수준({chance}%)인 "
                                     "{end}%로 떨어졌습니다. 학습률 {lr}이(가) 이 옵티마이저에는 너무 큰 것 같습니다. 학습률을 10배 "
                                     "작게({smaller}) 하거나, 다른 옵티마이저를 썼다면 SGD로 해 보세요.",
                                     "Training blew up: the test accuracy reached {best}%, then fell to {end}%, no "
                                     "better than guessing ({chance}%). The learning rate {lr} is probably too large "
                                     "for this optimizer. Try one ten times smaller ({smaller}), or the SGD optimizer "
                                     "if you used another one."),
    "error.train_blew_up_chance": ("학습이 망가진 것 같습니다: 손실이 한때 {peak}까지 치솟았고(처음 {start}), 테스트 정확도가 "
                                   "찍어서 맞히는 수준({chance}%)인 {end}%에 머물렀습니다. 학습률 {lr}이(가) 이 옵티마이저에는 너무 "
                                   "큰 것 같습니다. 학습률을 10배 작게({smaller}) 하거나, 다른 옵티마이저를 썼다면 SGD로 해 보세요.",
                                   "Training blew up: the loss shot up to {peak} on the way (from {start} at the start) "
                                   "and the test accuracy ended at {end}%, no better than guessing ({chance}%). The "
                                   "learning rate {lr} is probably too large for this optimizer. Try one ten times "
                                   "smaller ({smaller}), or the SGD optimizer if you used another one."),
    # A teacher's class (store/classes.py)
    "error.class_unknown": ("반 코드 {code}인 반이 없거나 이미 끝났습니다.", "There is no class {code}, or it has ended."),
    "error.class_bad_nickname": ("별명은 1~{limit}글자로 써 주세요.", "A nickname has 1 to {limit} characters."),
    "error.class_nickname_taken": ("'{nickname}'은(는) 이 반에서 이미 쓰는 별명입니다. 다른 별명을 골라 주세요.",
                                   "'{nickname}' is already taken in this class. Pick another nickname."),
}
