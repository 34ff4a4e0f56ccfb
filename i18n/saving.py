"""Saving a student's work (ui/saving/): the sidebar's resume code and saving's state."""

STRINGS = {
    "store.resume": ("이어하기", "Continue elsewhere"),
    "store.your_code": ("내 이어하기 코드: **{code}**  \n다른 컴퓨터에서 이 코드를 넣으면 모델과 학습 기록을 그대로 이어서 쓸 수 있습니다.",
                        "Your resume code: **{code}**  \nType it on another computer to continue with the same model and training history."),
    "store.enter_code": ("다른 컴퓨터에서 받은 이어하기 코드", "A resume code from another computer"),
    "store.continue": ("이 코드로 이어하기", "Continue with this code"),
    "store.unknown_code": ("그런 이어하기 코드가 없습니다. 8글자를 다시 확인해 보세요.",
                           "There is no such resume code. Check its 8 characters again."),
    "store.paused": ("지금은 저장이 멈춰 있습니다(데이터베이스에 연결할 수 없음). 작업은 계속할 수 있고, 연결되면 다시 저장합니다.",
                     "Saving is paused (the database cannot be reached). You can keep working; your work is saved again once it is back."),
    "store.over_limit": ("저장 공간 한도를 넘어 마지막 변경은 저장되지 않았습니다. 큰 CSV 파일이나 모델을 줄여 보세요.",
                         "Your storage limit is reached: the last change was not saved. Try a smaller CSV file or model."),
    "store.fresh_start": ("저장된 작업을 읽을 수 없어서 처음부터 새로 시작합니다.",
                          "Your saved work could not be read, so you start fresh."),
    "store.interrupted": ("서버가 멈췄을 때 학습 중이던 실행입니다. 마지막으로 저장된 가중치에서 멈춰 있으며, **학습 시작**을 누르면 거기서 이어서 학습합니다.",
                          "This run was training when the server stopped. It is paused at its last saved weights; press **Play** to go on from them."),
}
