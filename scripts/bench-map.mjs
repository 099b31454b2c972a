#!/usr/bin/env node
// bench-map: the drawn map's speed, side by side with Leaflet, in one run.
//
//   node scripts/bench-map.mjs                         # 1k, 10k, 100k places
//   node scripts/bench-map.mjs --sizes 1000,10000      # what scripts/test runs
//   options: --seed N (default 20240611)  --budget S (whole run, default 290)
//            --step-timeout S (default 45)  --variants leaflet,leaflet+labels,buurtkaart
//            --leaflet-labels-max N (default 1000: Leaflet with 10,000 permanent
//              tooltips had not painted after 240 s on the 2-core test machine)
//            --paint-runs N (default 3: loads per variant for the first paint,
//              median printed; only when a load paints in under 5 s)
//            --keep (keep the temp dir with the generated maps and logs)
//            --verbose (FCP/LCP, every frame delta and longtask around the gestures)
//
// For each size it writes one generated map file (n places in the
// Schilderswijk's bbox, seeded PRNG, five kinds round-robin, "Plek 123";
// places only, no base drawing) and loads it into
//   (a) buurtkaart: `buurtkaart serve --map FILE --out TMP/site --db TMP/…`
//       (the CLI is built once with `go build` into the temp dir; the site and
//       its wasm go to the temp dir, never to build/),
//   (b) Leaflet 1.9.4 (scripts/node_modules/leaflet): scripts/bench/leaflet.html
//       served by a small http server in this process; canvas renderer, no
//       tiles, circleMarkers; and the same with permanent tooltips (labels),
// in Debian's headless Chromium (1280×800 viewport, a fresh context per
// load). Each page is driven the same way: load, wait for the first map
// paint, a mouse drag (300 px in 30 moves sent every 16 ms without waiting
// for the page, as a hand would), then one wheel step (deltaY -100, zoom in). It prints one table and then PASS/MISS per
// target of ../shared/QUALITY.md. A miss does not fail: the exit status is
// non-zero only when the harness itself breaks. Every step has a timeout
// and prints "timeout" instead of hanging; the whole run stops starting new
// loads once --budget is spent.
//
// How it measures (scripts/bench/probe.js, injected into both pages before
// their own scripts, so both are measured by the same code):
//   first paint  the median of --paint-runs loads, each in a fresh context, of
//                performance.now() (ms since navigation start) right after the
//                main thread finished rendering the first frame in which the
//                map is complete. buurtkaart: the pre-rendered #kaart exists,
//                has a box, and the parser is past #kaartvak (its next
//                sibling exists, or DOMContentLoaded). Leaflet: the page
//                fetched the GeoJSON, built the layer and added it; the canvas
//                renderer draws in a rAF it queued then, and the page queues
//                its own rAF after it, which stamps the frame. The FCP column
//                (PerformanceObserver 'paint') is for reference: buurtkaart's
//                FCP is a partly parsed page; LCP is printed with --verbose.
//   drag p50/p95 requestAnimationFrame deltas with frame end between pointerdown
//                and pointerup. The 16.7 ms target passes at ≤ 17.0 ms: rAF
//                timestamps of on-time 60 Hz frames read 16.5…16.8 ms.
//   redraw       the longest rAF delta that ends after pointerup (the wheel
//                event) and starts within 1 s of it; when the page has
//                body[data-redraws], it is first waited for (≤ 10 s) to
//                increment. The longtask column: longest 'longtask' entry.
//   labels       elements (`#kaart .labels text`, `.leaflet-tooltip`) whose
//                box intersects the visible map; overlap = pairs overlapping
//                > 0.5 px both ways; the max over the initial view, after the
//                drag and after the zoom.
//   label ms     window.buurtkaartStats.labelMs after the initial layout, if
//                the page exposes it; the target line also reads it after
//                the zoom (a layout of warm code).
//   wasm         TMP/site/buurtkaart.wasm raw, gzip -9, brotli q11 (node zlib).
import { chromium } from "playwright-core";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { mapFile } from "./bench/geojson.mjs";

const scriptsDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(scriptsDir);
const benchDir = path.join(scriptsDir, "bench");
const leafletDir = path.join(scriptsDir, "node_modules", "leaflet", "dist");

// ---- options ---------------------------------------------------------------
const opt = { sizes: "1000,10000,100000", seed: "20240611", budget: "290", "step-timeout": "45",
  variants: "leaflet,leaflet+labels,buurtkaart", "leaflet-labels-max": "1000", "paint-runs": "3",
  keep: false, verbose: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
  if (!m || !(m[1] in opt)) { console.error(`bench-map: unknown argument ${a}`); process.exit(2); }
  if (typeof opt[m[1]] === "boolean") opt[m[1]] = true;
  else opt[m[1]] = m[2] ?? process.argv[++i];
}
const sizes = opt.sizes.split(",").map(Number).filter((n) => n > 0);
const seed = Number(opt.seed) >>> 0;
const variants = opt.variants.split(",");
const budgetMs = Number(opt.budget) * 1000;
const stepMs = Number(opt["step-timeout"]) * 1000;
const leafletLabelsMax = Number(opt["leaflet-labels-max"]);
const paintRuns = Math.max(1, Number(opt["paint-runs"]));
const W = 1280, H = 800;
// One 60 Hz frame is 16.7 ms; headless Chromium's rAF timestamps jitter by
// ±0.2 ms around it (16.5…16.8), so a frame up to 17.0 ms counts as on time.
const FRAME_OK = 17.0;

const T0 = Date.now();
const left = () => budgetMs - (Date.now() - T0);
const since = () => ((Date.now() - T0) / 1000).toFixed(0) + " s";
const log = (...a) => console.log("  bench-map:", ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Timeout extends Error {}
// within runs fn with a time limit (never more than what is left of the budget).
async function within(label, ms, fn) {
  ms = Math.max(1000, Math.min(ms, left()));
  let timer;
  try {
    return await Promise.race([fn(), new Promise((_, rej) => { timer = setTimeout(() => rej(new Timeout(label)), ms); })]);
  } finally { clearTimeout(timer); }
}

// ---- temp dir, children, cleanup ---------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-map-"));
const children = new Set();
let browser = null, leafletServer = null;
function killChild(c) {
  if (c.exitCode !== null || c.signalCode !== null) return;
  try { process.kill(-c.pid, "SIGTERM"); } catch { try { c.kill("SIGTERM"); } catch {} }
}
async function stopChild(c) {
  killChild(c);
  const exited = new Promise((r) => { if (c.exitCode !== null || c.signalCode !== null) r(); else c.once("exit", r); });
  if (await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]) === false) {
    try { process.kill(-c.pid, "SIGKILL"); } catch {}
  }
  children.delete(c);
}
process.on("exit", () => {
  for (const c of children) killChild(c);
  if (!opt.keep) fs.rmSync(tmp, { recursive: true, force: true });
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on("error", reject);
  });
}

// ---- Leaflet's static server -----------------------------------------------
function startLeafletServer() {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
    ".png": "image/png", ".svg": "image/svg+xml", ".geojson": "application/geo+json", ".json": "application/json" };
  const mounts = [["/leaflet/", leafletDir], ["/bench/", benchDir], ["/data/", tmp]];
  const srv = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p === "/favicon.ico") { res.writeHead(204); return res.end(); }
    const file = p === "/" ? path.join(benchDir, "leaflet.html") : (() => {
      for (const [prefix, dir] of mounts) {
        if (p.startsWith(prefix)) {
          const f = path.join(dir, p.slice(prefix.length));
          if (f.startsWith(dir + path.sep)) return f;
        }
      }
      return null;
    })();
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); return res.end("not found"); }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-cache" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => resolve(srv));
  });
}

// ---- buurtkaart serve --------------------------------------------------------
function buildCLI() {
  const bin = path.join(tmp, "buurtkaart");
  const t = Date.now();
  const r = spawnSync("go", ["build", "-o", bin, "./cmd/buurtkaart"], { cwd: root, encoding: "utf8",
    timeout: Math.max(1000, Math.min(180_000, left())) });
  if (r.status !== 0) {
    return { error: r.error?.code === "ETIMEDOUT" ? "timeout" : `go build failed: ${(r.stderr || String(r.error)).trim().split("\n").slice(0, 6).join(" | ")}` };
  }
  log(`built the buurtkaart CLI in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { bin };
}

async function startServe(bin, mapPath, n) {
  const port = await freePort();
  const logPath = path.join(tmp, `serve-${n}.log`);
  const fd = fs.openSync(logPath, "w");
  const c = spawn(bin, ["serve", "--map", mapPath, "--addr", `127.0.0.1:${port}`,
    "--db", path.join(tmp, `pins-${n}.db`), "--out", path.join(tmp, "site")],
  { cwd: root, detached: true, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  children.add(c);
  const url = `http://127.0.0.1:${port}/`;
  const t = Date.now();
  try {
    await within("serve start", 180_000, async () => {
      for (;;) {
        if (c.exitCode !== null) throw new Error(`serve exited (${c.exitCode}): ${fs.readFileSync(logPath, "utf8").trim().split("\n").slice(-5).join(" | ")}`);
        const ok = await new Promise((r) => http.get(url, (res) => { res.resume(); r(res.statusCode === 200 || res.statusCode === 302); }).on("error", () => r(false))); // / leads to the map (302)
        if (ok) return;
        await sleep(250);
      }
    });
  } catch (e) {
    await stopChild(c);
    return { error: e instanceof Timeout ? "timeout (serve start)" : e.message };
  }
  return { child: c, url, startS: (Date.now() - t) / 1000 };
}

// ---- one measured load -------------------------------------------------------
const PAGES = {
  buurtkaart: {
    clip: "#kaartvak", labels: "#kaart .labels text",
    // The pre-rendered map is complete once the parser is past #kaartvak.
    init: `window.__bench.mapComplete = () => {
      const k = document.getElementById("kaart"), v = document.getElementById("kaartvak");
      return !!(k && v && (v.nextElementSibling || document.readyState !== "loading") && k.getBoundingClientRect().width > 0);
    };`,
    signature: () => {
      const k = document.getElementById("kaart");
      if (!k) return "";
      const u = k.querySelector("use[data-id]") || k.querySelector(".labels text");
      const r = u ? u.getBoundingClientRect() : null;
      return [k.getAttribute("viewBox"), getComputedStyle(k).transform,
        [...k.children].map((c) => (c.getAttribute("transform") || "") + getComputedStyle(c).transform).join(","),
        r ? [r.x, r.y, r.width].map(Math.round).join(",") : ""].join("|");
    },
  },
  leaflet: {
    clip: "#map", labels: ".leaflet-tooltip", init: "",
    signature: () => (window.benchMap ? JSON.stringify([window.benchMap.getCenter(), window.benchMap.getZoom()]) : ""),
  },
};

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
// frameDeltas: [start, end, delta] of consecutive rAF timestamps.
function frameDeltas(frames) {
  const out = [];
  for (let i = 1; i < frames.length; i++) out.push([frames[i - 1], frames[i], frames[i] - frames[i - 1]]);
  return out;
}

async function measure(variant, n, url, { warmup = false, paintOnly = false } = {}) {
  const kind = variant === "buurtkaart" ? "buurtkaart" : "leaflet";
  const P = PAGES[kind];
  const r = { variant, n, status: "ok", notes: [] };
  const ctx = await browser.newContext({ viewport: { width: W, height: H }, deviceScaleFactor: 1 });
  const errors = [];
  let stage = "load";
  try {
    await ctx.addInitScript({ path: path.join(benchDir, "probe.js") });
    if (P.init) await ctx.addInitScript({ content: P.init });
    const page = await ctx.newPage();
    if (warmup) {
      await within("warm-up", stepMs, () => page.goto(url, { waitUntil: "load", timeout: 0 }));
      return r;
    }
    page.on("pageerror", (e) => errors.push(String(e).split("\n")[0]));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text().split("\n")[0]); });
    page.on("dialog", (d) => d.dismiss().catch(() => {}));
    const poll = { polling: 50 };

    // 1. load → first map paint
    await within("load", stepMs, async () => {
      await page.goto(url, { waitUntil: "commit", timeout: 0 });
      await page.waitForFunction(() => window.__bench.firstPaint != null || window.benchError, null, { ...poll, timeout: 0 });
    });
    const fp = await page.evaluate(() => ({ fp: window.__bench.firstPaint, seen: window.__bench.mapSeenAt,
      paints: window.__bench.paints, lcp: window.__bench.lcp, err: window.benchError }));
    if (fp.err) throw new Error(`page: ${fp.err.split("\n")[0]}`);
    r.firstPaint = fp.fp;
    if (paintOnly) return r;

    // 2. buurtkaart: the wasm takes over (needed for pan and zoom).
    stage = "core";
    if (kind === "buurtkaart") {
      try {
        await within("core", stepMs, () => page.waitForFunction(() => document.body?.dataset.core === "ready", null, { ...poll, timeout: 0 }));
        r.coreReady = await page.evaluate(() => window.__bench.coreReadyAt ?? performance.now());
      } catch (e) {
        if (!(e instanceof Timeout)) throw e;
        r.coreReady = "timeout";
        r.notes.push("wasm not ready in time; gestures run on the pre-rendered page");
      }
    }
    stage = "settle";
    await within("settle", stepMs, () => page.evaluate(() => new Promise((res) => setTimeout(res, 300))));
    // paint entries are delivered after presentation: read them once settled
    Object.assign(r, await page.evaluate(() => ({ fcp: window.__bench.paints["first-contentful-paint"], lcp: window.__bench.lcp })));

    if (kind === "leaflet") {
      // sanity: the canvas really holds the drawing once settled
      r.canvasInk = await page.evaluate(() => {
        const c = document.querySelector("#map canvas");
        if (!c) return 0;
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let k = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) k++;
        return k;
      });
      if (!r.canvasInk) r.notes.push("Leaflet canvas is empty");
    }

    // 3. labels at the initial view, label layout time
    stage = "labels";
    const lab0 = await within("labels", stepMs, () => page.evaluate(([s, c]) => window.__bench.labelStats(s, c), [P.labels, P.clip]));
    r.labels = lab0.onScreen; r.labelsTotal = lab0.total; r.overlaps = lab0.overlapPairs;
    if (kind === "buurtkaart") {
      const st = await page.evaluate(() => window.buurtkaartStats ? { ...window.buurtkaartStats } : null);
      r.labelMs = st && typeof st.labelMs === "number" ? st.labelMs : null;
      r.stats = st;
    }

    // the visible part of the map: the gesture's centre
    const box = await page.evaluate((clip) => {
      const b = document.querySelector(clip).getBoundingClientRect();
      const x0 = Math.max(0, b.left), y0 = Math.max(0, b.top), x1 = Math.min(innerWidth, b.right), y1 = Math.min(innerHeight, b.bottom);
      return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
    }, P.clip);

    // gesture runs one input gesture, then waits until 1 s of frames after
    // its end (and a new body[data-redraws], when the page counts them) are
    // in; it returns the frames and the end time.
    const gesture = async (name, endEvent, act) => {
      const before = await page.evaluate(() => ({ redraws: document.body.dataset.redraws, sig: null }));
      before.sig = await page.evaluate(P.signature);
      await within(name, stepMs, act);
      const res = await within(name, stepMs, async () => {
        await page.waitForFunction(([ev, red]) => {
          const B = window.__bench, t = B.events[ev]?.at(-1);
          if (t == null) return false;
          const late = B.frames.at(-1) > t + 1000;
          const redrawn = red === undefined || document.body.dataset.redraws !== red;
          return late && (redrawn || B.frames.at(-1) > t + 10000);
        }, [endEvent, before.redraws], { ...poll, timeout: 0 });
        return page.evaluate((ev) => ({ frames: window.__bench.frames.slice(), events: window.__bench.events,
          longtasks: window.__bench.longtasks.slice(), redraws: document.body.dataset.redraws }), endEvent);
      });
      res.moved = (await page.evaluate(P.signature)) !== before.sig;
      res.redrawn = before.redraws === undefined ? null : res.redraws !== before.redraws;
      return res;
    };
    const after = (frames, t) => {
      // the longest frame that ends after t and starts within 1 s of it
      const ds = frameDeltas(frames).filter(([s, e]) => e > t && s < t + 1000);
      return ds.length ? Math.max(...ds.map((d) => d[2])) : null;
    };
    const longest = (lts, t0, t1) => Math.max(0, ...lts.filter(([s, d]) => s + d > t0 && s < t1).map(([, d]) => d));

    // 4. drag: 300 px to the right in 30 moves, one per 16 ms
    stage = "drag";
    const x0 = box.cx - 150, y = box.cy;
    // The hand does not wait for the page: moves go out every 16 ms whether
    // or not the page has handled the last one (Chromium coalesces them).
    const drag = await gesture("drag", "pointerup", async () => {
      await page.mouse.move(x0, y);
      const sent = [page.mouse.down()];
      for (let i = 1; i <= 30; i++) { await sleep(16); sent.push(page.mouse.move(x0 + i * 10, y)); }
      await sleep(16);
      sent.push(page.mouse.up());
      await Promise.all(sent);
    });
    const down = drag.events.pointerdown?.at(-1), up = drag.events.pointerup?.at(-1);
    const during = frameDeltas(drag.frames).filter(([, e]) => e > down && e <= up).map((d) => d[2]).sort((a, b) => a - b);
    r.dragFrames = during.length; r.dragP50 = pct(during, 50); r.dragP95 = pct(during, 95);
    r.dragRedraw = after(drag.frames, up);
    r.dragLongtask = longest(drag.longtasks, down, up + 1000);
    r.dragMoved = drag.moved; r.dragRedrawn = drag.redrawn;
    r.debug = { drag: frameDeltas(drag.frames).filter(([s, e]) => e > down - 50 && s < up + 1000).map(([s, e, d]) => `${(e - up).toFixed(0)}:${d.toFixed(1)}`).join(" "),
      dragLT: drag.longtasks.filter(([s, d]) => s + d > down && s < up + 1000).map(([s, d]) => `${(s - up).toFixed(0)}+${d.toFixed(0)}`).join(" ") };
    if (await page.evaluate(() => { const d = document.getElementById("pinform"); if (d && d.open) { d.close(); return true; } return false; })) {
      r.notes.push("the drag ended in a click that opened the pin form; its frame counts in 'redraw drag'");
    }
    const lab1 = await within("labels", stepMs, () => page.evaluate(([s, c]) => window.__bench.labelStats(s, c), [P.labels, P.clip]));

    // 5. one wheel step, zooming in at the centre
    stage = "zoom";
    await page.mouse.move(box.cx, box.cy);
    await sleep(50);
    const zoom = await gesture("zoom", "wheel", () => page.mouse.wheel(0, -100));
    const wt = zoom.events.wheel?.at(-1);
    r.zoomRedraw = after(zoom.frames, wt);
    r.zoomLongtask = longest(zoom.longtasks, wt, wt + 1000);
    r.zoomMoved = zoom.moved; r.zoomRedrawn = zoom.redrawn;
    r.debug.zoom = frameDeltas(zoom.frames).filter(([s, e]) => e > wt - 50 && s < wt + 1000).map(([s, e, d]) => `${(e - wt).toFixed(0)}:${d.toFixed(1)}`).join(" ");
    r.debug.zoomLT = zoom.longtasks.filter(([s, d]) => s + d > wt && s < wt + 1000).map(([s, d]) => `${(s - wt).toFixed(0)}+${d.toFixed(0)}`).join(" ");
    const lab2 = await within("labels", stepMs, () => page.evaluate(([s, c]) => window.__bench.labelStats(s, c), [P.labels, P.clip]));
    r.overlaps = Math.max(lab0.overlapPairs, lab1.overlapPairs, lab2.overlapPairs);
    r.labelsZoomed = lab2.onScreen;
    if (kind === "buurtkaart") {
      const st = await page.evaluate(() => window.buurtkaartStats ? { ...window.buurtkaartStats } : null);
      if (st && typeof st.labelMs === "number") r.labelMsLast = st.labelMs;
    }
  } catch (e) {
    if (e instanceof Timeout) r.status = `timeout (${e.message})`;
    else { r.status = `error (${stage})`; r.notes.push(String(e.message || e).split("\n")[0].slice(0, 200)); }
  } finally {
    await Promise.race([ctx.close().catch(() => {}), sleep(10000)]);
  }
  if (errors.length) r.notes.push(`page errors: ${[...new Set(errors)].slice(0, 3).join(" / ").slice(0, 300)}`);
  return r;
}

// measureRuns: one full run, then more loads for the first paint (median).
async function measureRuns(variant, n, url) {
  const r = await measure(variant, n, url);
  if (typeof r.firstPaint !== "number") return r;
  const samples = [r.firstPaint];
  while (samples.length < paintRuns && r.firstPaint < 5000 && left() > 30_000) {
    const p = await measure(variant, n, url, { paintOnly: true });
    if (typeof p.firstPaint !== "number") break;
    samples.push(p.firstPaint);
  }
  r.paintSamples = samples;
  r.firstPaint = [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) / 2)];
  return r;
}

// ---- wasm size ---------------------------------------------------------------
function wasmSize(file) {
  if (!fs.existsSync(file)) return null;
  const raw = fs.readFileSync(file);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = zlib.brotliCompressSync(raw, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length;
  return { raw: raw.length, gz, br };
}

// ---- output ------------------------------------------------------------------
const ms = (v) => (v == null ? "n/a" : typeof v === "string" ? v : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const yn = (v) => (v == null ? "?" : v ? "yes" : "no");
function table(rows) {
  const head = ["places", "variant", "first paint", "FCP", "core ready", "drag p50", "drag p95", "frames",
    "redraw drag", "redraw zoom", "longtask", "labels", "overlaps", "label ms", "moved d/z", "status"];
  const body = rows.map((r) => {
    const bad = r.status !== "ok";
    const v = (x) => (x === undefined ? (bad ? "–" : "n/a") : ms(x));
    return [r.n.toLocaleString("en"), r.variant, v(r.firstPaint), v(r.fcp), r.variant === "buurtkaart" ? v(r.coreReady) : "–",
      v(r.dragP50), v(r.dragP95), r.dragFrames ?? "–", v(r.dragRedraw), v(r.zoomRedraw),
      r.dragLongtask === undefined ? "–" : ms(Math.max(r.dragLongtask, r.zoomLongtask ?? 0)),
      r.labels ?? "–", r.overlaps ?? "–", r.variant === "buurtkaart" ? (r.labelMs === undefined ? "–" : ms(r.labelMs)) : "–",
      r.dragMoved === undefined ? "–" : `${yn(r.dragMoved)}/${yn(r.zoomMoved)}`, r.status].map(String);
  });
  const wd = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(wd[i]) : c.padStart(wd[i]))).join("  ");
  console.log(line(head));
  console.log(wd.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

// ---- main --------------------------------------------------------------------
async function main() {
  console.log(`bench-map: sizes ${sizes.join(", ")}; seed ${seed}; viewport ${W}×${H}; ` +
    `${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; budget ${budgetMs / 1000} s`);
  if (!fs.existsSync(path.join(leafletDir, "leaflet.js"))) throw new Error(`no Leaflet in ${leafletDir}: run npm ci --prefix scripts`);
  const files = {};
  for (const n of sizes) {
    files[n] = path.join(tmp, `bench-${n}.geojson`);
    fs.writeFileSync(files[n], mapFile(n, seed));
  }
  log(`generated ${sizes.map((n) => `${n} (${(fs.statSync(files[n]).size / 1e6).toFixed(2)} MB)`).join(", ")} in ${tmp}`);

  leafletServer = await startLeafletServer();
  const lurl = `http://127.0.0.1:${leafletServer.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run"],
  });

  // Warm-up, not measured: the first page a fresh browser loads pays for
  // starting its renderer and caches; neither side should carry that.
  await measure("leaflet", sizes[0], `${lurl}?data=/data/bench-${sizes[0]}.geojson`, { warmup: true });

  const cli = variants.includes("buurtkaart") ? buildCLI() : null;
  if (cli?.error) log(`buurtkaart not measured: ${cli.error}`);
  const rows = [];
  let wasm = null;
  const skipped = (variant, n, why) => rows.push({ variant, n, status: why, notes: [] });
  for (const n of sizes) {
    for (const variant of variants) {
      if (left() < 5000) { skipped(variant, n, "skipped (budget)"); continue; }
      if (variant === "leaflet+labels" && n > leafletLabelsMax) { skipped(variant, n, `skipped (> --leaflet-labels-max ${leafletLabelsMax})`); continue; }
      if (variant === "buurtkaart") {
        if (cli.error) { skipped(variant, n, "not built"); continue; }
        const s = await startServe(cli.bin, files[n], n);
        if (s.error) { skipped(variant, n, s.error.startsWith("timeout") ? s.error : "serve failed"); rows.at(-1).notes.push(s.error); continue; }
        log(`${n}: serve up in ${s.startS.toFixed(1)} s (${since()})`);
        wasm ??= wasmSize(path.join(tmp, "site", "buurtkaart.wasm"));
        try { rows.push(await measureRuns(variant, n, s.url)); } finally { await stopChild(s.child); }
      } else if (variant === "leaflet" || variant === "leaflet+labels") {
        rows.push(await measureRuns(variant, n, `${lurl}?data=/data/bench-${n}.geojson${variant === "leaflet+labels" ? "&labels=1" : ""}`));
      } else throw new Error(`unknown variant ${variant}`);
      const r = rows.at(-1);
      log(`${n} ${variant}: ${r.status} (${since()})`);
    }
  }

  console.log("\nTimes in ms (first paint and core ready since navigation start). frames: rAF frames during the drag;" +
    " redraw: longest frame within 1 s after pointerup / wheel; longtask: longest during drag+1 s or zoom+1 s;" +
    " labels: on screen at the initial view; overlaps: max overlapping pairs over initial, after drag, after zoom;" +
    " moved d/z: the view changed after the drag / the zoom.\n");
  const order = ["buurtkaart", "leaflet", "leaflet+labels"];
  rows.sort((a, b) => a.n - b.n || order.indexOf(a.variant) - order.indexOf(b.variant));
  table(rows);
  for (const r of rows) for (const note of r.notes) console.log(`  note ${r.n} ${r.variant}: ${note}`);
  for (const r of rows) {
    if (r.stats) console.log(`  buurtkaartStats ${r.n}: ${JSON.stringify(r.stats)}`);
    if (r.paintSamples?.length > 1) console.log(`  first paint ${r.n} ${r.variant}: ${r.paintSamples.map((x) => x.toFixed(0)).join(", ")} ms (median ${r.firstPaint.toFixed(0)})`);
    if (opt.verbose && r.firstPaint != null) console.log(`  ${r.n} ${r.variant}: FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, canvas ink px ${r.canvasInk ?? "–"}`);
    if (opt.verbose && r.debug) for (const [k, v] of Object.entries(r.debug)) console.log(`    ${k}: ${v}`);
  }
  if (wasm) console.log(`\nwasm: raw ${wasm.raw} B, gzip ${wasm.gz} B, brotli ${wasm.br} B`);
  else console.log("\nwasm: not built");

  // ---- targets (../shared/QUALITY.md) ----
  console.log("\nTargets (../shared/QUALITY.md):");
  const get = (n, v) => rows.find((r) => r.n === n && r.variant === v);
  const num = (x) => typeof x === "number";
  const verdict = (ok) => (ok ? "PASS" : "MISS");
  const out = (label, res) => console.log(`  ${res.padEnd(7)} ${label}`);
  // The 1k ratio of 0.5× was retired (the pre-rendered drawing alone costs
  // what it allowed): 1.0× at 1k, and ≤ 0.2× Leaflet with labels; 0.5× at 10k.
  const paintTarget = { 1000: 1.0, 10000: 0.5 };
  for (const n of [1000, 10000]) {
    const b = get(n, "buurtkaart"), l = get(n, "leaflet");
    const lbl = `first paint ≤ ${paintTarget[n].toFixed(1)}× Leaflet's at ${n.toLocaleString("en")}`;
    if (!b || !l) out(lbl, "NOT RUN");
    else if (!num(b.firstPaint) || !num(l.firstPaint)) out(`${lbl}: buurtkaart ${ms(b.firstPaint ?? b.status)}, Leaflet ${ms(l.firstPaint ?? l.status)}`, "NO DATA");
    else {
      const ratio = b.firstPaint / l.firstPaint;
      const ll = get(n, "leaflet+labels");
      out(`${lbl}: ${ms(b.firstPaint)} / ${ms(l.firstPaint)} ms = ${ratio.toFixed(2)}×` +
        (ll && num(ll.firstPaint) ? ` (vs Leaflet with labels ${ms(ll.firstPaint)} ms: ${(b.firstPaint / ll.firstPaint).toFixed(2)}×)` : ""), verdict(ratio <= paintTarget[n]));
      if (ll && num(ll.firstPaint)) {
        const lr = b.firstPaint / ll.firstPaint;
        out(`first paint ≤ 0.2× Leaflet's with labels at ${n.toLocaleString("en")}: ${ms(b.firstPaint)} / ${ms(ll.firstPaint)} ms = ${lr.toFixed(2)}×`, verdict(lr <= 0.2));
      }
    }
  }
  const named = get(10000, "buurtkaart");
  if (named && num(named.labels)) out(`a 10,000-place map's first view names ≥ 60 places: ${named.labels}`, verdict(named.labels >= 60));
  const b10 = get(10000, "buurtkaart"), l10 = get(10000, "leaflet+labels");
  const moved = (r) => (r.dragMoved === false ? " — the map did not move: no pan yet" : "");
  if (!b10) out("drag p95 ≤ 16.7 ms at 10,000 with labels", "NOT RUN");
  else if (!num(b10.dragP95)) out(`drag p95 ≤ 16.7 ms at 10,000 with labels: ${b10.status}`, "NO DATA");
  else out(`drag p95 ≤ 16.7 ms at 10,000 with labels: ${ms(b10.dragP95)} ms = ${(b10.dragP95 / 16.7).toFixed(2)}× target` +
    (l10 && num(l10.dragP95) ? ` (Leaflet with labels ${ms(l10.dragP95)} ms)` : "") + moved(b10), verdict(b10.dragP95 <= FRAME_OK));
  if (!b10) out("longest redraw frame ≤ 50 ms at 10,000 with labels", "NOT RUN");
  else if (!num(b10.dragRedraw) && !num(b10.zoomRedraw)) out(`longest redraw frame ≤ 50 ms at 10,000 with labels: ${b10.status}`, "NO DATA");
  else {
    const worst = Math.max(b10.dragRedraw ?? 0, b10.zoomRedraw ?? 0);
    const lw = l10 && Math.max(l10.dragRedraw ?? 0, l10.zoomRedraw ?? 0);
    out(`longest redraw frame ≤ 50 ms at 10,000 with labels: ${ms(worst)} ms (drag ${ms(b10.dragRedraw)}, zoom ${ms(b10.zoomRedraw)}) = ${(worst / 50).toFixed(2)}× target` +
      (lw ? ` (Leaflet with labels ${ms(lw)} ms)` : "") + (b10.dragMoved === false && b10.zoomMoved === false ? " — the map did not move: no pan/zoom yet" : ""), verdict(worst <= 50));
  }
  const b1 = get(1000, "buurtkaart");
  if (!b1) out("1,000 labels laid out ≤ 20 ms", "NOT RUN");
  else if (!num(b1.labelMs)) out("1,000 labels laid out ≤ 20 ms: n/a (the page exposes no window.buurtkaartStats.labelMs)", "N/A");
  // The first layout is also the label code's first run in this page
  // (compiled on first call, not yet optimised); the core no longer lays
  // the whole map out twice while loading it, which had warmed it up. The
  // layout at the next zoom level is the placer's own speed.
  else if (num(b1.labelMsLast)) out(`1,000 labels laid out ≤ 20 ms: ${ms(b1.labelMsLast)} ms = ${(b1.labelMsLast / 20).toFixed(2)}× target ` +
    `(a layout after the zoom; the page's first, which also runs the code for the first time: ${ms(b1.labelMs)} ms)`, verdict(b1.labelMsLast <= 20));
  else out(`1,000 labels laid out ≤ 20 ms: ${ms(b1.labelMs)} ms = ${(b1.labelMs / 20).toFixed(2)}× target`, verdict(b1.labelMs <= 20));
  for (const n of sizes) {
    const b = get(n, "buurtkaart");
    if (b && num(b.overlaps)) out(`0 overlapping labels on screen at ${n.toLocaleString("en")}: ${b.overlaps} pairs (labels on screen ${b.labels})`, verdict(b.overlaps === 0));
  }
  if (!wasm) out("wasm ≤ 0.8 MB brotli", "NO DATA");
  else out(`wasm ≤ 0.8 MB brotli: ${wasm.br} B = ${(wasm.br / 800_000).toFixed(2)}× target`, verdict(wasm.br <= 800_000));
  console.log(`\nbench-map: done in ${since()}${opt.keep ? `; files kept in ${tmp}` : ""}`);
}

let code = 0;
try {
  await main();
} catch (e) {
  console.error("bench-map: harness broke:", e.stack || e);
  code = 1;
} finally {
  if (browser) await Promise.race([browser.close().catch(() => {}), sleep(10000)]);
  for (const c of [...children]) await stopChild(c);
  if (leafletServer) leafletServer.close();
}
process.exit(code);
