// "Try it yourself": a 28x28 drawing pad classified in this browser by the exported model on every
// stroke (softmax bars drawn here, no server round trip); each finished stroke goes to Python too, so
// the page can show torch's answer for the same pixels. Concatenated after ort_session.js.

const SIDE = 28;
const SCALE = 10;

function toProbabilities(values, kind) {
  if (kind === "probabilities") return Array.from(values);
  if (kind === "log_probabilities") return Array.from(values, Math.exp);
  const top = Math.max(...values);
  const exps = Array.from(values, (v) => Math.exp(v - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
}

function paint(pixels, x, y) {
  // A soft round brush about two pixels wide, like a pen stroke scanned at 28x28.
  for (let row = Math.floor(y - 2); row <= Math.ceil(y + 2); row++) {
    for (let col = Math.floor(x - 2); col <= Math.ceil(x + 2); col++) {
      if (row < 0 || col < 0 || row >= SIDE || col >= SIDE) continue;
      const distance = Math.hypot(col + 0.5 - x, row + 0.5 - y);
      const ink = Math.max(0, Math.min(1, 1.6 - distance));
      pixels[row * SIDE + col] = Math.max(pixels[row * SIDE + col], ink);
    }
  }
}

function draw(context, pixels) {
  const image = context.createImageData(SIDE, SIDE);
  for (let i = 0; i < pixels.length; i++) {
    const v = Math.round(pixels[i] * 255);
    image.data.set([v, v, v, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}

function renderBars(container, classes, probabilities, title) {
  const best = probabilities.indexOf(Math.max(...probabilities));
  container.innerHTML = "";
  const heading = document.createElement("div");
  heading.className = "bars-title";
  heading.textContent = title;
  container.appendChild(heading);
  probabilities.forEach((p, i) => {
    const row = document.createElement("div");
    row.className = i === best ? "bar-row best" : "bar-row";
    row.innerHTML = `<span class="bar-label"></span><span class="bar-track"><span class="bar-fill"></span></span>`
      + `<span class="bar-value">${(100 * p).toFixed(1)}%</span>`;
    row.querySelector(".bar-label").textContent = classes[i] ?? String(i);
    row.querySelector(".bar-fill").style.width = `${(100 * p).toFixed(1)}%`;
    container.appendChild(row);
  });
}

export default function ({ data, parentElement, setStateValue }) {
  if (!data) return;
  const pad = parentElement.querySelector("canvas.pad");
  const bars = parentElement.querySelector(".bars");
  const info = parentElement.querySelector(".info");
  const context = pad.getContext("2d");
  pad.width = SIDE;
  pad.height = SIDE;
  pad.style.width = pad.style.height = `${SIDE * SCALE}px`;
  // Streamlit may call this function again for the same element (a rerun): keep the drawing.
  const state = (parentElement.__tryItState ??= { pixels: new Float32Array(SIDE * SIDE), last: null });
  const pixels = state.pixels;
  let pending = false;
  let again = false;
  let drawing = false;

  async function classify(send) {
    if (pending) { again = true; return; }
    pending = true;
    try {
      const { ort } = await loadOrt(data.ort_base);
      const { session } = await sessionFor(data.ort_base, data.digest, data.model);
      const result = await runBatch(ort, session, Float32Array.from(pixels), [1, ...data.shape]);
      state.last = { probabilities: toProbabilities(result.data, data.output_kind), ms: result.ms };
      renderBars(bars, data.classes, state.last.probabilities, data.labels.browser);
      info.textContent = `${data.labels.time} ${result.ms.toFixed(2)} ms`;
    } catch (error) {
      info.textContent = `${data.labels.failed} ${error}`;
    } finally {
      pending = false;
    }
    if (again) { again = false; return classify(send); }
    if (send && state.last) {
      setStateValue("drawing", { digest: data.digest, pixels: base64FromFloats(pixels),
                                 probabilities: state.last.probabilities, ms: state.last.ms });
    }
  }

  function position(event) {
    const box = pad.getBoundingClientRect();
    return [(event.clientX - box.left) / box.width * SIDE, (event.clientY - box.top) / box.height * SIDE];
  }
  pad.onpointerdown = (event) => {
    drawing = true;
    pad.setPointerCapture(event.pointerId);
    paint(pixels, ...position(event));
    draw(context, pixels);
    classify(false);
  };
  pad.onpointermove = (event) => {
    if (!drawing) return;
    paint(pixels, ...position(event));
    draw(context, pixels);
    classify(false);
  };
  pad.onpointerup = pad.onpointercancel = () => {
    if (!drawing) return;
    drawing = false;
    classify(true);
  };
  parentElement.querySelector("button.clear").onclick = () => {
    pixels.fill(0);
    draw(context, pixels);
    classify(true);
  };
  const sample = parentElement.querySelector("button.sample");
  let next = 0;
  sample.hidden = !(data.samples && data.samples.length);
  sample.onclick = () => {
    pixels.set(new Float32Array(bytesFromBase64(data.samples[next % data.samples.length]).buffer));
    next += 1;
    draw(context, pixels);
    classify(true);
  };
  const upload = parentElement.querySelector("input.upload");
  upload.onchange = async () => {
    const file = upload.files[0];
    if (!file) return;
    const bitmap = await createImageBitmap(file);
    const scratch = document.createElement("canvas");
    scratch.width = scratch.height = SIDE;
    const scratchContext = scratch.getContext("2d");
    scratchContext.drawImage(bitmap, 0, 0, SIDE, SIDE);
    const rgba = scratchContext.getImageData(0, 0, SIDE, SIDE).data;
    for (let i = 0; i < pixels.length; i++) {
      pixels[i] = (rgba[i * 4] + rgba[i * 4 + 1] + rgba[i * 4 + 2]) / (3 * 255);
    }
    const mean = pixels.reduce((a, b) => a + b, 0) / pixels.length;
    if (mean > 0.5) pixels.forEach((v, i) => { pixels[i] = 1 - v; });  // FashionMNIST: light object on black
    draw(context, pixels);
    classify(true);
  };
  for (const [selector, key] of [["button.clear", "clear"], ["button.sample", "sample"], [".upload-label span", "upload"]]) {
    parentElement.querySelector(selector).textContent = data.labels[key];
  }
  draw(context, pixels);
  if (state.last) {
    renderBars(bars, data.classes, state.last.probabilities, data.labels.browser);
  } else {
    info.textContent = data.labels.hint;
  }
}
