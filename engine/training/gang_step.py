"""The hand-written MLP step (engine/training/mlp_step.py) for K networks of one shape at once.

The K networks' parameters are stacked, (K, out, in) weights and (K, out) biases, and every op of
MlpStep becomes its batched twin: addmm -> baddbmm, mm -> bmm, the bias gradient's sum over the
batch -> a sum over dimension 1, elementwise activations and their backward unchanged.

The numbers: everything but the matrix products gives each network MlpStep's bits. A product whose
contraction x rows x columns is 400 or more runs as MKL's gemm, as mm does, and agrees too; a smaller
one runs torch's own CPU loop, which rounds differently from MKL's mm (by an ulp or so). So a member's
numbers are those of its run alone within BOUND, measured by bench/gang_numbers.py and held by
tests/test_gang.py; they never depend on who else is in the gang (the kernels treat each matrix
alike), so a run trained in gangs is reproducible bit for bit. Two reductions needed care:

- nll_loss sums its batch in a cascade of partial sums (ATen's nll_loss_out_frame: runs of 16, then
  runs of 16 runs, ...), and torch.sum reduces in yet another order; `cascade_sum` adds the K rows'
  values in nll_loss's own order.
- SGD's update p -= lr * grad with a different lr per network is `addcmul_(grad, -lr)`, which rounds
  as `add_(grad, alpha=-lr)` does (one fused multiply-add per element).
"""

from __future__ import annotations

import torch
from torch import nn

from engine.training.mlp_step import MlpStep

# A member's weights, gradients and losses after up to 10 epochs lie within BOUND x the largest of them
# of its run alone (measured: 1.1e-6 at most over the shapes of bench/gang_numbers.py). Rounding
# differences grow as training goes on, as any float32 perturbation does: after 100 epochs weights
# stayed within 9e-6 and batch losses within 6e-5 on those shapes but one, where a sigmoid network at
# batch 1 and lr 0.3 took another path (differences of 0.1 relative); on a chaotic run, no bound holds.
BOUND = 1e-5
CASCADE = 16  # nll_loss_out_frame's run length (2**level_power for batches under 2**32)
Stepped = tuple[torch.Tensor, torch.Tensor, list[torch.Tensor]]  # records (`losses`), outputs, gradients


def _sequential(values: list[torch.Tensor]) -> torch.Tensor | None:
    """((0 + v0) + v1) + ...: the left-to-right sum, None for no values (the exact zero it starts from)."""
    total = None
    for value in values:
        total = value if total is None else total + value
    return total


def _partials(values: list[torch.Tensor]) -> list[torch.Tensor | None]:
    """The cascade's partial sums after `values` (those of batch index 1 on): level 0 holds the open run,
    level 1 the closed runs of CASCADE added in order, and so on up."""
    closed = len(values) // CASCADE * CASCADE
    tail = _sequential(values[closed:])
    if not closed:
        return [tail]
    runs = [_sequential(values[start:start + CASCADE]) for start in range(0, closed, CASCADE)]
    return [tail, *_partials(runs)]


def cascade_sum(terms: torch.Tensor) -> torch.Tensor:
    """Each row's sum of `terms` (K, n) in nll_loss's order: index 0 goes to the top partial sum at once,
    the others through the runs of `_partials`; the partials are then added bottom up."""
    columns = list(terms.unbind(1))
    partials = [p for p in _partials(columns[1:]) if p is not None]
    return _sequential([*partials, columns[0]])


class GangStep:
    """One training step (forward, loss, backward, plain SGD) for K stacked networks of one shape."""

    def __init__(self, step: MlpStep):
        self.loss = step.loss
        self.first_linear = step.first_linear
        self.kinds = [(layer.kind, layer.slope, layer.bias is not None) for layer in step.layers]
        self._tables: dict[int, torch.Tensor] = {}  # batch size -> nll_loss's gradients by target

    def views(self, params: list[torch.Tensor]) -> list[torch.Tensor]:
        """What the forward pass reads of `params`: each weight transposed, each bias as (K, 1, out). Views:
        they follow the in-place updates, so a caller may keep them as long as it keeps `params`."""
        return [p.transpose(1, 2) if p.dim() == 3 else p.unsqueeze(1) for p in params]

    def __call__(self, params: list[torch.Tensor], x: torch.Tensor, target: torch.Tensor,
                 rates: list[torch.Tensor], views: list[torch.Tensor] | None = None) -> Stepped:
        """Train each network k on its batch x[k] (K, B, features), target[k]; update `params` (MlpStep's
        order, stacked) in place by SGD with -lr as `rates` (one per parameter: (K, 1, 1) for weights,
        (K, 1) for biases). `views`: `self.views(params)`, if kept. Answers each network's record of the
        batch (what `losses` turns into its loss), the outputs and gradients, all from before the update."""
        saved = []
        output = self._forward(views or self.views(params), x, saved)
        size = output.size(1)
        if self.loss == "cross_entropy":
            logp = torch._log_softmax(output, 2, False)
            record = logp.gather(2, target.unsqueeze(2)).squeeze(2)  # the loss is summed later (`losses`)
            # nll_loss_backward: -grad_output / total_weight at each target, zero elsewhere: a row of a table
            grad = self._nll_grads(size, output.size(2))[target]
            grad = torch._log_softmax_backward_data(grad, logp, 2, output.dtype)
        else:
            record = torch._C._nn.mse_loss(output, target, 0).flatten(1).mean(1)
            grad = (output - target).mul_(2.0 / (size * output.size(2)))  # mse_loss_backward's norm * (a - b)
        grads = self._backward(grad, saved, params)
        torch._foreach_addcmul_(params, grads, rates)
        return record, output, grads

    def record_shape(self, batch_size: int) -> tuple[int, ...]:
        """The shape of one network's record of one batch: its log-probabilities at the targets (cross
        entropy, added up only when the losses are read) or its loss (MSE)."""
        return (batch_size,) if self.loss == "cross_entropy" else ()

    def losses(self, records: torch.Tensor, sizes: torch.Tensor) -> torch.Tensor:
        """Batch losses (R, n) from records (R, n, *record_shape) of batches of `sizes` (n,) examples; a
        short batch's record is padded with zeros, which add nothing to nll_loss's cascade."""
        if self.loss != "cross_entropy":
            return records
        rows, count = records.shape[:2]
        return cascade_sum(records.flatten(0, 1)).view(rows, count).neg_() / sizes

    def _nll_grads(self, size: int, classes: int) -> torch.Tensor:
        """(classes, classes): row c is nll_loss_backward's gradient for target c in a batch of `size`."""
        table = self._tables.get(size)
        if table is None:
            value = -(torch.ones(()) / size)  # -grad_output / total_weight, in float32 as ATen divides
            table = self._tables[size] = torch.diag(value.expand(classes)).clone()
        return table

    def evaluate(self, params: list[torch.Tensor], x: torch.Tensor, target: torch.Tensor,
                 batch_size: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
        """The Trainer's test-split numbers for each network: mean loss per example (K,), the mean loss of
        each run-size batch (K, batches), and how many examples it classified right (K,) (None for MSE)."""
        output = self._forward(self.views(params), x, None)
        if self.loss == "cross_entropy":
            terms = torch._log_softmax(output, 2, False).gather(2, target.unsqueeze(2)).squeeze(2).neg()
            correct = (output.argmax(2) == target).sum(1)
        else:
            terms = torch._C._nn.mse_loss(output, target, 0).mean(2)
            correct = None
        count = terms.size(1)
        full = count // batch_size * batch_size
        means = [terms[:, :full].unflatten(1, (-1, batch_size)).mean(2)]
        if full < count:
            means.append(terms[:, full:].mean(1, keepdim=True))
        return terms.mean(1), torch.cat(means, 1), correct

    def _forward(self, views: list[torch.Tensor], x: torch.Tensor, saved: list | None) -> torch.Tensor:
        """The networks' outputs; with `saved`, what each backward reads (as autograd saves it) goes there."""
        h, at = x, 0
        for kind, slope, bias in self.kinds:
            if saved is not None:
                saved.append(h)  # the module's input: a Linear's and a LeakyReLU's backward read it
            if kind is nn.Linear:
                h = torch.baddbmm(views[at + 1], h, views[at]) if bias else torch.bmm(h, views[at])
                at += 2 if bias else 1
            elif kind is nn.LeakyReLU:
                h = torch._C._nn.leaky_relu(h, slope)
            else:
                h = _ELEMENTWISE[kind](h)
                if saved is not None:
                    saved[-1] = h  # tanh, sigmoid and relu's backward read their output
        return h

    def _backward(self, grad: torch.Tensor, saved: list, params: list[torch.Tensor]) -> list[torch.Tensor]:
        grads, at = [], len(params)
        for index in range(len(self.kinds) - 1, self.first_linear - 1, -1):
            (kind, slope, bias), kept = self.kinds[index], saved[index]
            if kind is nn.Linear:
                at -= 2 if bias else 1
                if bias:
                    grads.append(grad.sum(1))  # the engine's sum_to over the batch dimension
                grads.append(torch.bmm(grad.transpose(1, 2), kept))
                if index > self.first_linear:
                    grad = torch.bmm(grad, params[at])
            elif kind is nn.Tanh:
                grad = torch.ops.aten.tanh_backward.default(grad, kept)
            elif kind is nn.Sigmoid:
                grad = torch.ops.aten.sigmoid_backward.default(grad, kept)
            elif kind is nn.ReLU:
                grad = torch.ops.aten.threshold_backward.default(grad, kept, 0)
            elif kind is nn.LeakyReLU:
                grad = torch.ops.aten.leaky_relu_backward.default(grad, kept, slope, False)
        grads.reverse()  # gathered last layer first, bias before weight
        return grads


_ELEMENTWISE = {nn.Tanh: torch.tanh, nn.Sigmoid: torch.sigmoid, nn.ReLU: torch.relu, nn.Identity: lambda h: h}
