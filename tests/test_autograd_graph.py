"""Autograd graphs: seed 003's example (nodes, leaves, edges, saved tensors), every preset's graph with
its module calls and gradients, the collapsed view, the DOT text, and the seed's printed matrices."""

import re

import pytest
import torch
from torch import nn

from engine import PRESETS, LayerSpec, ModelSpec, build_model
from engine.inside.autograd_demo import (
    BACKWARD,
    BACKWARD_RETAIN,
    EXAMPLE_SOURCE,
    JACOBIAN_SOURCE,
    ZERO,
    jacobian_demo,
    make_example,
    replay,
    tracking_flags,
)
from engine.inside.autograd_graph import READABLE_NODES, collapse_modules, extract_graph, model_graph, readable
from engine.inside.graph_dot import to_dot
from engine.inside.layers import random_minibatch, walk_forward

SEED_FIRST_CALL = torch.full((5, 5), 2.0) + 2 * torch.eye(5)  # seed 003 prints 4 on the diagonal, 2 elsewhere


def test_seed_example_equals_the_seeds_cell_with_manual_seed():
    torch.manual_seed(3)
    namespace = {}
    exec(EXAMPLE_SOURCE, namespace)
    example = make_example(3)
    for name in ("x", "y", "w", "b", "z", "loss"):
        torch.testing.assert_close(getattr(example, name), namespace[name], msg=name)


def test_seed_example_graph_has_the_tutorials_nodes():
    example = make_example(0)
    graph = example.graph(show_saved=False)
    assert graph.labels("output") == ["loss"]
    assert graph.labels("leaf") == ["w", "b"] or graph.labels("leaf") == ["b", "w"]
    assert graph.node("w").shape == (5, 3) and graph.node("b").shape == (3,)
    functions = graph.labels("function")
    assert functions[0] == "BinaryCrossEntropyWithLogitsBackward0"
    assert "AddBackward0" in functions and functions.count("AccumulateGrad") == 2
    assert graph.has_edge("BinaryCrossEntropyWithLogitsBackward0", "loss")
    assert graph.has_edge("AddBackward0", "BinaryCrossEntropyWithLogitsBackward0")
    assert graph.has_edge("w", "AccumulateGrad") and graph.has_edge("b", "AccumulateGrad")
    assert graph.node("AddBackward0").shape == (3,) and graph.node("loss").shape == ()
    # The same functions torch reports, and the grad_fn names the seed prints.
    assert type(example.z.grad_fn).__name__ == "AddBackward0"
    assert type(example.loss.grad_fn).__name__ == "BinaryCrossEntropyWithLogitsBackward0"
    walked, stack = set(), [example.loss.grad_fn]
    while stack:
        fn = stack.pop()
        walked.add(type(fn).__name__)
        stack.extend(f for f, _ in fn.next_functions if f is not None)
    assert walked == set(functions)
    ids = {node.id for node in graph.nodes}
    assert all(edge.source in ids and edge.target in ids for edge in graph.edges)


def test_saved_tensors_are_shown_and_freed_after_backward():
    example = make_example(0)
    saved = [n for n in example.graph(show_saved=True).nodes if n.kind == "saved"]
    names = {n.label for n in saved}
    assert {"self", "target"} <= names  # what BinaryCrossEntropyWithLogitsBackward0 keeps: z and y
    assert all(n.shape is not None for n in saved)
    example.loss.backward()
    freed = [n for n in example.graph(show_saved=True).nodes if n.kind == "saved"]
    assert freed and all(n.shape is None for n in freed)


def test_backward_gives_the_seeds_gradient_pattern():
    example, (outcome,) = replay(0, [BACKWARD])
    assert outcome.ok
    expected_b = (torch.sigmoid(example.z) - example.y).detach() / 3  # d mean(BCE) / dz
    torch.testing.assert_close(outcome.b_grad, expected_b)
    torch.testing.assert_close(outcome.w_grad, expected_b.expand(5, 3))  # x = ones: every row is b.grad


def test_second_backward_fails_without_retain_graph_and_accumulates_with_it():
    _, outcomes = replay(0, [BACKWARD, BACKWARD])
    assert [o.ok for o in outcomes] == [True, False]
    torch.testing.assert_close(outcomes[1].b_grad, outcomes[0].b_grad)
    _, outcomes = replay(0, [BACKWARD_RETAIN, BACKWARD_RETAIN, ZERO, BACKWARD_RETAIN])
    first, second, zeroed, again = (o.b_grad for o in outcomes)
    torch.testing.assert_close(second, 2 * first)
    assert zeroed.eq(0).all()
    torch.testing.assert_close(again, first)
    _, (nothing,) = replay(0, [ZERO])
    assert nothing.w_grad is None


def test_tracking_flags_print_what_the_seed_prints():
    assert tracking_flags(make_example(0)) == {"z": True, "no_grad": False, "detach": False}


def test_jacobian_demo_prints_the_seeds_matrices():
    first, second, after_zero = jacobian_demo()
    torch.testing.assert_close(first, SEED_FIRST_CALL)
    torch.testing.assert_close(second, 2 * SEED_FIRST_CALL)
    torch.testing.assert_close(after_zero, SEED_FIRST_CALL)
    namespace = {"torch": torch}
    exec(JACOBIAN_SOURCE.replace("print(", "str("), namespace)
    torch.testing.assert_close(namespace["inp"].grad, after_zero)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_presets_graph_names_each_parameter_and_module(name):
    spec = PRESETS[name]
    model = build_model(spec, seed=0)
    result = model_graph(model, random_minibatch(spec, seed=0))
    graph = result.graph
    parameters = dict(model.named_parameters())
    assert sorted(graph.labels("leaf")) == sorted(parameters)
    for leaf in (n for n in graph.nodes if n.kind == "leaf"):
        assert leaf.shape == tuple(parameters[leaf.label].shape)
        path = leaf.label.rsplit(".", 1)[0]
        assert leaf.owner.startswith(f"{path}: {type(model.get_submodule(path)).__name__}")
        assert graph.has_edge(leaf.label, "AccumulateGrad")
    assert graph.labels("output") == ["loss"]
    owners = {n.owner for n in graph.nodes if n.owner}
    for kind in ("Linear", "Conv2d", "BatchNorm2d"):  # each module is one group, named by its class
        assert sum(f": {kind}" in owner for owner in owners) == sum(layer.kind == kind for layer in spec.layers)
    assert result.loss_name == ("CrossEntropyLoss" if spec.output_shape[-1] >= 2 else "MSELoss")
    # Gradient sizes equal those of a plain loss.backward() on the same model and batch.
    x = random_minibatch(spec, seed=0)
    out = model(x)
    loss = (nn.CrossEntropyLoss()(out, torch.zeros(3, dtype=torch.long)) if result.loss_name == "CrossEntropyLoss"
            else nn.MSELoss()(out, torch.zeros_like(out)))
    loss.backward()
    assert result.loss == pytest.approx(loss.item())
    for pname, param in parameters.items():
        assert result.gradient_norms[pname] == pytest.approx(param.grad.norm().item(), rel=1e-5)
    assert len(readable(graph).nodes) <= READABLE_NODES


def test_a_leading_flatten_leaves_no_node_and_is_listed():
    result = model_graph(build_model(PRESETS["fashion_mlp"], seed=0), random_minibatch(PRESETS["fashion_mlp"], 0))
    assert result.untracked == ("flatten: Flatten",)  # the images need no gradient, so neither does their view
    dense = model_graph(build_model(PRESETS["dense_128"], seed=0), random_minibatch(PRESETS["dense_128"], 0))
    assert dense.untracked == ()


def test_frozen_or_parameter_free_models_still_give_a_graph():
    frozen = build_model(PRESETS["temperature_linear"], seed=0).requires_grad_(False)
    result = model_graph(frozen, random_minibatch(PRESETS["temperature_linear"], 0))
    assert result.gradient_norms == {} and result.graph.labels("output") == ["loss"]
    relu_only = ModelSpec((4,), (LayerSpec.of("ReLU"),))
    assert model_graph(build_model(relu_only), random_minibatch(relu_only, 0)).untracked == ("0: ReLU",)


def test_shared_relu_calls_are_told_apart():
    graph = model_graph(build_model(PRESETS["fashion_mlp_fc"], seed=0),
                        random_minibatch(PRESETS["fashion_mlp_fc"], 0)).graph
    owners = {n.owner for n in graph.nodes if n.label == "ReluBackward0"}
    assert owners == {"relu: ReLU", "relu: ReLU (2)"}


def test_model_grads_are_left_alone():
    model = build_model(PRESETS["walkthrough"], seed=0)
    model_graph(model, random_minibatch(PRESETS["walkthrough"], 0))
    assert all(p.grad is None for p in model.parameters())
    assert not any(module._forward_hooks for module in model.modules())


def test_big_graphs_collapse_to_one_box_per_module_call():
    layers = [LayerSpec.of("Linear", in_features=8, out_features=8), LayerSpec.of("Tanh")] * 15
    spec = ModelSpec((8,), (*layers, LayerSpec.of("Linear", in_features=8, out_features=2)))
    graph = model_graph(build_model(spec, seed=0), random_minibatch(spec, 0)).graph
    assert len(graph.nodes) > READABLE_NODES
    small = readable(graph)
    assert small == collapse_modules(graph)
    boxes = [n for n in small.nodes if n.kind == "module"]
    assert len(boxes) == len(spec.layers) + 1  # every layer call, and the loss
    assert sum(b.members for b in boxes) + len(small.nodes) - len(boxes) == len(graph.nodes)
    assert small.has_edge("0: Linear", "1: Tanh") and small.has_edge("30: Linear", "loss")
    assert not any(edge.source == edge.target for edge in small.edges)


def test_dot_text_lists_every_node_and_edge_with_torchviz_colours():
    graph = make_example(0).graph(show_saved=True)
    dot = to_dot(graph)
    assert dot.startswith("digraph") and dot.count("{") == dot.count("}")
    for node in graph.nodes:
        assert re.search(rf"\b{node.id} \[label=", dot), node
    assert dot.count("->") == len(graph.edges)
    assert "lightblue" in dot and "orange" in dot and "darkolivegreen1" in dot and "lightgrey" in dot
    assert '"w\\n(5, 3)"' in dot


def test_dot_clusters_and_escapes():
    model = build_model(PRESETS["temperature_named"], seed=0)
    graph = model_graph(model, random_minibatch(PRESETS["temperature_named"], 0)).graph
    dot = to_dot(graph)
    assert 'label="hidden_linear: Linear"' in dot and "subgraph cluster_" in dot
    boxes = to_dot(collapse_modules(graph), members_text="노드 {n}개")
    assert '"hidden_linear: Linear\\n(3, 12)\\n노드 6개"' in boxes  # Addmm, T, two AccumulateGrad, weight, bias
    tricky = extract_graph({'a "quoted" \\ name': torch.ones(2, requires_grad=True) * 2})
    assert '\\"quoted\\" \\\\ name' in to_dot(tricky)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device on this machine")
def test_a_model_trained_on_the_gpu_is_walked_and_graphed_like_on_the_cpu():
    spec = PRESETS["fashion_mlp"]
    model, x = build_model(spec, seed=0), random_minibatch(spec, 0)
    cpu_walk, cpu_graph = walk_forward(model, x), model_graph(model, x)
    model.to("cuda")
    gpu_walk, gpu_graph = walk_forward(model, x), model_graph(model, x)
    torch.testing.assert_close(gpu_walk.logits, cpu_walk.logits, atol=1e-4, rtol=1e-4)
    assert gpu_graph.graph.labels("function") == cpu_graph.graph.labels("function")
    assert gpu_graph.loss == pytest.approx(cpu_graph.loss, rel=1e-4)
