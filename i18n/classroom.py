"""Strings for the classroom: the shared training queue on the Train page."""

STRINGS = {
    "classroom.queued": ("대기열 {place}번째: 앞에 {ahead}명의 학습이 있습니다. 서버가 한 번에 {workers}개씩 학습합니다.",
                         "Place {place} in the queue: {ahead} run(s) ahead of yours. The server trains {workers} "
                         "at a time."),
    "classroom.queued_next": ("대기열 1번째: 다음 차례입니다. 서버가 한 번에 {workers}개씩 학습합니다.",
                              "Place 1 in the queue: yours is next. The server trains {workers} at a time."),
}
