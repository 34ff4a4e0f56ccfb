"""Export page strings: ONNX export, parity, graph, the browser runtime, files."""

STRINGS = {
    "nav.export": ("ONNX 내보내기", "Export to ONNX"),
    "export.blurb": ("모델을 ONNX로 내보내 onnxruntime과 값을 맞춰 보고, 내 브라우저(WebAssembly)에서 다시 실행합니다",
                     "Export the model to ONNX, check it against onnxruntime, and run it again in your browser "
                     "(WebAssembly)"),
    "export.title": ("ONNX로 내보내기", "Export to ONNX"),
    "export.intro": ("지금 모델을 `torch.onnx.export`(dynamo)로 내보내고, 같은 입력에서 파이토치와 onnxruntime의 "
                     "출력이 같은지 확인합니다. 그런 다음 같은 .onnx 파일을 이 브라우저에서 onnxruntime-web으로 실행합니다.",
                     "Export the current model with `torch.onnx.export` (dynamo) and check that PyTorch and "
                     "onnxruntime give the same outputs on the same inputs. Then the same .onnx file runs in "
                     "this browser with onnxruntime-web."),
    "export.model_line": ("모델: **{name}** · 매개변수 {params:,}개 · 입력 `{shape}`",
                          "Model: **{name}** · {params:,} parameters · input `{shape}`"),
    "export.opset": ("ONNX opset", "ONNX opset"),
    "export.opset_help": ("연산자 집합 버전입니다. 18이 내보내기 기본값이며, 여기 있는 버전은 모두 검사와 "
                          "값 비교를 통과합니다.",
                          "The operator set version. 18 is the exporter's own; every version listed passes the "
                          "checker and the parity check."),
    "export.exporting": ("ONNX로 내보내고 확인하는 중…", "Exporting to ONNX and checking…"),
    "export.done_line": ("내보내기 {export:.2f}초 · 값 비교 {parity:.3f}초 · 파일 {size:.2f} MB · opset {opset} · "
                         "sha256 {digest}",
                         "Exported in {export:.2f} s · compared in {parity:.3f} s · file {size:.2f} MB · opset {opset} · "
                         "sha256 {digest}"),
    "export.failed_export": ("내보내지 못했습니다. 모델은 그대로입니다.", "The export failed; your model is unchanged."),
    "export.tab_parity": ("파이토치 vs onnxruntime", "PyTorch vs onnxruntime"),
    "export.tab_graph": ("ONNX 그래프", "ONNX graph"),
    "export.tab_browser": ("브라우저에서 실행", "Run in your browser"),
    "export.tab_try": ("직접 그려 보기", "Try it yourself"),
    "export.tab_files": ("내려받기 / 불러오기", "Download / load"),
    # Seed 003, section 7: the whole model (ui/export/whole_model.py)
    "export.whole_title": ("모델을 통째로 저장하기: torch.save(model) (튜토리얼 003의 7장)",
                           "Saving the whole model: torch.save(model) (tutorial 003, section 7)"),
    "export.whole_intro": ("튜토리얼은 가중치(`state_dict`)만 저장하는 방법에 이어, 클래스 구조까지 함께 저장하는 방법도 "
                           "보여 줍니다. `model.state_dict()` 대신 `model`을 `torch.save`에 넘기면 파이썬의 pickle이 "
                           "모델 객체를 통째로 직렬화합니다. 불러올 때는 그 클래스의 정의가 있어야 하고, 파이토치 2.6부터는 "
                           "`weights_only=False`를 직접 적어야 합니다.",
                           "After saving the weights alone (`state_dict`), the tutorial saves the class structure too: "
                           "pass `model` instead of `model.state_dict()` to `torch.save`, and Python's pickle "
                           "serializes the whole model object. Loading it needs the class definition, and since "
                           "PyTorch 2.6 you must write `weights_only=False` yourself."),
    "export.whole_own": ("앱이 방금 지금 모델로 만든 바이트는 앱 자신의 것이므로, 튜토리얼처럼 `weights_only=False`로 "
                         "불러와 출력해 봅니다. 올린 파일에는 절대 이렇게 하지 않습니다.",
                         "The bytes the app has just made from your model are its own, so it loads them as the "
                         "tutorial does, with `weights_only=False`, and prints the model. It never does this with "
                         "an uploaded file."),
    "export.zip_is_state_dict": ("zip 안의 model.pth는 튜토리얼의 이 줄이 만드는 파일과 같습니다:",
                                 "The zip's model.pth is the file this tutorial line makes:"),
    "export.eval_why": ("`model.eval()`은 모델을 평가 모드로 바꿉니다. Dropout은 더 이상 값을 지우지 않고, BatchNorm은 "
                        "배치의 통계 대신 학습 중에 모아 둔 평균과 분산을 씁니다. 예측하기 전에 꼭 호출하세요. "
                        "이런 층이 없는 모델은 출력이 달라지지 않습니다.",
                        "`model.eval()` switches the model to evaluation mode: Dropout stops zeroing values, and "
                        "BatchNorm uses the running mean and variance gathered during training instead of the "
                        "batch's own. Call it before predicting. A model without such layers gives the same outputs."),
    "export.vgg_title": ("torchvision의 VGG16 구조 보기 (튜토리얼 003의 7장)",
                         "The structure of torchvision's VGG16 (tutorial 003, section 7)"),
    "export.vgg_intro": ("튜토리얼은 `models.vgg16()`으로 미리 학습된 큰 모델을 만들어 가중치를 저장하고 불러옵니다. "
                         "매개변수가 {params:,}개나 되는 모델입니다. `print(model)`이 보여 주는 구조는 이렇습니다: "
                         "합성곱과 풀링이 특징 맵을 뽑고(features), 완전 연결 층이 분류합니다(classifier).",
                         "The tutorial makes the large pretrained `models.vgg16()`, then saves and loads its "
                         "weights. It has {params:,} parameters. This is the structure `print(model)` shows: "
                         "convolutions and pooling extract feature maps (features), fully connected layers "
                         "classify (classifier)."),
    "export.vgg_meta": ("이 앱에는 torchvision이 없어, 똑같은 층을 torch.nn으로 쌓아 meta 장치 위에 만들었습니다"
                        "(`with torch.device(\"meta\")`). meta 텐서는 모양만 있고 값은 없으므로 528 MB의 가중치를 "
                        "메모리에 올리지 않고도 구조를 출력할 수 있습니다.",
                        "This app has no torchvision, so it stacks the same layers from torch.nn on the meta device "
                        "(`with torch.device(\"meta\")`). A meta tensor has a shape but no values, so the "
                        "structure prints without putting 528 MB of weights in memory."),
    "export.vgg_pretrained_title": ("**미리 학습된 가중치 불러와 저장하기** (튜토리얼의 `pretrained = True`)",
                                    "**Loading the pretrained weights and saving them** (the tutorial's "
                                    "`pretrained = True`)"),
    "export.vgg_cached": ("이 서버에는 가중치 파일이 있습니다: {path} (torchvision도 이 자리에 둡니다).",
                          "This server has the weight file: {path} (where torchvision keeps it too)."),
    "export.vgg_will_download": ("가중치 파일이 아직 없습니다. 누르면 {path}(으)로 528 MB를 내려받습니다.",
                                 "The weight file is not here yet; pressing downloads 528 MB into {path}."),
    "export.vgg_not_here": ("가중치 파일({path})이 이 서버에 없고, 내려받기는 꺼져 있습니다 (선생님이 {env}=1로 켤 수 있습니다).",
                            "The weight file ({path}) is not on this server, and downloads are off (the teacher "
                            "can turn them on with {env}=1)."),
    "export.vgg_pretrained_run": ("미리 학습된 VGG16 불러와 저장하기", "Load the pretrained VGG16 and save it"),
    "export.vgg_loading": ("가중치를 불러오는 중 (528 MB)...", "Loading the weights (528 MB)..."),
    "export.vgg_downloading": ("VGG16 가중치 내려받는 중 ({done:,.0f} / {total} MB)",
                               "Downloading the VGG16 weights ({done:,.0f} / {total} MB)"),
    "export.vgg_done": ("불러오고 저장했습니다 ({seconds:.1f}초)", "Loaded and saved ({seconds:.1f} s)"),
    "export.vgg_saved": ("가중치는 {path}에서 읽었습니다. `model_weights.pth`는 이번 실행만을 위한 임시 폴더에 썼고, 크기를 잰 뒤 "
                         "지웠습니다. 다시 불러오는 다음 셀은 내 모델로 해 볼 수 있습니다 (위의 불러오기).",
                         "The weights were read from {path}. `model_weights.pth` went into a temporary folder made "
                         "for this run alone, was measured and deleted. The next cell, loading it back, works "
                         "with your own model (the loader above)."),
    "export.whole_comment": ("내가 직접 만든 파일에만 쓰세요", "only for files you made yourself"),
    "export.whole_live": ("지금 모델로 `torch.save(model)`을 실행하면 {size:,.0f} KB짜리 파일이 됩니다. 이 파일을 이 앱의 "
                          "불러오기에 올리면 앱은 이렇게 답합니다:",
                          "Running `torch.save(model)` on your model now makes a file of {size:,.0f} KB. Upload it to "
                          "this app's loader and the app answers:"),
    "export.whole_why": ("왜 열지 않을까요? pickle 파일은 불러오는 순간 그 안에 적힌 어떤 코드든 실행할 수 있습니다. 여러 "
                         "학생이 함께 쓰는 서버는 모르는 사람이 보낸 pickle을 열지 않고, `weights_only=True`로 텐서만 "
                         "읽습니다. 집에서는 내 파일이니 튜토리얼처럼 불러와도 됩니다.",
                         "Why not open it? A pickle file can run any code written inside it the moment it is "
                         "loaded. A server shared by a class never opens a stranger's pickle: it reads tensors only, "
                         "with `weights_only=True`. At home the file is your own, so load it as the tutorial does."),
    "export.parity_intro": ("같은 입력을 파이토치와 onnxruntime(CPU)에 넣고 출력 차이를 잽니다. float32 기준 "
                            "허용 오차는 절대 차이 {threshold:.0e}입니다.",
                            "The same inputs go through PyTorch and onnxruntime (CPU); the outputs are compared. "
                            "For float32 the tolerance is an absolute difference of {threshold:.0e}."),
    "export.max_abs": ("최대 절대 차이", "Max absolute difference"),
    "export.max_rel": ("최대 상대 차이", "Max relative difference"),
    "export.argmax": ("예측 클래스 일치", "Top class agreement"),
    "export.verdict": ("판정", "Verdict"),
    "export.passed": ("통과", "Passed"),
    "export.not_passed": ("불일치", "Mismatch"),
    "export.no_classes": ("해당 없음", "n/a"),
    "export.col_source": ("입력", "Inputs"),
    "export.col_batch": ("배치 크기", "Batch size"),
    "export.source_random": ("무작위 [0, 1)", "Random [0, 1)"),
    "export.source_real": ("FashionMNIST 테스트 이미지", "FashionMNIST test images"),
    "export.plot_title": ("출력마다의 절대 차이 |파이토치 − {other}| (로그 눈금)",
                          "Absolute difference per output |PyTorch − {other}| (log scale)"),
    "export.plot_threshold": ("허용 오차 {threshold:.0e}", "tolerance {threshold:.0e}"),
    "export.plot_exact": ("맨 아래에 놓인 점은 두 값이 정확히 같은 곳입니다 (로그 눈금에 그리려고 {floor:.0e}에 두었습니다).",
                          "Points at the bottom are exactly equal (drawn at {floor:.0e} to fit the log scale)."),
    "export.graph_opset": ("opset", "opset"),
    "export.graph_ir": ("IR 버전", "IR version"),
    "export.graph_size": ("파일 크기", "File size"),
    "export.graph_nodes": ("노드 수", "Nodes"),
    "export.graph_weights": ("저장된 가중치 수", "Stored weights"),
    "export.graph_io": ("입력과 출력 (batch 차원은 크기를 정하지 않음)", "Inputs and outputs (batch is a free dimension)"),
    "export.graph_nodes_heading": ("노드", "Nodes"),
    "export.col_kind": ("구분", "Kind"),
    "export.col_name": ("이름", "Name"),
    "export.col_dtype": ("자료형", "Type"),
    "export.col_shape": ("모양", "Shape"),
    "export.col_op": ("연산", "Operator"),
    "export.col_inputs": ("입력", "Inputs"),
    "export.col_output_shape": ("출력 모양", "Output shape"),
    "export.kind_input": ("입력", "input"),
    "export.kind_output": ("출력", "output"),
    "export.browser_intro": ("같은 .onnx 파일을 이 브라우저가 onnxruntime-web(WebAssembly, 이 서버가 제공)으로 "
                             "실행하고, 같은 입력에 대한 출력을 서버의 파이토치와 비교합니다.",
                             "This browser runs the same .onnx file with onnxruntime-web (WebAssembly, served by "
                             "this server) and its outputs on the same inputs are compared with PyTorch on the server."),
    "export.browser_running": ("브라우저에서 모델을 불러와 실행하는 중…", "Loading and running the model in your browser…"),
    "export.browser_done": ("브라우저 실행 완료", "Ran in your browser"),
    "export.browser_failed": ("브라우저에서 실행하지 못했습니다:", "Could not run in your browser:"),
    "export.browser_waiting": ("브라우저의 답을 기다리는 중입니다 (처음에는 WebAssembly 컴파일에 몇 초 걸립니다).",
                               "Waiting for your browser's answer (the first time, compiling WebAssembly takes a "
                               "few seconds)."),
    "export.browser_error": ("브라우저에서 실행하지 못했습니다: {error}", "Your browser could not run the model: {error}"),
    "export.browser_max_abs": ("브라우저 vs 파이토치 최대 절대 차이", "Browser vs PyTorch max abs difference"),
    "export.browser_time": ("브라우저 추론 시간 (배치 1, 중앙값)", "Browser inference (batch 1, median)"),
    "export.browser_create": ("세션 만들기 (한 번)", "Session creation (once)"),
    "export.browser_reused": ("이미 만든 세션 재사용", "session reused"),
    "export.browser_import": ("onnxruntime-web 불러오기", "Loading onnxruntime-web"),
    "export.browser_runs": ("모델 sha256 {digest}, {number}번째 측정: 배치 1 실행 {count}번, 최소 {low:.2f} ms, 중앙값 {median:.2f} ms, "
                            "반복 평균 {mean:.3f} ms (브라우저 시계는 0.1 ms 단위) · {agent}",
                            "Model sha256 {digest}, measurement {number}: {count} runs at batch 1, min {low:.2f} ms, median {median:.2f} ms, "
                            "loop mean {mean:.3f} ms (the browser's clock ticks in 0.1 ms) · {agent}"),
    "export.browser_again": ("브라우저에서 다시 재기", "Measure again in the browser"),
    "export.try_intro": ("검은 칸에 옷이나 신발을 그려 보세요. 획을 그을 때마다 브라우저가 내보낸 모델로 분류하고 "
                         "(왼쪽 막대), 획을 마치면 서버의 파이토치도 같은 픽셀을 분류합니다 (오른쪽).",
                         "Draw a piece of clothing or a shoe on the black square. Your browser classifies it with "
                         "the exported model on every stroke (bars on the left); when a stroke ends, PyTorch on "
                         "the server classifies the same pixels (right)."),
    "export.try_unsupported": ("그리기는 28×28 이미지 하나(784개 값)를 받아 클래스 여러 개를 내는 모델에서만 됩니다. "
                               "이 모델의 입력은 `{shape}`, 출력은 `{output}`입니다.",
                               "Drawing needs a model that takes one 28×28 image (784 values) and gives several "
                               "classes. This model takes `{shape}` and gives `{output}`."),
    "export.try_clear": ("지우기", "Clear"),
    "export.try_sample": ("테스트 이미지", "Test image"),
    "export.try_upload": ("이미지 올리기", "Upload image"),
    "export.try_browser": ("브라우저 (onnxruntime-web)", "Browser (onnxruntime-web)"),
    "export.try_time": ("브라우저 추론:", "Browser inference:"),
    "export.try_hint": ("마우스나 손가락으로 그리세요.", "Draw with the mouse or a finger."),
    "export.try_torch": ("서버의 파이토치", "PyTorch on the server"),
    "export.try_torch_answer": ("파이토치의 답: **{label}** ({prob:.1%}) · 브라우저와의 확률 차이 최대 {diff:.1e}",
                                "PyTorch says **{label}** ({prob:.1%}) · largest probability difference from the "
                                "browser {diff:.1e}"),
    "export.try_waiting": ("획을 마치면 여기에 파이토치의 답이 나옵니다.", "PyTorch's answer appears here when a stroke ends."),
    "export.try_probability": ("확률", "Probability"),
    "export.files_intro": ("내보낸 파일과 가중치, 파이토치 코드를 내려받거나, 저장해 둔 모델을 다시 불러옵니다.",
                           "Download the exported file, the weights and the PyTorch code, or load a saved model back."),
    "export.download_onnx": ("model.onnx 내려받기", "Download model.onnx"),
    "export.download_zip": ("가중치(.pth) + 모델 설명(JSON) zip 내려받기", "Download weights (.pth) + spec (JSON) as zip"),
    "export.download_code": ("model.py 내려받기", "Download model.py"),
    "export.load_heading": ("저장한 모델 불러오기", "Load a saved model"),
    "export.upload": ("이 페이지에서 받은 zip, 또는 지금 구조에 맞는 .pth state_dict",
                      "A zip from this page, or a .pth state_dict that fits the current network"),
    "export.upload_help": ("torch.load(..., weights_only=True)로 읽으므로 코드가 든 파일은 열지 않습니다.",
                           "Read with torch.load(..., weights_only=True): a file that holds code is never opened."),
    "export.loaded": ("불러왔습니다: {name}, 매개변수 {params:,}개.", "Loaded {name} with {params:,} parameters."),
    "export.kept_model": ("지금 모델은 바뀌지 않았습니다.", "Your current model is unchanged."),
    "export.fashion_0": ("티셔츠/탑", "T-shirt/top"),
    "export.fashion_1": ("바지", "Trouser"),
    "export.fashion_2": ("풀오버", "Pullover"),
    "export.fashion_3": ("드레스", "Dress"),
    "export.fashion_4": ("코트", "Coat"),
    "export.fashion_5": ("샌들", "Sandal"),
    "export.fashion_6": ("셔츠", "Shirt"),
    "export.fashion_7": ("운동화", "Sneaker"),
    "export.fashion_8": ("가방", "Bag"),
    "export.fashion_9": ("앵클 부츠", "Ankle boot"),
    "export.class_n": ("클래스 {n}", "class {n}"),
}
