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
    # Training (engine/training): config, model/data checks, guards during a run.
    "train_not_mapping": "The training settings must be a JSON object.",
    "train_unknown_field": "Unknown training setting '{field}'.",
    "train_bad_value": "The training setting '{field}' cannot be {value!r}.",
    "train_out_of_range": "The training setting '{field}' = {value!r} must lie between {low} and {high}.",
    "train_unknown_loss": "Unknown loss '{name}'. Known losses: {known}.",
    "train_unknown_optimizer": "Unknown optimizer '{name}'. Known optimizers: {known}.",
    "train_unknown_device": "Unknown device '{name}'. Choose one of: {known}.",
    "train_device_absent": "This server has no '{name}' device. Available: {present}.",
    "train_unknown_data": "Unknown data set '{name}'. Known data sets: {known}.",
    "train_no_data": "The data set '{name}' has no training examples.",
    "train_too_many_parameters": "This network has {count:,} parameters; a training run may use at most {limit:,}. "
                                 "Make the hidden layers smaller.",
    "train_too_many_epochs": "{epochs} epochs is too many for one run (at most {limit}).",
    "train_input_mismatch": "The model expects inputs of shape {model} but '{name}' gives {data}. "
                            "Set the model's input shape to {data} on the Model page (add a Flatten first "
                            "if the data are images).",
    "train_loss_task": "{loss} is not for {task} and '{name}' is a {task} data set. Pick one of: {suggestions}.",
    "train_output_mismatch": "The model gives {got} outputs per example but '{name}' needs {wanted}. "
                             "Set out_features of the last Linear layer to {features}.",
    "train_binary_needs_two": "{loss} tells two classes apart, but this data set has {classes}. "
                              "Use CrossEntropyLoss instead.",
    "train_bce_needs_sigmoid": "BCELoss needs probabilities, but the model ends with {last}. Add a Sigmoid "
                               "as the last layer, or pick BCEWithLogitsLoss.",
    "train_nll_needs_logsoftmax": "NLLLoss needs log-probabilities, but the model ends with {last}. Add "
                                  "LogSoftmax(dim=1) as the last layer, or pick CrossEntropyLoss.",
    "train_diverged": "Training diverged: the loss became {value} at epoch {epoch}, batch {batch}. "
                      "The learning rate {lr} is probably too large; try one ten times smaller. The weights "
                      "from epoch {good_epoch}, batch {good_batch} (the last good ones) were kept.",
    "train_time_limit": "This run reached the server's limit of {limit} seconds of training and stopped; "
                        "the weights trained so far are kept.",

}


class PlaygroundError(ValueError):
    """A problem with what a student asked for, explained in words, never a traceback."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(ENGLISH[key].format(**params))
