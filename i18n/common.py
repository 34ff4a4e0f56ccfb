"""Strings shared by every page: navigation, sidebar."""

STRINGS = {
    # a device's name for people (engine/device.py gives the kind and core count; ui/language.py's device_label)
    "device.cpu": ("CPU (코어 {cores}개)", "CPU ({cores} cores)"),
    "device.cpu_one": ("CPU (코어 1개)", "CPU (1 core)"),
    "device.auto": ("자동", "Automatic"),
    "app.title": ("파이토치 신경망 놀이터", "Torch Playground"),
    "nav.home": ("홈", "Home"),
    "nav.model": ("모델 만들기", "Build a model"),
    "sidebar.language": ("언어", "Language"),
    "sidebar.device": ("학습 장치: {device}", "Training device: {device}"),
    "common.download": ("내려받기", "Download"),
    # ui/widgets.py: Streamlit's own English texts, and a number typed outside its range
    "widgets.upload": ("파일 올리기", "Upload"),
    "widgets.upload_limit": ("파일 하나에 {mb}MB까지", "{mb}MB per file"),
    "widgets.press_enter": ("Enter 키를 누르면 적용됩니다", "Press Enter to apply"),
    "widgets.clamped": ("{low}~{high} 사이만 넣을 수 있어 {typed} 대신 {used}(으)로 바꿨습니다.",
                        "Allowed: {low} to {high}. {typed} was changed to the nearest, {used}."),
    "common.copy_hint": ("오른쪽 위 아이콘으로 복사할 수 있습니다.", "Copy it with the icon at the top right."),
}
