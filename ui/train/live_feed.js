// The Train page's live view of a training run (ui/train/live_feed.py). The page draws it once; this
// script then reads the run's live feed (ui/train/feed.py: counter, progress, latest numbers, curves, a
// 2-D run's weights) every `snapshot.every` seconds itself and repaints, with no Streamlit script run on the
// server. When the run stops (or its feed is gone), it asks the page to run again once (`stopped`), which
// draws the finished run; with `data.per_epoch`, at each new epoch too (`epoch`: the table below). The
// panels' helpers and painters come before it (live_panels.js, playground_forward.js).

const pollers = (globalThis.torchPlaygroundFeeds ??= new WeakMap());  // a live view's root -> its poller

function numberBoxes(root, numbers) {
  const row = root.querySelector(".numbers");
  if (row.children.length !== numbers.length) {
    row.innerHTML = "";
    for (let index = 0; index < numbers.length; index++) {
      const box = row.appendChild(document.createElement("div"));
      box.className = "number";
      box.innerHTML = '<div class="label"></div><div class="value"></div>';
    }
  }
  numbers.forEach(([label, value], index) => {
    const box = row.children[index];
    if (box.firstChild.textContent !== label) box.firstChild.textContent = label;
    if (box.lastChild.textContent !== value) box.lastChild.textContent = value;
  });
}

// Draw one snapshot of the feed; an older one than the last drawn (a page run's, late) is skipped.
function showLive(root, snapshot) {
  if (Number(root.dataset.steps ?? -1) > snapshot.steps) return;
  root.dataset.steps = String(snapshot.steps);
  root.querySelector(".counter").textContent = snapshot.counter;
  root.querySelector(".status").textContent = snapshot.status;
  root.querySelector(".bar > div").style.width = `${(100 * snapshot.progress).toFixed(1)}%`;
  numberBoxes(root, snapshot.numbers);
  for (const [name, text] of [["waiting", snapshot.waiting], ["problem", snapshot.problem]]) {
    const box = root.querySelector(`.${name}`);  // the queue's word while it waits; the run's problem
    if (box.textContent !== (text ?? "")) box.textContent = text ?? "";
    box.hidden = !text;
  }
  showPanels(root.querySelector(".curves"), snapshot.curves);
  const views = root.querySelector(".views");
  showPanels(views, snapshot.views);
  paintPanels(views, snapshot.paint);
}

async function poll(root, poller) {
  if (poller.stopped) return;
  if (!root.isConnected) {  // the page moved on: nobody looks
    poller.stopped = true;
    return;
  }
  const started = performance.now();
  let snapshot = null;
  try {
    const answer = await fetch(poller.url, { cache: "no-store", credentials: "same-origin" });
    snapshot = answer.ok ? await answer.json() : answer.status === 404 ? { gone: true } : null;
  } catch {
    snapshot = null;  // a dropped connection: the next poll tries again
  }
  if (poller.stopped) return;
  if (snapshot && !snapshot.gone) {
    showLive(root, snapshot);
    poller.every = 1000 * snapshot.every;  // rarely while its first turn is far off
  }
  if (snapshot && snapshot.running && poller.perEpoch && snapshot.epoch > poller.epoch) {
    poller.epoch = snapshot.epoch;
    poller.newEpoch(snapshot.epoch);  // the page draws what comes once an epoch (a table, feature maps)
  }
  if (snapshot && (snapshot.gone || !snapshot.running)) {
    poller.stopped = true;
    poller.stop();  // the page runs again and draws the finished run
    return;
  }
  poller.timer = setTimeout(() => poll(root, poller), Math.max(0, poller.every - (performance.now() - started)));
}

export default function ({ data, parentElement, setTriggerValue }) {
  if (!data) return;
  if (data.palette) kept.palette = data.palette;
  for (const [layout, markup] of Object.entries(data.markup)) kept.layouts.set(layout, markup);
  const root = parentElement.querySelector(".live");
  let poller = pollers.get(root);
  if (poller?.url !== data.feed) delete root.dataset.steps;  // another run (or language): its steps start anew
  showLive(root, data.snapshot);
  if (!poller || poller.url !== data.feed || poller.stopped) {
    if (poller) clearTimeout(poller.timer);
    poller = { url: data.feed, every: 1000 * data.snapshot.every, stopped: false, timer: null, epoch: 0,
               perEpoch: data.per_epoch, stop: () => setTriggerValue("stopped", true),
               newEpoch: (epoch) => setTriggerValue("epoch", epoch) };
    pollers.set(root, poller);
    poller.timer = setTimeout(() => poll(root, poller), poller.every);
  }
  poller.epoch = Math.max(poller.epoch, data.snapshot.epoch);  // the page drew this epoch
  if (!data.snapshot.running && !poller.stopped) {  // the page drew it stopped: no feed to read
    poller.stopped = true;
    clearTimeout(poller.timer);
  }
}
