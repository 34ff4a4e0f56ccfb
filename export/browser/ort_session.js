// Shared by the runner and the canvas: onnxruntime-web imported once per page, and one WASM
// InferenceSession per model (keyed by the model's SHA-256), kept on window so that Streamlit reruns and
// re-mounts reuse it instead of compiling the 14 MB WebAssembly module again.
const REGISTRY = "__torchPlaygroundOrt";
const MAX_SESSIONS = 4;

function registry() {
  window[REGISTRY] ??= { ort: null, sessions: new Map(), runs: new Map() };
  return window[REGISTRY];
}

export function loadOrt(base) {
  const reg = registry();
  reg.ort ??= (async () => {
    const started = performance.now();
    const root = new URL(base, window.location.origin).href;
    const ort = await import(root + "ort.wasm.min.mjs");
    ort.env.wasm.wasmPaths = root;  // the .mjs glue and the .wasm beside it, from this server
    ort.env.wasm.numThreads = 1;    // no cross-origin isolation here, so no SharedArrayBuffer threads
    ort.env.wasm.proxy = false;
    return { ort, importMs: performance.now() - started };
  })();
  reg.ort.catch(() => { reg.ort = null; });  // a failed import may be retried on the next render
  return reg.ort;
}

export function bytesFromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64FromFloats(values) {
  const bytes = new Uint8Array(Float32Array.from(values).buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function hasSession(digest) {
  return registry().sessions.has(digest);
}

// The session for `digest`, created from `modelBase64` only the first time; resolves to
// { session, createMs, reused }.
export async function sessionFor(base, digest, modelBase64) {
  const reg = registry();
  const { ort } = await loadOrt(base);
  if (reg.sessions.has(digest)) {
    const entry = await reg.sessions.get(digest);
    return { ...entry, reused: true };
  }
  if (!modelBase64) throw new Error("model bytes not sent");
  const pending = (async () => {
    const started = performance.now();
    const session = await ort.InferenceSession.create(bytesFromBase64(modelBase64),
      { executionProviders: ["wasm"], graphOptimizationLevel: "all" });
    return { session, createMs: performance.now() - started };
  })();
  reg.sessions.set(digest, pending);
  pending.catch(() => reg.sessions.delete(digest));
  while (reg.sessions.size > MAX_SESSIONS) {
    const oldest = reg.sessions.keys().next().value;
    reg.sessions.get(oldest).then(({ session }) => session.release()).catch(() => {});
    reg.sessions.delete(oldest);
  }
  return { ...(await pending), reused: false };
}

// Run the model on one float32 batch; returns { data: Float32Array, dims, ms }.
export async function runBatch(ort, session, values, dims) {
  const feeds = { [session.inputNames[0]]: new ort.Tensor("float32", values, dims) };
  const started = performance.now();
  const results = await session.run(feeds);
  const ms = performance.now() - started;
  const output = results[session.outputNames[0]];
  return { data: output.data, dims: Array.from(output.dims), ms };
}

// One measurement per (digest, run id), shared by every render of the same request: a rerun or a
// re-mount while it is under way waits for the same result instead of starting another.
export function once(runKey, start) {
  const reg = registry();
  if (!reg.runs.has(runKey)) reg.runs.set(runKey, start());
  return reg.runs.get(runKey);
}
