// The map view: pan, zoom, filters, search, the place card and the URL.
// Event wiring only: where things are drawn, and which labels fit, comes
// from the Go core (core.labels, core.place, core.links, core.search). The
// view snaps to zoom levels 1.25× apart, so label layouts can be cached
// per level and never jump while panning.

const STEP = 1.25;   // zoom factor of one level
const MAX_LEVEL = 14; // 1.25^14 ≈ 23× — a single bench fills the screen

export function startView({ core, onTapMap, say }) {
  const vak = document.getElementById("kaartvak");
  const svg = () => document.getElementById("kaart");
  // The layer the drawing sits in: a gesture moves this HTML box, never the
  // <svg> itself (a transform on the svg root makes Chromium lay out every
  // text in the drawing again, on every move).
  const layer = () => document.getElementById("kaartlaag") || svg();
  const [, , W, H] = svg().getAttribute("viewBox").split(" ").map(Number);
  let view = { level: 0, cx: W / 2, cy: H / 2 };
  let hidden = new Set();
  let selected = null;

  const zoom = () => Math.pow(STEP, -view.level);
  // scale is what the core draws for: drawing units per screen unit, where
  // 1 is the whole map 1,000 px wide, enlarged so names keep their size on
  // a narrower screen (core.js, nameScale).
  const page = globalThis.buurtkaartPage;
  const scale = () => zoom() * page.nameScale(svg(), W, H);
  const drawnWidth = () => page.drawnWidth(svg(), W, H);
  // unitsPerPx is drawing units per CSS pixel in the current view, for a box
  // of the map's size on screen (the drawing fits it, centred).
  const unitsPerPx = (rect) => Math.max(box().w / rect.width, box().h / rect.height);
  function box() {
    const w = W * zoom(), h = H * zoom();
    return { x: view.cx - w / 2, y: view.cy - h / 2, w, h };
  }

  // draw sets the viewBox and asks the core for this level's labels.
  function draw() {
    const b = box(), el = svg();
    el.setAttribute("viewBox", `${b.x} ${b.y} ${b.w} ${b.h}`);
    el.style.setProperty("--s", scale());
    layer().style.transform = "";
    vak.classList.remove("schuift");
    const args = [scale(), [...hidden], b.x, b.y, b.x + b.w, b.y + b.h];
    const marks = core.marks(...args);
    if (typeof marks === "string") replaceGroup(".plekken", marks);
    const labels = core.labels(...args);
    if (typeof labels === "string") replaceGroup(".labels", labels);
    if (selected) replaceGroup("#verbindingen", core.links(selected, scale()));
    for (const k of ["talent", "verband", "plek", "verhaal", "partner"]) el.classList.toggle(`verberg-${k}`, hidden.has(k));
    document.getElementById("lijst")?.classList.toggle("gefilterd", hidden.size > 0);
    for (const k of ["talent", "verband", "plek", "verhaal", "partner"]) document.getElementById("lijst")?.classList.toggle(`verberg-${k}`, hidden.has(k));
    document.body.dataset.redraws = String(Number(document.body.dataset.redraws || 0) + 1);
    writeURL();
  }

  const replaceGroup = (selector, markup) => page.replaceGroup(svg(), selector, markup);

  // toMap converts a screen point to drawing units in the current view.
  function toMap(clientX, clientY) {
    const p = new DOMPoint(clientX, clientY).matrixTransform(svg().getScreenCTM().inverse());
    return { x: p.x, y: p.y };
  }

  function zoomTo(level, at) {
    level = Math.max(0, Math.min(MAX_LEVEL, level));
    if (at) { // keep the point under the cursor where it is
      const k = Math.pow(STEP, view.level - level);
      view.cx = at.x + (view.cx - at.x) * k;
      view.cy = at.y + (view.cy - at.y) * k;
    }
    view.level = level;
    clampCentre();
    draw();
  }

  function clampCentre() {
    view.cx = Math.max(0, Math.min(W, view.cx));
    view.cy = Math.max(0, Math.min(H, view.cy));
  }

  // Pointer gestures: one finger or the mouse pans, two fingers pinch. While
  // the gesture lasts only a CSS transform moves the drawing (no layout, no
  // core call); the real view is set once, when it ends.
  const pointers = new Map();
  let gesture = null;
  let lastTap = 0;
  let tapTimer = 0;
  const el = () => layer();

  vak.addEventListener("pointerdown", (ev) => {
    if (!ev.target.closest("#kaart")) return;
    // A second finger joining a pan: what the first moved is kept.
    if (gesture?.moved) commit(gesture, gestureNow());
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    try { vak.setPointerCapture(ev.pointerId); } catch { /* a pointer the browser no longer tracks: the gesture works without capture */ }
    const rect = el().getBoundingClientRect();
    gesture = { start: new Map(pointers), rect, moved: false, dist: pinchDist(pointers), target: ev.target };
  });
  vak.addEventListener("pointermove", (ev) => {
    if (!gesture || !pointers.has(ev.pointerId)) return;
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    const { dx, dy, k, ox, oy } = gestureNow();
    if (Math.hypot(dx, dy) > 4 || k !== 1) gesture.moved = true;
    if (gesture.moved) {
      vak.classList.add("schuift");
      el().style.transformOrigin = `${ox - gesture.rect.left}px ${oy - gesture.rect.top}px`;
      el().style.transform = `translate(${dx}px, ${dy}px) scale(${k})`;
    }
  });
  const end = (ev) => {
    if (!gesture || !pointers.has(ev.pointerId)) return;
    const g = gesture, now = gestureNow();
    pointers.delete(ev.pointerId);
    if (pointers.size > 0) {
      // One finger of a pinch lifted: keep the pinch so far, go on panning.
      if (g.moved) commit(g, now);
      gesture = { ...g, start: new Map(pointers), rect: el().getBoundingClientRect(), dist: pinchDist(pointers) };
      return;
    }
    gesture = null;
    if (!g.moved) return tap(ev, g.target);
    commit(g, now);
  };

  // commit sets the view to where a gesture has moved and pinched the
  // drawing, and redraws (which also clears the gesture's transform).
  function commit(g, { dx, dy, k, ox, oy }) {
    const u = unitsPerPx(g.rect);
    view.cx -= dx * u;
    view.cy -= dy * u;
    if (k !== 1) return zoomTo(view.level + Math.round(Math.log(k) / Math.log(STEP)), toMapAt(ox, oy, g.rect, dx, dy));
    clampCentre();
    draw();
  }
  vak.addEventListener("pointerup", end);
  vak.addEventListener("pointercancel", end);

  // toMapAt is the drawing point under the pinch's origin (ox, oy): the
  // layer was moved by (dx, dy) and scaled around that origin, and the view
  // has already been panned by the move.
  function toMapAt(ox, oy, rect, dx, dy) {
    const b = box(), u = unitsPerPx(rect);
    const offX = (rect.width - b.w / u) / 2, offY = (rect.height - b.h / u) / 2;
    return { x: b.x + (ox - rect.left - offX + dx) * u, y: b.y + (oy - rect.top - offY + dy) * u };
  }

  function gestureNow() {
    const pts = [...pointers.values()], start = [...gesture.start.values()];
    const c = centroid(pts), c0 = centroid(start);
    const k = pts.length > 1 && gesture.dist > 0 ? pinchDist(pointers) / gesture.dist : 1;
    return { dx: c.x - c0.x, dy: c.y - c0.y, k, ox: c0.x, oy: c0.y };
  }

  // tap: a mark opens its card; elsewhere a single tap drops a pin and a
  // double tap zooms in (the single tap waits 250 ms to tell them apart).
  function tap(ev, target) {
    // Marks are drawn as plates (one path per pictogram), so the core says
    // which place, if any, a tap is on.
    const at = toMap(ev.clientX, ev.clientY);
    const hit = core.hit(scale(), [...hidden], at.x, at.y);
    if (hit?.id) return select(hit.id);
    if (hit?.klont) return zoomTo(view.level + 2, at);
    const now = Date.now();
    if (now - lastTap < 300) {
      clearTimeout(tapTimer);
      lastTap = 0;
      return zoomTo(view.level + 2, at);
    }
    lastTap = now;
    tapTimer = setTimeout(() => onTapMap(at), 250);
  }

  vak.addEventListener("wheel", (ev) => {
    if (!ev.target.closest("#kaart")) return;
    ev.preventDefault();
    zoomTo(view.level + (ev.deltaY < 0 ? 1 : -1), toMap(ev.clientX, ev.clientY));
  }, { passive: false });

  vak.addEventListener("keydown", (ev) => {
    const b = box(), pan = (x, y) => { view.cx += x * b.w * 0.15; view.cy += y * b.h * 0.15; clampCentre(); draw(); };
    const keys = { "+": () => zoomTo(view.level + 1), "=": () => zoomTo(view.level + 1), "-": () => zoomTo(view.level - 1),
      "0": fit, ArrowLeft: () => pan(-1, 0), ArrowRight: () => pan(1, 0), ArrowUp: () => pan(0, -1), ArrowDown: () => pan(0, 1),
      Escape: () => select(null) };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });

  function fit() { view = { level: 0, cx: W / 2, cy: H / 2 }; draw(); }
  document.getElementById("inzoomen")?.addEventListener("click", () => zoomTo(view.level + 1));
  document.getElementById("uitzoomen")?.addEventListener("click", () => zoomTo(view.level - 1));
  document.getElementById("passend")?.addEventListener("click", fit);

  // The legend doubles as the filter: each kind is a toggle button.
  for (const b of document.querySelectorAll(".legenda button[data-kind]")) {
    b.addEventListener("click", () => {
      const k = b.dataset.kind;
      hidden.has(k) ? hidden.delete(k) : hidden.add(k);
      b.setAttribute("aria-pressed", String(!hidden.has(k)));
      draw();
    });
  }

  // Search by name (and note, tags): results as buttons that select a place.
  const zoek = document.getElementById("zoek"), uit = document.getElementById("zoekresultaten");
  zoek?.addEventListener("input", () => {
    uit.replaceChildren();
    for (const id of core.search(zoek.value)) {
      const p = core.place(id);
      const li = document.createElement("li"), b = document.createElement("button");
      b.type = "button";
      b.textContent = `${p.name} (${p.kindNL})`;
      b.addEventListener("click", () => { select(id, true); uit.replaceChildren(); });
      li.append(b);
      uit.append(li);
    }
  });

  // select opens a place's card and draws its links as dotted lines.
  function select(id, centre) {
    selected = id;
    const card = document.getElementById("kaartje");
    replaceGroup("#verbindingen", core.links(id || "", scale()));
    if (!id) { card.hidden = true; writeURL(); return; }
    const p = core.place(id);
    if (!p) return;
    card.querySelector(".naam").textContent = p.name;
    card.querySelector(".soort").textContent = `${p.kindNL} · ${p.kindEN}`;
    card.querySelector(".notitie").textContent = p.note;
    card.querySelector(".door").textContent = p.author ? `— ${p.author}${p.since ? `, sinds ${p.since}` : ""}` : "";
    const links = card.querySelector(".verbanden");
    links.replaceChildren();
    for (const l of p.links) {
      const li = document.createElement("li"), b = document.createElement("button");
      b.type = "button";
      b.textContent = l.name;
      b.addEventListener("click", () => select(l.id, true));
      li.append(b);
      links.append(li);
    }
    card.hidden = false;
    if (centre) { view.cx = p.x; view.cy = p.y; view.level = Math.max(view.level, 4); }
    draw();
  }
  document.getElementById("kaartje-dicht")?.addEventListener("click", () => select(null));
  for (const a of document.querySelectorAll("#lijst button[data-id]")) a.addEventListener("click", () => select(a.dataset.id, true));

  // The URL holds view, filters and selection, so a link shows what you see.
  let urlTimer = 0;
  function writeURL() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const q = new URLSearchParams();
      if (view.level) q.set("z", view.level);
      if (view.level) q.set("c", `${Math.round(view.cx)},${Math.round(view.cy)}`);
      if (hidden.size) q.set("verberg", [...hidden].join(","));
      if (selected) q.set("p", selected);
      history.replaceState(null, "", q.size ? `#${q}` : location.pathname + location.search);
    }, 150);
  }
  function readURL() {
    const q = new URLSearchParams(location.hash.slice(1));
    const z = Number(q.get("z")), c = (q.get("c") || "").split(",").map(Number);
    if (z > 0) view.level = Math.min(MAX_LEVEL, Math.round(z));
    if (c.length === 2 && c.every(Number.isFinite)) { view.cx = c[0]; view.cy = c[1]; clampCentre(); }
    for (const k of (q.get("verberg") || "").split(",").filter(Boolean)) {
      hidden.add(k);
      document.querySelector(`.legenda button[data-kind="${CSS.escape(k)}"]`)?.setAttribute("aria-pressed", "false");
    }
    if (q.get("p")) select(q.get("p"));
  }

  // centreOn brings a spot (drawing units) to the middle, zoomed in to at
  // least level: "Pin hier" uses it so a finger can place a pin to the metre.
  function centreOn(x, y, level) {
    view.cx = x; view.cy = y;
    view.level = Math.max(view.level, Math.min(MAX_LEVEL, level));
    clampCentre();
    draw();
  }

  // A turned phone or a resized window changes the screen's scale: redraw
  // once it settles.
  let resizeTimer = 0;
  let drawnFor = drawnWidth();
  addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { // only a new width matters, not a sliding address bar
      if (Math.abs(drawnWidth() - drawnFor) < 1) return;
      drawnFor = drawnWidth();
      draw();
    }, 150);
  });

  readURL();
  draw();
  return { redraw: draw, select, centreOn };
}

function centroid(pts) {
  const n = pts.length || 1;
  return { x: pts.reduce((s, p) => s + p.x, 0) / n, y: pts.reduce((s, p) => s + p.y, 0) / n };
}
function pinchDist(pointers) {
  const p = [...pointers.values()];
  return p.length > 1 ? Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) : 0;
}
