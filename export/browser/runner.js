// The parity runner: loads the exported model in this browser (onnxruntime-web, WebAssembly), runs it on
// the batches the server compared, times batch-1 inference, and sends outputs and timings to Python.
// Concatenated after ort_session.js by export/browser_component.py.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measure(data) {
  const { ort, importMs } = await loadOrt(data.ort_base);
  const { session, createMs, reused } = await sessionFor(data.ort_base, data.digest, data.model);
  const outputs = [];
  for (const item of data.inputs) {
    const result = await runBatch(ort, session, new Float32Array(bytesFromBase64(item.data).buffer), item.dims);
    outputs.push({ source: item.source, dims: result.dims, data: base64FromFloats(result.data), ms: result.ms });
  }
  // Inference time at batch 1 once the session exists: the median of several runs after a warm-up.
  const single = data.inputs.find((item) => item.dims[0] === 1) ?? data.inputs[0];
  const values = new Float32Array(bytesFromBase64(single.data).buffer);
  await runBatch(ort, session, values, single.dims);
  const times = [];
  for (let i = 0; i < data.repeats; i++) times.push((await runBatch(ort, session, values, single.dims)).ms);
  // Browsers coarsen performance.now() (0.1 ms without cross-origin isolation): one timed loop gives the
  // mean below that resolution.
  const loopStarted = performance.now();
  for (let i = 0; i < data.repeats; i++) await runBatch(ort, session, values, single.dims);
  const loopMean = (performance.now() - loopStarted) / data.repeats;
  return {
    digest: data.digest, run_id: data.run_id, outputs,
    timings: { import_ms: importMs, create_ms: reused ? null : createMs, session_reused: reused,
               run_ms_median: median(times), run_ms_min: Math.min(...times), run_ms_mean: loopMean,
               runs: times },
    agent: navigator.userAgent,
  };
}

export default function ({ data, parentElement, setStateValue }) {
  const status = parentElement.querySelector(".status");
  if (!data || data.done) {
    status.textContent = "";
    return;
  }
  status.textContent = data.labels.running;
  once(`${data.digest}:${data.run_id}`, () => measure(data).catch((error) => (
    { digest: data.digest, run_id: data.run_id, error: String(error) }))).then((result) => {
    status.textContent = result.error ? `${data.labels.failed} ${result.error}` : data.labels.done;
    setStateValue("result", result);
  });
}
