"""Strings of the guided course's panel and the Home page's list of paths (step texts: course_steps.py)."""

STRINGS = {
    "course.panel": ("튜토리얼 따라가기", "Guided path"),
    "course.choose": ("따라갈 튜토리얼", "Tutorial to follow"),
    "course.none": ("따라가지 않기", "Not following one"),
    "course.step_of": ("{n}단계 중 {k}단계: {title}", "Step {k} of {n}: {title}"),
    "course.go": ("이 페이지의 **{control}**에서 해 보세요.", "Try it with **{control}** on this page:"),
    "course.handout": ("튜토리얼의 결과", "The tutorial's"),
    "course.mine": ("이 앱의 결과", "This app's"),
    "course.exercise": ("확인 문제", "Exercise"),
    "course.answer": ("답", "Your answer"),
    "course.check": ("답 확인하기", "Check my answer"),
    "course.right": ("맞았습니다!", "Right!"),
    "course.wrong": ("아직 아닙니다. {reason}", "Not yet. {reason}"),
    "course.hint": ("힌트: {hint}", "Hint: {hint}"),
    "course.reveal": ("세 번 틀렸으니 답을 알려 드립니다: `{answer}`", "Three tries: the answer is `{answer}`."),
    "course.previous": ("이전 단계로", "Back"),
    "course.next": ("다음 단계로", "Next step"),
    "course.done": ("이 튜토리얼의 마지막 단계입니다. 다른 튜토리얼도 따라가 보세요.",
                    "This is the tutorial's last step. Try another tutorial's path."),
    "course.by": ("지은이: {author}", "By {author}"),
    "course.no_author": ("튜토리얼에 지은이가 적혀 있지 않습니다", "The tutorial names no author"),
    "course.no_link": ("튜토리얼에 원문 링크가 없습니다", "The tutorial gives no link"),
    "course.home_heading": ("튜토리얼 순서대로 따라가기", "A course in the tutorials' order"),
    "course.home_intro": (
        "수업 자료인 튜토리얼 다섯 개마다 따라가기 경로가 있습니다. 사이드바의 **튜토리얼 따라가기**에서 하나를 "
        "고르면, 단계마다 어느 페이지에서 무엇을 해 볼지, 튜토리얼에 찍힌 결과와 이 앱의 결과, 확인 문제를 보여 줍니다.",
        "Each of the class's five tutorials has a guided path. Pick one under **Guided path** in the sidebar: "
        "each step says which page to use and what to try, shows the tutorial's printed result beside this "
        "app's, and asks one exercise."),
    "course.home_steps": ("{n}단계", "{n} steps"),
    "course.start": ("이 튜토리얼 따라가기", "Follow this tutorial"),
    "course.reason.not_number": ("숫자 하나를 적어 주세요 (쉼표는 써도 됩니다).", "Type one number (commas are fine)."),
    "course.reason.not_count": ("1 이상의 정수를 적어 주세요.", "Type a whole number, 1 or more."),
    "course.reason.not_shape": ("모양은 (3, 784)처럼 크기를 차례로 적어 주세요.",
                                "Write a shape as its sizes in order, like (3, 784)."),
    "course.reason.not_option": ("보기 중 하나를 골라 주세요.", "Pick one of the options."),
    "course.reason.too_high": ("정답보다 큽니다.", "That is more than the answer."),
    "course.reason.too_low": ("정답보다 작습니다.", "That is less than the answer."),
    "course.reason.rank": ("차원의 개수가 다릅니다.", "The number of dimensions differs."),
    "course.reason.sizes": ("차원의 개수는 맞는데 크기가 다릅니다.", "Right number of dimensions, but the sizes differ."),
    "course.reason.mismatch": ("이 값으로는 앞 계층의 출력과 모양이 맞지 않아 모델을 만들 수 없습니다.",
                               "With this value the model cannot be built: it does not fit the previous "
                               "layer's output."),
    "course.reason.wrong_option": ("다른 보기를 골라 보세요.", "Try another option."),
}
