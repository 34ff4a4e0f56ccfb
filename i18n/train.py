"""Train page strings (the training queue's among them), and the descriptions of the presets the training area
adds."""

STRINGS = {
    # the temperature plot's axes (tutorial 001's unknown unit t_u, drawn as degrees Fahrenheit)
    "train.fahrenheit": ("화씨 (°F)", "Fahrenheit"),
    "train.celsius": ("섭씨 (°C)", "Celsius"),
    "nav.train": ("학습시키기", "Train"),
    "train.blurb": ("손실 함수·옵티마이저·하이퍼파라미터를 골라 학습시키고 곡선이 움직이는 것을 봅니다",
                    "Pick a loss, an optimizer and hyperparameters, train, and watch the curves move"),
    "train.title": ("학습시키기", "Train a model"),
    "train.intro": ("튜토리얼의 train_loop와 test_loop를 서버의 파이토치로 돌립니다. 학습은 뒤에서 돌아가니 "
                    "그동안 페이지의 다른 곳을 봐도 됩니다.",
                    "Runs the tutorial's train_loop and test_loop with PyTorch on the server. Training runs in "
                    "the background, so the rest of the page stays usable meanwhile."),
    "train.source": ("모델", "Model"),
    "train.source_preset": ("프리셋", "Preset"),
    "train.source_current": ("지금 모델 (모델 만들기에서)", "Current model (from Build a model)"),
    "train.current_model": ("모델 만들기 페이지의 모델(매개변수 {params:,}개)을 지금 가중치에서 이어서 학습합니다.",
                            "The model from the Build page ({params:,} parameters), trained on from its current weights."),
    "train.preset": ("프리셋", "Preset"),
    "train.data": ("데이터셋", "Data set"),
    "train.noise": ("잡음", "Noise"),
    "train.loss": ("손실 함수", "Loss function"),
    "train.optimizer": ("옵티마이저", "Optimizer"),
    "train.lr": ("학습률", "Learning rate"),
    "train.momentum": ("모멘텀", "Momentum"),
    "train.schedule": ("학습률 스케줄", "Learning-rate schedule"),
    "train.schedule_none": ("없음 (일정한 학습률)", "None (constant learning rate)"),
    "train.schedule_onecycle": ("OneCycle", "OneCycle"),
    "train.schedule_cosine": ("코사인 (CosineAnnealing)", "Cosine (CosineAnnealing)"),
    "train.schedule_help": ("배치마다 학습률을 바꿉니다. OneCycle은 학습률의 1/25에서 시작해 처음 30% 동안 "
                            "학습률까지 올렸다가 끝까지 천천히 낮추고, 코사인은 학습률에서 0까지 낮춥니다. "
                            "끝으로 갈수록 학습률이 작아져서 마지막 에폭의 정확도가 덜 흔들립니다.",
                            "Changes the learning rate after every batch. OneCycle starts at 1/25 of the learning "
                            "rate, rises to it over the first 30 % of the batches, then slowly lowers it to the end; "
                            "Cosine lowers it from the learning rate to 0. With a smaller learning rate towards the "
                            "end, the last epochs' accuracy wobbles less."),
    "train.batch_size": ("배치 크기", "Batch size"),
    "train.epochs": ("에폭 수", "Epochs"),
    "train.regularization": ("규제", "Regularization"),
    "train.reg_none": ("없음", "None"),
    "train.reg_l1": ("L1", "L1"),
    "train.reg_l2": ("L2", "L2"),
    "train.reg_rate": ("규제 비율", "Regularization rate"),
    "train.seed": ("시드", "Seed"),
    "train.device": ("장치", "Device"),
    "train.shuffle": ("에폭마다 섞기 (shuffle)", "Shuffle every epoch"),
    "train.play": ("학습 시작", "Play"),
    "train.pause": ("잠시 멈추기", "Pause"),
    "train.step": ("한 배치 학습", "One batch"),
    "train.step_epoch": ("한 에폭 학습", "One epoch"),
    "train.reset": ("처음부터 다시", "Reset"),
    "train.speed": ("학습 속도", "Speed"),
    "train.speed_slow": ("느리게 (초당 10 에폭)", "Slow (10 epochs/s)"),
    "train.speed_normal": ("보통 (초당 60 에폭)", "Normal (60 epochs/s)"),
    "train.speed_fast": ("빠르게 (최대 속도)", "Fast (full speed)"),
    "train.speed_help": ("학습 중에도 바꿀 수 있습니다. 느리게 하면 결정 경계가 만들어지는 과정을 천천히 볼 수 있습니다.",
                         "You can change it while the model trains. Slow it down to watch the decision boundary "
                         "take shape."),
    "train.press_play": ("설정을 고르고 **학습 시작**을 누르세요.", "Choose the settings and press **Play**."),
    "train.progress": ("{status} · 에폭 {epoch}/{epochs} · 배치 {batch}/{batches}",
                       "{status} · epoch {epoch}/{epochs} · batch {batch}/{batches}"),
    "train.status_ready": ("준비", "Ready"),
    "train.status_running": ("학습 중", "Training"),
    "train.status_paused": ("일시 정지", "Paused"),
    "train.status_done": ("완료", "Done"),
    "train.status_stopped": ("멈춤", "Stopped"),
    "train.status_diverged": ("발산", "Diverged"),
    "train.status_limit": ("제한 도달", "Limit reached"),
    "train.crashed": ("학습 중 문제가 생겼습니다: {error}", "Training failed: {error}"),
    "train.train_loss": ("학습 손실", "Train loss"),
    "train.test_loss": ("테스트 손실", "Test loss"),
    "train.train_accuracy": ("학습 정확도", "Train accuracy"),
    "train.test_accuracy": ("테스트 정확도", "Test accuracy"),
    "train.seconds": ("시간 (초)", "Seconds"),
    "train.batch_loss": ("배치 손실", "Batch loss"),
    "train.loss_curve": ("손실", "Loss"),
    "train.accuracy_curve": ("정확도", "Accuracy"),
    "train.epoch": ("에폭", "Epoch"),
    "train.epoch_counter": ("에폭 {epoch} · 단계 {steps}", "Epoch {epoch} · step {steps}"),
    "train.no_epochs_yet": ("아직 끝난 에폭이 없습니다.", "No epoch has finished yet."),
    # The student's own CSV on the Train page (ui/train/settings.py)
    "train.data_csv": ("내 CSV: {name}", "My CSV: {name}"),
    "train.csv_model_needed": ("이 CSV의 한 행에는 입력 열이 {columns}개 있는데, 고른 모델은 {shape} 모양의 입력을 받습니다.",
                               "A row of this CSV has {columns} input columns, but the chosen model takes inputs "
                               "of shape {shape}."),
    "train.csv_model": ("이 데이터에 맞는 작은 신경망 만들기", "Make a small network that fits this data"),
    "train.settings_title": ("학습 설정: 모델, 데이터, 손실 함수, 옵티마이저, 하이퍼파라미터",
                             "Training settings: model, data, loss, optimizer, hyperparameters"),
    "train.seed_printout": ("튜토리얼처럼 출력하기", "As the tutorial prints it"),
    "train.printout_source": ("튜토리얼의 학습 함수: 아래 출력은 이 함수의 print 형식을 따릅니다",
                              "The tutorial's own function: the printout below follows its print lines"),
    "train.printout_mine": ("내 학습: 튜토리얼의 print와 같은 형식", "Your run, in the tutorial's print format"),
    "train.printout_handout": ("튜토리얼 원문에 찍힌 결과", "What the tutorial printed"),
    "train.printout_random": ("숫자가 튜토리얼과 조금 다른 것은 정상입니다. 가중치의 첫 값과 데이터를 섞는 순서가 난수로 정해지는데, "
                              "튜토리얼을 쓴 사람의 컴퓨터와 이 서버의 난수가 다르기 때문입니다. 줄어드는 흐름과 "
                              "크기가 비슷한지 비교해 보세요. 같은 시드로 다시 학습하면 이 앱에서는 언제나 같은 숫자가 나옵니다.",
                              "Your numbers differ a little from the tutorial's, and that is expected: the starting "
                              "weights and the shuffling order are random, and the tutorial author's computer drew "
                              "other random numbers than this server. Compare how the loss falls and its size. "
                              "Trained again with the same seed, this app always gives the same numbers."),
    "train.now_current": ("학습된 모델이 이제 다른 페이지(계층, Autograd, 내보내기)의 모델입니다.",
                          "The trained model is now the model the other pages (layers, autograd, export) use."),
    "train.tab_confusion": ("혼동 행렬", "Confusion matrix"),
    "train.tab_samples": ("예측 예시", "Sample predictions"),
    "train.tab_misclassified": ("틀린 예시", "Misclassified"),
    "train.predicted": ("예측", "Predicted"),
    "train.truth": ("정답", "Truth"),
    "train.truth_is": ("정답: {name}", "Truth: {name}"),
    "train.softmax": ("소프트맥스 확률", "Softmax probabilities"),
    "train.miss": ("정답 {truth} → 예측 {predicted}", "{truth} → predicted {predicted}"),
    "train.no_misses": ("처음 1,000개 테스트 이미지에서 틀린 것이 없습니다.", "No mistakes in the first 1,000 test images."),
    "train.boundary": ("결정 경계 (배경: 클래스 1일 확률)", "Decision boundary (background: probability of class 1)"),
    "train.train_points": ("학습 데이터", "Training data"),
    "train.test_points": ("테스트 데이터", "Test data"),
    "train.network": ("신경망 (선 굵기·색 = 가중치)", "Network (line width and colour = weight)"),
    "train.net_input": ("입력", "Input"),
    "train.net_units": ("뉴런 {units}개", "{units} neurons"),
    "train.net_output": ("출력", "Output"),
    "train.weight_positive": ("양수 가중치", "positive weight"),
    "train.weight_negative": ("음수 가중치", "negative weight"),
    "train.network_too_big": ("가중치 {links:,}개는 다 그리기에 너무 많아, 계층마다 처음 {units}개 뉴런만 보여 줍니다.",
                              "{links:,} weights are too many to draw: the first {units} neurons of each layer are shown."),
    "train.neurons": ("네모 하나 = 그 뉴런이 입력 평면 위에서 내는 출력", "Each square: that neuron's output over the input plane"),
    "train.fitted_curve": ("측정값과 모델 곡선 (20~90 °F)", "Measurements and the model's curve (20-90 °F)"),
    "train.this_model": ("이 모델", "This model"),
    "train.model_at_readings": ("측정값 11개에서 모델의 출력 (튜토리얼의 'kx')", "The model's output at the 11 readings (the tutorial's 'kx')"),
    "train.reference_model": ("비교: {preset} (추천 설정으로 학습)", "Compare: {preset} (trained with its recommended settings)"),
    "train.gradient_intro": ("마지막 학습 단계를 마친 뒤 첫 Linear 계층 가중치의 변화도 (튜토리얼의 `hidden_linear.weight.grad`):",
                             "The first Linear layer's weight gradient after the last step (the tutorial's `hidden_linear.weight.grad`):"),
    # the shared training queue (classroom/queue.py), while a run waits for a free process
    "classroom.queued": ("대기열 {place}번째: 앞에 학습 {ahead}개가 기다리고 있습니다. 서버는 한 번에 {workers}개씩 학습합니다.",
                         "Place {place} in the queue: {ahead} run(s) ahead of yours. The server trains {workers} "
                         "at a time."),
    "classroom.queued_next": ("대기열 1번째: 다음 차례입니다. 서버는 한 번에 {workers}개씩 학습합니다.",
                              "Place 1 in the queue: yours is next. The server trains {workers} at a time."),
    # with time slices (classroom/queue.py): how long until its first turn, about
    "classroom.queued_eta": ("대기열 {place}번째: 앞에 학습 {ahead}개가 있어 약 {seconds}초 뒤에 차례가 옵니다. 그다음에는 "
                             "다른 학습들과 번갈아 가며 조금씩 학습합니다.",
                             "Place {place} in the queue: {ahead} run(s) ahead of yours, your turn comes in about "
                             "{seconds} s. Then it trains in turns with the other runs."),
    "classroom.queued_next_eta": ("대기열 1번째: 약 {seconds}초 뒤에 차례가 옵니다. 그다음에는 다른 학습들과 번갈아 가며 "
                                  "조금씩 학습합니다.",
                                  "Place 1 in the queue: your turn comes in about {seconds} s. Then it trains in turns "
                                  "with the other runs."),
    # the gang's lane (classroom/gang_runs.py): small runs train together, and wait only when the gang is full
    "classroom.gang_queued": ("대기열 {place}번째: 서버는 작은 학습을 한 번에 {workers}개까지 함께 학습하는데, 지금 자리가 "
                              "모두 찼습니다. 자리가 나면 바로 시작합니다.",
                              "Place {place} in the queue: the server trains up to {workers} small runs together, and "
                              "all places are taken. Yours starts as soon as one frees."),
    "classroom.gang_queued_eta": ("대기열 {place}번째: 서버는 작은 학습을 한 번에 {workers}개까지 함께 학습하는데, 지금 "
                                  "자리가 모두 찼습니다. 약 {seconds}초 뒤에 자리가 납니다.",
                                  "Place {place} in the queue: the server trains up to {workers} small runs together, "
                                  "and all places are taken. One frees in about {seconds} s."),
    "preset.fashion_fast": ("빠른 FashionMNIST 분류기 784-128-10 (추천)", "Fast FashionMNIST classifier 784-128-10 (recommended)"),
    "preset.playground_2d": ("2차원 놀이터 신경망 2-8-8-2 Tanh", "2-D playground network 2-8-8-2 Tanh"),
    "preset.playground_circle": ("TF 플레이그라운드 기본: 원 데이터, 은닉층 4-2 Tanh",
                                 "TF Playground's default: circle data, hidden layers 4-2 Tanh"),
    "preset.playground_spiral": ("TF 플레이그라운드 나선: 뉴런 8개짜리 은닉층 6개, ReLU",
                                 "TF Playground's spiral: six hidden layers of 8, ReLU"),
    # a run that blew up (engine/training/guards.py's `blew_up`): the current model stays until the student asks
    "train.status_blew_up": ("망가짐", "Blew up"),
    "train.kept_current": ("다른 페이지(계층, Autograd, 내보내기)의 지금 모델은 바꾸지 않았습니다.",
                           "The current model of the other pages (layers, autograd, export) was not replaced."),
    "train.keep_anyway": ("그래도 이 학습의 모델을 지금 모델로 쓰기", "Use this run's model as the current model anyway"),
    # a run the server stopped (classroom/queue.py's watchdog), said when the student comes back
    "train.stopped_gone": ("학습이 멈췄습니다: 브라우저 탭이 닫혀 있었습니다. 학습은 탭이 열려 있는 동안만 진행됩니다. "
                           "다시 하려면 학습을 누르세요.",
                           "Training stopped: your browser tab was closed. A run trains only while its tab is open; "
                           "press Play to train again."),
    "train.stopped_limit": ("학습이 멈췄습니다: 한 번의 학습에 쓸 수 있는 시간({minutes}분)을 넘었습니다. 지금까지 학습한 "
                            "가중치는 남아 있습니다. 에폭 수를 줄이거나 배치 크기를 키워 보세요.",
                            "Training stopped: the run went past the time one run may take ({minutes} minutes). The "
                            "weights trained so far are kept. Try fewer epochs or a larger batch size."),
}
