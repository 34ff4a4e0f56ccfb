"""Seed 003 section 1 as runnable lessons: each builds a short PyTorch snippet from checked inputs,
runs exactly that code, and returns the code, what it printed and the tensors it made.

Student input never reaches the code as text: numbers and nested lists are parsed, checked and
written back with `repr`, index expressions are parsed into ints, slices and `...`. Random tensors
use their own torch.Generator, never the global RNG.
"""

from __future__ import annotations

import ast
import functools
import io
import re
from dataclasses import dataclass, field

import torch

from engine.device import available_devices
from engine.errors import PlaygroundError
from engine.inside.parsing import parse_expression

HEADER = "import torch\nimport numpy as np\n\n"
MAX_ELEMENTS = 64
MAX_SIDE = 8
CREATE_METHODS = ("data", "numpy", "ones_like", "rand_like", "rand", "ones", "zeros")


@dataclass(frozen=True)
class Lesson:
    """A snippet that ran: its code, its printed output, named values, and the error it raised if any."""

    code: str
    output: str
    values: dict = field(default_factory=dict)
    error: str | None = None


@functools.lru_cache(maxsize=512)
def run_lesson(body: str, keep: tuple[str, ...] = ()) -> Lesson:
    """Run `HEADER + body` with a private `print`, keeping the variables named in `keep`.

    Remembered per (body, keep): the code is built from checked inputs only and draws its random numbers
    from a seeded generator, so a second run prints the same; the Tensors page asks on every rerun, a class
    of thirty mostly for the same default cells. The kept tensors are shared: callers only read them.
    """
    code = HEADER + body.strip() + "\n"
    buffer = io.StringIO()
    namespace = {"print": functools.partial(print, file=buffer)}  # never the process's stdout
    error = None
    try:
        exec(compile(code, "<lesson>", "exec"), namespace)  # code built from checked pieces only
    except RuntimeError as caught:  # the autograd lesson fails on purpose
        error = f"{type(caught).__name__}: {caught}"
    return Lesson(code, buffer.getvalue(), {name: namespace[name] for name in keep if name in namespace}, error)


def parse_data(text: str) -> list:
    """A nested list of numbers typed by a student (e.g. "[[1, 2], [3, 4]]"), checked to fit a tensor."""
    try:
        value = ast.literal_eval(parse_expression(text.strip()[:500]))
        tensor = torch.tensor(value)
    except (ValueError, SyntaxError, TypeError, RuntimeError, MemoryError, RecursionError) as error:
        raise PlaygroundError("tensor_bad_data", reason=type(error).__name__) from error
    if (not isinstance(value, list | tuple) or tensor.dtype not in (torch.int64, torch.float32)
            or not 1 <= tensor.dim() <= 3 or not 1 <= tensor.numel() <= MAX_ELEMENTS):
        raise PlaygroundError("tensor_bad_data", reason=f"1-3 dims of numbers, at most {MAX_ELEMENTS}")
    return tensor.tolist()


def check_shape(shape: tuple[int, ...]) -> tuple[int, ...]:
    """A shape of 1 to 3 sides, each 1..8 (small enough to print)."""
    if not 1 <= len(shape) <= 3 or any(not isinstance(s, int) or not 1 <= s <= MAX_SIDE for s in shape):
        raise PlaygroundError("tensor_bad_shape", shape=str(tuple(shape)), high=MAX_SIDE)
    return tuple(shape)


_DESCRIBE = ('\nprint(f"{x}\\n")\nprint(f"Shape of tensor: {x.shape}")\nprint(f"Datatype of tensor: {x.dtype}")'
             '\nprint(f"Device tensor is stored on: {x.device}")')


def create_tensor(method: str, data: list | None = None, shape: tuple[int, ...] = (2, 3), seed: int = 0) -> Lesson:
    """Seed 003's ways to make a tensor: from data, from NumPy, like another tensor, from a shape."""
    data = parse_data(repr(data)) if data is not None else [[1, 2], [3, 4]]  # only plain numbers reach the code
    shape = check_shape(shape) if method in ("rand", "ones", "zeros") else shape
    generator = f"g = torch.Generator().manual_seed({int(seed)})  # our own random numbers, reproducible\n"
    bodies = {
        "data": f"data = {data!r}\nx = torch.tensor(data)",
        "numpy": f"data = {data!r}\nnp_array = np.array(data)\nx = torch.from_numpy(np_array)",
        "ones_like": f"x_data = torch.tensor({data!r})\nx = torch.ones_like(x_data)  # keeps shape and dtype",
        "rand_like": f"x_data = torch.tensor({data!r})\n{generator}"
                     "x = torch.rand_like(x_data, dtype=torch.float, generator=g)  # overrides the dtype",
        "rand": f"shape = {shape!r}\n{generator}x = torch.rand(shape, generator=g)",
        "ones": f"shape = {shape!r}\nx = torch.ones(shape)",
        "zeros": f"shape = {shape!r}\nx = torch.zeros(shape)",
    }
    body = bodies[method] + _DESCRIBE
    return run_lesson(body, keep=("x",))


_INT = re.compile(r"-?\d{1,3}")
_SLICE = re.compile(r"(-?\d{1,3})?:(-?\d{1,3})?(?::([1-9]\d?)?)?")


def _index_part(part: str):
    if part == "...":
        return Ellipsis
    if _INT.fullmatch(part):
        return int(part)
    match = _SLICE.fullmatch(part)
    if not match:
        raise ValueError(part)
    return slice(*(int(number) if number else None for number in match.groups()))


def parse_index(text: str) -> str:
    """A NumPy-style index like "0", ":, 0", "..., -1", "1:3, ::2", checked on a 4x4 tensor and written
    back canonically (PlaygroundError if it is not one or does not fit)."""
    parts = [part.strip() for part in text.strip().strip("[]").split(",")]
    try:
        if not 1 <= len(parts) <= 3 or parts.count("...") > 1:
            raise ValueError(text)
        torch.arange(16.0).reshape(4, 4)[tuple(_index_part(part) for part in parts)]
    except (ValueError, IndexError) as error:
        raise PlaygroundError("tensor_bad_index", index=text[:30]) from error
    return ", ".join(parts)


def index_tensor(index: str, assign: float | None = None) -> Lesson:
    """Index (and optionally assign to) a 4x4 tensor numbered 0..15, as in seed 003's slicing demo."""
    index = parse_index(index)
    body = f"tensor = torch.arange(16.).reshape(4, 4)\nprint(f\"tensor[{index}]: {{tensor[{index}]}}\")"
    if assign is not None:
        body += f"\ntensor[{index}] = {float(assign)!r}\nprint(tensor)"
    return run_lesson(body, keep=("tensor",))


def join_tensors(operation: str, dim: int) -> Lesson:
    """`torch.cat` against `torch.stack` on two 2x3 tensors along `dim`."""
    limit = 1 if operation == "cat" else 2
    if operation not in ("cat", "stack") or not -limit - 1 <= dim <= limit:
        raise PlaygroundError("tensor_bad_dim", operation=str(operation)[:10], dim=dim, low=-limit - 1, high=limit)
    body = (f"a = torch.zeros(2, 3)\nb = torch.ones(2, 3)\nt = torch.{operation}([a, b], dim={int(dim)})\n"
            "print(t)\nprint(t.shape)")
    return run_lesson(body, keep=("t",))


def multiply(rows: int, cols: int, seed: int = 0) -> Lesson:
    """Matrix product (@, matmul) against element-wise product (*, mul) on one tensor and its transpose."""
    rows, cols = check_shape((rows, cols))
    body = (f"g = torch.Generator().manual_seed({int(seed)})\n"
            f"tensor = torch.randint(0, 4, ({rows}, {cols}), generator=g).float()\n"
            "# matrix product: y1, y2, y3 are equal\n"
            "y1 = tensor @ tensor.T\ny2 = tensor.matmul(tensor.T)\ny3 = torch.rand_like(y1, generator=g)\n"
            "torch.matmul(tensor, tensor.T, out=y3)\n"
            "# element-wise product: z1, z2, z3 are equal\n"
            "z1 = tensor * tensor\nz2 = tensor.mul(tensor)\nz3 = torch.rand_like(tensor, generator=g)\n"
            "torch.mul(tensor, tensor, out=z3)\n"
            "print(torch.equal(y1, y2) and torch.equal(y1, y3), y1.shape)\n"
            "print(torch.equal(z1, z2) and torch.equal(z1, z3), z1.shape)")
    return run_lesson(body, keep=("tensor", "y1", "z1"))


def add_in_place(amount: float) -> Lesson:
    """`tensor.add_(amount)` changes the tensor itself (seed 003's in-place operations)."""
    body = (f"tensor = torch.ones(4, 4)\ntensor[:, 1] = 0\nbefore = tensor.clone()\nsame = tensor\n"
            f"tensor.add_({float(amount)!r})\nprint(tensor)\nprint(same is tensor)")
    return run_lesson(body, keep=("before", "tensor"))


def in_place_breaks_autograd() -> Lesson:
    """The seed's warning made concrete: an in-place change to a value backward() needs is an error."""
    body = ("x = torch.ones(3, requires_grad=True)\n"
            "y = torch.sigmoid(x)  # backward() will need y itself: d sigmoid = y * (1 - y)\n"
            "y.add_(1)  # in-place: the saved y is gone\n"
            "y.sum().backward()")
    return run_lesson(body)


def numpy_bridge(direction: str, amount: float, copy: bool = False) -> Lesson:
    """Tensor and NumPy array sharing memory (change one, the other changes) unless a copy is made."""
    amount = float(amount)
    if direction == "tensor_to_numpy":
        make = "n = t.numpy().copy()  # a copy: no longer shared" if copy else "n = t.numpy()"
        body = f"t = torch.ones(5)\n{make}\nt.add_({amount!r})\nprint(f\"t: {{t}}\")\nprint(f\"n: {{n}}\")"
    else:
        make = "t = torch.tensor(n)  # a copy: no longer shared" if copy else "t = torch.from_numpy(n)"
        body = (f"n = np.ones(5)\n{make}\nnp.add(n, {amount!r}, out=n)\n"
                "print(f\"t: {t}\")\nprint(f\"n: {n}\")")
    body += "\nprint(np.shares_memory(n, t.numpy()))"
    return run_lesson(body, keep=("t", "n"))


# Seed 003's own running example, cell by cell and character for character, so the page prints what the
# handout prints. Its indexing cell has two typos (see `tensors.handout_typo`): `tensor[: -1]` is every row
# but the last, and `tensor[: 1] = 0` zeroes row 0, not column 1. The later cells work on that same tensor.
HANDOUT_CELLS = {
    "index": ('tensor = torch.ones(4, 4)\nprint(f"First row : {tensor[0]}")\n'
              'print(f"First column : {tensor[:, 0]}")\nprint(f"Last column : {tensor[: -1]}")\n'
              "tensor[: 1] = 0\nprint(tensor)"),
    "cat": "t1 = torch.cat([tensor, tensor, tensor], dim = 1)  # dim = 1 joins side by side, = 0 one above the other"
           "\nprint(t1)",
    "multiply": ("# matrix product: y1, y2, y3 are equal\ny1 = tensor @ tensor.T\ny2 = tensor.matmul(tensor.T)\n"
                 "y3 = torch.rand_like(y1)\ntorch.matmul(tensor, tensor.T, out = y3)\n"
                 "# element-wise product: z1, z2, z3 are equal\nz1 = tensor * tensor\nz2 = tensor.mul(tensor)\n"
                 "z3 = torch.rand_like(tensor)\ntorch.mul(tensor, tensor, out = z3)\n"
                 "print(z3)  # the notebook showed this last value by itself"),
    "item": "agg = tensor.sum()\nagg_item = agg.item()\nprint(agg_item, type(agg_item))",
    "add_": 'print(f"{tensor} \\n")\ntensor.add_(5)\nprint(tensor)',
}
_HANDOUT_TENSOR = "# the handout's tensor, as its indexing cell left it\ntensor = torch.ones(4, 4)\ntensor[: 1] = 0\n\n"


def handout_cell(cell: str) -> Lesson:
    """One of seed 003's cells on its own `ones(4, 4)` tensor, printing exactly what the handout prints."""
    before = "" if cell == "index" else _HANDOUT_TENSOR  # each lesson runs alone, so it rebuilds the tensor
    # rand_like draws from the global RNG in the seed's code; keep the process's random stream untouched
    with torch.random.fork_rng(devices=[]):
        return run_lesson(before + HANDOUT_CELLS[cell], keep=("tensor", "t1", "y1", "z3", "agg_item"))


def move_to_device(device: str | None = None) -> Lesson:
    """Seed 003's `.to("cuda")` when CUDA is there (device None), or `.to(device)` for a device this server
    has, with the device the tensor is on before and after."""
    if device is not None and device not in {info.name for info in available_devices()}:
        raise ValueError(f"no device {device!r} on this server")  # the page only offers the server's devices
    move = ('if torch.cuda.is_available():\n    tensor = tensor.to("cuda")' if device is None
            else f'tensor = tensor.to("{device}")')  # a name from the server's own list, quoted as the seed does
    body = ('tensor = torch.ones(4, 4)\nprint(f"Device tensor is stored on : {tensor.device}")\n'
            f'{move}\nprint(f"Device tensor is stored on : {{tensor.device}}")')
    return run_lesson(body, keep=("tensor",))
