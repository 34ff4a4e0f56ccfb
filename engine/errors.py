"""Errors a student can cause, each with a stable key so pages can show it in Korean or English.

The engine never imports streamlit, so it cannot translate; it raises `PlaygroundError(key, **params)`
and the page looks the key up in its own catalog. `str(error)` is the English message.
"""

from __future__ import annotations

ENGLISH = {
    "spec_not_mapping": "The network description must be a JSON object.",
    "spec_unknown_field": "Unknown field '{field}' in the network description.",
    "spec_missing_field": "The network description lacks the field '{field}'.",
    "spec_bad_input_shape": "Input shape must be 1 to 3 whole numbers between 1 and {high}, got {value}.",
    "spec_input_too_large": "Input of {size:,} values is too large (at most {limit:,}).",
    "spec_no_layers": "A network needs at least one layer.",
    "spec_too_many_layers": "{count} layers is too many (at most {limit}).",
    "spec_bad_layer": "Layer {index}: each layer must be an object with 'kind', 'args' and optional 'name'.",
    "spec_unknown_layer": "Layer {index}: unknown layer kind '{kind}'. Known kinds: {known}.",
    "spec_unknown_arg": "Layer {index} ({kind}): unknown argument '{arg}'.",
    "spec_bad_arg_type": "Layer {index} ({kind}): '{arg}' must be {expected}, got {value!r}.",
    "spec_arg_out_of_range": "Layer {index} ({kind}): '{arg}' = {value} is outside {low}..{high}.",
    "spec_hardtanh_order": "Layer {index} (Hardtanh): min_val {min_val} must be below max_val {max_val}.",
    "spec_bad_name": "Layer {index}: '{name}' is not a valid layer name (letters, digits and _, "
                     "optionally 'group.member').",
    "spec_dotted_needs_class": "Layer {index}: grouped names like '{name}' need a class name.",
    "spec_duplicate_name": "Layer {index}: the name '{name}' is already used by a different layer.",
    "spec_group_split": "Layer {index}: the group '{group}' must hold consecutive layers.",
    "spec_group_order": "Layer {index}: in the group '{group}', numbered layers must be numbered "
                        "0, 1, 2, ... in order (expected {group}.{position}).",
    "spec_bad_class_name": "'{name}' is not a valid class name.",
    "spec_shape": "Layer {index} ({kind}): {reason}",
    "spec_too_many_parameters": "This network has {count:,} parameters; the server allows at most {limit:,}.",
    "shape_linear_in": "expects {expected} input features but receives {got} (shape {shape}); "
                       "set in_features to {got}.",
    "shape_flatten_order": "start_dim {start} comes after end_dim {end}.",
    "shape_flatten_batch": "Flatten must keep the batch dimension (start_dim >= 1).",
    "shape_dim_range": "dim {dim} is out of range for a {ndim}-D tensor.",
    # ONNX export and saved models (export/)
    "export_bad_opset": "Opset {opset} is not supported here; choose one of {supported}.",
    "export_failed_layer": "The layer '{layer}' ({kind}) cannot be exported to ONNX: {reason}",
    "export_failed_model": "This model ({kind}) cannot be exported to ONNX: {reason}",
    "checkpoint_too_large": "The file holds {size:,} bytes; at most {limit:,} are accepted.",
    "checkpoint_bad_spec_json": "spec.json inside the zip is not valid JSON.",
    "checkpoint_unsafe": "This file holds more than plain weights (objects or code), so it was not opened.",
    "checkpoint_not_readable": "This is not a saved PyTorch model: upload the zip from this page or a .pth "
                               "state_dict.",
    "checkpoint_not_state_dict": "The file must hold a state_dict: layer names mapped to tensors.",
    "checkpoint_wrong_keys": "The weights do not fit this network. Missing: {missing}. Unexpected: {unexpected}.",
    "checkpoint_wrong_shape": "The weight '{name}' has shape {got}, but this network needs {expected}.",
    "checkpoint_bad_dtype": "The weight '{name}' is {dtype}, not a floating-point tensor.",
    "checkpoint_not_finite": "The weight '{name}' contains NaN or infinite values.",
}


class PlaygroundError(ValueError):
    """A problem with what a student asked for, explained in words, never a traceback."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(ENGLISH[key].format(**params))
