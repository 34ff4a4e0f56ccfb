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
    # Links (engine/links.py)
    "link_invalid": "This link's setup could not be read (it may be cut off or edited).",
    # Inside the network (activations, forward walkthrough, autograd graphs)
    "inside_not_elementwise": "{name} is not an elementwise activation; Softmax and LogSoftmax act on a vector.",
    "inside_bad_range": "The input range must go from a smaller to a larger number (got {low} to {high}).",
    "inside_bad_points": "Use between 2 and {limit} points (got {points}).",
    "inside_hardtanh_order": "Hardtanh needs min_val ({min_val}) below max_val ({max_val}).",
    "inside_bad_logits": "Enter between 1 and {limit} logits (got {count}).",
    "inside_logits_not_finite": "Logits must be finite numbers.",
    "inside_logits_not_numbers": "Could not read numbers from '{text}'; separate them with commas, e.g. 2.0, 1.0, 0.1.",
    "inside_bad_temperature": "The temperature must be above 0 (got {value}).",
    "inside_bad_batch": "The minibatch has shape {got}, but the model takes {expected} after the batch dimension.",
    # Data sets (engine/data): loading, downloading, the student's own CSV
    "idx_malformed": "The data file {file} is damaged or not an IDX file ({reason}).",
    "download_failed": "Could not download {file}: {reason}.",
    "download_incomplete": "The download of {file} stopped early ({got:,} of {expected:,} bytes).",
    "download_checksum": "The downloaded {file} does not match its published MD5 checksum; it was discarded.",
    "fashion_unavailable": "FashionMNIST is not on this machine and could not be downloaded into {folder} "
                           "({reason}). Set {env} to a folder holding the four official .gz files, or connect "
                           "to the internet and try again. The other data sets work without it.",
    "fashion_dir_incomplete": "{env} points to {folder}, but these files are missing there: {missing}.",
    "data_unknown": "Unknown data set '{name}'. Known data sets: {known}.",
    "data_unknown_option": "The data set '{name}' has no option '{option}' (options: {known}).",
    "data_option_range": "{name}: '{option}' must be a whole number from {low} to {high}, got {value!r}.",
    "csv_too_large": "The file is {size:,} bytes; at most {limit:,} bytes are allowed.",
    "csv_not_text": "This is not a UTF-8 text (CSV) file.",
    "csv_malformed": "This is not a readable CSV file ({reason}).",
    "csv_empty": "The file has no header row or no data rows.",
    "csv_bad_header": "Column {column} has an empty or repeated name ('{name}'); every column needs its own name.",
    "csv_too_many_columns": "The file has {count} columns; at most {limit} are allowed.",
    "csv_too_many_rows": "The file has more than {limit:,} data rows.",
    "csv_too_few_rows": "The file has {count} data rows; at least {limit} are needed to train and test.",
    "csv_ragged_row": "Row {row} has {count} values, but the header has {expected} columns.",
    "csv_no_label_column": "There is no column '{column}'. Columns: {known}.",
    "csv_no_features": "Besides the label column '{column}' there is no column to learn from.",
    "csv_missing_value": "Row {row}, column '{column}' is empty or missing.",
    "csv_not_numeric": "Row {row}, column '{column}': '{value}' is not a number.",
    "csv_out_of_range": "Row {row}, column '{column}': {value} is too large for float32.",
    "csv_one_class": "The label column '{column}' holds only one class ('{value}'); a classifier needs at least two.",
    "csv_too_many_classes": "The label column '{column}' holds {count} different values; at most {limit} classes "
                            "are allowed (for numbers, choose regression).",
    "csv_bad_task": "The task must be 'classification' or 'regression', not '{task}'.",
    # The Tensors page (engine/inside/tensors.py)
    "tensor_bad_data": "Type a nested list of numbers, like [[1, 2], [3, 4]] (1-3 dimensions, rectangular, "
                       "at most 64 numbers; {reason}).",
    "tensor_bad_shape": "The shape {shape} must have 1 to 3 sides, each from 1 to {high}.",
    "tensor_bad_index": "'{index}' is not an index of a 4x4 tensor; try 0, :, 0 or ..., -1 or 1:3, ::2.",
    "tensor_bad_dim": "torch.{operation} of two 2-D tensors takes dim from {low} to {high}, not {dim}.",
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
    # Take-it-home scripts (engine/codegen/script.py)
    "script_no_csv": "The script reads an uploaded CSV, but no CSV was given: upload one on the Data page.",
    # classroom: the shared training queue (classroom/queue.py)
    "queue_one_job": "You already have a training run waiting or running. Stop it before starting another.",
    "queue_full": "The server's training queue is full ({limit} runs waiting). Try again in a minute.",
    "queue_closed": "The server is shutting down and takes no new training runs.",
    # training in child processes (classroom/processes.py)
    "train_worker_lost": "The process training this run stopped unexpectedly (the server may be short of "
                         "memory). The run has ended with the weights of its last update on screen; press Play "
                         "to start again.",

}


class PlaygroundError(ValueError):
    """A problem with what a student asked for, explained in words, never a traceback."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(ENGLISH[key].format(**params))

    def __reduce__(self):
        # Pickles by key and parameters (a run's problem travels back from the process that trained it).
        return _rebuild_error, (self.key, self.params)


def _rebuild_error(key: str, params: dict) -> PlaygroundError:
    return PlaygroundError(key, **params)
