// The Train page's live panels (boundary, network, curves). A curve panel's repaint only swaps an <img>'s
// src: the element stays, so the browser keeps showing the previous picture until the new one is decoded
// (no blank frame). The 2-D views' drawings (inline SVG with canvases) come, while live, until this script says
// it keeps them (its `held` state), for the page's life; each repaint brings the network's weights (`data.paint`),
// and this script paints the boundary, every neuron's tiles and the weights' curves itself (forwardGrid
// and the painters come just before it, ui/train/playground_forward.js).
// Titles and legends change only with the language, so they are rewritten only when they differ.

const kept = (globalThis.torchPlaygroundDrawings ??= { layouts: new Map(), palette: null });

function panelBox(root, id) {
  let box = root.querySelector(`[data-panel="${id}"]`);
  if (!box) {
    box = document.createElement("div");
    box.className = "panel";
    box.dataset.panel = id;
    box.innerHTML = '<div class="title"></div><img><div class="drawing"></div><div class="legend"></div>';
    root.appendChild(box);
  }
  return box;
}

function showDrawing(box, panel) {
  if (panel.markup) kept.layouts.set(panel.layout, panel.markup);
  if (box.dataset.layout === panel.layout || !kept.layouts.has(panel.layout)) return;
  box.querySelector("img").removeAttribute("src");
  box.querySelector(".drawing").innerHTML = kept.layouts.get(panel.layout);
  box.dataset.layout = panel.layout;
  delete box.dataset.painted;
}

function showImage(box, panel) {
  const img = box.querySelector("img");
  if (img.getAttribute("src") === panel.src) return;
  if (box.dataset.layout) {
    box.querySelector(".drawing").innerHTML = "";
    delete box.dataset.layout;
  }
  img.alt = panel.title;
  img.src = panel.src;
  box.dataset.frames = String(Number(box.dataset.frames || 0) + 1);  // a browser test counts repaints
}

// `units` grids (rows bottom-up, one after another in `values`) as tiles down `canvas`, `gap` pixels apart,
// each sampled to the canvas's width as playground_svg.column_strip samples its tiles.
function paintCanvas(canvas, values, units, gap, steps, low, high) {
  const side = canvas.width;
  const stride = Math.max(1, Math.floor(steps / side));
  const context = canvas.getContext("2d");
  const image = context.createImageData(side, side);
  const n = steps * steps;
  for (let unit = 0; unit < units; unit++) {
    paintDiverging(image.data, values.subarray(unit * n, (unit + 1) * n), steps, stride, kept.palette.diverging,
                   low, high);
    context.putImageData(image, 0, unit * (side + gap));
  }
}

// TF Playground's linkWidthScale, as playground_svg.link_width: |w| from 0 to 5 maps to 1 to 10, scaled.
function paintLinks(drawing, program) {
  const group = drawing.querySelector("[data-scale]");
  if (!group) return;
  const paths = group.querySelectorAll("path");
  const weights = program.layers.filter((layer) => layer.kind === "Linear").flatMap((layer) => layer.w);
  if (paths.length !== weights.length) return;  // too many weights to draw: the tiles alone
  const scale = Number(group.dataset.scale);
  paths.forEach((path, index) => {
    const weight = weights[index];
    path.setAttribute("stroke", weight > 0 ? kept.palette.positive : kept.palette.negative);
    path.setAttribute("stroke-width", ((1 + (9 * Math.min(Math.abs(weight), 5)) / 5) * scale).toFixed(1));
    // Paused or done: each weight's value on hover, as playground_svg.network_svg's titles say it.
    let title = path.querySelector("title");
    if (program.titles) {
      title ??= path.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "title"));
      title.textContent = `w = ${weight.toFixed(3)}`;
    } else if (title) {
      title.remove();
    }
  });
}

function paint(root, program) {
  const grid = forwardGrid(program);
  const steps = program.steps;
  const output = outputTiles(grid, program);
  for (const canvas of root.querySelectorAll("canvas[data-paint]")) {
    const name = canvas.dataset.paint;
    const units = Number(canvas.dataset.units || 1);
    const gap = Number(canvas.dataset.gap || 0);
    const column = name === "paint:output" ? output : grid.hidden[Number(name.slice("paint:hidden".length))];
    if (name === "boundary" && program.classes !== 2) {  // the predicted class in its colour
      const context = canvas.getContext("2d");
      const image = context.createImageData(steps, steps);
      paintClasses(image.data, grid.probability, steps, kept.palette.classes);
      context.putImageData(image, 0, 0);
    } else if (name === "boundary") {
      paintCanvas(canvas, grid.probability, 1, 0, steps, 0, 1);
    } else if (column) {
      paintCanvas(canvas, column, units, gap, steps, -1, 1);
    }
  }
  for (const drawing of root.querySelectorAll(".drawing")) paintLinks(drawing, program);
}

// Tell the server which drawings (and the palette) this page keeps, so that it stops sending them.
function report(root, setStateValue) {
  const held = [...kept.layouts.keys(), ...(kept.palette ? ["palette"] : [])];
  const said = JSON.stringify(held);
  if (root.dataset.held === said) return;  // once per mount and change: each report reruns the view
  root.dataset.held = said;
  setStateValue("held", held);
}

// Show `panels` in `root` (a `.panels` row): new ones added, gone ones removed, each one's picture swapped.
function showPanels(root, panels) {
  const ids = new Set();
  for (const panel of panels) {
    ids.add(panel.id);
    const box = panelBox(root, panel.id);
    box.style.flex = panel.flex;
    const title = box.querySelector(".title");
    if (title.textContent !== panel.title) title.textContent = panel.title;
    if (panel.layout) showDrawing(box, panel);
    else showImage(box, panel);
    if (box.dataset.legend !== panel.legend) {  // server-built, escaped HTML (coloured keys and labels)
      box.querySelector(".legend").innerHTML = panel.legend;
      box.dataset.legend = panel.legend;
    }
  }
  for (const box of root.querySelectorAll(".panel")) {
    if (!ids.has(box.dataset.panel)) box.remove();
  }
}

// Paint `root`'s drawings from the weights in `program`, unless they show these weights already.
function paintPanels(root, program) {
  if (!program || !kept.palette) return;
  const version = String(program.version);
  const painted = [...root.querySelectorAll(".panel[data-layout]")];
  if (painted.every((box) => box.dataset.painted === version)) return;  // the same weights: nothing to repaint
  paint(root, program);
  for (const box of painted) {
    box.dataset.painted = version;
    box.dataset.frames = String(Number(box.dataset.frames || 0) + 1);  // a browser test counts repaints
  }
}

// The panels component (ui/train/live_panels.py): the panels, then the weights painted.
function renderPanels(root, data, setStateValue) {
  if (data.palette) kept.palette = data.palette;
  showPanels(root, data.panels);
  if (data.paint && data.report) report(root, setStateValue);  // live only: outside it a word reruns the page
  paintPanels(root, data.paint);
}
