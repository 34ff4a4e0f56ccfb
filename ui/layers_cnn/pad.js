// The Layers page's 28x28 drawing pad: draw with the pointer, each finished stroke sends the pixels to
// Python (no model here: the page sends them through the student's CNN on the server).

const SIDE = 28;
const SCALE = 8;

function paint(pixels, x, y) {
  // A soft round brush about two pixels wide, like a pen stroke scanned at 28x28.
  for (let row = Math.floor(y - 2); row <= Math.ceil(y + 2); row++) {
    for (let col = Math.floor(x - 2); col <= Math.ceil(x + 2); col++) {
      if (row < 0 || col < 0 || row >= SIDE || col >= SIDE) continue;
      const ink = Math.max(0, Math.min(1, 1.6 - Math.hypot(col + 0.5 - x, row + 0.5 - y)));
      pixels[row * SIDE + col] = Math.max(pixels[row * SIDE + col], ink);
    }
  }
}

export default function ({ data, parentElement, setStateValue }) {
  if (!data) return;
  const pad = parentElement.querySelector("canvas.pad");
  const context = pad.getContext("2d");
  pad.width = pad.height = SIDE;
  pad.style.width = pad.style.height = `${SIDE * SCALE}px`;
  const state = (parentElement.__padState ??= { pixels: new Float32Array(SIDE * SIDE) });
  const pixels = state.pixels;
  let drawing = false;
  const show = () => {
    const image = context.createImageData(SIDE, SIDE);
    pixels.forEach((v, i) => image.data.set([v * 255, v * 255, v * 255, 255], i * 4));
    context.putImageData(image, 0, 0);
  };
  const send = () => setStateValue("pixels", Array.from(pixels, (v) => Math.round(v * 1000) / 1000));
  const at = (event) => {
    const box = pad.getBoundingClientRect();
    paint(pixels, (event.clientX - box.left) / box.width * SIDE, (event.clientY - box.top) / box.height * SIDE);
    show();
  };
  pad.onpointerdown = (event) => { drawing = true; pad.setPointerCapture(event.pointerId); at(event); };
  pad.onpointermove = (event) => { if (drawing) at(event); };
  pad.onpointerup = pad.onpointercancel = () => { if (drawing) { drawing = false; send(); } };
  const clear = parentElement.querySelector("button.clear");
  clear.textContent = data.clear;
  clear.onclick = () => { pixels.fill(0); show(); send(); };
  show();
}
