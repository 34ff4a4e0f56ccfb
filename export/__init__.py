"""ONNX export, checks and the browser runtime bridge (filled in by the ONNX work)."""
