// A 2-D network's forward pass over the input plane, in the student's browser: the numbers behind TF
// Playground's boundary and every neuron's heatmap, from the weights the server sends
// (ui/train/playground_program.py). Values live in Float32Array, as torch's float32 tensors do.
// Grids are stored as engine/training/analysis.py's: row 0 at the lowest y, one row per y, units one after another.

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const softplus = (x, beta = 1, threshold = 20) => (x * beta > threshold ? x : Math.log1p(Math.exp(beta * x)) / beta);

// Element-wise activations, by the layer registry's names (engine/network/layers.py), with torch's formulas.
const ELEMENTWISE = {
  Identity: () => (x) => x,
  ReLU: () => (x) => (x > 0 ? x : 0),
  Sigmoid: () => sigmoid,
  Tanh: () => Math.tanh,
  SiLU: () => (x) => x * sigmoid(x),
  Mish: () => (x) => x * Math.tanh(softplus(x)),
  Hardtanh: (a) => (x) => Math.min(a.max_val, Math.max(a.min_val, x)),
  LeakyReLU: (a) => (x) => (x >= 0 ? x : a.negative_slope * x),
  ELU: (a) => (x) => (x > 0 ? x : a.alpha * Math.expm1(x)),
  Softplus: (a) => (x) => softplus(x, a.beta, a.threshold),
};

function linear(layer, input, n) {
  const out = new Float32Array(layer.out * n);
  for (let j = 0; j < layer.out; j++) {
    const row = out.subarray(j * n, (j + 1) * n);
    const acc = new Float64Array(n).fill(layer.b[j]);
    for (let i = 0; i < layer.in; i++) {
      const w = layer.w[j * layer.in + i];
      const x = input.subarray(i * n, (i + 1) * n);
      for (let p = 0; p < n; p++) acc[p] += w * x[p];
    }
    row.set(acc);
  }
  return out;
}

function softmax(input, units, n, log) {
  const out = new Float32Array(units * n);
  for (let p = 0; p < n; p++) {
    let top = -Infinity;
    for (let j = 0; j < units; j++) top = Math.max(top, input[j * n + p]);
    let sum = 0;
    for (let j = 0; j < units; j++) sum += Math.exp(input[j * n + p] - top);
    for (let j = 0; j < units; j++) {
      const shifted = input[j * n + p] - top;
      out[j * n + p] = log ? shifted - Math.log(sum) : Math.exp(shifted) / sum;
    }
  }
  return out;
}

// P(class 1) when there are two probabilities, else the predicted class: analysis.py's `probabilities`, then
// decision_grid's choice.
function boundaryValues(output, units, n, head) {
  if (head === "sigmoid") return output.subarray(0, n).map(sigmoid);
  if (head === "probability") return output.slice(0, n);
  const probabilities = head === "exp" ? output.map(Math.exp) : softmax(output, units, n, false);
  if (units === 2) return probabilities.slice(n, 2 * n);
  const value = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    let best = 0;
    for (let j = 1; j < units; j++) if (probabilities[j * n + p] > probabilities[best * n + p]) best = j;
    value[p] = best;
  }
  return value;
}

// The program over a steps x steps grid: {probability (n), hidden: [(units * n)], units: sizes}.
export function forwardGrid(program) {
  const { steps, low, high } = program;
  const n = steps * steps;
  let values = new Float32Array(2 * n);
  for (let row = 0; row < steps; row++) {
    for (let column = 0; column < steps; column++) {
      values[row * steps + column] = (low + (column * (high - low)) / (steps - 1)) * program.scale;
      values[n + row * steps + column] = (low + (row * (high - low)) / (steps - 1)) * program.scale;
    }
  }
  let units = 2;
  const hidden = [];
  program.layers.forEach((layer, index) => {
    if (layer.kind === "Linear") {
      values = linear(layer, values, n);
      units = layer.out;
    } else if (layer.kind === "Softmax" || layer.kind === "LogSoftmax") {
      values = softmax(values, units, n, layer.kind === "LogSoftmax");
    } else {  // a plain loop: several times quicker than TypedArray.map's callback
      const f = ELEMENTWISE[layer.kind](layer);
      const out = new Float32Array(values.length);
      for (let p = 0; p < values.length; p++) out[p] = f(values[p]);
      values = out;
    }
    if (program.hidden.includes(index)) hidden.push(values);
  });
  return { probability: boundaryValues(values, units, n, program.head), hidden, units };
}

// The output column's tiles: class 1's probability from 0..1 to −1..+1 (two outputs: −p and p), else null.
export function outputTiles(grid, program) {
  const outputs = program.layers.filter((layer) => layer.kind === "Linear").at(-1)?.out;
  if (program.classes !== 2 || (outputs !== 1 && outputs !== 2)) return null;
  const p = grid.probability.map((v) => 2 * v - 1);
  return outputs === 1 ? p : Float32Array.from([...p.map((v) => -v), ...p]);
}

// numpy's rint: halves to the even neighbour (playground_paint.py rounds shades with it).
function rint(x) {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// `values` (rows bottom-up) into `pixels` (RGBA, rows top-down) through playground_paint.py's diverging
// table, `low` its first shade and `high` its last; `stride` samples every stride-th row and column.
export function paintDiverging(pixels, values, steps, stride, table, low, high) {
  const shades = table.length / 3;
  const side = Math.ceil(steps / stride);
  for (let row = 0; row < side; row++) {
    const source = stride * (side - 1 - row);  // upright: the picture's top row is the highest y
    for (let column = 0; column < side; column++) {
      let v = values[source * steps + stride * column];
      if (Number.isNaN(v)) v = (low + high) / 2;
      const shade = Math.min(shades - 1, Math.max(0, rint(((v - low) / (high - low)) * (shades - 1))));
      const at = 4 * (row * side + column);
      pixels[at] = table[3 * shade];
      pixels[at + 1] = table[3 * shade + 1];
      pixels[at + 2] = table[3 * shade + 2];
      pixels[at + 3] = 255;
    }
  }
}

// Predicted classes (rows bottom-up) into RGBA pixels through playground_paint.py's class colours.
export function paintClasses(pixels, values, steps, table) {
  const count = table.length / 3;
  for (let row = 0; row < steps; row++) {
    for (let column = 0; column < steps; column++) {
      const label = values[(steps - 1 - row) * steps + column] % count;
      const at = 4 * (row * steps + column);
      pixels.set([table[3 * label], table[3 * label + 1], table[3 * label + 2], 255], at);
    }
  }
}
