"""A hand-written training step (forward, backward, plain SGD) for small plain MLPs, bit-equal to autograd's.

On TF Playground's networks (2-4-2-2, 2-8x6-2) one step costs far more in autograd's bookkeeping
(graph nodes, saved tensors, the engine's queue) than in arithmetic. `MlpStep` computes the same
step with the same aten kernels autograd calls, in the same order and with the same memory layouts,
so its loss, output and gradients are torch.equal to `torch.autograd.grad`'s: only the per-op
overhead goes. It covers a chain of nn.Linear and elementwise activations (ReLU, Tanh, Sigmoid,
LeakyReLU, Identity) ending in CrossEntropyLoss or MSELoss with their defaults; `MlpStep.for_model`
answers None for anything else, and the caller keeps autograd. The update is torch.optim.SGD's
without momentum or weight decay.

The formulas mirror torch's derivatives.yaml and FunctionsManual.cpp: F.linear on a 2-D input with a
bias is addmm(b, h, W.t()); its gradients are mm_mat1_backward / mm_mat2_backward (whose layouts
depend on the operands' strides) and the bias's sum over the batch (the engine's sum_to).
"""

from __future__ import annotations

import torch
from torch import nn

from engine.network.builder import SpecNetwork
from engine.network.spec import VIEW

aten = torch.ops.aten
MEAN = 1  # torch's reduction enum for "mean"
Stepped = tuple[torch.Tensor, torch.Tensor, list[torch.Tensor]]  # loss, output, gradients

_ACTIVATIONS = (nn.Tanh, nn.Sigmoid, nn.ReLU, nn.LeakyReLU, nn.Identity)


def _chain(model: nn.Module) -> list[nn.Module] | None:
    """The modules `model` calls, in order, when it is nothing but a chain of them; else None."""
    if model._forward_hooks or model._forward_pre_hooks or model._backward_hooks or model._backward_pre_hooks:
        return None  # a hook expects to see the pass
    if type(model) is nn.Linear or type(model) in _ACTIVATIONS:
        return [model]
    if type(model) is nn.Sequential:
        parts = list(model)
    elif type(model) is SpecNetwork:
        if VIEW in model._steps:  # x.view in forward is no module to chain
            return None
        parts = [model.get_submodule(step) for step in model._steps]
    else:
        return None
    chain = []
    for part in parts:
        inner = _chain(part)
        if inner is None:
            return None
        chain.extend(inner)
    return chain


def _supported_loss(loss_fn: nn.Module) -> str | None:
    if type(loss_fn) is nn.CrossEntropyLoss:
        plain = loss_fn.weight is None and loss_fn.reduction == "mean" and loss_fn.label_smoothing == 0.0
        return "cross_entropy" if plain else None
    if type(loss_fn) is nn.MSELoss:
        return "mse" if loss_fn.reduction == "mean" else None
    return None


class _Layer:
    """One module of the chain, as the step reads it: detached aliases of its parameters (they follow the
    in-place SGD updates, and being detached they build no autograd graph) and what its kind needs."""

    __slots__ = ("kind", "weight", "bias", "weight_t", "weight_t_column_major", "slope")

    def __init__(self, module: nn.Module):
        self.kind = type(module)
        self.slope = getattr(module, "negative_slope", None)
        self.weight = self.bias = self.weight_t = None
        if self.kind is nn.Linear:
            self.weight = module.weight.detach()
            self.bias = None if module.bias is None else module.bias.detach()
            self.weight_t = self.weight.t()  # what F.linear hands addmm, and what autograd saves as mat2
            # mm_mat2_backward's layout test on mat2 = weight.t(); strides never change under in-place updates
            self.weight_t_column_major = (self.weight_t.stride(0) == 1
                                          and self.weight_t.stride(1) == self.weight_t.size(0))


class MlpStep:
    """A plain MLP's training step without autograd: forward, loss, backward and the SGD update."""

    def __init__(self, chain: list[nn.Module], loss: str, ignore_index: int):
        self.loss, self.ignore_index = loss, ignore_index
        self.layers = [_Layer(module) for module in chain]
        linears = [m for m in chain if type(m) is nn.Linear]
        self.first_linear = chain.index(linears[0])  # backward stops there: the input needs no gradient
        self.params = [p for m in linears for p in m.parameters()]  # the gradients' order: weight, bias, ...
        # The same tensors, detached: SGD updates them in place without a no_grad block.
        self.aliases = [t for layer in self.layers for t in (layer.weight, layer.bias) if t is not None]
        self.one = torch.ones(())  # autograd.grad's grad_outputs: ones_like(loss)

    @classmethod
    def for_model(cls, model: nn.Module, loss_fn: nn.Module) -> MlpStep | None:
        """The step for `model` and `loss_fn` when both are supported (see the module's docstring); else None.

        Built again whenever the model's parameters are new tensors (a new model, an unpickled one).
        """
        chain, loss = _chain(model), _supported_loss(loss_fn)
        if chain is None or loss is None:
            return None
        linears = [m for m in chain if type(m) is nn.Linear]
        if not linears or len({id(m) for m in linears}) != len(linears):
            return None  # no parameters, or a layer used twice (its gradients would add up)
        if any(getattr(m, "inplace", False) for m in chain):
            return None
        params = [p for m in linears for p in m.parameters()]
        if len(params) != len(list(model.parameters())) or not all(p.requires_grad for p in params):
            return None  # a parameter outside the chain, or a frozen one
        if any(p.device.type != "cpu" or p.dtype != torch.float32 for p in params):
            return None
        return cls(chain, loss, getattr(loss_fn, "ignore_index", -100))

    def __call__(self, x: torch.Tensor, target: torch.Tensor, lr: float) -> Stepped | None:
        """Train on one batch with plain SGD: (loss, output, gradients in `self.params`' order), all from
        before the update.

        The update is torch.optim.SGD's without momentum, p -= lr * grad, as one foreach call (bit-equal
        to the optimizer's). A batch that does not fit (not (B, features) float32, or a regression
        target of another shape or type, which MSELoss would broadcast) is left untouched to autograd:
        the answer is None.
        """
        if x.dim() != 2 or x.dtype != torch.float32 or x.requires_grad:
            return None
        saved, h = [], x
        for layer in self.layers:  # forward, keeping what each backward reads (as autograd saves it)
            kind = layer.kind
            saved.append(h)  # the module's input: a Linear's and a LeakyReLU's backward read it
            if kind is nn.Linear:
                h = torch.mm(h, layer.weight_t) if layer.bias is None else torch.addmm(layer.bias, h, layer.weight_t)
            elif kind is nn.Tanh:
                h = saved[-1] = torch.tanh(h)  # tanh, sigmoid and relu's backward read their output
            elif kind is nn.Sigmoid:
                h = saved[-1] = torch.sigmoid(h)
            elif kind is nn.ReLU:
                h = saved[-1] = torch.relu(h)
            elif kind is nn.LeakyReLU:
                h = torch._C._nn.leaky_relu(h, layer.slope)
        output = h
        if self.loss == "cross_entropy":
            if target.dim() != 1 or target.dtype != torch.long:
                return None
            logp = torch._log_softmax(output, 1, False)
            loss, total_weight = aten.nll_loss_forward.default(logp, target, None, MEAN, self.ignore_index)
            grad = aten.nll_loss_backward.default(self.one, logp, target, None, MEAN, self.ignore_index, total_weight)
            grad = torch._log_softmax_backward_data(grad, logp, 1, output.dtype)
        else:
            if target.shape != output.shape or target.dtype != output.dtype:
                return None
            loss = torch._C._nn.mse_loss(output, target, MEAN)
            grad = aten.mse_loss_backward.default(self.one, output, target, MEAN)
        grads = self._backward(grad, saved)
        torch._foreach_add_(self.aliases, grads, alpha=-lr)
        return loss, output, grads

    def _backward(self, grad: torch.Tensor, saved: list) -> list[torch.Tensor]:
        grads, layers = [], self.layers
        for index in range(len(layers) - 1, self.first_linear - 1, -1):
            layer, kept = layers[index], saved[index]
            kind = layer.kind
            if kind is nn.Linear:
                if layer.bias is not None:
                    grads.append(grad.sum(0))  # the engine's sum_to over the broadcast batch dimension
                # mm_mat2_backward(grad, h, weight.t()), transposed back by TBackward: for the usual
                # column-major weight.t() that is grad.t().mm(h).t().t(), the two transposes cancelling.
                grads.append(grad.t().mm(kept) if layer.weight_t_column_major else kept.t().mm(grad).t())
                if index > self.first_linear:
                    grad = _input_grad(grad, kept, layer.weight)
            elif kind is nn.Tanh:
                grad = aten.tanh_backward.default(grad, kept)
            elif kind is nn.Sigmoid:
                grad = aten.sigmoid_backward.default(grad, kept)
            elif kind is nn.ReLU:
                grad = aten.threshold_backward.default(grad, kept, 0)
            elif kind is nn.LeakyReLU:
                grad = aten.leaky_relu_backward.default(grad, kept, layer.slope, False)
        grads.reverse()  # gathered last layer first, bias before weight
        return grads


def _input_grad(grad: torch.Tensor, h: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """mm_mat1_backward(grad, w.t(), h) of mm(h, w.t()): column-major when h was (its `mat2.t()` is w)."""
    if h.stride(0) == 1 and h.stride(1) == h.size(0):
        return w.t().mm(grad.t()).t()
    return grad.mm(w)

