// Pictures of the drawn map for anyone reviewing its look: the page as a
// phone (390 px wide) and a laptop (1280 × 800) show it, written to
// build/look/screen-390.png and screen-1280.png, from a built site served
// here (SITE, default build/site) or a running server (BASE_URL). On the
// laptop it also counts the street names written along the streets and
// fails if fewer than 10 are on screen or one overlaps a place's name.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import http from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import path from "node:path";

const out = process.env.LOOK_DIR || "build/look";
const site = path.resolve(process.env.SITE || "build/site");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
  ".json": "application/json", ".geojson": "application/geo+json", ".svg": "image/svg+xml", ".woff2": "font/woff2" };

// serve answers GETs with the site's files; /api/pins with no pins.
function serve() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname.startsWith("/api/")) {
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"type":"FeatureCollection","features":[]}');
      return;
    }
    const file = path.join(site, url.pathname.endsWith("/") ? url.pathname + "index.html" : url.pathname);
    if (!file.startsWith(site)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const server = process.env.BASE_URL ? null : await serve();
const base = (process.env.BASE_URL || `http://127.0.0.1:${server.address().port}`).replace(/\/$/, "");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

try {
  await mkdir(out, { recursive: true });
  for (const [w, h, phone] of [[390, 844, true], [1280, 800, false]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: phone ? 2 : 1, isMobile: phone, hasTouch: phone });
    const page = await ctx.newPage();
    await page.route("**/api/pins**", (r) => r.fulfill({ json: { type: "FeatureCollection", features: [] } }));
    await page.goto(base + "/");
    await page.waitForSelector("body[data-core=ready]", { timeout: 30000 });
    await page.waitForFunction(() => Number(document.body.dataset.redraws || 0) >= 1, null, { timeout: 15000 });
    await page.evaluate(() => document.fonts.ready);
    const file = `${out}/screen-${w}.png`;
    await page.screenshot({ path: file });
    const v = await page.evaluate(() => {
      const k = document.getElementById("kaart"), r = k.getBoundingClientRect();
      const seen = (b) => b.width > 0 && b.left >= r.left - 0.5 && b.right <= r.right + 0.5 && b.top >= r.top - 0.5 &&
        b.bottom <= Math.min(r.bottom, innerHeight) + 0.5;
      const boxes = (sel) => [...k.querySelectorAll(sel)].map((t) => t.getBoundingClientRect()).filter(seen);
      const streets = boxes(".labels text.straatnaam"), names = boxes(".labels text:not(.straatnaam)");
      const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      let overlaps = 0;
      for (const s of streets) for (const n of [...names, ...streets]) if (s !== n && meet(s, n)) overlaps++;
      return { streets: streets.length, names: names.length, overlaps, scale: Number(getComputedStyle(k).getPropertyValue("--s")) };
    });
    console.log(`  look ${w}×${h}: ${file}, ${v.names} place names, ${v.streets} street names, ${v.overlaps} overlapping (scale ${v.scale.toFixed(3)})`);
    if (!phone) {
      assert.ok(v.streets >= 10, `${w}×${h}: ${v.streets} street names on screen, want ≥ 10`);
      assert.equal(v.overlaps, 0, `${w}×${h}: street names overlapping names`);
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  server?.close();
}
