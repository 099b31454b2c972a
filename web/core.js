// What every page of buurtkaart does the same way: start the Go core, size
// and swap its drawing, make pin ids, keep this device's token. A classic script (not a module), so the
// embed runs it too inside a sandboxed frame, where module scripts cannot
// load; pages reach it as globalThis.buurtkaartPage. Needs wasm_exec.js first.
globalThis.buurtkaartPage = {
  // loadCore runs the wasm (the map's, or the poster page's at wasmURL),
  // loads the map file at mapURL into it (both fetched at once) and returns
  // the bridge (web/buurtkaart.d.ts). The wasm is asked for at once but
  // compiled only once compileAfter has settled (the map page: after the
  // frame that shows the drawn map), so a slow line is never idle while
  // the page waits for that frame.
  async loadCore(mapURL, wasmURL = "buurtkaart.wasm", compileAfter = null) {
    const ready = new Promise((resolve) => { globalThis.buurtkaartReady = resolve; });
    const go = new Go();
    const mapText = fetch(mapURL).then((r) => r.text());
    mapText.catch(() => {}); // a failure is reported where it is awaited
    // The buurt's boundary (the server refuses pins outside it); a map
    // without one is checked against its bbox alone.
    const boundary = fetch("boundary.geojson").then((r) => (r.ok ? r.text() : ""), () => "");
    const mark = (name) => performance.mark?.(`buurtkaart:${name}`); // read by scripts/walk.mjs
    mark("wasm-fetch");
    const wasm = fetch(wasmURL);
    wasm.catch(() => {}); // reported by instantiateStreaming
    await compileAfter;
    const { instance } = await WebAssembly.instantiateStreaming(wasm, go.importObject);
    mark("wasm-instantiated");
    go.run(instance);
    await ready;
    mark("go-ready");
    const [mapData, boundaryData] = [await mapText, await boundary];
    mark("map-fetched");
    const loaded = globalThis.buurtkaart.load(mapData, boundaryData);
    mark("map-loaded");
    if (loaded.error) throw new Error(loaded.error);
    this.source = loaded.source; // the map file's name by its bytes (atlas.Source)
    for (const d of loaded.diagnostics) console.warn("buurtkaart:", d);
    return globalThis.buurtkaart;
  },

  // takeOver puts the core's drawing in place of the server's (#kaart): the
  // same bytes, minus the phone version the server added for the first
  // paint, since the page now draws for its own screen. When the server
  // drew the page from the very file the core loaded (#kaartvak's
  // data-source), the drawing already is the core's: it stays, and the
  // core never draws it (on the slow phone, medians: loading the map
  // 130 → 56 ms, taking over 47 → 1 ms).
  takeOver(bridge) {
    const kept = document.getElementById("kaart");
    if (this.source && kept?.closest("[data-source]")?.dataset.source === this.source) {
      for (const g of kept.querySelectorAll(".smal")) g.remove();
      kept.classList.remove("met-smal");
      return;
    }
    const tmp = document.createElement("div");
    tmp.innerHTML = bridge.svg();
    const svg = tmp.firstElementChild;
    for (const g of svg.querySelectorAll(".smal")) g.remove();
    svg.classList.remove("met-smal");
    document.getElementById("kaart").replaceWith(svg);
  },

  // nameScale is how much larger than on a map 1,000 px wide the core must
  // draw marks and names for the drawing el (W × H units) on this screen:
  // names stay 12 px with a mouse, 13 on a touch screen, so a narrow map
  // (a phone, a website's frame) shows fewer names, never smaller ones. On
  // a 1280×800 laptop 12 px names 66 of the sample's 68 places (13 px: 63),
  // on a 1024×768 one 62 (13 px: 57). Times the view's zoom, it is the
  // scale core.marks and core.labels take.
  nameScale(el, W, H) {
    const nameWidth = matchMedia("(pointer: fine)").matches ? 0.96 : 1.04;
    return Math.max(1, (W * nameWidth) / this.drawnWidth(el, W, H));
  },

  // drawnWidth is how wide the drawing el (W × H units) is on screen: the
  // element's width, or less when its height is capped (a phone held
  // sideways) and the drawing is letterboxed inside it.
  drawnWidth(el, W, H) {
    return Math.min(el.clientWidth, el.clientHeight * W / H) || W;
  },

  // replaceGroup puts markup from the core (one <g>) in place of the group
  // of the drawing el that selector finds.
  replaceGroup(el, selector, markup) {
    const old = el.querySelector(selector);
    const tmp = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    tmp.innerHTML = markup;
    if (old) old.replaceWith(tmp.firstElementChild);
  },

  // standIn answers for the core before the wasm has arrived (a slow line:
  // seconds), from the places' cards the server wrote (places.json) and the
  // drawing's corners in lon/lat (data-corners): the view can pan, zoom,
  // filter, search and open cards, and a pin can be placed, on the
  // server's drawing. It lays nothing out (marks and labels stay as drawn)
  // and its taps find the nearest mark only; the wasm, when it takes over,
  // is the one hit test for marks, names and pins (wasm/sketch.Hit).
  standIn(cards, cornersAttr, W, H) {
    const [lon0, lat0, lon1, lat1] = cornersAttr.split(",").map(Number);
    const byID = new Map(cards.map((c) => [c.id, c]));
    const drawnAt = matchMedia("(max-width: 599px)").matches ? 2.8 : 1.2; // sketch.PhoneScale, ScreenScale
    const lower = (s) => s.toLowerCase();
    return {
      standIn: true,
      marks: () => null,
      labels: () => null,
      links: () => '<g id="verbindingen" class="verbindingen"></g>',
      place: (id) => byID.get(id) || null,
      counts: () => Object.fromEntries(["talent", "verband", "plek", "verhaal", "partner"].map((k) => [k, cards.filter((c) => c.kind === k).length])),
      lonLat: (x, y) => [+(lon0 + (x / W) * (lon1 - lon0)).toFixed(6), +(lat0 + (y / H) * (lat1 - lat0)).toFixed(6)],
      xy: (lon, lat) => [((lon - lon0) / (lon1 - lon0)) * W, ((lat - lat0) / (lat1 - lat0)) * H],
      check: () => null, // the server has the last word
      // hit: the nearest mark within reach (its drawn size, or a finger's).
      hit(scale, hidden, x, y, reach = 12) {
        let best = null, bestD = Math.max(6.5 * drawnAt * 1.33, reach * scale);
        for (const c of cards) {
          const d = Math.hypot(c.x - x, c.y - y);
          if (d <= bestD && !hidden.includes(c.kind)) { best = c; bestD = d; }
        }
        return best && { id: best.id };
      },
      // search: every word in the name, note or tags; names first, at most 20.
      search(q) {
        const words = lower(q).split(/\s+/).filter(Boolean);
        if (!words.length) return [];
        const has = (s) => words.every((w) => s.includes(w));
        const name = cards.filter((c) => has(lower(c.name)));
        const rest = cards.filter((c) => !has(lower(c.name)) && has(lower(`${c.name} ${c.note} ${c.tags.join(" ")}`)));
        return name.concat(rest).slice(0, 20).map((c) => c.id);
      },
    };
  },

  // english is a span of English text marked as such, so a screen reader
  // reads it with an English voice: Dutch first, then "· English".
  english(text) {
    return Object.assign(document.createElement("span"), { lang: "en", textContent: text });
  },

  // newID makes the client-side UUID that makes retries safe. randomUUID
  // needs a secure context; a phone on the walk's LAN address may not have one.
  newID() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  },

  // device is this device's token (rate limits, delete tokens), one for the
  // map and its embeds: a random id until the server has signed it (see
  // keepDevice); where storage is blocked (some third-party frames) a token
  // for this visit.
  device() {
    const key = "buurtkaart.device";
    try {
      let t = localStorage.getItem(key);
      if (!t) { t = this.newID().replaceAll("-", ""); localStorage.setItem(key, t); }
      return t;
    } catch {
      this.visitToken ||= this.newID().replaceAll("-", "");
      return this.visitToken;
    }
  },

  // keepDevice keeps the signed token a write's answer hands out (the same
  // id, signed): from then on this device is not counted as new.
  keepDevice(res) {
    const t = res.headers.get("X-Buurtkaart-Device") || "";
    if (!/^[A-Za-z0-9_-]{16,100}\.[A-Za-z0-9_-]{22}$/.test(t) || t.split(".")[0] !== this.device().split(".")[0]) return;
    try { localStorage.setItem("buurtkaart.device", t); } catch { this.visitToken = t; }
  },

  // pins reads every visible pin, page by page (GET api/pins answers at
  // most 1,000 a page, with the cursor of the next), as one collection.
  async pins() {
    const features = [];
    for (let url = "api/pins"; url;) {
      const res = await fetch(url, { cache: "no-store" });
      if (!res.ok) throw new Error(`GET api/pins: ${res.status}`);
      const page = await res.json();
      features.push(...page.features);
      url = page.next ? `api/pins?cursor=${encodeURIComponent(page.next)}` : "";
    }
    return { type: "FeatureCollection", features };
  },
};
