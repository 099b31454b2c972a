// Walk mode: "Pin hier" places a pin where the phone is, and the optional
// walk trace records the route. Both draw in one overlay, <g id="hier">, on
// top of the core's drawing; it is page chrome (a position, a circle, a
// draft pin, a dotted line), added only while in use so the drawn map stays
// byte-for-byte the core's. Positions become drawing units through the
// core (core.xy, core.lonLat): the page never projects by itself.

const SVGNS = "http://www.w3.org/2000/svg";
const POOR_M = 100;          // worse than this, the resident taps the map instead
const TRACE_EVERY_MS = 15000; // a point every 15 s: enough for a walking pace, light on the battery
const TRACE_KEY = "buurtkaart.spoor";
const PROBE_ID = "00000000-0000-4000-8000-000000000000"; // a dummy id to ask the core whether a spot lies in the map

/**
 * startWalk wires the "Pin hier" button and the trace. It needs no wasm: a
 * phone's position is a lon/lat already, so the button works while the core
 * still loads; the circle and the draggable pin appear once it is there.
 *   getCore()       → the bridge or null
 *   onPlaced(ll)    → the resident confirmed [lon, lat]: open the pin form
 *   say(nl, en)     → a status line
 */
export function startWalk({ getCore, onPlaced, say, centreOn }) {
  const btn = document.getElementById("pinhier");
  const bar = document.getElementById("onderbalk");
  const panel = document.getElementById("plaatsen");
  const uitleg = document.getElementById("plaatsuitleg");
  const ok = document.getElementById("hier-ok");
  const stop = document.getElementById("hier-stop");
  const spoorBtn = document.getElementById("looproute");
  const gpxBtn = document.getElementById("gpx");

  let placing = false;
  let watchId = null;
  let fix = null;    // {lon, lat, acc}: the phone's last position
  let draft = null;  // [lon, lat] of the pin being placed
  let moved = false; // the resident moved the pin: the GPS no longer decides
  let centred = false; // the view was brought to the first good fix
  let trace = loadTrace();
  let traceWatch = null, lastTraceAt = 0;

  function explain(nl, en) { uitleg.replaceChildren(nl + " ", Object.assign(document.createElement("span"), { lang: "en", textContent: en })); }
  function m(acc) { return Math.round(acc); }

  // inMap asks the core whether the server would take a pin here; before the
  // core is there we cannot tell, and the server has the last word anyway.
  function inMap(lon, lat) {
    const core = getCore();
    if (!core) return true;
    const problem = core.check(JSON.stringify({ id: PROBE_ID, lon, lat, kind: "plek" }));
    return !problem || !/position|outside_map|outside_boundary/.test(problem.code);
  }

  function begin() {
    placing = true; moved = false; draft = null; fix = null;
    panel.hidden = false; ok.disabled = true;
    say(""); // the last pin's message would push the map off a small screen
    bar.classList.add("plaatst"); // the bar shows only what placing needs
    // On a phone (the bar fixed at the bottom) the map to the top of the
    // screen, clear of the bar; a laptop's map is in view already, under
    // the row the bar's panel hangs from.
    if (getComputedStyle(bar).position === "fixed") document.getElementById("kaartvak").scrollIntoView({ block: "start" });
    if (!navigator.geolocation) {
      explain("Deze telefoon geeft geen plek door. Tik op de kaart waar je pin hoort.", "No position on this device: tap the map where your pin belongs.");
      return;
    }
    explain("Je plek wordt gezocht… Je kunt ook op de kaart tikken.", "Finding your position… You can also tap the map.");
    centred = false;
    watchId = navigator.geolocation.watchPosition(onPosition, onError, { enableHighAccuracy: true, maximumAge: 0, timeout: 30000 });
  }

  function end() {
    placing = false;
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    watchId = null; draft = null; fix = null;
    panel.hidden = true;
    bar.classList.remove("plaatst");
    render();
  }

  function onPosition(pos) {
    if (!placing) return;
    const { longitude: lon, latitude: lat, accuracy: acc } = pos.coords;
    fix = { lon, lat, acc };
    // A new fix that is poor or off the map takes the pin away again, unless
    // the resident placed it: an old fix says where they were, not are.
    if (!moved && (acc > POOR_M || !inMap(lon, lat))) draft = null;
    if (!inMap(lon, lat)) {
      explain("Je bent buiten deze kaart. Tik op de kaart waar je pin hoort.", "You are outside this map: tap the map where your pin belongs.");
    } else if (acc > POOR_M) {
      explain(`Je plek is nog niet precies (± ${m(acc)} m). Tik op de kaart waar je pin hoort, of wacht even.`,
        `Your position is rough (± ${m(acc)} m): tap the map where your pin belongs, or wait a moment.`);
    } else if (!moved) {
      draft = [lon, lat];
      const core = getCore();
      if (!centred && core && centreOn) {
        // The first good fix: zoom to it (level 6 ≈ 3.8×: on a 360 px phone
        // one pixel is then about 1.5 m, fine enough to drag the pin).
        const [x, y] = core.xy(lon, lat);
        centreOn(x, y, 6);
        centred = true;
      }
      explain(`De pin staat op je plek (± ${m(acc)} m). Klopt het niet? Sleep de pin of tik op de kaart.`,
        `The pin is where you are (± ${m(acc)} m). Drag it or tap the map to move it.`);
    }
    ok.disabled = !draft;
    render();
  }

  function onError(err) {
    if (!placing) return;
    if (err.code === 1) explain("Je plek delen staat uit. Tik op de kaart waar je pin hoort.", "Location is off: tap the map where your pin belongs.");
    else explain("Je plek is niet te vinden. Tik op de kaart waar je pin hoort.", "Position not found: tap the map where your pin belongs.");
  }

  // tapAt is called for a tap on the map (drawing units) while placing.
  function tapAt(at) {
    const core = getCore();
    if (!placing || !core) return false;
    draft = core.lonLat(at.x, at.y);
    moved = true;
    ok.disabled = false;
    explain("De pin staat waar je tikte. Goed zo? Tik dan op “Hier is het”.", "The pin is where you tapped. Right? Then tap “This is it”.");
    render();
    return true;
  }

  btn.addEventListener("click", begin);
  stop.addEventListener("click", end);
  ok.addEventListener("click", () => {
    if (!draft) return;
    const at = draft;
    end();
    onPlaced(at);
  });

  // ---- the overlay ----

  let g = null; // <g id="hier"> and its parts, made once so a drag keeps its pointer capture
  const parts = {};
  function overlay() {
    const svg = document.getElementById("kaart");
    if (!svg) return null;
    if (g && g.ownerSVGElement === svg) return g;
    if (!g) {
      g = document.createElementNS(SVGNS, "g");
      g.id = "hier";
      g.setAttribute("class", "hier");
      parts.spoor = add("polyline", { class: "spoor", "vector-effect": "non-scaling-stroke" });
      parts.kring = add("circle", { class: "nauwkeurig", "vector-effect": "non-scaling-stroke" });
      parts.punt = add("circle", { class: "ikben" });
      parts.naald = add("g", { class: "naald" });
      const hit = document.createElementNS(SVGNS, "circle"); // a 48 px target around the pin's head
      for (const [k, v] of Object.entries({ cx: 0, cy: -20, r: 24, class: "greep" })) hit.setAttribute(k, v);
      const head = document.createElementNS(SVGNS, "path");
      head.setAttribute("d", "M0 0C-3-9-11-13-11-22A11 11 0 1 1 11-22C11-13 3-9 0 0Z");
      const eye = document.createElementNS(SVGNS, "circle");
      for (const [k, v] of Object.entries({ cx: 0, cy: -22, r: 4, class: "oog" })) eye.setAttribute(k, v);
      parts.naald.append(hit, head, eye);
      const title = document.createElementNS(SVGNS, "title");
      title.textContent = "Sleep de pin naar de goede plek · Drag the pin to the right spot";
      parts.naald.append(title);
      // Listeners on the pin itself run before the view's (on #kaartvak).
      parts.naald.addEventListener("pointerdown", grab);
      parts.naald.addEventListener("pointermove", follow);
      parts.naald.addEventListener("pointerup", release);
      parts.naald.addEventListener("pointercancel", release);
    }
    svg.append(g); // the core may have replaced the drawing since
    return g;
  }
  function add(tag, attrs) {
    const el = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    g.append(el);
    return el;
  }

  // render puts what is known on the map; sizes that must stay the same on
  // screen (the dot, the pin) are divided by the current zoom.
  function render() {
    const core = getCore();
    const showing = core && (placing || trace.on || trace.points.length > 0);
    if (!showing) { g?.remove(); return; }
    if (!overlay()) return;
    const svg = g.ownerSVGElement;
    const ctm = svg.getScreenCTM();
    const px = ctm && ctm.a ? 1 / ctm.a : 1; // drawing units per screen pixel
    const xy = (ll) => core.xy(ll[0], ll[1]);

    parts.spoor.setAttribute("points", trace.points.map((p) => xy([p.lon, p.lat]).map((v) => v.toFixed(1)).join(",")).join(" "));
    parts.spoor.toggleAttribute("hidden", trace.points.length < 2);

    const showFix = placing && fix && inMap(fix.lon, fix.lat);
    if (showFix) {
      const [x, y] = xy([fix.lon, fix.lat]);
      const [, yN] = xy([fix.lon, fix.lat + fix.acc / 111320]); // metres north → drawing units
      set(parts.kring, { cx: x, cy: y, r: Math.max(Math.abs(y - yN), 6 * px) });
      set(parts.punt, { cx: x, cy: y, r: 5 * px });
      parts.kring.classList.toggle("grof", fix.acc > POOR_M);
    }
    parts.kring.toggleAttribute("hidden", !showFix);
    parts.punt.toggleAttribute("hidden", !showFix);

    if (placing && draft) {
      const [x, y] = xy(draft);
      parts.naald.setAttribute("transform", `translate(${x.toFixed(2)} ${y.toFixed(2)}) scale(${px.toFixed(4)})`);
    }
    parts.naald.toggleAttribute("hidden", !(placing && draft));
  }
  function set(el, attrs) { for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, typeof v === "number" ? v.toFixed(2) : v); }

  // Dragging the pin. The view pans on pointerdown in the map, so the pin
  // takes the pointer first and stops it there. The grab offset keeps the
  // pin's point from jumping under the finger.
  let drag = null;
  function grab(ev) {
    const core = getCore();
    if (!core || !draft) return;
    ev.stopPropagation();
    ev.preventDefault();
    const at = toDrawing(ev);
    const [x, y] = core.xy(draft[0], draft[1]);
    drag = { id: ev.pointerId, dx: x - at.x, dy: y - at.y };
    parts.naald.setPointerCapture(ev.pointerId);
    parts.naald.classList.add("sleept");
  }
  function toDrawing(ev) {
    const svg = document.getElementById("kaart");
    const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(svg.getScreenCTM().inverse());
    return { x: p.x, y: p.y };
  }
  function follow(ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    ev.stopPropagation();
    const at = toDrawing(ev);
    draft = getCore().lonLat(at.x + drag.dx, at.y + drag.dy);
    moved = true;
    render();
  }
  function release(ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    ev.stopPropagation();
    drag = null;
    parts.naald.classList.remove("sleept");
    explain("De pin staat waar je hem neerzette. Goed zo? Tik dan op “Hier is het”.", "The pin is where you put it. Right? Then tap “This is it”.");
  }

  // The view redraws (pan, zoom) by setting body[data-redraws]; follow it so
  // the dot and the pin keep their size on screen.
  new MutationObserver(render).observe(document.body, { attributes: true, attributeFilter: ["data-redraws", "data-core"] });

  // ---- the walk trace ----
  // Recorded only while switched on, kept on this device only (it says
  // where someone walked), shown as a dotted line, downloadable as GPX.

  function loadTrace() {
    try { const t = JSON.parse(localStorage.getItem(TRACE_KEY)); if (t && Array.isArray(t.points)) return { on: false, points: t.points }; } catch { /* a fresh trace */ }
    return { on: false, points: [] };
  }
  function saveTrace() { localStorage.setItem(TRACE_KEY, JSON.stringify({ points: trace.points })); }

  function traceOn() {
    if (!navigator.geolocation) return say("Deze telefoon geeft geen plek door.", "No position on this device.");
    // A new walk after a long pause starts a new trace: an old route is not kept around.
    const last = trace.points.at(-1);
    if (last && Date.now() - Date.parse(last.t) > 12 * 3600e3) trace.points = [];
    trace.on = true;
    spoorBtn.setAttribute("aria-pressed", "true");
    traceWatch = navigator.geolocation.watchPosition((pos) => {
      const now = Date.now();
      if (now - lastTraceAt < TRACE_EVERY_MS || pos.coords.accuracy > POOR_M) return;
      lastTraceAt = now;
      trace.points.push({ lon: +pos.coords.longitude.toFixed(6), lat: +pos.coords.latitude.toFixed(6), t: new Date(pos.timestamp || now).toISOString() });
      saveTrace();
      gpxBtn.hidden = trace.points.length < 2;
      render();
    }, (err) => {
      if (err.code === 1) { traceOff(); say("Je plek delen staat uit; de looproute kan niet mee.", "Location is off: no walk trace."); }
    }, { enableHighAccuracy: true, maximumAge: 5000, timeout: 60000 });
    say("Je looproute wordt bijgehouden, alleen op deze telefoon.", "Your walk is being recorded, on this phone only.");
    render();
  }
  function traceOff() {
    trace.on = false;
    spoorBtn.setAttribute("aria-pressed", "false");
    if (traceWatch !== null) navigator.geolocation.clearWatch(traceWatch);
    traceWatch = null;
    render();
  }
  spoorBtn?.addEventListener("click", () => {
    if (!trace.on) return traceOn();
    traceOff();
    say(trace.points.length > 1 ? "Je looproute staat uit; wat je liep blijft op deze telefoon." : "Je looproute staat uit.",
      trace.points.length > 1 ? "Your walk trace is off; what you walked stays on this phone." : "Your walk trace is off.");
  });
  gpxBtn?.addEventListener("click", () => {
    const blob = new Blob([gpx(trace.points)], { type: "application/gpx+xml" });
    const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: `looproute-${new Date().toISOString().slice(0, 10)}.gpx` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });
  if (gpxBtn) gpxBtn.hidden = trace.points.length < 2;

  document.body.dataset.walk = "ready"; // the button works from here on, wasm or not
  return {
    get placing() { return placing; },
    tapAt,
    coreReady: render,
  };
}

/** gpx writes a trace as a GPX 1.1 track (what `buurtkaart import --from gpx` reads back). */
export function gpx(points) {
  const pts = points.map((p) => `      <trkpt lat="${p.lat}" lon="${p.lon}"><time>${p.t}</time></trkpt>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="buurtkaart" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Looproute</name><trkseg>
${pts}
  </trkseg></trk>
</gpx>
`;
}
