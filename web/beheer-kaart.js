// "Plekken bewerken · Edit places": the keepers' map editor, mounted into
// #plekken of the workshop page (beheer.html). The map is the real core's
// drawing (core.js loads the same wasm as the map page): projection,
// marks, names, links and the hit test come from the core; this file only
// turns taps, drags and keys into changes of the map file. Every change is
// a function of the map file, saved through buurtkaartBeheer.save, which
// re-applies it on the latest revision when another keeper saved first.
(() => {
  const KINDS = [
    ["talent", "Talent", "Talent"], ["verband", "Verband", "Group"], ["plek", "Plek", "Place"],
    ["verhaal", "Verhaal", "Story"], ["partner", "Partner", "Partner"],
  ];
  const KIND = Object.fromEntries(KINDS.map(([k, nl, en]) => [k, { nl, en }]));
  const root = document.getElementById("plekken");
  const beheer = globalThis.buurtkaartBeheer;
  if (!root || !beheer) return;

  // en is English text beside the Dutch, marked so a screen reader uses an English voice.
  const en = (text) => Object.assign(document.createElement("span"), { lang: "en", textContent: text });
  const $ = (sel) => root.querySelector(sel);
  const clone = (v) => structuredClone(v);

  // The drawing's look is the map page's (style.css: palette, ink, the
  // pictograms' size); it goes before the page's own sheets, so those win.
  const sheets = () => [...document.querySelectorAll("link[rel=stylesheet]")];
  for (const href of ["style.css", "beheer-kaart.css"]) {
    if (sheets().some((l) => l.getAttribute("href") === href)) continue;
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    if (href === "style.css" && sheets()[0]) sheets()[0].before(link); else document.head.append(link);
  }

  // The section's heading is the page's; the editor goes under it.
  if (!document.getElementById("plekken-kop")) {
    root.prepend(Object.assign(document.createElement("h2"), { id: "plekken-kop", textContent: "Plekken bewerken" }));
  }
  const editor = Object.assign(document.createElement("div"), { className: "bk" });
  root.append(editor);
  editor.innerHTML = `
<p class="bk-kop">Plekken bewerken <span lang="en">· Edit places</span></p>
<p id="bk-melding" class="bk-melding" role="status" aria-live="polite"></p>
<details id="bk-titel">
  <summary>Titel en inleiding van de kaart <span lang="en">· The map's title and introduction</span></summary>
  <form id="bk-titelvorm" class="bk-vorm">
    <label for="bk-kaarttitel">Titel <span lang="en">· Title</span></label>
    <input id="bk-kaarttitel" name="title" maxlength="120" autocomplete="off">
    <label for="bk-intro">Inleiding <span lang="en">· Introduction</span></label>
    <textarea id="bk-intro" name="intro" rows="3" maxlength="1000"></textarea>
    <p class="knoppen"><button type="submit" class="hoofdknop">Titel bewaren <span lang="en">· Save title</span></button></p>
  </form>
</details>
<div class="bk-werk">
  <div class="bk-kaartkant">
    <div id="bk-kaartvak" tabindex="0" role="application" aria-roledescription="kaart" aria-labelledby="bk-kaartnaam" aria-describedby="bk-kaarthulp">
      <span id="bk-kaartnaam" class="verborgen">Kaart om te bewerken <span lang="en">· Map to edit</span></span>
      <div id="bk-laag"><p class="bk-laden">Kaart laden… <span lang="en">· Loading the map…</span></p></div>
      <div id="vizier" hidden aria-hidden="true"></div>
    </div>
    <div class="bk-knoppen">
      <button type="button" id="bk-toevoegen">Plek toevoegen <span lang="en">· Add a place</span></button>
      <span class="bk-zoom">
        <button type="button" id="bk-in"><span aria-hidden="true">+</span><span class="verborgen">Inzoomen <span lang="en">· Zoom in</span></span></button>
        <button type="button" id="bk-uit"><span aria-hidden="true">−</span><span class="verborgen">Uitzoomen <span lang="en">· Zoom out</span></span></button>
        <button type="button" id="bk-passend"><span aria-hidden="true">⤢</span><span class="verborgen">Hele buurt <span lang="en">· Fit the buurt</span></span></button>
      </span>
    </div>
    <div id="bk-modus" hidden><p id="bk-modustekst"></p>
      <button type="button" id="bk-modus-ok" class="hoofdknop">Hier <span lang="en">· Here</span></button>
      <button type="button" id="bk-modus-stop">Annuleren <span lang="en">· Cancel</span></button></div>
    <p id="bk-kaarthulp" class="hulp">Tik op lege kaart om een plek toe te voegen, tik op een plek om hem te bewerken, sleep een plek om hem te verplaatsen. Met het toetsenbord: Enter zet een kruisje, de pijltjes schuiven de kaart eronder, Enter zet de plek daar; + en − zoomen, Escape stopt.
      <span lang="en">· Tap empty paper to add a place, tap a place to edit it, drag a place to move it. With a keyboard: Enter shows a cross, the arrows move the map under it, Enter puts the place there; + and − zoom, Escape stops.</span></p>
  </div>
  <div class="bk-paneel">
    <form id="bk-vorm" class="bk-vorm" hidden aria-labelledby="bk-vormkop" novalidate>
      <h3 id="bk-vormkop" tabindex="-1"></h3>
      <label for="bk-naam">Naam <span lang="en">· Name</span></label>
      <input id="bk-naam" name="name" maxlength="120" autocomplete="off" required>
      <fieldset class="soorten bk-soorten legenda">
        <legend>Soort <span lang="en">· Kind</span></legend>
        <div>${KINDS.map(([k, nl, e]) => `<label class="soortknop"><input type="radio" name="kind" value="${k}"><svg viewBox="-7 -7 14 14" aria-hidden="true"><use href="#k-${k}" class="${k}"/></svg> <span>${nl} <span lang="en">· ${e}</span></span></label>`).join("")}</div>
      </fieldset>
      <label for="bk-notitie">Notitie <span lang="en">· Note</span></label>
      <textarea id="bk-notitie" name="note" rows="3" maxlength="1000"></textarea>
      <div class="bk-verbanden" id="bk-verbanden-vak">
        <h4 id="bk-verbanden-kop">Verbonden met <span lang="en">· Connected to</span></h4>
        <ul id="bk-verbanden" aria-labelledby="bk-verbanden-kop"></ul>
        <button type="button" id="bk-verbind">Verbind met… <span lang="en">· Connect with…</span></button>
        <div id="bk-kies" hidden>
          <label for="bk-kieslijst">Kies de plek om mee te verbinden <span lang="en">· Choose the place to connect with</span></label>
          <select id="bk-kieslijst"></select>
          <button type="button" id="bk-kies-ok">Verbinden <span lang="en">· Connect</span></button>
        </div>
      </div>
      <p class="knoppen bk-acties">
        <button type="submit" id="bk-bewaar" class="hoofdknop">Bewaren <span lang="en">· Save</span></button>
        <button type="button" id="bk-verplaats">Verplaatsen <span lang="en">· Move</span></button>
        <button type="button" id="bk-weg">Verwijderen <span lang="en">· Delete</span></button>
        <button type="button" id="bk-weg-zeker" hidden>Echt verwijderen <span lang="en">· Really delete</span></button>
        <button type="button" id="bk-dicht">Sluiten <span lang="en">· Close</span></button>
      </p>
    </form>
    <section id="bk-controle" aria-labelledby="bk-controle-kop">
      <h3 id="bk-controle-kop">Controle <span lang="en">· Check</span></h3>
      <div id="bk-problemen" role="status" aria-live="polite"></div>
    </section>
    <section aria-labelledby="bk-lijst-kop">
      <h3 id="bk-lijst-kop">Alle plekken <span lang="en">· All places</span></h3>
      <ul id="bk-lijst" class="bk-lijst"></ul>
    </section>
  </div>
</div>`;

  const vak = $("#bk-kaartvak"), laag = $("#bk-laag"), vizier = $("#vizier"), form = $("#bk-vorm");
  const say = (nl, english) => $("#bk-melding").replaceChildren(nl, " ", en(`· ${english}`));

  // The map file being edited, its revision, and what is chosen; st.view
  // becomes the shared view's own { level, cx, cy } once it is made.
  const st = { map: null, revision: null, core: null, W: 1000, H: 1000, view: { level: 0, cx: 500, cy: 500 },
    selected: null, draft: null, mode: null, ghost: null, boundary: "" };

  const places = () => (st.map?.features || []).filter((f) => f?.geometry?.type === "Point" && f.id != null && !f.properties?.layer);
  const feature = (map, id) => map.features.find((f) => f && String(f.id) === String(id));
  const nameOf = (id) => feature(st.map, id)?.properties?.name || String(id);

  // --- loading: the map file from the workshop, the drawing from the core ---

  async function loadCore() {
    const script = (src) => new Promise((ok, fail) => {
      if ([...document.scripts].some((s) => s.getAttribute("src") === src)) return ok();
      const s = Object.assign(document.createElement("script"), { src });
      s.onload = ok; s.onerror = () => fail(new Error(`${src} did not load`));
      document.head.append(s);
    });
    if (!globalThis.Go) await script("wasm_exec.js");
    if (!globalThis.buurtkaartPage) await script("core.js");
    st.boundary = await fetch("boundary.geojson").then((r) => (r.ok ? r.text() : ""), () => "");
    return globalThis.buurtkaart || globalThis.buurtkaartPage.loadCore("api/map");
  }

  async function reload(quiet) {
    const got = await beheer.map();
    const map = typeof got.geojson === "string" ? JSON.parse(got.geojson) : got.geojson;
    st.saved = { map: clone(map), revision: got.revision };
    show(map, got.revision);
    if (!quiet) check(st.map);
  }

  // show puts a map file in the editor: the core draws it, the list and the form follow.
  function show(map, revision) {
    st.map = map;
    if (revision !== undefined) st.revision = revision;
    if (!st.core) return;
    const loaded = st.core.load(JSON.stringify(map), st.boundary);
    if (loaded.error) return say(`De kaart is niet te tekenen: ${loaded.error}`, "The map cannot be drawn.");
    const tmp = document.createElement("div");
    tmp.innerHTML = st.core.svg();
    const svg = tmp.firstElementChild;
    for (const g of svg.querySelectorAll(".smal")) g.remove();
    svg.classList.remove("met-smal");
    svg.id = "bk-kaart";
    const title = svg.querySelector("title");
    if (title) { title.id = "bk-kaart-titel"; svg.setAttribute("aria-labelledby", "bk-kaart-titel"); }
    const extra = document.createElementNS("http://www.w3.org/2000/svg", "g");
    extra.id = "bk-extra";
    svg.append(extra);
    const first = !laag.querySelector("svg");
    laag.replaceChildren(svg);
    [, , st.W, st.H] = svg.getAttribute("viewBox").split(" ").map(Number);
    svg.style.setProperty("--bk-verhouding", `${st.W} / ${st.H}`); // a phone's map is as tall as the buurt, no more
    mv.setSize(st.W, st.H);
    if (first) Object.assign(st.view, { level: 0, cx: st.W / 2, cy: st.H / 2 });
    if (st.selected && !feature(map, st.selected)) closeForm();
    list();
    if (st.selected) { fillLinks(); fillChoices(); }
    draw();
  }

  // --- the view: pan, zoom and pinch over the core's drawing are the map page's (view.js, mapView) ---

  const svgEl = () => laag.querySelector("svg");
  let mv = null; // the view, once the core has come (start)
  const draw = () => mv?.draw();
  const scale = () => mv.scale();
  const zoomTo = (level, at) => mv.zoomTo(level, at);
  function makeView(mapView) {
    mv = mapView(vak, { svg: svgEl, layer: () => laag, core: () => st.core, W: st.W, H: st.H,
      selected: () => st.selected || "", onDraw: drawExtra, onTap: tap, grab,
      panStep: (ev) => (ev.shiftKey ? 0.03 : 0.12),
      buttons: { zoomIn: $("#bk-in"), zoomOut: $("#bk-uit"), fit: $("#bk-passend") } });
    st.view = mv.view;
  }
  // drawExtra draws what is not in the map file yet: a place being dragged
  // or moved by keyboard, a new place before it is saved.
  function drawExtra() {
    const g = svgEl()?.querySelector("#bk-extra");
    if (!g) return;
    g.replaceChildren();
    let at = st.ghost;
    if (st.mode === "verplaats") at = { ...st.ghost, x: st.view.cx, y: st.view.cy };
    if (!at) return;
    const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
    use.setAttribute("href", `#k-${at.kind || "plek"}`);
    use.setAttribute("class", `${at.kind || "plek"} bk-geest`);
    use.setAttribute("x", at.x); use.setAttribute("y", at.y);
    const ring = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    ring.setAttribute("class", "bk-ring");
    ring.setAttribute("cx", at.x); ring.setAttribute("cy", at.y); ring.setAttribute("r", 14 * scale() / 1.2);
    g.append(ring, use);
  }
  const reach = (ev) => (ev.pointerType === "touch" ? 22 : 12);
  const hitAt = (at, px = 12) => st.core?.hit(scale(), [], at.x, at.y, px)?.id || null;
  // A cluster (a dense spot at this zoom) is neither a place nor paper: zoom in on it.
  const cluster = (at, px) => !!st.core?.hit(scale(), [], at.x, at.y, px)?.klont;

  // --- pointer: tap a place to edit it, drag it to move it, tap paper to add (the view pans and pinches) ---

  // grab: a press on a place drags that place (not in "verbind", where a tap chooses).
  function grab(ev, at) {
    const id = ev.button > 0 || st.mode === "verbind" ? null : hitAt(at, reach(ev));
    if (!id) return null;
    return {
      move(to) {
        st.ghost = { id, kind: feature(st.map, id)?.properties?.kind, ...to };
        drawExtra();
      },
      end(to) {
        st.ghost = null;
        if (!to) return drawExtra();
        movePlace(id, to);
      },
    };
  }
  function tap(ev) {
    if (ev.type === "pointercancel" || ev.button > 0) return;
    const at = mv.toMap(ev.clientX, ev.clientY), id = hitAt(at, reach(ev));
    if (!id && cluster(at, reach(ev))) return zoomTo(st.view.level + 2, at);
    if (st.mode === "verbind") return id ? connect(id) : say("Tik op een plek, niet op lege kaart.", "Tap a place, not empty paper.");
    if (id) {
      select(id, { focus: false });
      // On a phone the form is under the map: bring it up, the map stays a scroll away.
      if (matchMedia("(max-width: 899px)").matches) form.scrollIntoView({ block: "nearest", behavior: "smooth" });
      return;
    }
    newPlace(at);
  }

  // --- keyboard: a cross in the map's centre; the arrows (the view's) move the map under it ---

  vak.addEventListener("keydown", (ev) => {
    if (ev.target !== vak || !st.core) return;
    if (ev.key.startsWith("Arrow")) return underCross();
    const keys = {
      Enter: () => (st.mode ? finishMode() : startMode("toevoeg")), " ": () => (st.mode ? finishMode() : startMode("toevoeg")),
      Escape: () => (st.mode ? stopMode(true) : closeForm()),
    };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });

  // underCross tells a screen reader which place the cross is on, if any
  // (a moment after the last arrow, so holding a key does not chatter).
  let crossTimer = 0, crossWas = null;
  function underCross() {
    if (!st.mode) return;
    clearTimeout(crossTimer);
    crossTimer = setTimeout(() => {
      if (!st.mode) return;
      const id = hitAt({ x: st.view.cx, y: st.view.cy }, 22);
      if (id === crossWas || (st.mode === "verplaats" && id === st.selected)) return;
      crossWas = id;
      if (id) say(`Onder het kruisje: ${nameOf(id)}.`, `Under the cross: ${nameOf(id)}.`);
    }, 350);
  }

  const MODES = {
    toevoeg: ["Schuif de kaart met de pijltjes tot het kruisje op de plek staat, en druk op Enter. Of tik op de kaart.",
      "Move the map with the arrow keys until the cross is on the spot, then press Enter. Or tap the map."],
    verplaats: ["Schuif de kaart met de pijltjes tot het kruisje op de nieuwe plek staat, en druk op Enter.",
      "Move the map with the arrow keys until the cross is on the new spot, then press Enter."],
    verbind: ["Tik op de plek om mee te verbinden, of zet het kruisje erop en druk op Enter, of kies hem uit de lijst.",
      "Tap the place to connect with, or put the cross on it and press Enter, or choose it from the list."],
  };
  function startMode(mode) {
    st.mode = mode;
    vizier.hidden = false;
    $("#bk-modus").hidden = false;
    $("#bk-modustekst").replaceChildren(MODES[mode][0], " ", en(`· ${MODES[mode][1]}`));
    if (mode === "verplaats") {
      const p = feature(st.map, st.selected);
      const [x, y] = st.core.xy(...p.geometry.coordinates);
      st.ghost = { id: st.selected, kind: p.properties.kind, x, y };
      st.view.cx = x; st.view.cy = y;
      draw();
    }
    say(...MODES[mode]);
    placeVizier();
    vak.focus();
  }
  function stopMode(cancelled) {
    const was = st.mode;
    st.mode = null;
    clearTimeout(crossTimer);
    crossWas = null;
    st.ghost = null;
    vizier.hidden = true;
    $("#bk-modus").hidden = true;
    $("#bk-kies").hidden = true;
    drawExtra();
    if (cancelled && was) say("Gestopt.", "Stopped.");
  }
  function finishMode() {
    const at = { x: st.view.cx, y: st.view.cy };
    const mode = st.mode;
    if (mode === "verbind") {
      const id = hitAt(at, 22);
      if (!id && cluster(at, 22)) { zoomTo(st.view.level + 2, at); return say("Hier staan meer plekken bij elkaar: ingezoomd.", "Several places here: zoomed in."); }
      if (!id) return say("Er staat geen plek onder het kruisje.", "There is no place under the cross.");
      return connect(id);
    }
    const id = st.selected, ghost = st.ghost;
    stopMode(false);
    if (mode === "verplaats") return movePlace(id, { ...ghost, ...at }, true);
    newPlace(at, true);
  }
  $("#bk-modus-ok").addEventListener("click", finishMode);
  $("#bk-modus-stop").addEventListener("click", () => { stopMode(true); vak.focus(); });
  $("#bk-toevoegen").addEventListener("click", () => startMode("toevoeg"));
  const placeVizier = () => { if (mv && svgEl()) mv.placeVizier(vizier); };
  // The section may be hidden until the keeper has signed in: draw when it has a size.
  new ResizeObserver(() => {
    if (!vak.clientWidth) return;
    if (!st.map && !starting) start();
    placeVizier(); draw();
  }).observe(vak);

  // --- changes: each a function of the map file, saved on the latest revision ---

  let saving = Promise.resolve();
  function commit(summary, change, done) {
    const reapply = (g) => {
      const map = clone(typeof g === "string" ? JSON.parse(g) : g);
      change(map);
      return map;
    };
    show(reapply(st.map)); // at once on screen; the saved revision follows
    // Saves go one after another, each made on the revision the last one left.
    saving = saving.then(async () => {
      try {
        const base = st.saved;
        const res = await beheer.save(reapply(base.map), summary, { revision: base.revision, reapply });
        if (res === false || res?.ok === false) {
          if (res?.problems?.length) showProblems(res.problems);
          throw new Error(res?.cancelled ? "je koos om niet te bewaren" : res?.error?.nl || "dat lukte niet");
        }
        say(`${summary}: bewaard.`, "Saved.");
        done?.();
      } catch (err) {
        say(`Niet bewaard: ${err.message || err}`, "Not saved; the map shows the last saved version.");
      }
      await reload().catch(() => {});
    });
    return saving;
  }

  // newID makes a readable id no other feature has: kind and name, as the sample's.
  function newID(map, kind, name) {
    const base = `${kind}-${name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "plek"}`;
    let id = base;
    for (let i = 2; feature(map, id); i++) id = `${base}-${i}`;
    return id;
  }
  const lonLat = (at) => st.core.lonLat(at.x, at.y).map((v) => +v.toFixed(6));

  function movePlace(id, to, byKeyboard) {
    const name = nameOf(id), coords = lonLat(to);
    const done = () => { if (byKeyboard) vak.focus(); };
    say(`${name} verplaatst…`, `${name} moved…`);
    return commit(`${name} verplaatst`, (map) => { const f = feature(map, id); if (f) f.geometry.coordinates = coords; }, done);
  }

  function newPlace(at, byKeyboard) {
    st.selected = null;
    st.draft = { coords: lonLat(at) };
    st.ghost = { ...at, kind: "plek" };
    drawExtra();
    openForm({ name: "", kind: "", note: "" }, "Nieuwe plek", "New place");
    say("Nieuwe plek: geef hem een naam en een soort, en bewaar.", "New place: give it a name and a kind, and save.");
    (byKeyboard ? $("#bk-naam") : $("#bk-vormkop")).focus();
  }

  function select(id, { focus = true, quiet = false } = {}) {
    stopMode(false);
    st.selected = id;
    st.draft = null;
    const p = feature(st.map, id);
    if (!p) return;
    const pr = p.properties || {};
    openForm(pr, pr.name || id);
    draw();
    if (!quiet) say(`${pr.name} gekozen.`, `${pr.name} chosen.`);
    if (focus) $("#bk-vormkop").focus();
  }

  function openForm(pr, nl, english) {
    form.hidden = false;
    $("#bk-vormkop").replaceChildren(nl, ...(english ? [" ", en(`· ${english}`)] : []));
    $("#bk-naam").value = pr.name || "";
    $("#bk-notitie").value = pr.note || "";
    for (const r of form.elements.kind) r.checked = r.value === pr.kind;
    const existing = !!st.selected;
    for (const s of ["#bk-verplaats", "#bk-weg", "#bk-verbanden-vak"]) $(s).hidden = !existing;
    $("#bk-weg-zeker").hidden = true;
    $("#bk-kies").hidden = true;
    fillLinks();
    fillChoices();
  }
  function closeForm() {
    st.selected = null; st.draft = null; st.ghost = null;
    form.hidden = true;
    draw();
  }

  // linked lists both directions: the place's own links and places linking to it.
  function linked(id) {
    const own = feature(st.map, id)?.properties?.links || [];
    const back = places().filter((f) => (f.properties.links || []).map(String).includes(String(id))).map((f) => String(f.id));
    return [...new Set([...own.map(String), ...back])];
  }
  function fillLinks() {
    const ul = $("#bk-verbanden");
    ul.replaceChildren();
    if (!st.selected) return;
    const ids = linked(st.selected);
    if (!ids.length) {
      const li = document.createElement("li");
      li.append("Nog met niets verbonden.", " ", en("· Not connected yet."));
      ul.append(li);
    }
    for (const other of ids) {
      const li = document.createElement("li"), b = document.createElement("button");
      li.className = "bk-verbonden";
      b.type = "button";
      b.className = "bk-los";
      b.dataset.id = other;
      b.append("Losmaken ", en("· Disconnect"));
      b.setAttribute("aria-label", `${nameOf(other)} losmaken · disconnect`);
      b.addEventListener("click", () => disconnect(other));
      li.append(nameOf(other), " ", b);
      ul.append(li);
    }
  }
  function fillChoices() {
    const sel = $("#bk-kieslijst");
    sel.replaceChildren();
    const taken = new Set(st.selected ? linked(st.selected) : []);
    for (const f of places()) {
      if (String(f.id) === String(st.selected) || taken.has(String(f.id))) continue;
      const k = KIND[f.properties.kind];
      sel.append(new Option(`${f.properties.name} (${k ? `${k.nl} · ${k.en}` : f.properties.kind})`, f.id));
    }
  }
  $("#bk-verbind").addEventListener("click", () => {
    $("#bk-kies").hidden = false;
    startMode("verbind");
    $("#bk-kieslijst").focus();
  });
  $("#bk-kies-ok").addEventListener("click", () => { const v = $("#bk-kieslijst").value; if (v) connect(v); });

  function connect(other) {
    const id = st.selected, a = nameOf(id), b = nameOf(other);
    stopMode(false);
    if (!id || String(other) === String(id)) return say("Kies een andere plek.", "Choose another place.");
    commit(`${a} verbonden met ${b}`, (map) => {
      const p = feature(map, id);
      if (!p) return;
      const links = (p.properties.links || []).map(String);
      if (!links.includes(String(other))) p.properties.links = [...links, String(other)];
    }, () => { say(`${a} is verbonden met ${b}.`, `${a} is connected to ${b}.`); $("#bk-verbind").focus(); });
  }
  function disconnect(other) {
    const id = st.selected, a = nameOf(id), b = nameOf(other);
    commit(`${a} losgemaakt van ${b}`, (map) => unlink(map, id, other), () => {
      say(`${a} is niet meer verbonden met ${b}.`, `${a} is no longer connected to ${b}.`);
      $("#bk-verbind").focus();
    });
  }
  function unlink(map, a, b) {
    for (const [x, y] of [[a, b], [b, a]]) {
      const p = feature(map, x);
      if (!p?.properties?.links) continue;
      p.properties.links = p.properties.links.filter((l) => String(l) !== String(y));
      if (!p.properties.links.length) delete p.properties.links;
    }
  }

  // formChange is the form's edit as a change of the map file (null when the form is incomplete).
  function formChange() {
    const name = $("#bk-naam").value.trim(), kind = form.elements.kind.value, note = $("#bk-notitie").value.trim();
    if (st.draft) {
      const coords = st.draft.coords;
      let id = null;
      return { summary: `Nieuwe plek: ${name || "zonder naam"}`, id: () => id, change: (map) => {
        id = newID(map, kind || "plek", name);
        const props = { name, kind };
        if (note) props.note = note;
        map.features.push({ type: "Feature", id, geometry: { type: "Point", coordinates: coords }, properties: props });
      } };
    }
    const id = st.selected, old = feature(st.map, id)?.properties || {};
    const parts = [];
    if (name !== (old.name || "")) parts.push(`${old.name} heet nu ${name}`);
    if (kind !== old.kind) parts.push(`${name} is nu ${KIND[kind]?.nl.toLowerCase() || kind}`);
    if (note !== (old.note || "")) parts.push(`notitie van ${name} aangepast`);
    if (!parts.length) return null;
    const summary = parts.join("; ");
    return { summary: summary[0].toUpperCase() + summary.slice(1), id: () => id, change: (map) => {
      const p = feature(map, id);
      if (!p) return;
      p.properties.name = name;
      p.properties.kind = kind;
      if (note) p.properties.note = note; else delete p.properties.note;
    } };
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = $("#bk-naam").value.trim(), kind = form.elements.kind.value;
    if (!name) { say("Geef de plek een naam.", "Give the place a name."); return $("#bk-naam").focus(); }
    if (!kind) { say("Kies een soort.", "Choose a kind."); return form.elements.kind[0].focus(); }
    const c = formChange();
    if (!c) return say("Er is niets veranderd.", "Nothing changed.");
    const wasNew = !!st.draft;
    st.ghost = null;
    st.draft = null;
    commit(c.summary, c.change, () => {
      if (wasNew && c.id()) select(c.id(), { quiet: true });
    });
    if (!wasNew) openForm(feature(st.map, st.selected)?.properties || {}, name);
    else form.hidden = true;
  });
  form.addEventListener("input", () => {
    if (st.draft && st.ghost) { st.ghost.kind = form.elements.kind.value || "plek"; drawExtra(); }
    scheduleCheck();
  });
  $("#bk-dicht").addEventListener("click", () => { closeForm(); vak.focus(); });
  $("#bk-verplaats").addEventListener("click", () => startMode("verplaats"));
  $("#bk-weg").addEventListener("click", () => { $("#bk-weg-zeker").hidden = false; $("#bk-weg-zeker").focus(); });
  $("#bk-weg-zeker").addEventListener("click", () => {
    const id = st.selected, name = nameOf(id);
    closeForm();
    commit(`${name} verwijderd`, (map) => {
      map.features = map.features.filter((f) => String(f?.id) !== String(id));
      for (const f of map.features) {
        const links = f?.properties?.links;
        if (Array.isArray(links)) {
          f.properties.links = links.filter((l) => String(l) !== String(id));
          if (!f.properties.links.length) delete f.properties.links;
        }
      }
    }, () => say(`${name} is verwijderd.`, `${name} was deleted.`));
    vak.focus();
  });

  $("#bk-titelvorm").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const title = $("#bk-kaarttitel").value.trim(), intro = $("#bk-intro").value.trim();
    if (!title) { say("Geef de kaart een titel.", "Give the map a title."); return $("#bk-kaarttitel").focus(); }
    commit("Titel en inleiding aangepast", (map) => {
      map.title = title;
      if (intro) map.intro = intro; else delete map.intro;
    });
  });
  $("#bk-titelvorm").addEventListener("input", () => scheduleCheck());

  // --- the list of every place: the map for a screen reader, and a way to choose ---

  function list() {
    const ul = $("#bk-lijst");
    const sorted = places().slice().sort((a, b) => String(a.properties.name).localeCompare(String(b.properties.name), "nl"));
    ul.replaceChildren(...sorted.map((f) => {
      const li = document.createElement("li"), b = document.createElement("button"), k = KIND[f.properties.kind];
      b.type = "button";
      b.dataset.id = f.id;
      b.append(`${f.properties.name} `, `(${k?.nl || f.properties.kind}`, k ? en(` · ${k.en}`) : "", ")");
      b.addEventListener("click", () => (st.mode === "verbind" ? connect(f.id) : select(f.id)));
      li.append(b);
      return li;
    }));
  }

  // --- live check: POST api/map/check with the file as it would be saved ---

  let checkTimer = 0, checkSeq = 0;
  function scheduleCheck() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => {
      let map = clone(st.map);
      const c = form.hidden ? null : formChange();
      if (c) c.change(map);
      const t = $("#bk-kaarttitel").value.trim();
      if (t) map.title = t;
      check(map);
    }, 600);
  }
  async function call(path, init) {
    const res = await beheer.api(path, init);
    if (res && typeof res.json === "function") {
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw Object.assign(new Error(body?.error?.nl || `${res.status}`), { body });
      return body;
    }
    return res;
  }
  async function check(map) {
    const seq = ++checkSeq, out = $("#bk-problemen");
    let problems;
    try {
      problems = (await call("api/map/check", { method: "POST", headers: { "Content-Type": "application/geo+json" }, body: JSON.stringify(map) }))?.problems || [];
    } catch {
      if (seq === checkSeq) out.replaceChildren(para("De controle is nu niet bereikbaar.", "The check cannot be reached right now."));
      return;
    }
    if (seq !== checkSeq) return;
    showProblems(problems);
  }
  function showProblems(problems) {
    const out = $("#bk-problemen");
    if (!problems.length) return out.replaceChildren(para("Geen problemen gevonden.", "No problems found."));
    const ul = document.createElement("ul");
    ul.className = "bk-problemen";
    for (const p of problems) {
      const li = document.createElement("li");
      li.className = p.severity === "error" ? "fout" : "waarschuwing";
      const sev = p.severity === "error" ? ["Fout", "Error"] : ["Let op", "Warning"];
      li.append(Object.assign(document.createElement("b"), { textContent: `${sev[0]} ` }), en(`· ${sev[1]}`), ": ");
      // Where: the place's name when it is one of the map's, else the core's words (English).
      if (p.id != null && feature(st.map, p.id)) li.append(`“${nameOf(p.id)}”: `);
      else if (p.where) li.append(en(p.where), ": ");
      // The core's diagnostics are English only for now (message_nl is the same text).
      const nl = p.message_nl || "", english = p.message_en || "";
      if (nl && nl !== english) li.append(nl, " ", en(`· ${english}`)); else li.append(en(english || nl));
      if (p.id != null && feature(st.map, p.id)) {
        const b = Object.assign(document.createElement("button"), { type: "button", className: "bk-toon" });
        b.append("Toon ", en("· Show"));
        b.setAttribute("aria-label", `Toon ${nameOf(p.id)} · Show`);
        b.addEventListener("click", () => select(p.id));
        li.append(" ", b);
      }
      // Problems of the chosen place come first.
      if (p.id != null && String(p.id) === String(st.selected)) ul.prepend(li); else ul.append(li);
    }
    const n = problems.length;
    out.replaceChildren(para(`${n} ${n === 1 ? "probleem" : "problemen"}:`, `${n} ${n === 1 ? "problem" : "problems"}:`), ul);
  }
  const para = (nl, english) => { const p = document.createElement("p"); p.append(nl, " ", en(`· ${english}`)); return p; };

  // --- start ---

  let starting = false;
  async function start() {
    starting = true;
    try {
      if (beheer.ready && !(await beheer.ready)) { starting = false; return; } // not signed in
      await reload(true);
      $("#bk-kaarttitel").value = st.map.title || "";
      $("#bk-intro").value = st.map.intro || "";
      const [core, view] = await Promise.all([loadCore(), import("./view.js")]);
      st.core = core;
      if (!mv) makeView(view.mapView);
      show(st.map);
      document.body.dataset.plekken = "ready";
      check(st.map);
    } catch (err) {
      laag.replaceChildren(para(`De kaart kon niet laden (${err.message || err}).`, "The map could not load."));
      starting = false; // tried again when the section shows, or the map changes
    }
  }
  start();
  beheer.onChange?.(() => (st.core ? reload().catch(() => {}) : starting || start()));
  // For tests and the workshop page: the editor's state, read-only.
  globalThis.buurtkaartPlekken = { reload: () => reload(), state: () => ({ revision: st.revision, selected: st.selected, mode: st.mode, view: { ...st.view } }),
    xy: (lon, lat) => st.core?.xy(lon, lat), toScreen(lon, lat) {
      const [x, y] = st.core.xy(lon, lat), m = svgEl().getScreenCTM();
      return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
    } };
})();
