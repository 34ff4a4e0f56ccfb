"""What is inside an ONNX file, as data: opset, inputs, outputs, nodes with their output shapes, size."""

from __future__ import annotations

from dataclasses import dataclass

import onnx
from onnx import shape_inference


@dataclass(frozen=True)
class TensorInfo:
    """A named graph value with its element type and shape ("batch" for the dynamic dimension)."""

    name: str
    dtype: str
    shape: tuple[int | str, ...]


@dataclass(frozen=True)
class NodeInfo:
    """One operator: its name, ONNX type (Gemm, Relu, ...), inputs and outputs (with shapes when known)."""

    name: str
    op_type: str
    inputs: tuple[str, ...]
    outputs: tuple[TensorInfo, ...]


@dataclass(frozen=True)
class GraphInfo:
    """The whole file, described."""

    opset: int
    ir_version: int
    producer: str
    inputs: tuple[TensorInfo, ...]
    outputs: tuple[TensorInfo, ...]
    nodes: tuple[NodeInfo, ...]
    weights: int  # float numbers stored in initializers (shape constants excluded)
    file_size: int  # bytes


def _tensor_info(value: onnx.ValueInfoProto) -> TensorInfo:
    tensor = value.type.tensor_type
    shape = tuple(d.dim_param or d.dim_value for d in tensor.shape.dim) if tensor.HasField("shape") else ()
    return TensorInfo(value.name, onnx.helper.tensor_dtype_to_np_dtype(tensor.elem_type).name
                      if tensor.elem_type else "?", shape)


def describe_onnx(onnx_bytes: bytes) -> GraphInfo:
    """Describe a model file; shapes of intermediate values come from ONNX shape inference."""
    model = shape_inference.infer_shapes(onnx.load_from_string(onnx_bytes))
    graph = model.graph
    known = {v.name: _tensor_info(v) for v in (*graph.value_info, *graph.input, *graph.output)}
    nodes = tuple(
        NodeInfo(node.name, node.op_type, tuple(node.input),
                 tuple(known.get(out, TensorInfo(out, "?", ())) for out in node.output))
        for node in graph.node
    )
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 0)
    weights = sum(_count(init) for init in graph.initializer if init.data_type == onnx.TensorProto.FLOAT)
    return GraphInfo(opset, model.ir_version, f"{model.producer_name} {model.producer_version}".strip(),
                     tuple(_tensor_info(v) for v in graph.input), tuple(_tensor_info(v) for v in graph.output),
                     nodes, weights, len(onnx_bytes))


def _count(initializer: onnx.TensorProto) -> int:
    count = 1
    for dim in initializer.dims:
        count *= dim
    return count
