// The /embed page: the drawn map as an inset on another site. It reads its
// options from the URL (the same names and defaults as wasm/embed.ParseView),
// lets the wasm take over the pre-rendered SVG as app.js does, and tells the
// parent page its height for embed.js. A classic script, so it also runs in
// a sandboxed frame without an origin of its own (see embed.html).
(() => {
  "use strict";
  const KINDS = ["talent", "verband", "plek", "verhaal", "partner"];
  const MAX_ZOOM = 8; // embed.MaxZoom: ~250 m of a 2 km buurt, about one street
  const STEP = 1.25;  // the full map's zoom levels (view.js): "Open de hele kaart" passes one

  const root = document.documentElement;
  const vak = document.getElementById("kaartvak");
  const statusEl = document.getElementById("status");
  const form = document.getElementById("pinform");
  const card = document.getElementById("kaartje");
  const heel = document.getElementById("heel");
  const opts = options(new URLSearchParams(location.search));

  let core = null;   // the bridge, once the wasm runs
  let stored = [];   // pins as GeoJSON features
  let spot = null;   // [lon, lat] the form is about
  let view = null;   // {w, h, z, cx, cy} in drawing units
  let selected = null; // the place or pin whose card is open
  let dragged = false;

  function options(q) {
    const kinds = (q.get("soorten") || "").split(",").map((s) => s.trim()).filter((k) => KINDS.includes(k));
    const taal = ["nl", "en"].includes(q.get("taal")) ? q.get("taal") : null;
    const pins = q.get("pins") !== "uit";
    const z = parseInt(q.get("zoom"), 10);
    const c = (q.get("midden") || "").split(",").map(Number);
    return {
      kinds: new Set(kinds.length ? kinds : KINDS), taal, pins,
      add: pins && q.get("toevoegen") !== "nee",
      zoom: z > 1 ? Math.min(z, MAX_ZOOM) : 1,
      centre: c.length === 2 && c.every(Number.isFinite) ? c : null,
    };
  }

  // --- both languages, as on the full map: Dutch first, English beside it,
  // each in an element with its lang; taal=en puts English first.
  const englishFirst = opts.taal === "en";
  function span(lang, text) {
    const s = document.createElement("span");
    s.lang = lang;
    s.textContent = text;
    return s;
  }
  // both puts the Dutch and English text into el, in the page's order.
  function both(el, nl, en) {
    const a = span("nl", nl), b = span("en", en);
    if (englishFirst) el.replaceChildren(b, " ", a); else el.replaceChildren(a, " ", b);
  }
  // English first for taal=en: every Dutch element directly followed by its
  // English one trades places with it.
  function swapLanguages() {
    for (const en of document.querySelectorAll('[lang="en"]')) {
      const nl = en.previousElementSibling;
      if (nl?.lang !== "nl") continue;
      const mark = document.createComment("");
      en.replaceWith(mark);
      nl.replaceWith(en);
      mark.replaceWith(nl);
    }
  }

  function say(nl, en) { both(statusEl, nl, en || nl); postHeight(); }
  const svg = () => document.getElementById("kaart");
  const hidden = () => KINDS.filter((k) => !opts.kinds.has(k));

  // --- filter by kind: classes on the container survive the wasm's new SVG.
  function filter() {
    for (const k of KINDS) vak.classList.toggle(`zonder-${k}`, !opts.kinds.has(k));
    if (selected && core?.place(selected) && !opts.kinds.has(core.place(selected).kind)) closeCard(false);
    updateLink();
  }
  // Labels carry their place's kind as a class; data-soort repeats it for
  // the filter rules in embed.css.
  function tagLabels() {
    for (const t of svg().querySelectorAll(".labels text")) {
      const k = KINDS.find((x) => t.classList.contains(x));
      if (k) t.dataset.soort = k;
    }
  }

  // --- zoom and pan: the viewBox, centred on (cx, cy), 1/z of the drawing.
  function initView() {
    const vb = svg().viewBox.baseVal;
    view = { w: vb.width, h: vb.height, z: opts.zoom, cx: vb.width / 2, cy: vb.height / 2 };
    const c = vak.dataset.corners.split(",").map(Number);
    if (opts.centre && c.length === 4 && c[2] !== c[0] && c[3] !== c[1]) {
      view.cx = (opts.centre[0] - c[0]) / (c[2] - c[0]) * view.w;
      view.cy = (opts.centre[1] - c[1]) / (c[3] - c[1]) * view.h;
    }
    applyView();
  }
  // applyView sets the viewBox; then the core lays out marks and names for
  // it (redraw), except while a drag moves the drawing (after it ends).
  function applyView(moving) {
    const v = view, hw = v.w / 2 / v.z, hh = v.h / 2 / v.z;
    v.cx = Math.min(Math.max(v.cx, hw), v.w - hw); // keep the drawing in the frame
    v.cy = Math.min(Math.max(v.cy, hh), v.h - hh);
    svg().setAttribute("viewBox", `${v.cx - hw} ${v.cy - hh} ${2 * hw} ${2 * hh}`);
    // Before the wasm, zooming enlarges the server's drawing and its names
    // with it; embed.css divides them by --zoom to keep their size.
    vak.style.setProperty("--zoom", core ? 1 : v.z);
    document.body.classList.toggle("ingezoomd", v.z > 1);
    document.getElementById("inzoomen").disabled = v.z >= MAX_ZOOM;
    document.getElementById("uitzoomen").disabled = v.z <= 1;
    if (!moving) { redraw(); updateLink(); }
  }
  function zoom(f) { view.z = Math.min(Math.max(view.z * f, 1), MAX_ZOOM); applyView(); }
  function pan(dx, dy, moving) { view.cx += dx; view.cy += dy; applyView(moving); }

  // scale is what the core draws and hit-tests for: drawing units per screen
  // unit, names as large as on the full map (core.js, nameScale).
  const page = globalThis.buurtkaartPage;
  const scale = () => page.nameScale(svg(), view.w, view.h) / view.z;

  // redraw has the core lay out marks and names for the frame's width and
  // the zoom level, as view.js does for the whole map: a narrow frame shows
  // fewer names, never smaller ones; kinds filtered out take no room.
  function redraw() {
    if (!core) return;
    const el = svg(), vb = el.viewBox.baseVal, s = scale();
    const args = [s, hidden(), vb.x, vb.y, vb.x + vb.width, vb.y + vb.height];
    const marks = core.marks(...args), labels = core.labels(...args);
    if (typeof marks === "string") page.replaceGroup(el, ".plekken", marks);
    if (typeof labels === "string") page.replaceGroup(el, ".labels", labels);
    page.replaceGroup(el, "#verbindingen", core.links(selected || "", s));
    el.style.setProperty("--s", s);
    tagLabels();
  }

  // "Open de hele kaart" opens the full map where the embed is: the same
  // centre, the nearest of its zoom levels, the same kinds hidden, and the
  // open card (view.js reads #z=…&c=…&verberg=…&p=…).
  function updateLink() {
    if (!view) return;
    const q = new URLSearchParams();
    const level = Math.round(Math.log(view.z) / Math.log(STEP));
    if (level > 0) {
      q.set("z", level);
      q.set("c", `${Math.round(view.cx)},${Math.round(view.cy)}`);
    }
    if (hidden().length) q.set("verberg", hidden().join(","));
    if (selected) q.set("p", selected);
    heel.href = q.size ? `./#${q.toString().replaceAll("%2C", ",")}` : "./";
  }

  let drag = null;
  vak.addEventListener("pointerdown", (ev) => {
    dragged = false;
    if (view.z > 1) drag = { x: ev.clientX, y: ev.clientY, id: ev.pointerId };
  });
  vak.addEventListener("pointermove", (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 5) return; // a tap wobbles a few pixels; it is not a drag
    dragged = true;
    const k = view.w / view.z / page.drawnWidth(svg(), view.w, view.h); // drawing units per CSS pixel
    pan(-dx * k, -dy * k, true);
    drag.x = ev.clientX; drag.y = ev.clientY;
  });
  for (const t of ["pointerup", "pointercancel", "pointerleave"]) {
    vak.addEventListener(t, () => { if (drag && dragged) { redraw(); updateLink(); } drag = null; });
  }
  vak.addEventListener("keydown", (ev) => {
    const step = view.w / view.z / 4;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[ev.key];
    if (d) { ev.preventDefault(); pan(...d); }
    if (ev.key === "+" || ev.key === "=") zoom(2);
    if (ev.key === "-") zoom(0.5);
    if (ev.key === "Escape" && selected) closeCard(true);
    // Enter opens the place nearest the middle of the frame: with the
    // arrows, every card can be reached by keyboard.
    if (ev.key === "Enter" && core && ev.target === vak) {
      const hit = core.hit(scale(), hidden(), view.cx, view.cy, 1e4);
      if (hit?.id) { ev.preventDefault(); openCard(hit.id); }
    }
  });
  document.getElementById("inzoomen").addEventListener("click", () => zoom(2));
  document.getElementById("uitzoomen").addEventListener("click", () => zoom(0.5));

  // --- height for embed.js: the drawing's at this width (the page caps it
  // at the frame's height, so that would never grow again), or the pin
  // form's while it is open.
  let lastHeight = 0;
  function postHeight() {
    if (parent === window || !view) return;
    let h = vak.clientWidth * view.h / view.w;
    if (form.open) h = Math.max(h, form.getBoundingClientRect().height + 32);
    h = Math.ceil(h);
    if (h === lastHeight) return;
    lastHeight = h;
    parent.postMessage({ type: "buurtkaart:height", height: h }, "*"); // a height is no secret
  }

  // --- the card of a place or a resident's pin.
  function openCard(id) {
    const p = core.place(id);
    if (!p) return;
    selected = id;
    card.dataset.id = id;
    if (p.pin) card.dataset.pin = "1"; else delete card.dataset.pin;
    card.querySelector(".naam").textContent = p.name;
    const soort = card.querySelector(".soort");
    if (p.kindNL === p.kindEN) soort.textContent = p.kindNL; else both(soort, p.kindNL, p.kindEN);
    card.querySelector(".notitie").textContent = p.note || "";
    card.querySelector(".door").textContent = p.author ? `— ${p.author}` : ""; // only given with consent
    const sinds = card.querySelector(".sinds");
    if (p.since) both(sinds, `sinds ${p.since}`, `since ${p.sinceEN || p.since}`); else sinds.replaceChildren();
    card.querySelector(".bewoner").hidden = !p.pin;
    card.hidden = false;
    card.focus({ preventScroll: true });
    redraw(); // the ring round it
    updateLink();
  }
  function closeCard(refocus) {
    if (!selected) return;
    selected = null;
    card.hidden = true;
    delete card.dataset.id;
    redraw();
    updateLink();
    if (refocus) vak.focus({ preventScroll: true });
  }
  document.getElementById("kaartje-dicht").addEventListener("click", () => closeCard(true));
  card.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeCard(true); });

  // --- pins: residents' pins are places of the map (core.setPins), drawn
  // with their kind's pictogram, named and tapped like the map's own.
  const device = () => page.device();
  function applyPins() {
    if (!core || !opts.pins) return;
    const out = core.setPins(JSON.stringify({ type: "FeatureCollection", features: stored }));
    if (out?.error) return say("Pins tekenen lukte niet.", "Drawing the pins failed.");
    redraw();
  }
  async function loadPins() {
    stored = (await page.pins()).features; // every page
    applyPins();
  }

  // A tap on a mark or its name opens that place's card; on a cluster it
  // zooms in; only a tap on empty paper starts a pin (when adding is
  // allowed), and while a card is open it first closes the card. A finger
  // may miss a mark by 22 px, a mouse by 12 (core.hit's reach).
  vak.addEventListener("click", (ev) => {
    if (dragged || !ev.target.closest("#kaart")) return;
    if (!core) return opts.add && say("De kaart laadt nog even…", "The map is still loading…");
    const at = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(svg().getScreenCTM().inverse());
    const touch = ev.pointerType ? ev.pointerType !== "mouse" : matchMedia("(pointer: coarse)").matches;
    const hit = core.hit(scale(), hidden(), at.x, at.y, touch ? 22 : 12);
    if (hit?.id) return openCard(hit.id);
    if (hit?.klont) { view.cx = at.x; view.cy = at.y; return zoom(2); }
    if (selected) return closeCard(false);
    if (!opts.add) return;
    spot = core.lonLat(at.x, at.y);
    form.querySelector("form").reset();
    form.showModal();
    postHeight();
  });

  form.addEventListener("close", async () => {
    postHeight();
    vak.focus({ preventScroll: true });
    if (form.returnValue !== "save" || !spot) return;
    const data = new FormData(form.querySelector("form"));
    const p = { id: page.newID(), lon: spot[0], lat: spot[1], kind: data.get("kind"), note: data.get("note") || "" };
    if (data.get("name")) p.name = data.get("name");
    const problem = core.check(JSON.stringify(p));
    if (problem) return say(problem.nl, problem.en);
    try {
      const res = await fetch("api/pins", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": p.id, "X-Buurtkaart-Device": device() },
        body: JSON.stringify(p),
      });
      page.keepDevice(res);
      const body = await res.json().catch(() => ({}));
      if (res.status === 201) {
        if (body.status === "visible") {
          stored.push({ type: "Feature", id: body.id, geometry: { type: "Point", coordinates: [body.lon, body.lat] },
            properties: { kind: body.kind, name: body.name || "", note: body.note || "", created: body.created || "" } });
          applyPins();
        }
        return body.status === "visible"
          ? say("Dank je! Je pin staat op de kaart.", "Thank you! Your pin is on the map.")
          : say("Dank je! Je pin verschijnt zodra een moderator hem heeft bekeken.", "Thank you! Your pin appears once a moderator has seen it.");
      }
      say(body.error?.nl || "De pin werd geweigerd.", body.error?.en || "The pin was refused.");
    } catch {
      // No outbox here (the full map has one): the visitor is on a website, online.
      say("Versturen lukte niet; probeer het zo nog eens.", "Sending failed; please try again in a moment.");
    }
  });

  // startCore lets the wasm take over the pre-rendered SVG, as app.js does.
  async function startCore() {
    core = await page.loadCore(vak.dataset.map);
    page.takeOver(core);
    applyView(); // redraws: marks and names for this frame, labels tagged
    document.body.dataset.core = "ready";
  }

  // Set up from the URL before the first paint where the browser allows.
  if (englishFirst) { root.dataset.taal = "en"; swapLanguages(); }
  for (const box of document.querySelectorAll('#soorten input[name="soort"]')) {
    box.checked = opts.kinds.has(box.value);
    box.addEventListener("change", () => {
      if (box.checked) opts.kinds.add(box.value); else opts.kinds.delete(box.value);
      filter();
      redraw();
    });
  }
  const soorten = document.getElementById("soorten");
  soorten.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && soorten.open) { soorten.open = false; soorten.querySelector("summary").focus(); }
  });
  if (!opts.add) document.body.classList.add("alleen-kijken");
  initView();
  filter();
  tagLabels();
  let width = 0; // a new frame width: names laid out for it, a new height for embed.js
  new ResizeObserver(() => {
    if (vak.clientWidth === width) return;
    width = vak.clientWidth;
    redraw();
    postHeight();
  }).observe(vak);
  postHeight();

  startCore()
    .then(() => opts.pins && loadPins().catch(() => say("Pins ophalen lukte niet.", "Loading the pins failed.")))
    .catch((e) => { console.error(e); say("De kaart werkt hier alleen als tekening.", "Here the map works as a drawing only."); });
})();
