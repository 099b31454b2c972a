// The /embed page: the drawn map as an inset on another site. It reads its
// options from the URL (the same names and defaults as wasm/embed.ParseView),
// lets the wasm take over the pre-rendered SVG as app.js does, and tells the
// parent page its height for embed.js. A classic script, so it also runs in
// a sandboxed frame without an origin of its own (see embed.html).
(() => {
  "use strict";
  const KINDS = ["talent", "verband", "plek", "verhaal", "partner"];
  const MAX_ZOOM = 8; // embed.MaxZoom: ~250 m of a 2 km buurt, about one street
  const STEP = 1.25;  // the full map's zoom levels (mapview.js): "Open de hele kaart" passes one

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
  let selected = null; // the place or pin whose card is open
  let tapped = false; // the last press did not move: its click is a tap

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

  // --- zoom and pan: mapView, the full map's (mapview.js), in the embed's
  // steps: a level is 2× (zoom=Z is level log2 Z), up to MAX_ZOOM, and the
  // view stays on the drawing, which a fixed frame letterboxes. A plain
  // wheel scrolls the website round the frame; ctrl+wheel (a touchpad's
  // pinch) zooms. Before the wasm, and for good in a sandbox where it cannot
  // load, the core's stand-in (core.js) has the server's drawing zoom.
  const page = globalThis.buurtkaartPage;
  const [, , W, H] = svg().getAttribute("viewBox").split(" ").map(Number);
  const standIn = page.standIn([], vak.dataset.corners, W, H);
  const maxLevel = Math.log2(MAX_ZOOM);
  const mv = globalThis.buurtkaartView.mapView(vak, {
    svg, core: () => core || standIn, W, H, hidden, selected: () => selected || "", onDraw,
    onTap: () => { tapped = true; }, panStep: () => 0.25,
    step: 2, maxLevel, inside: true, wheel: (ev) => ev.ctrlKey,
    buttons: { zoomIn: document.getElementById("inzoomen"), zoomOut: document.getElementById("uitzoomen") },
  });
  // onDraw: the rest of a draw that is the embed's own.
  function onDraw() {
    svg().style.setProperty("--s-smal", 2.8 * mv.zoom()); // sketch.PhoneScale, as view.js: the server's phone names keep their size
    document.body.classList.toggle("ingezoomd", mv.view.level > 0);
    document.getElementById("inzoomen").disabled = mv.view.level >= maxLevel;
    document.getElementById("uitzoomen").disabled = mv.view.level <= 0;
    tagLabels();
    updateLink();
  }

  // "Open de hele kaart" opens the full map where the embed is: the same
  // centre, the nearest of its zoom levels, the same kinds hidden, and the
  // open card (view.js reads #z=…&c=…&verberg=…&p=…).
  function updateLink() {
    const q = new URLSearchParams();
    const level = Math.round(-Math.log(mv.zoom()) / Math.log(STEP));
    if (level > 0) {
      q.set("z", level);
      q.set("c", `${Math.round(mv.view.cx)},${Math.round(mv.view.cy)}`);
    }
    if (hidden().length) q.set("verberg", hidden().join(","));
    if (selected) q.set("p", selected);
    heel.href = q.size ? `./#${q.toString().replaceAll("%2C", ",")}` : "./";
  }

  vak.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && selected) closeCard(true);
    // Enter opens the place nearest the middle of the frame: with the
    // arrows, every card can be reached by keyboard.
    if (ev.key === "Enter" && core && ev.target === vak) {
      const hit = core.hit(mv.scale(), hidden(), mv.view.cx, mv.view.cy, 1e4);
      if (hit?.id) { ev.preventDefault(); openCard(hit.id); }
    }
  });

  // --- height for embed.js: the drawing's at this width (the page caps it
  // at the frame's height, so that would never grow again), or the pin
  // form's while it is open.
  let lastHeight = 0;
  function postHeight() {
    if (parent === window) return;
    let h = vak.clientWidth * H / W;
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
    mv.draw(); // the ring round it
  }
  function closeCard(refocus) {
    if (!selected) return;
    selected = null;
    card.hidden = true;
    delete card.dataset.id;
    mv.draw();
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
    mv.draw();
  }
  async function loadPins() {
    stored = (await page.pins()).features; // every page
    applyPins();
  }

  // A tap on a mark or its name opens that place's card; on a cluster it
  // zooms in; only a tap on empty paper starts a pin (when adding is
  // allowed), and while a card is open it first closes the card. A finger
  // may miss a mark by 22 px, a mouse by 12 (core.hit's reach). A tap is
  // the click after a press on the drawing that mapView saw not move
  // (onTap), so the card or form it opens does not take that click. (The
  // click's target is the frame's box: mapView captures the pointer.)
  vak.addEventListener("pointerdown", () => { tapped = false; });
  vak.addEventListener("click", (ev) => {
    if (!tapped) return;
    tapped = false;
    if (!core) return opts.add && say("De kaart laadt nog even…", "The map is still loading…");
    const at = mv.toMap(ev.clientX, ev.clientY);
    const touch = ev.pointerType ? ev.pointerType !== "mouse" : matchMedia("(pointer: coarse)").matches;
    const hit = core.hit(mv.scale(), hidden(), at.x, at.y, touch ? 22 : 12);
    if (hit?.id) return openCard(hit.id);
    if (hit?.klont) return mv.centreOn(at.x, at.y, mv.view.level + 1);
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
    mv.draw(); // marks and names for this frame, labels tagged
    document.body.dataset.core = "ready";
  }

  // Set up from the URL before the first paint where the browser allows.
  if (englishFirst) { root.dataset.taal = "en"; swapLanguages(); }
  for (const box of document.querySelectorAll('#soorten input[name="soort"]')) {
    box.checked = opts.kinds.has(box.value);
    box.addEventListener("change", () => {
      if (box.checked) opts.kinds.add(box.value); else opts.kinds.delete(box.value);
      filter();
      mv.draw();
    });
  }
  const soorten = document.getElementById("soorten");
  soorten.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && soorten.open) { soorten.open = false; soorten.querySelector("summary").focus(); }
  });
  if (!opts.add) document.body.classList.add("alleen-kijken");
  // The start view: zoom=Z is level log2 Z; midden= a spot in lon/lat.
  mv.view.level = Math.log2(opts.zoom);
  const [x, y] = opts.centre ? standIn.xy(...opts.centre) : [NaN, NaN];
  if (Number.isFinite(x) && Number.isFinite(y)) Object.assign(mv.view, { cx: x, cy: y });
  mv.clampCentre();
  filter();
  mv.draw();
  let width = 0; // a new frame width: names laid out for it, a new height for embed.js
  new ResizeObserver(() => {
    if (vak.clientWidth === width) return;
    width = vak.clientWidth;
    mv.draw();
    postHeight();
  }).observe(vak);
  postHeight();

  startCore()
    .then(() => opts.pins && loadPins().catch(() => say("Pins ophalen lukte niet.", "Loading the pins failed.")))
    .catch((e) => { console.error(e); say("De kaart werkt hier alleen als tekening.", "Here the map works as a drawing only."); });
})();
