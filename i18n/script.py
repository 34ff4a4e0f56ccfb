"""Strings of the "take it home" download: the whole setup as a runnable script or notebook."""

STRINGS = {
    "script.title": ("집에서 실행하기: 파이썬 스크립트로 받기", "Take it home: download as a Python script"),
    "script.intro": ("지금 설정 전체(데이터, 모델, 손실 함수, 옵티마이저, train_loop/test_loop)를 하나의 파일로 받습니다. "
                     "CPU에서 실행하면 놀이터와 같은 숫자를 출력합니다(여러 학생의 실행을 함께 묶어 학습했다면 "
                     "float32 반올림 차이만큼, 10 에폭 동안 가장 큰 값의 1e-5 이내에서 다를 수 있습니다). "
                     "주석은 지금 고른 언어로 적힙니다.",
                     "The whole current setup (data, model, loss, optimizer, train_loop/test_loop) as one file. "
                     "Run on a CPU, it prints the same numbers as the playground (a run trained together with "
                     "other students' runs may differ by float32 rounding: within 1e-5 of the largest value over "
                     "10 epochs). Comments are in the current language."),
    "script.save_weights": ("학습한 가중치 저장하기 (state_dict)", "Save the learned weights (state_dict)"),
    "script.export_onnx": ("ONNX로 내보내고 onnxruntime으로 확인하기", "Export to ONNX and check it with onnxruntime"),
    "script.download_py": ("스크립트 받기 (.py)", "Download script (.py)"),
    "script.download_ipynb": ("노트북 받기 (.ipynb)", "Download notebook (.ipynb)"),
    "script.for_data": ("데이터: {data}", "Data: {data}"),
    "script.fresh_weights": ("스크립트는 지금 모델의 학습된 가중치가 아니라, 시드로 새로 만든 가중치에서 시작합니다.",
                             "The script starts from fresh weights made from the seed (not the current model's "
                             "trained weights)."),
    "script.no_data": ("이 모델의 입력 {shape}에 맞는 데이터셋이 없어 스크립트를 만들 수 없습니다. 학습 페이지에서 데이터를 고르세요.",
                       "No data set fits this model's input {shape}, so there is no script yet. Pick data on the "
                       "Train page."),
}
