"""Strings for lesson links."""

STRINGS = {
    "links.share": ("이 설정 공유하기", "Share this setup"),
    "links.share_help": ("이 링크를 열면 같은 모델과 설정, 언어가 그대로 열립니다.",
                         "Opening this link reproduces the same model, settings and language."),
    "links.fallback": ("링크의 설정을 적용하지 않고 기본 설정을 보여 줍니다. {reason}",
                       "The link's setup was not applied; the defaults are shown. {reason}"),
}
