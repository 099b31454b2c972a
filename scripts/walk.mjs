// Walk mode in headless Chromium, as a phone on a buurt walk: 360×740,
// touch, an emulated GPS position in the Schilderswijk, and the network
// switched off. Against a running server (BASE_URL), like e2e.mjs.
//
// 1. Offline walk: 50 pins queued offline (the first few through the real
//    UI: "Pin hier" with a good fix, a dragged pin, a tap when the fix is
//    poor, a tap when location is denied; the rest through the page's outbox
//    module), a reload while offline (the service worker serves the page,
//    the outbox survives), back online → exactly 50 rows, 0 duplicates. One
//    answer is lost on the way (the server stored the pin, the phone never
//    heard): the timer retries it and the server replays the same 201. A pin
//    the server refuses stays listed with its reason until removed.
// 2. The same with the Background Sync API removed from the page.
// 3. Speed on a throttled phone (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT,
//    4× CPU), first visit: the drawn map and a working "Pin hier" come
//    before the wasm has loaded.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

const base = (process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});
// Inside the sample's buurt (the hull of its streets, which the server
// holds pins to; its bbox's corners lie outside it).
const INNER = [4.2995, 52.0625, 4.3185, 52.0735];
const HERE = { latitude: 52.0668, longitude: 4.3065, accuracy: 12 }; // a street in the Schilderswijk
const BBOX = [4.292, 52.059, 4.322, 52.076];
const PHONE = {
  viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  locale: "nl-NL", geolocation: HERE, permissions: ["geolocation"],
};
const N = 50;

function step(name) { console.log(`  walk ${base}: ${name}`); }

// In the page: how many records the IndexedDB outbox holds (read directly,
// not through the page's code).
const outboxCount = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open("buurtkaart");
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains("outbox")) { db.close(); return resolve(0); }
    const c = db.transaction("outbox").objectStore("outbox").count();
    c.onsuccess = () => { resolve(c.result); db.close(); };
    c.onerror = () => reject(c.error);
  };
}));
// waitingPins counts the outbox's pins the map shows as waiting (core.place).
const waitingPins = (page) => page.evaluate(async () => {
  const recs = await (await import(new URL("outbox.js", document.baseURI).href)).all();
  return recs.filter((r) => globalThis.buurtkaart.place(r.id)?.pending).length;
});
const outboxRecords = (page) => page.evaluate(async () => (await import(new URL("outbox.js", document.baseURI).href)).all());

async function serverPins(prefix) {
  const res = await fetch(`${base}/api/pins`);
  assert.equal(res.status, 200);
  return (await res.json()).features.filter((f) => (f.properties.note || "").startsWith(prefix));
}

// freeSpot finds a point on the map near (fx, fy) of its box that is no
// place's mark (tapping a mark opens its card).
const freeSpot = (page, fx, fy) => page.evaluate(([fx, fy]) => {
  const map = document.getElementById("kaart");
  map.scrollIntoView({ block: "start" }); // the spot must be on screen to be hit
  const r = map.getBoundingClientRect();
  for (let d = 0; d < 120; d += 5) for (const [dx, dy] of [[d, 0], [0, d], [-d, 0], [0, -d]]) {
    const x = r.left + r.width * fx + dx, y = r.top + r.height * fy + dy;
    const el = document.elementFromPoint(x, y);
    if (el && el.closest("#kaart") && !el.closest("use, .plekken") && !el.closest("#hier .naald")) return { x, y };
  }
  return null;
}, [fx, fy]);

// touch drags with real touch events (CDP), as a finger does.
async function touchDrag(cdp, from, to, steps = 8) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps, y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function fillForm(page, kind, note, extra = async () => {}) {
  await page.waitForSelector("#pinform[open]");
  await page.locator(`#pinform input[name=kind][value="${kind}"]`).tap();
  await page.waitForFunction((k) => document.getElementById("pin-vraag").textContent.length > 0 &&
    document.querySelector(`#pinform input[value="${k}"]`).checked, kind);
  await page.locator("#pinform textarea").fill(note);
  await extra();
  await page.locator("#bewaar").tap();
  await page.waitForFunction(() => !document.getElementById("pinform").open);
}

async function offlineWalk(opts) {
  const ctx = await browser.newContext(PHONE);
  try {
    return await offlineWalkIn(ctx, opts);
  } catch (e) {
    const shot = `/tmp/walk-failure-${opts.label}.png`;
    await ctx.pages()[0]?.screenshot({ path: shot }).catch(() => {});
    console.log(`  walk: failed; screenshot ${shot}`);
    throw e;
  } finally {
    await ctx.close();
  }
}

async function offlineWalkIn(ctx, { label, noSync, loseOne }) {
  if (noSync) {
    await ctx.addInitScript(() => {
      delete globalThis.SyncManager;
      if (globalThis.ServiceWorkerRegistration) delete ServiceWorkerRegistration.prototype.sync;
    });
  }
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(m.text())) errors.push(m.text()); });
  const cdp = await ctx.newCDPSession(page);
  const prefix = `walk-${label}-${Date.now()}-`;

  await page.goto(base + "/");
  await page.waitForSelector("body[data-core=ready]", { timeout: 60000 });
  const sync = await page.evaluate(() => ({ manager: typeof SyncManager, sync: "sync" in (globalThis.ServiceWorkerRegistration?.prototype || {}) }));
  if (noSync) assert.deepEqual(sync, { manager: "undefined", sync: false }, "Background Sync removed");
  // The service worker must hold the shell before the signal goes.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  for (let i = 0; ; i++) {
    const cached = await page.evaluate(async () => {
      const c = await caches.open("buurtkaart-shell-v1");
      const want = ["./", "app.js", "view.js", "outbox.js", "walk.js", "style.css", "fonts.css", "wasm_exec.js", "buurtkaart.wasm", "map.geojson", "fonts/PatrickHand-Latin.woff2"];
      return (await Promise.all(want.map((u) => c.match(new URL(u, document.baseURI).href)))).every(Boolean);
    });
    if (cached) break;
    assert.ok(i < 60, "service worker cached the app shell");
    await page.waitForTimeout(250);
  }
  step(`${label}: online visit done, service worker holds the app shell; SyncManager ${sync.manager}, registration.sync ${sync.sync}`);

  await ctx.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  assert.equal(await page.evaluate(() => fetch("api/pins").then(() => "reached", () => "failed")), "failed", "the network is really off");

  // a. "Pin hier" with a good fix: the pin is where the phone is.
  await page.locator("#pinhier").tap();
  await page.waitForSelector("#hier-ok:not([disabled])");
  const circle = await page.locator("#hier .nauwkeurig").evaluate((c) => ({ r: +c.getAttribute("r"), hidden: c.hasAttribute("hidden") }));
  assert.equal(circle.hidden, false, "accuracy circle shown");
  assert.ok(await page.locator("#hier .naald").isVisible(), "draft pin shown");
  await page.locator("#hier-ok").tap();
  await fillForm(page, "plek", `${prefix}ui-gps`);
  await page.waitForFunction(() => document.body.dataset.outbox === "1");
  await page.waitForFunction(() => /bewaard op deze telefoon/.test(document.getElementById("status").textContent));
  assert.equal(await waitingPins(page), 1, "the waiting pin is a place of the map at once, as waiting");
  assert.ok(await page.locator("#kaart .plekken path.mark.wachtend").count() >= 1, "drawn with a waiting pin foot");

  // b. Drag the pin to the right spot before saving (touch).
  await page.locator("#pinhier").tap();
  await page.waitForSelector("#hier-ok:not([disabled])");
  const head = await page.locator("#hier .naald .greep").boundingBox();
  const from = { x: head.x + head.width / 2, y: head.y + head.height / 2 };
  if (process.env.WALK_DEBUG) {
    page.on("console", (m) => console.log("    console:", m.text()));
    await page.evaluate(() => { for (const t of ["pointerdown", "pointerup", "click", "touchstart", "touchend"]) document.addEventListener(t, (e) => console.log(t, e.pointerType || "", e.target.id || e.target.tagName, e.target.getAttribute?.("class") || ""), true); });
  }
  await touchDrag(cdp, from, { x: from.x + 40, y: from.y + 30 });
  await page.waitForFunction(() => /neerzette/.test(document.getElementById("plaatsuitleg").textContent));
  await page.waitForTimeout(500); // a finger lifts, then taps: Chromium makes no click from a tap right on the heels of a drag
  await page.locator("#hier-ok").tap();
  await fillForm(page, "verband", `${prefix}ui-dragged`);

  // c. A poor fix (± 400 m): the resident taps the map instead.
  await ctx.setGeolocation({ ...HERE, accuracy: 400 });
  await page.locator("#pinhier").tap();
  await page.waitForFunction(() => /niet precies/.test(document.getElementById("plaatsuitleg").textContent));
  assert.equal(await page.locator("#hier-ok").isDisabled(), true, "no pin from a poor fix");
  const spot = await freeSpot(page, 0.35, 0.4);
  await page.touchscreen.tap(spot.x, spot.y);
  await page.waitForSelector("#hier-ok:not([disabled])");
  await page.locator("#hier-ok").tap();
  await fillForm(page, "talent", `${prefix}ui-tapped`, async () => {
    assert.ok(await page.locator("#pinform .privacy").isVisible(), "privacy line for pins about people");
    await page.locator('#pinform input[name="author"]').fill("Ans");
    await page.locator('#pinform input[name="show_author"]').tap();
  });

  // d. Location denied: tap the map.
  await ctx.clearPermissions();
  await page.locator("#pinhier").tap();
  await page.waitForFunction(() => /staat uit/.test(document.getElementById("plaatsuitleg").textContent));
  const spot2 = await freeSpot(page, 0.6, 0.55);
  await page.touchscreen.tap(spot2.x, spot2.y);
  await page.waitForSelector("#hier-ok:not([disabled])");
  await page.locator("#hier-ok").tap();
  await fillForm(page, "verhaal", `${prefix}ui-denied`);
  await ctx.grantPermissions(["geolocation"]);
  await ctx.setGeolocation(HERE);
  const viaUI = 4;
  step(`${label}: ${viaUI} pins through the UI offline (GPS fix, dragged, tapped on a poor fix, tapped with location denied)`);

  // The rest through the page's own outbox module, spread over the buurt.
  await page.evaluate(async ({ n, prefix, inner }) => {
    const outbox = await import(new URL("outbox.js", document.baseURI).href);
    const kinds = ["talent", "verband", "plek", "verhaal", "partner"];
    for (let i = 0; i < n; i++) {
      const f = (i * 0.6180339887) % 1, g = (i * 0.7548776662) % 1;
      await outbox.queue({ id: crypto.randomUUID(), kind: kinds[i % 5], note: `${prefix}${String(i).padStart(3, "0")}`,
        lon: +(inner[0] + f * (inner[2] - inner[0])).toFixed(6), lat: +(inner[1] + g * (inner[3] - inner[1])).toFixed(6) });
    }
  }, { n: N - viaUI, prefix, inner: INNER });
  await page.waitForFunction((n) => document.body.dataset.outbox === String(n), N);
  assert.equal(await outboxCount(page), N);
  assert.match(await page.locator("#wachtrij").textContent(), new RegExp(`${N} pins wachten op verbinding`));

  // Reload with no signal: the service worker serves the page, the wasm and the map; the outbox is all there.
  const res = await page.reload();
  assert.ok(res.fromServiceWorker(), "page came from the service worker");
  await page.waitForSelector("body[data-core=ready]", { timeout: 30000 });
  assert.ok(await page.locator("#kaart").isVisible());
  assert.equal(await outboxCount(page), N, "outbox survived the reload");
  await page.waitForFunction((n) => document.body.dataset.outbox === String(n), N);
  const drawnWaiting = await waitingPins(page);
  assert.equal(drawnWaiting, N, "every waiting pin drawn as waiting");
  assert.equal((await serverPins(prefix)).length, 0, "nothing reached the server while offline");
  step(`${label}: reload offline: page from the service worker, map drawn, ${await outboxCount(page)} pins in the outbox, ${drawnWaiting} drawn as waiting, 0 on the server`);

  // Back online. Optionally the answer to the first POST is lost after the
  // server stored the pin: the phone must retry it and get the same 201.
  let posts = 0, lost = 0;
  if (loseOne) {
    await page.route("**/api/pins", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      posts++;
      if (lost === 0) { lost++; await route.fetch(); return route.abort("connectionreset"); }
      return route.continue();
    });
  }
  const t0 = Date.now();
  await ctx.setOffline(false);
  await page.waitForFunction(() => document.body.dataset.outbox === "0", null, { timeout: 90000 });
  const drained = Date.now() - t0;
  assert.equal(await outboxCount(page), 0);
  if (loseOne) await page.unroute("**/api/pins");
  const rows = await serverPins(prefix);
  const ids = new Set(rows.map((f) => f.id)), notes = new Set(rows.map((f) => f.properties.note));
  const dupes = rows.length - notes.size;
  assert.equal(rows.length, N, `exactly ${N} rows`);
  assert.equal(ids.size, N);
  assert.equal(dupes, 0, "0 duplicates");
  if (loseOne) assert.equal(lost, 1, "one answer was lost on the way");
  assert.match(await page.locator("#wachtrij").textContent(), /Alles is verstuurd/);
  await page.waitForFunction(() => document.querySelectorAll("#kaart .plekken path.mark.wachtend").length === 0);
  assert.equal(await waitingPins(page), 0, "no pin waits once all are sent");

  // Where the UI pins landed: at the fix; moved by the drag; the talent one shown roughly, with consent its author.
  const at = (note) => rows.find((f) => f.properties.note === prefix + note);
  const metres = (f) => Math.hypot((f.geometry.coordinates[0] - HERE.longitude) * 68600, (f.geometry.coordinates[1] - HERE.latitude) * 111320);
  assert.ok(metres(at("ui-gps")) < 1, "GPS pin at the fix");
  assert.ok(metres(at("ui-dragged")) > 5, `dragged pin moved (${metres(at("ui-dragged")).toFixed(0)} m)`);
  assert.equal(at("ui-tapped").properties.kind, "talent");
  step(`${label}: back online → ${rows.length} rows with the run's notes, ${ids.size} distinct ids, ${dupes} duplicates; outbox empty after ${drained} ms` +
    (loseOne ? `; ${posts} POSTs of which ${lost} answer lost and retried by the timer` : "") +
    `; dragged pin ${metres(at("ui-dragged")).toFixed(0)} m from the fix`);

  if (loseOne) {
    // A pin the server refuses for good stays visible with the reason; it is not dropped silently.
    await page.evaluate(async (note) => {
      const outbox = await import(new URL("outbox.js", document.baseURI).href);
      await outbox.queue({ id: crypto.randomUUID(), kind: "plek", note, lon: 4.31, lat: 52.07 });
    }, `${prefix}refused ${"x".repeat(1000)}`);
    await page.waitForSelector("#wachtrij .geweigerd");
    const reason = await page.locator("#wachtrij .geweigerd").textContent();
    const kept = (await outboxRecords(page)).filter((p) => p.refused);
    assert.equal(kept.length, 1, "refused pin kept in the outbox");
    assert.equal(kept[0].refused.status, 422);
    assert.equal(await page.locator("#wachtrij").evaluate((el) => el.hidden), false);
    await page.locator("#wachtrij .geweigerd button").tap();
    await page.waitForFunction(() => !document.querySelector("#wachtrij .geweigerd"));
    assert.equal(await outboxCount(page), 0);
    step(`${label}: a refused pin (${kept[0].refused.status} ${kept[0].refused.code}) stays listed ("${reason.slice(0, 60).trim()}…") until the resident removes it`);
  }
  assert.deepEqual(errors, [], "no page errors");
  return { rows: rows.length, dupes };
}

// Throttled first visit: when is the drawn map visible, when does "Pin hier"
// work, when has the wasm finished? Times from navigation start, recorded in
// the page at the animation frame in which each became true.
async function throttled({ brOnly = false } = {}) {
  const ctx = await browser.newContext(PHONE);
  await ctx.addInitScript(() => {
    const t = (globalThis.__walkTimes = {});
    const mark = (k) => { if (!(k in t)) t[k] = Math.round(performance.now()); };
    const poll = () => {
      const svg = document.getElementById("kaart");
      if (svg && document.querySelector("#kaartvak .knoppen-kaart") && svg.getBoundingClientRect().height > 0) mark("map");
      const b = document.getElementById("pinhier");
      if (b && document.body?.dataset.walk === "ready" && !b.disabled && !b.hidden && b.getBoundingClientRect().height > 0) mark("button");
      if (document.body?.dataset.view === "ready") mark("view");
      if (document.body?.dataset.core === "ready") mark("wasm");
      if (document.querySelector("#pinform[open]")) mark("form");
      if (!("wasm" in t)) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  // How the wasm came: wrangler dev's emulator re-encodes an answer to the
  // first of gzip and br the browser lists (Chrome: gzip), even one the
  // Worker sent as its brotli copy (scripts/encoding.mjs).
  let wasmEncoding = "";
  cdp.on("Network.responseReceived", (e) => {
    if (e.response.url.endsWith("buurtkaart.wasm")) wasmEncoding = e.response.headers["content-encoding"] || e.response.headers["Content-Encoding"] || "none";
  });
  if (brOnly) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "br" } });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(base + "/", { waitUntil: "commit" });
  // As soon as the button works, use it: a pin placed and saved before the wasm.
  await page.waitForFunction(() => "button" in (globalThis.__walkTimes || {}), null, { polling: 50, timeout: 120000 });
  await page.locator("#pinhier").tap();
  await page.waitForSelector("#hier-ok:not([disabled])");
  await page.locator("#hier-ok").tap();
  const note = `walk-throttled-${Date.now()}`;
  await fillForm(page, "plek", note);
  await page.waitForFunction(() => /Dank je/.test(document.getElementById("status").textContent), null, { timeout: 60000 });
  const savedBeforeWasm = await page.evaluate(() => document.body.dataset.core !== "ready");
  // Before the wasm the map answers: zoom, pan, a card, search.
  await page.waitForSelector("body[data-view=ready]", { timeout: 60000 });
  const vb = () => page.locator("#kaart").getAttribute("viewBox");
  const vb0 = await vb();
  await page.locator("#inzoomen").tap();
  await page.waitForFunction((v) => document.getElementById("kaart").getAttribute("viewBox") !== v, vb0, { timeout: 5000 });
  const vb1 = await vb();
  await page.locator("#kaartvak").focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((v) => document.getElementById("kaart").getAttribute("viewBox") !== v, vb1, { timeout: 5000 });
  const mark = await page.evaluate(async () => {
    const cards = await (await fetch("places.json")).json();
    const k = document.getElementById("kaart"), m = k.getScreenCTM(), r = k.getBoundingClientRect();
    for (const c of cards) {
      const x = m.a * c.x + m.c * c.y + m.e, y = m.b * c.x + m.d * c.y + m.f;
      if (x > r.left + 30 && x < r.right - 30 && y > r.top + 30 && y < r.bottom - 30) return { x, y, name: c.name };
    }
    return null;
  });
  await page.touchscreen.tap(mark.x, mark.y);
  await page.waitForSelector("#kaartje:not([hidden])", { timeout: 5000 });
  const cardName = await page.locator("#kaartje .naam").textContent();
  await page.locator("#kaartje-dicht").tap({ delay: 450 }).catch(() => page.keyboard.press("Escape"));
  await page.locator("#zoek").fill("markt");
  await page.waitForSelector("#zoekresultaten button[data-id]", { timeout: 5000 });
  const answeredBeforeWasm = await page.evaluate(() => document.body.dataset.core !== "ready");
  await page.waitForSelector("body[data-core=ready]", { timeout: 180000 });
  const raw = await page.evaluate(() => globalThis.__walkTimes);
  const fcp = await page.evaluate(() => Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1));
  const wasmBytes = await page.evaluate(() => performance.getEntriesByType("resource").find((e) => e.name.endsWith("buurtkaart.wasm"))?.encodedBodySize ?? -1);
  // Where the time goes: the page's own marks (core.js, app.js) and when
  // each big request started and finished.
  const breakdown = await page.evaluate(() => {
    const out = {};
    for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("buurtkaart:")) out[m.name.slice(11)] = Math.round(m.startTime);
    const nav = performance.getEntriesByType("navigation")[0];
    if (nav) { out["html-start"] = Math.round(nav.requestStart); out["html-end"] = Math.round(nav.responseEnd); }
    for (const e of performance.getEntriesByType("resource")) {
      const f = e.name.split("/").pop().split("?")[0];
      if (!/^(buurtkaart\.wasm|map\.geojson|boundary\.geojson|places\.json|PatrickHand-(?:Latin|Regular)\.woff2|wasm_exec\.js|app\.js|style\.css)$/.test(f) || `${f}>` in out) continue;
      out[`${f}>`] = Math.round(e.startTime); // asked for
      out[`${f}|`] = Math.round(e.responseStart); // first byte
      out[`${f}<`] = Math.round(e.responseEnd); // last byte
    }
    return out;
  });
  await ctx.close();
  // Nothing is visible before the first contentful paint, whatever the DOM holds.
  const t = { wasmEncoding, fcp, map: Math.max(raw.map, fcp), button: Math.max(raw.button, fcp), view: Math.max(raw.view, fcp), form: raw.form, wasm: raw.wasm, wasmBytes, savedBeforeWasm, breakdown };
  assert.ok(answeredBeforeWasm, `zoom, pan, a card (${cardName}) and search answered before the wasm`);
  assert.ok(t.map < t.wasm, "map before wasm");
  assert.ok(t.button < t.wasm, "button before wasm");
  assert.ok(savedBeforeWasm, "pin saved before the wasm");
  assert.equal((await serverPins(note)).length, 1, "the pin placed before the wasm is stored");
  return t;
}

try {
  // WALK_ONLY=throttled skips the offline walks (for timing the first visit alone).
  if (process.env.WALK_ONLY !== "throttled") {
    const a = await offlineWalk({ label: "offline", loseOne: true });
    const b = await offlineWalk({ label: "no-background-sync", noSync: true });
    step(`offline walk: ${a.rows}/${N} stored, ${a.dupes} duplicates; without Background Sync: ${b.rows}/${N} stored, ${b.dupes} duplicates`);
  }
  // Three first visits (this machine is noisy): each run, then the median.
  const runs = [];
  const nRuns = Number(process.env.WALK_RUNS) || 3;
  for (let i = 0; i < nRuns; i++) {
    const t = await throttled();
    runs.push(t);
    step(`throttled run ${i + 1}: first contentful paint ${t.fcp} ms, drawn map visible ${t.map} ms, "Pin hier" usable ${t.button} ms, ` +
      `pan/zoom/card/search answer ${t.view} ms, pin form open ${t.form} ms, wasm ready ${t.wasm} ms (${(t.wasmBytes / 1e6).toFixed(2)} MB); ` +
      "a pin saved, the map zoomed and panned, a card opened and a search answered before the wasm was ready");
    step(`throttled run ${i + 1}, where the time goes (ms from navigation; > asked for, | first byte, < last byte): ` +
      Object.entries(t.breakdown).sort((x, y) => x[1] - y[1]).map(([k, v]) => `${k} ${v}`).join(", "));
  }
  const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  // The breakdown's phases, median of the runs.
  const phase = (r) => {
    const b = r.breakdown, w = (k) => b[`buurtkaart.wasm${k}`];
    return {
      "wasm asked for": w(">"), "wasm first byte": w("|"), "wasm last byte": w("<"),
      "instantiated": b["wasm-instantiated"], "Go ready": b["go-ready"], "map fetched": b["map-fetched"], "map loaded": b["map-loaded"], "taken over": b["taken-over"], "view on core": b["view-on-core"], "pins drawn": b["pins-drawn"], "core ready": b["core-ready"],
    };
  };
  const phases = Object.keys(phase(runs[0]));
  step("throttled phone, median of the runs: " + phases.map((k) => `${k} ${runs.map((r) => phase(r)[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]}`).join(", "));
  // A benchmark: the targets of ../shared/QUALITY.md are printed beside the
  // medians, not asserted (this machine is noisy).
  step(`throttled phone (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, 4× CPU), first visit, median of ${runs.length}: drawn map visible ${med("map")} ms ` +
    `(target ≤ 1200), "Pin hier" usable ${med("button")} ms, pan/zoom/card/search answer ${med("view")} ms (target ≤ 1500), ` +
    `wasm ready ${med("wasm")} ms (target ≤ 5000)`);
  // Where the wasm did not come as brotli (the Worker under wrangler dev),
  // the same first visit again from a browser that takes only br: what
  // the Worker's brotli copy gives where the edge keeps br for a browser
  // that takes it (as serve sends it). Printed beside, not instead.
  if (runs.some((r) => r.wasmEncoding !== "br")) {
    const br = [];
    for (let i = 0; i < nRuns; i++) br.push(await throttled({ brOnly: true }));
    const medBr = (k) => br.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(br.length / 2)];
    step("from a browser that takes only br, median of the runs: " + phases.map((k) => `${k} ${br.map((r) => phase(r)[k]).sort((a, b) => a - b)[Math.floor(br.length / 2)]}`).join(", "));
    step(`the wasm came ${runs.map((r) => r.wasmEncoding).join("/")}-encoded (${(med("wasmBytes") / 1e6).toFixed(2)} MB); ` +
      `from a browser that takes only br (${br.map((r) => r.wasmEncoding).join("/")}, ${(medBr("wasmBytes") / 1e6).toFixed(2)} MB), median of ${br.length}: ` +
      `drawn map visible ${medBr("map")} ms, pan/zoom/card/search answer ${medBr("view")} ms, wasm ready ${medBr("wasm")} ms (target ≤ 5000)`);
  }
  console.log(`  walk ${base}: ok`);
} finally {
  await browser.close();
}
