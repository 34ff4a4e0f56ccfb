// The Train page's live 2-D panels (boundary, network, curves): each repaint only swaps an <img>'s src.
// The element stays, so the browser keeps showing the previous picture until the new one is decoded
// (no blank frame), and nothing is re-sanitized or rebuilt. Titles and legends change only with the
// language, so they are rewritten only when they differ.

function panelBox(root, id) {
  let box = root.querySelector(`[data-panel="${id}"]`);
  if (!box) {
    box = document.createElement("div");
    box.className = "panel";
    box.dataset.panel = id;
    box.innerHTML = '<div class="title"></div><img><div class="legend"></div>';
    root.appendChild(box);
  }
  return box;
}

export default function ({ data, parentElement }) {
  if (!data) return;
  const root = parentElement.querySelector(".panels");
  const ids = new Set();
  for (const panel of data.panels) {
    ids.add(panel.id);
    const box = panelBox(root, panel.id);
    box.style.flex = panel.flex;
    const title = box.querySelector(".title");
    if (title.textContent !== panel.title) title.textContent = panel.title;
    const img = box.querySelector("img");
    if (img.getAttribute("src") !== panel.src) {
      img.alt = panel.title;
      img.src = panel.src;
      box.dataset.frames = String(Number(box.dataset.frames || 0) + 1);  // a browser test counts repaints
    }
    if (box.dataset.legend !== panel.legend) {  // server-built, escaped HTML (coloured keys and labels)
      box.querySelector(".legend").innerHTML = panel.legend;
      box.dataset.legend = panel.legend;
    }
  }
  for (const box of root.querySelectorAll(".panel")) {
    if (!ids.has(box.dataset.panel)) box.remove();
  }
}
