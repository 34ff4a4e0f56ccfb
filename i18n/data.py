"""Data page strings, data set titles and class names (used wherever a data set is picked)."""

STRINGS = {
    "nav.data": ("데이터셋과 DataLoader", "Data sets and DataLoader"),
    "data.blurb": ("FashionMNIST·2차원 데이터·온도 데이터를 보고, Dataset/DataLoader와 변형을 익히고, 내 CSV를 올립니다",
                   "See FashionMNIST, the 2-D sets and the temperature data; learn Dataset/DataLoader and "
                   "transforms; upload your own CSV"),
    "data.title": ("데이터셋과 DataLoader", "Data sets and DataLoader"),
    "data.intro": ("`Dataset`은 샘플과 정답을 저장하고, `DataLoader`는 그것을 미니배치로 묶어 순회합니다 (튜토리얼 003의 2–3장).",
                   "A `Dataset` stores the samples and their labels; a `DataLoader` wraps it in minibatches you "
                   "can iterate over (tutorial 003, sections 2-3)."),
    "data.tab_samples": ("샘플 보기", "Samples"),
    "data.tab_loader": ("DataLoader", "DataLoader"),
    "data.tab_transforms": ("변형 (ToTensor, Lambda)", "Transforms (ToTensor, Lambda)"),
    "data.tab_2d": ("2차원 데이터", "2-D data"),
    "data.tab_temperature": ("온도 데이터", "Temperature data"),
    "data.tab_csv": ("내 CSV 올리기", "Upload your CSV"),
    # the image set
    "data.image_set": ("이미지 데이터셋", "Image data set"),
    "data.fashion_missing": ("이 서버에는 아직 FashionMNIST가 없습니다. 대신 오프라인 이미지 데이터셋(8x8 손글씨 숫자)을 보여 줍니다.",
                             "FashionMNIST is not on this server yet; showing the offline image set (8x8 handwritten "
                             "digits) instead."),
    "data.fashion_download": ("FashionMNIST 내려받기 (약 30 MB)", "Download FashionMNIST (about 30 MB)"),
    "data.downloading": ("{file} 내려받는 중 ({done:.1f} / {total} MB)", "Downloading {file} ({done:.1f} / {total} MB)"),
    "data.download_done": ("FashionMNIST를 내려받았습니다.", "FashionMNIST is downloaded."),
    "data.set_summary": ("학습 {train:,}개 · 테스트 {test:,}개 · 이미지 모양 {shape} · 저장 형식 {dtype}",
                         "{train:,} training and {test:,} test examples · image shape {shape} · stored as {dtype}"),
    "data.new_samples": ("다른 샘플 보기", "Show other samples"),
    "data.grid_caption": ("`training_data[sample_idx]`로 무작위로 고른 학습 이미지 9장과 정답",
                          "Nine random training images picked with `training_data[sample_idx]`, with their labels"),
    # DataLoader
    "data.batch_size": ("배치 크기 (batch_size)", "Batch size (batch_size)"),
    "data.shuffle": ("섞기 (shuffle=True)", "Shuffle (shuffle=True)"),
    "data.loader_seed": ("난수 시드 (generator)", "Random seed (generator)"),
    "data.batch_shapes": ("첫 배치의 모양", "Shapes of the first batch"),
    "data.first_labels": ("첫 배치의 처음 16개 정답", "First 16 labels of the first batch"),
    "data.shuffle_effect": ("섞지 않으면 매 에폭 같은 순서(데이터 파일의 순서)로, 섞으면 에폭마다 새 순서로 나옵니다. "
                            "시드가 같으면 순서도 같습니다.",
                            "Without shuffling every epoch comes in the same order (the file's order); with "
                            "shuffling each epoch has a new order. The same seed gives the same order."),
    "data.order_plain": ("shuffle=False", "shuffle=False"),
    "data.order_shuffled": ("shuffle=True, 에폭 {epoch}", "shuffle=True, epoch {epoch}"),
    "data.dataset_class": ("이 배치를 만든 Dataset 클래스 (`__init__`, `__len__`, `__getitem__`)",
                           "The Dataset class that made this batch (`__init__`, `__len__`, `__getitem__`)"),
    "data.custom_title": ("**파일에서 만드는 사용자 정의 Dataset** (튜토리얼 003의 `CustomImageDataset`)",
                          "**A custom Dataset from files** (tutorial 003's `CustomImageDataset`)"),
    "data.custom_intro": ("튜토리얼의 클래스를 그대로 실행합니다. 튜토리얼 코드의 오타 두 곳(`name=` → `names=`, `lable` → `label`)은 "
                          "고쳤습니다. 이 서버에는 torchvision이 없어서 `read_image`는 Pillow로 같은 일을 합니다: 흑백 PNG를 "
                          "uint8 텐서 `[1, 높이, 너비]`로 읽습니다.",
                          "The tutorial's class, run as it is, with its two typos fixed (`name=` -> `names=`, `lable` -> "
                          "`label`). This server has no torchvision, so `read_image` does the same with Pillow: a "
                          "grayscale PNG becomes a uint8 tensor `[1, height, width]`."),
    "data.custom_run": ("이미지 {count}장과 labels.csv를 임시 폴더에 쓰고 CustomImageDataset으로 읽기",
                        "Write {count} images and labels.csv to a temporary folder and read them with "
                        "CustomImageDataset"),
    "data.custom_first": ("`ds[0]`의 이미지 · 정답 {label}", "The image of `ds[0]` · label {label}"),
    "data.custom_csv": ("labels.csv의 처음 {lines}줄: 한 줄에 파일 이름과 정답 (튜토리얼의 `tshirt1.jpg, 0`처럼)",
                        "The first {lines} lines of labels.csv: a file name and its label per line (as the "
                        "tutorial's `tshirt1.jpg, 0`)"),
    "data.custom_download": ("labels.csv 내려받기", "Download labels.csv"),
    "data.custom_cleaned": ("파일은 이번 실행만을 위해 만든 임시 폴더(`{folder}`)에 썼고, 다 읽은 뒤 바로 지웠습니다.",
                            "The files went into a temporary folder made for this run alone (`{folder}`) and were "
                            "deleted once read."),
    "data.first_image": ("첫 배치의 첫 이미지 · 정답 {label}", "First image of the first batch · label {label}"),
    # transforms
    "data.to_tensor_intro": ("`ToTensor()`는 0–255 정수 픽셀을 0.0–1.0 실수로 바꿉니다. 같은 이미지의 픽셀 분포를 비교해 보세요.",
                             "`ToTensor()` turns 0-255 integer pixels into 0.0-1.0 floats. Compare the pixel "
                             "histograms of the same image."),
    "data.image_index": ("이미지 번호", "Image index"),
    "data.raw_pixels": ("원래 픽셀 ({dtype}, {low}~{high})", "Raw pixels ({dtype}, {low}-{high})"),
    "data.scaled_pixels": ("ToTensor 후 ({dtype}, {low:.2f}~{high:.2f})", "After ToTensor ({dtype}, {low:.2f}-{high:.2f})"),
    "data.pixel_value": ("픽셀 값", "Pixel value"),
    "data.pixel_count": ("픽셀 수", "Pixel count"),
    "data.one_hot_intro": ("`Lambda` 변형으로 정수 정답을 원-핫 벡터로 바꿉니다: 크기 {n}짜리 영 텐서에 `scatter_`로 1을 씁니다.",
                           "The `Lambda` transform turns an integer label into a one-hot vector: a zero tensor of "
                           "size {n}, with `scatter_` writing a 1."),
    "data.label": ("정답", "Label"),
    # 2-D sets
    "data.2d_intro": ("TensorFlow Playground의 2차원 데이터셋입니다. 잡음과 학습 데이터 비율을 바꾸고, 시드를 바꿔 다시 만들어 보세요.",
                      "TensorFlow Playground's 2-D data sets. Change the noise and the training ratio, and "
                      "regenerate with another seed."),
    "data.dataset": ("데이터셋", "Data set"),
    "data.noise": ("잡음 (%)", "Noise (%)"),
    "data.train_ratio": ("학습 데이터 비율 (%)", "Ratio of training data (%)"),
    "data.seed": ("데이터 시드", "Data seed"),
    "data.regenerate": ("다시 만들기", "Regenerate"),
    "data.train_points": ("학습", "train"),
    "data.test_points": ("테스트", "test"),
    "data.target": ("목표값", "target"),
    "data.split_line": ("학습 {train}개 · 테스트 {test}개", "{train} training · {test} test points"),
    # temperature
    "data.temperature_intro": ("튜토리얼 001의 온도 데이터: 섭씨(t_c)와 알 수 없는 단위(t_u)의 측정값 11쌍. "
                               "20%(2개)를 검증용으로 떼어 두고, 입력은 0.1배로 줄입니다.",
                               "Tutorial 001's temperature data: 11 readings in Celsius (t_c) and in an unknown unit "
                               "(t_u). 20 % (2 readings) are held out for validation, and the input is scaled by 0.1."),
    "data.split": ("나뉜 곳", "Split"),
    "data.validation": ("검증", "validation"),
    # CSV
    "data.csv_intro": ("첫 줄이 열 이름인 CSV 파일을 올리고 정답 열을 고르세요. 나머지 열은 숫자여야 합니다 "
                       "(최대 {mb} MB, {rows:,}행, {cols}열). 올린 데이터는 내 세션에만 남습니다.",
                       "Upload a CSV file whose first row names the columns, and pick the label column. The other "
                       "columns must be numbers (at most {mb} MB, {rows:,} rows, {cols} columns). Your data stays "
                       "in your session only."),
    "data.csv_file": ("CSV 파일", "CSV file"),
    "data.csv_example": ("예제 CSV 사용하기", "Use the example CSV"),
    "data.csv_example_download": ("예제 CSV 내려받기", "Download the example CSV"),
    "data.label_column": ("정답 열", "Label column"),
    "data.task": ("작업", "Task"),
    "data.task_classification": ("분류", "Classification"),
    "data.task_regression": ("회귀", "Regression"),
    "data.csv_load": ("데이터셋 만들기", "Make the data set"),
    "data.csv_loaded": ("내 데이터셋: 학습 {train}개 · 테스트 {test}개 · 특징 {features}개 · {classes}",
                        "Your data set: {train} training · {test} test rows · {features} features · {classes}"),
    "data.csv_classes": ("클래스 {n}개", "{n} classes"),
    "data.csv_source": ("현재 파일: {name}", "Current file: {name}"),
    "data.code": ("파이토치 코드", "PyTorch code"),
    # data set titles (wherever a data set is picked)
    "dataset.fashion_mnist": ("FashionMNIST (옷 이미지 28x28)", "FashionMNIST (clothing images, 28x28)"),
    "dataset.digits": ("손글씨 숫자 8x8 (오프라인)", "Handwritten digits 8x8 (offline)"),
    "dataset.temperature": ("온도 데이터 (튜토리얼 001)", "Temperature data (tutorial 001)"),
    "dataset.circle": ("원 (분류)", "Circle (classification)"),
    "dataset.xor": ("XOR (분류)", "Exclusive or (classification)"),
    "dataset.gauss": ("두 가우시안 (분류)", "Two Gaussians (classification)"),
    "dataset.spiral": ("나선 (분류)", "Spiral (classification)"),
    "dataset.reg_plane": ("평면 (회귀)", "Plane (regression)"),
    "dataset.reg_gauss": ("여러 가우시안 (회귀)", "Multi Gaussian (regression)"),
    "dataset.csv": ("내 CSV", "My CSV"),
    # class names: FashionMNIST's labels_map, the 2-D sets' two classes
    "class.T-Shirt": ("티셔츠", "T-Shirt"),
    "class.Trouser": ("바지", "Trouser"),
    "class.Pullover": ("풀오버", "Pullover"),
    "class.Dress": ("드레스", "Dress"),
    "class.Coat": ("코트", "Coat"),
    "class.Sandal": ("샌들", "Sandal"),
    "class.Shirt": ("셔츠", "Shirt"),
    "class.Sneaker": ("운동화", "Sneaker"),
    "class.Bag": ("가방", "Bag"),
    "class.Ankle Boot": ("앵클 부츠", "Ankle Boot"),
    "class.negative": ("음성 (-1)", "negative (-1)"),
    "class.positive": ("양성 (+1)", "positive (+1)"),
    # a failed load keeps the data set made earlier, named by its own file
    "data.csv_earlier": ("아직 이전 파일 {name}(으)로 만든 데이터셋을 씁니다: 학습 {train}개 · 테스트 {test}개 · "
                         "특징 {features}개 · {classes}",
                         "Still using the data set made from the earlier file {name}: {train} training · {test} test "
                         "rows · {features} features · {classes}"),
}
