"""The autograd graph behind a tensor, as plain nodes and edges (what torchviz's `make_dot` draws).

Walking back from an output's `grad_fn` through `next_functions` finds the backward functions
(AddBackward0, AddmmBackward0, ...), the `AccumulateGrad` nodes whose `.variable` is a leaf tensor
that needs a gradient (a parameter), and, on request, the tensors each function saved for the
backward pass. For a model, forward hooks tell which module made which node, so a big graph can be
collapsed to one box per module call. Views draw the data (engine.inside.graph_dot writes DOT).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import torch
from torch import nn

from engine.inside.layers import leaf_modules, model_device, private_copy

SAVED_PREFIX = "_saved_"
READABLE_NODES = 40  # beyond this many nodes a model's graph is drawn one box per module call


@dataclass(frozen=True)
class GraphNode:
    """A node: a backward `function`, a `leaf` tensor needing a gradient, a `saved` tensor, the
    `output`, or a `module` box standing for several nodes of one module call."""

    id: str
    kind: str
    label: str
    shape: tuple[int, ...] | None = None
    owner: str | None = None  # the module call that made it ("fc1: Linear"), when known
    members: int = 1


@dataclass(frozen=True)
class GraphEdge:
    """Data flows from `source` to `target` in the forward pass; `saved` links a function to what it saved."""

    source: str
    target: str
    saved: bool = False


@dataclass(frozen=True)
class AutogradGraph:
    """All nodes and edges, in a stable order (the walk's order), so the same pass gives the same graph."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]

    def labels(self, kind: str) -> list[str]:
        """Labels of every node of one kind, in order."""
        return [node.label for node in self.nodes if node.kind == kind]

    def node(self, label: str) -> GraphNode:
        """The first node with this label."""
        return next(node for node in self.nodes if node.label == label)

    def has_edge(self, source_label: str, target_label: str) -> bool:
        """Whether some node labelled `source_label` feeds one labelled `target_label`."""
        by_id = {node.id: node.label for node in self.nodes}
        return any(by_id[e.source] == source_label and by_id[e.target] == target_label for e in self.edges)


def _shape_of(fn) -> tuple[int, ...] | None:
    # The shape of what the forward op returned; private in torch, so absent is fine.
    try:
        metadata = fn._input_metadata
    except (AttributeError, RuntimeError):
        return None
    return tuple(metadata[0].shape) if len(metadata) == 1 else None


def _saved_tensors(fn) -> list[tuple[str, torch.Tensor | None]]:
    """(name, tensor) for each tensor the function saved; None where backward already freed it."""
    saved = []
    for attr in dir(fn):
        if not attr.startswith(SAVED_PREFIX):
            continue
        try:
            value = getattr(fn, attr)
        except RuntimeError:  # freed by a backward() without retain_graph=True
            saved.append((attr.removeprefix(SAVED_PREFIX), None))
            continue
        values = value if isinstance(value, tuple) else (value,)
        for i, item in enumerate(values):
            if torch.is_tensor(item):
                name = attr.removeprefix(SAVED_PREFIX) + (f"[{i}]" if isinstance(value, tuple) else "")
                saved.append((name, item))
    return saved


def extract_graph(outputs: torch.Tensor | Mapping[str, torch.Tensor], names: Mapping[str, torch.Tensor] | None = None,
                  owners: Mapping[object, str] | None = None, show_saved: bool = False) -> AutogradGraph:
    """Nodes and edges of the graph that produced `outputs` (a tensor, or {label: tensor}).

    `names` labels leaf tensors (`{"w": w}` or `dict(model.named_parameters())`); `owners` maps a
    backward function to the module call that made it. Saved tensors are listed with `show_saved`.
    """
    outputs = {"output": outputs} if torch.is_tensor(outputs) else dict(outputs)
    leaf_names = {id(tensor): name for name, tensor in (names or {}).items()}
    owners = owners or {}
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    ids: dict[object, str] = {}

    def new_id() -> str:
        return f"n{len(nodes)}"

    def visit(fn) -> str:
        if fn in ids:
            return ids[fn]
        ids[fn] = node_id = new_id()
        owner = owners.get(fn)
        nodes.append(GraphNode(node_id, "function", type(fn).__name__, _shape_of(fn), owner))
        if hasattr(fn, "variable"):  # AccumulateGrad: its leaf tensor, which receives .grad
            leaf = fn.variable
            leaf_id = new_id()
            nodes.append(GraphNode(leaf_id, "leaf", leaf_names.get(id(leaf), "tensor"), tuple(leaf.shape), owner))
            edges.append(GraphEdge(leaf_id, node_id))
        if show_saved:
            for name, tensor in _saved_tensors(fn):
                saved_id = new_id()
                shape = None if tensor is None else tuple(tensor.shape)
                nodes.append(GraphNode(saved_id, "saved", name, shape, owner))
                edges.append(GraphEdge(node_id, saved_id, saved=True))
        for next_fn, _ in fn.next_functions:
            if next_fn is not None:
                edges.append(GraphEdge(visit(next_fn), node_id))
        return node_id

    for label, tensor in outputs.items():
        output_id = new_id()
        nodes.append(GraphNode(output_id, "output", label, tuple(tensor.shape)))
        if tensor.grad_fn is not None:
            edges.append(GraphEdge(visit(tensor.grad_fn), output_id))
    return AutogradGraph(tuple(nodes), tuple(edges))


def collapse_modules(graph: AutogradGraph) -> AutogradGraph:
    """One `module` box per module call: its functions, parameters and saved tensors folded together."""
    boxes: dict[str, GraphNode] = {}
    target: dict[str, str] = {}
    nodes: list[GraphNode] = []
    for node in graph.nodes:
        if node.owner is None:
            nodes.append(node)
            target[node.id] = node.id
            continue
        box = boxes.get(node.owner)
        if box is None:
            box = GraphNode(f"m{len(boxes)}", "module", node.owner, node.shape, node.owner, 0)
            nodes.append(box)
        boxes[node.owner] = replace(box, members=box.members + 1)
        target[node.id] = box.id
    final = {box.id: box for box in boxes.values()}
    nodes = [final.get(node.id, node) for node in nodes]
    edges, seen = [], set()
    for edge in graph.edges:
        pair = (target[edge.source], target[edge.target])
        if pair[0] != pair[1] and pair not in seen:
            seen.add(pair)
            edges.append(GraphEdge(*pair, saved=edge.saved))
    return AutogradGraph(tuple(nodes), tuple(edges))


def readable(graph: AutogradGraph, limit: int = READABLE_NODES) -> AutogradGraph:
    """The graph itself when it has at most `limit` nodes, else one box per module call."""
    return graph if len(graph.nodes) <= limit else collapse_modules(graph)


@dataclass(frozen=True)
class ModelGraph:
    """A model's forward pass and loss as a graph, and the size of each parameter's gradient."""

    graph: AutogradGraph
    loss_name: str  # "CrossEntropyLoss" or "MSELoss"
    loss: float
    gradient_norms: dict[str, float]
    untracked: tuple[str, ...] = ()  # module calls that left no node: nothing they got needed a gradient


def model_graph(model: nn.Module, x: torch.Tensor, show_saved: bool = False) -> ModelGraph:
    """Build the graph of `loss_fn(model(x), target)` with each node's module call marked.

    A classifier output (batch, classes >= 2) gets nn.CrossEntropyLoss against class 0, any other
    output nn.MSELoss against zeros: only the graph's shape matters here, not the targets. Gradients
    are computed on a private copy of the model, so the student's model and its `.grad` stay untouched.
    """
    model = private_copy(model)
    parameters = dict(model.named_parameters())
    device = model_device(model)
    calls: list[tuple[str, nn.Module, torch.Tensor, torch.Tensor]] = []
    for path, module in leaf_modules(model):
        def hook(module, inputs, output, path=path):
            calls.append((path, module, inputs[0], output))
        module.register_forward_hook(hook)
    with torch.enable_grad():
        output = model(x.to(device))
        if output.dim() == 2 and output.shape[1] >= 2:
            loss_fn, target = nn.CrossEntropyLoss(), torch.zeros(len(output), dtype=torch.long, device=device)
        else:
            loss_fn, target = nn.MSELoss(), torch.zeros_like(output)
        loss = loss_fn(output, target)
    owners = _owners(calls, output, loss)
    graph = extract_graph({"loss": loss}, parameters, owners, show_saved)
    wanted = [name for name, p in parameters.items() if p.requires_grad]
    if not loss.requires_grad:  # e.g. only frozen parameters: nothing to differentiate
        wanted = []
    grads = torch.autograd.grad(loss, [parameters[n] for n in wanted], allow_unused=True) if wanted else ()
    norms = {name: (0.0 if g is None else g.norm().item()) for name, g in zip(wanted, grads)}
    drawn = {node.owner for node in graph.nodes}
    untracked = tuple(label for label in _call_labels(calls) if label not in drawn)
    return ModelGraph(graph, type(loss_fn).__name__, loss.item(), norms, untracked)


def _call_labels(calls) -> list[str]:
    """A label for each module call, like "fc1: Linear"; a module called again gets "relu: ReLU (2)"."""
    labels, seen = [], {}
    for path, module, _, _ in calls:
        seen[path] = seen.get(path, 0) + 1
        labels.append(f"{path}: {type(module).__name__}" + (f" ({seen[path]})" if seen[path] > 1 else ""))
    return labels


def _owners(calls, output: torch.Tensor, loss: torch.Tensor) -> dict[object, str]:
    """Which module call made each backward function: walk back from each call's output until its input."""
    owners: dict[object, str] = {}
    for label, (_, _, given, result) in zip(_call_labels(calls), calls):
        _claim(result.grad_fn, given.grad_fn, label, owners)
    _claim(loss.grad_fn, output.grad_fn, "loss", owners)
    return owners


def _claim(start, stop, label: str, owners: dict[object, str]) -> None:
    stack = [start]
    while stack:
        fn = stack.pop()
        if fn is None or fn is stop or fn in owners:
            continue
        owners[fn] = label
        stack.extend(next_fn for next_fn, _ in fn.next_functions)
