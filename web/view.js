// The map view: pan, zoom, filters, search, the place card and the URL.
// Event wiring only: where things are drawn, and which labels fit, comes
// from the Go core (core.labels, core.place, core.links, core.search). The
// view snaps to zoom levels 1.25× apart, so label layouts can be cached
// per level and never jump while panning. mapView (pan, zoom, pinch) is
// mapview.js, shared with the keepers' place editor (beheer-kaart.js) and
// the embed (embed-page.js); startView is the map page's.

import "./mapview.js"; // a classic script: it sets globalThis.buurtkaartView
const { MAX_LEVEL } = globalThis.buurtkaartView;
export const { mapView } = globalThis.buurtkaartView;

// claimTap(at), if given, sees every tap first (drawing units) and returns
// true to take it: while a pin is being placed, a tap moves that pin, also
// on a mark or a name.
export function startView({ core, onTapMap, claimTap, say }) {
  const vak = document.getElementById("kaartvak");
  const svg = () => document.getElementById("kaart");
  const [, , W, H] = svg().getAttribute("viewBox").split(" ").map(Number);
  let hidden = new Set();
  let selected = null;
  const page = globalThis.buurtkaartPage;
  const drawnWidth = () => page.drawnWidth(svg(), W, H);
  const { view, zoom, scale, unitsPerPx, draw, toMap, zoomTo, clampCentre, centreOn, placeVizier } = mapView(vak, {
    svg, layer: () => document.getElementById("kaartlaag") || svg(), core: () => core, W, H,
    hidden: () => [...hidden], selected: () => selected, onDraw, onTap: tap,
    buttons: { zoomIn: document.getElementById("inzoomen"), zoomOut: document.getElementById("uitzoomen"), fit: document.getElementById("passend") },
  });

  // onDraw: the rest of a draw that is the map page's own.
  function onDraw() {
    const el = svg();
    el.style.setProperty("--s-smal", 2.8 * zoom()); // sketch.PhoneScale
    for (const k of ["talent", "verband", "plek", "verhaal", "partner"]) el.classList.toggle(`verberg-${k}`, hidden.has(k));
    document.getElementById("lijst")?.classList.toggle("gefilterd", hidden.size > 0);
    for (const k of ["talent", "verband", "plek", "verhaal", "partner"]) document.getElementById("lijst")?.classList.toggle(`verberg-${k}`, hidden.has(k));
    document.body.dataset.redraws = String(Number(document.body.dataset.redraws || 0) + 1);
    writeURL();
  }

  const replaceGroup = (selector, markup) => page.replaceGroup(svg(), selector, markup);

  // tap: a mark, a pin or a name opens its card; elsewhere a single tap
  // drops a pin and a double tap zooms in (the single tap waits 250 ms to
  // tell them apart). A finger reaches 22 px round a mark (a 44 px target),
  // a mouse 12.
  let lastTap = 0;
  let tapTimer = 0;
  function tap(ev) {
    // Marks are drawn as plates (one path per pictogram), so the core says
    // which place, if any, a tap is on.
    const at = toMap(ev.clientX, ev.clientY);
    if (claimTap?.(at)) return;
    const hit = core.hit(scale(), [...hidden], at.x, at.y, ev.pointerType === "touch" ? 22 : 12);
    if (hit?.id) return select(hit.id, { from: "tap" });
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

  // Enter on the focused map shows a crosshair in the map's centre
  // (#vizier): the arrows then move the map under it, and Enter again adds
  // a pin there — a pin by keyboard, without sharing a location. Escape
  // closes the card.
  const vizier = document.getElementById("vizier");
  vak.addEventListener("keydown", (ev) => {
    if (ev.target !== vak) return; // keys in the card and its buttons are theirs
    const keys = { Enter: aim, Escape: () => (aiming() ? stopAiming() : select(null)) };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });
  const aiming = () => vizier && !vizier.hidden;
  function aim() {
    if (!aiming()) {
      vizier.hidden = false;
      placeVizier(vizier);
      say("Schuif de kaart met de pijltjes tot het kruisje op de plek staat, en druk op Enter.",
        "Move the map with the arrow keys until the cross is on the spot, then press Enter.");
      return;
    }
    stopAiming();
    onTapMap({ x: view.cx, y: view.cy });
  }
  function stopAiming() { if (vizier) vizier.hidden = true; }
  vak.addEventListener("blur", (ev) => { if (!vak.contains(ev.relatedTarget)) stopAiming(); });

  // The legend doubles as the filter: each kind is a toggle button.
  for (const b of document.querySelectorAll(".legenda button[data-kind]")) {
    b.addEventListener("click", () => {
      const k = b.dataset.kind;
      hidden.has(k) ? hidden.delete(k) : hidden.add(k);
      b.setAttribute("aria-pressed", String(!hidden.has(k)));
      draw();
    });
  }

  // Search by name (and note, tags), residents' pins included: results as
  // buttons that open a place. Enter takes the first, ↓ and ↑ walk them,
  // and no result says so.
  const zoek = document.getElementById("zoek"), uit = document.getElementById("zoekresultaten");
  const results = () => [...uit.querySelectorAll("button[data-id]")];
  function choose(id) { uit.replaceChildren(); select(id, { from: "search" }); }
  zoek?.addEventListener("input", () => {
    uit.replaceChildren();
    if (!zoek.value.trim()) return;
    const ids = core.search(zoek.value);
    if (ids.length === 0) {
      const li = document.createElement("li");
      li.className = "niets";
      li.append("Niets gevonden ", page.english("· Nothing found"));
      uit.append(li);
      return;
    }
    for (const id of ids) {
      const p = core.place(id);
      const li = document.createElement("li"), b = document.createElement("button");
      b.type = "button";
      b.dataset.id = id;
      b.append(`${p.name} (${p.kindNL} `, page.english(`· ${p.kindEN}`), p.pin ? " · pin" : "", ")");
      b.addEventListener("click", () => choose(id));
      li.append(b);
      uit.append(li);
    }
  });
  zoek?.addEventListener("keydown", (ev) => {
    const first = results()[0];
    if (ev.key === "Enter" && first) { ev.preventDefault(); choose(first.dataset.id); }
    if (ev.key === "ArrowDown" && first) { ev.preventDefault(); first.focus(); }
  });
  uit?.addEventListener("keydown", (ev) => {
    const all = results(), i = all.indexOf(document.activeElement);
    if (i < 0) return;
    if (ev.key === "ArrowDown") { ev.preventDefault(); all[Math.min(i + 1, all.length - 1)].focus(); }
    if (ev.key === "ArrowUp") { ev.preventDefault(); (i === 0 ? zoek : all[i - 1]).focus(); }
    if (ev.key === "Escape") { ev.preventDefault(); uit.replaceChildren(); zoek.focus(); }
  });

  // select opens a place's card (a drawn place or a resident's pin) and
  // draws its links as dotted lines. from says where the choice came from:
  // "tap" (the place is where the finger is), "list" or "search" (the map
  // is brought to the place, and focus goes to the card), or a URL.
  const card = document.getElementById("kaartje");
  function select(id, { from } = {}) {
    const was = selected;
    selected = id;
    replaceGroup("#verbindingen", core.links(id || "", scale()));
    if (!id) {
      card.hidden = true;
      writeURL();
      if (was && (card.contains(document.activeElement) || document.activeElement === document.body)) vak.focus();
      return;
    }
    const p = core.place(id);
    if (!p) { selected = null; return; }
    fillCard(p);
    card.hidden = false;
    openedAt = performance.now();
    if (from === "list" || from === "search") {
      view.cx = p.x; view.cy = p.y; view.level = Math.max(view.level, 4);
      clampCentre();
      // On a phone the list is far below the map: bring the map (and the
      // card on it) to the screen.
      vak.scrollIntoView({ block: "start" });
    }
    draw();
    keepClear(p);
    if (from === "list" || from === "search") card.focus();
  }

  function fillCard(p) {
    card.dataset.id = p.id;
    if (p.pin) card.dataset.pin = "1";
    else delete card.dataset.pin;
    const part = (cls) => card.querySelector(cls);
    part(".naam").textContent = p.name;
    part(".soort").replaceChildren(`${p.kindNL} `, page.english(`· ${p.kindEN}`));
    part(".bewoner").hidden = !p.pin;
    part(".notitie").textContent = p.note;
    part(".door").textContent = p.author ? `— ${p.author}` : "";
    part(".sinds").replaceChildren(...(p.since ? [`sinds ${p.since} `, page.english(`· since ${p.sinceEN}`)] : []));
    part(".wacht").hidden = !p.pending;
    part(".eigen").hidden = !p.mine;
    part(".melden").hidden = !p.pin || p.mine;
    part(".meldvorm").hidden = true;
    part(".gemeld").replaceChildren();
    const links = part(".verbanden");
    links.replaceChildren();
    part(".verbanden-kop").hidden = p.links.length === 0;
    for (const l of p.links) {
      const li = document.createElement("li"), b = document.createElement("button");
      b.type = "button";
      b.textContent = l.name;
      b.addEventListener("click", () => select(l.id, { from: "search" }));
      li.append(b);
      links.append(li);
    }
  }

  // keepClear pans the map when the open card covers its own place: the
  // place goes to the middle of the free part of the map, above or below
  // the card, whichever is larger.
  function keepClear(p) {
    const el = svg(), m = el.getScreenCTM(), r = el.getBoundingClientRect(), c = card.getBoundingClientRect();
    if (!m) return;
    const sx = m.a * p.x + m.c * p.y + m.e, sy = m.b * p.x + m.d * p.y + m.f;
    const margin = 24;
    const covered = sx > c.left - margin && sx < c.right + margin && sy > c.top - margin && sy < c.bottom + margin;
    const offMap = sx < r.left + margin || sx > r.right - margin || sy < r.top + margin || sy > r.bottom - margin;
    if (!covered && !offMap) return;
    const above = c.top - r.top, below = r.bottom - c.bottom;
    const targetY = above >= below ? r.top + above / 2 : c.bottom + below / 2;
    const targetX = r.left + r.width / 2;
    const u = unitsPerPx(r);
    view.cx += (sx - targetX) * u;
    view.cy += (sy - targetY) * u;
    draw();
  }

  // A tap opens the card at pointerup; the click the browser sends after it
  // lands where the card now is, and must not press its buttons (× or Meld).
  let openedAt = 0;
  for (const type of ["mousedown", "click"]) {
    card.addEventListener(type, (ev) => {
      if (performance.now() - openedAt < 400 && ev.detail > 0) { ev.preventDefault(); ev.stopPropagation(); }
    }, true);
  }
  document.getElementById("kaartje-dicht")?.addEventListener("click", () => select(null));
  card.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); select(null); } });
  // The list's buttons, residents' pins too (app.js adds those as they come).
  document.getElementById("lijst")?.addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-id]");
    if (b) select(b.dataset.id, { from: "list" });
  });

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
    if (q.get("p")) select(q.get("p"), { from: "url" });
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

  // useCore hands the view to the wasm once it has taken over the drawing
  // (a fresh <svg>): the same view, now laid out by the core, in one frame.
  function useCore(real) {
    core = real;
    draw();
    if (selected) select(selected);
  }

  readURL();
  draw();
  return { redraw: draw, select, centreOn, useCore, get selected() { return selected; } };
}
