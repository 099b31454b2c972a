// Browser test of "Maak een poster" (web/poster.html) in Debian's headless
// Chromium against a running server (BASE_URL: `buurtkaart serve` or the
// Worker). It checks that the core in wasm composes the poster with every
// place of the map in its index, that the paper size reaches the SVG, that
// a resident's hostile pin text stays text, and that printing the page
// ("print → save as PDF") gives a PDF of exactly the chosen ISO size.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

const base = (process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
function step(name) { console.log(`  poster ${base}: ${name}`); }

// The ISO 216 sizes in points (1 mm = 72 / 25.4 pt), standing.
const PT = 72 / 25.4;
const A4 = [210 * PT, 297 * PT], A3 = [297 * PT, 420 * PT];

// 1. A resident's pin whose name and note try to become markup.
const hostileName = "<script>window.__pwned=1</script>";
const hostileNote = `<img src=x onerror="window.__pwned=2"> onerror=alert(1) ${Date.now()}`;
const pinID = randomUUID();
const posted = await fetch(`${base}/api/pins`, {
  method: "POST",
  headers: { "Content-Type": "application/json", "X-Buurtkaart-Device": "poster-test-device-1234" },
  body: JSON.stringify({ id: pinID, lon: 4.305, lat: 52.066, kind: "plek", name: hostileName, note: hostileNote }),
});
const stored = await posted.json();
assert.ok(posted.status === 201 || posted.status === 200, `hostile pin refused: ${posted.status} ${JSON.stringify(stored)}`);
assert.equal(stored.status === "pending", false, "the test needs a post-moderated map (pins show at once)");

// The sample's places, as the page's map file has them.
const map = await (await fetch(`${base}/map.geojson`)).json();
const places = map.features.filter((f) => f.geometry?.type === "Point" && f.properties?.kind).map((f) => f.properties.name);
assert.ok(places.length >= 1, "the map has places");

// Enough entries for an A4 poster to need a second sheet (its index runs
// on), so that path is tested however many pins the server already has:
// 200 entries take two A4 sheets. The test's own pins go again at the end.
const kinds = ["talent", "verband", "plek", "verhaal", "partner"];
const extra = [];
const have = places.length + (await (await fetch(`${base}/api/pins`)).json()).features.length;
for (let i = 0; i < 200 - have; i++) {
  const id = randomUUID();
  const res = await fetch(`${base}/api/pins`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Buurtkaart-Device": `poster-test-sheets-${i % 5}-${pinID}` },
    body: JSON.stringify({ id, lon: 4.2995 + (i % 20) * 0.00095, lat: 52.0625 + Math.floor(i / 20) * 0.0012, kind: kinds[i % 5], name: `Postervel ${i + 1}` }),
  });
  const body = await res.json();
  assert.ok(res.status === 201, `pin ${i + 1} for a second sheet refused: ${res.status} ${JSON.stringify(body)}`);
  extra.push({ id, token: body.delete_token });
}

// untranslated (run in the page) names the status, warning and buttons
// that show no English in a <span lang="en"> beside the Dutch.
function untranslated() {
  const english = (el) => [...el.querySelectorAll('[lang="en"]')].some((s) => /[a-z]/i.test(s.textContent));
  return [...document.querySelectorAll("#status, #qrmelding:not([hidden]), #afdrukken, #download, button.vel, #pdf:not([hidden])")]
    .filter((el) => !english(el)).map((el) => `${el.id || el.className}: ${el.textContent.trim().slice(0, 80)}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // The page asks HEAD /poster.pdf whether the server makes PDFs (serve
  // does, the Worker answers 404); Chromium logs that 404 as a console
  // error, which is the probe working, not a fault.
  let probe404 = 0;
  page.on("response", (r) => { if (r.status() === 404 && new URL(r.url()).pathname.endsWith("/poster.pdf")) probe404++; });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (/status of 404/.test(m.text()) && probe404 > 0) { probe404--; return; }
    errors.push(m.text());
  });
  page.on("dialog", (d) => { errors.push(`script dialog: ${d.message()}`); d.dismiss(); });

  // Requests still open, named when the page does not get ready in time:
  // a stalled response from the server is then told apart from a page fault.
  const open = new Map();
  page.on("request", (r) => open.set(r, Date.now()));
  page.on("requestfinished", (r) => open.delete(r));
  page.on("requestfailed", (r) => open.delete(r));
  const pending = () => [...open].map(([r, t]) => `${r.method()} ${new URL(r.url()).pathname} (${Date.now() - t} ms)`).join(", ") || "none";

  // 2. The preview: every place of the map in the poster's index. The page
  // is ready when the core composed the poster, not when every preload
  // finished; that is what is waited for. wrangler dev now and then leaves
  // one static file's response hanging (CI saw GET /core.js open for 60 s
  // while every other request had finished; a deployed Worker serves files
  // from Cloudflare's asset store, not through that proxy). Such a stall,
  // with no page error, is named and the page loaded once more; a second
  // stall, or any page error, fails the test.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(base + "/poster.html", { waitUntil: "domcontentloaded", timeout: 30000 });
      await page.waitForSelector("body[data-poster=ready]", { timeout: 30000 });
      break;
    } catch (e) {
      const stalled = pending();
      const why = `poster page not ready: ${e.message.split("\n")[0]}; requests still open: ${stalled}; page errors: ${errors.join(" | ") || "none"}`;
      if (attempt > 1 || errors.length > 0 || stalled === "none") throw new Error(why);
      step(`${why}; loading the page again`);
      open.clear();
    }
  }
  const first = await page.evaluate(() => ({
    viewBox: document.querySelector("#voorbeeld svg").getAttribute("viewBox"),
    texts: [...document.querySelectorAll("#voorbeeld svg text")].map((t) => t.textContent).join(" "),
    stats: globalThis.posterStats,
  }));
  const missing = places.filter((n) => !first.texts.includes(n.replace(/\s+/g, " ").trim()));
  assert.deepEqual(missing, [], `places missing from the poster: ${missing.join(", ")}`);
  assert.ok(first.stats.entries >= places.length + 1, `${first.stats.entries} entries for ${places.length} places and ≥ 1 pin`);
  assert.deepEqual(first.viewBox.split(" ").slice(2).map(Number), A4.map((v) => Math.round(v * 100) / 100), "A4 by default");
  step(`preview: all ${places.length} places in the index, ${first.stats.entries} entries; composed in ${first.stats.composeMs} ms (wasm), ${first.stats.totalMs} ms with the DOM`);

  // 3. Hostile pin text is drawn as text and runs nothing.
  const xss = await page.evaluate(() => ({
    pwned: globalThis.__pwned,
    scripts: document.querySelectorAll("#voorbeeld script, #voorbeeld img, #voorbeeld foreignObject").length,
    handlers: [...document.querySelectorAll("#voorbeeld *")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
    texts: [...document.querySelectorAll("#voorbeeld svg text")].map((t) => t.textContent).join(" "),
  }));
  assert.equal(xss.pwned, undefined, "hostile pin text ran");
  assert.equal(xss.scripts, 0, "hostile pin text became elements");
  assert.equal(xss.handlers, 0, "hostile pin text became an event handler");
  assert.ok(xss.texts.includes("<script>window.__pwned=1</script>"), "the hostile name is shown as text");
  step("hostile pin text shown as text, nothing ran");

  // 4. A3: the SVG's size follows the paper.
  await page.selectOption("#formaat", "A3");
  await page.waitForFunction(() => document.querySelector("#voorbeeld svg").getAttribute("viewBox").endsWith("841.89 1190.55"), null, { timeout: 10000 });
  const a3 = await page.evaluate(() => globalThis.posterStats);
  step(`A3 preview: viewBox 0 0 841.89 1190.55, composed in ${a3.composeMs} ms`);

  // 4b. "Download SVG": one file per sheet, each a whole SVG of the paper's
  // size; together they hold every place (a sheet beyond the first carries
  // the rest of the index). On A4, which the entries above fill twice.
  await page.selectOption("#formaat", "A4");
  await page.waitForFunction(() => document.querySelector("#voorbeeld svg").getAttribute("viewBox").endsWith("595.28 841.89"), null, { timeout: 10000 });
  const a4 = await page.evaluate(() => globalThis.posterStats);
  assert.ok(a4.pages >= 2, `${a4.entries} entries on ${a4.pages} A4 sheet(s); the test wants a second sheet`);
  const buttons = await page.locator("#download, button.vel").all();
  assert.equal(buttons.length, a4.pages, `${buttons.length} download buttons for ${a4.pages} sheets`);
  const files = [];
  for (const b of buttons) {
    const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), b.click()]);
    const text = await readFile(await dl.path(), "utf8");
    assert.match(text, /^<svg[^>]* viewBox="0 0 595\.28 841\.89"/, `${dl.suggestedFilename()} is an A4 SVG`);
    files.push({ name: dl.suggestedFilename(), text });
  }
  assert.equal(new Set(files.map((f) => f.name)).size, files.length, "each sheet its own file name");
  const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  const all = unescape(files.map((f) => f.text).join("\n"));
  const notDownloaded = places.filter((n) => !all.includes(n.replace(/\s+/g, " ").trim()));
  assert.deepEqual(notDownloaded, [], `places in no downloaded sheet: ${notDownloaded.join(", ")}`);
  // 4c. The page's own words are Dutch with the English beside them in
  // <span lang="en">: the status, every download button, the warnings
  // (here that the QR code points to this computer; below, the others).
  const noEnglish = await page.evaluate(untranslated);
  assert.deepEqual(noEnglish, [], "poster page text without its English in <span lang=\"en\">");
  const warnings = await browser.newPage();
  await warnings.route("**/qr.json", (r) => r.fulfill({ status: 404, body: "" }));
  await warnings.route("**/api/pins", (r) => r.abort());
  await warnings.goto(base + "/poster.html", { waitUntil: "domcontentloaded" });
  await warnings.waitForSelector("body[data-poster=ready]", { state: "attached", timeout: 30000 });
  const melding = await warnings.evaluate(() => document.querySelectorAll('#qrmelding:not([hidden]) [lang="en"]').length);
  const warningsNoEnglish = await warnings.evaluate(untranslated);
  await warnings.close();
  assert.equal(melding, 2, "no pins and no QR code: two warnings, each with its English");
  assert.deepEqual(warningsNoEnglish, [], "poster page text without its English in <span lang=\"en\"> (no pins, no QR code)");
  step(`status, warnings and ${buttons.length} download buttons: Dutch with <span lang="en"> English`);
  await page.selectOption("#formaat", "A3");
  await page.waitForFunction(() => document.querySelector("#voorbeeld svg").getAttribute("viewBox").endsWith("841.89 1190.55"), null, { timeout: 10000 });
  step(`download (A4, ${a4.entries} entries): ${files.length} SVG file(s) (${files.map((f) => `${f.name} ${Math.round(f.text.length / 1024)} KB`).join(", ")}), every place in them`);

  // 5. "Print → Save as PDF": the print view is one A3 sheet per composed
  // page (a map with many pins continues its index on a second sheet).
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g)]
    .map((m) => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
  assert.ok(boxes.length >= 1, "the PDF has a MediaBox");
  const [w, h] = boxes[0];
  for (const [bw, bh] of boxes) {
    assert.ok(Math.abs(bw - A3[0]) <= 1 && Math.abs(bh - A3[1]) <= 1, `page ${bw} × ${bh} pt, A3 is ${A3[0].toFixed(2)} × ${A3[1].toFixed(2)}`);
  }
  assert.equal(boxes.length, a3.pages, `one PDF page per composed sheet: ${boxes.length} pages, ${a3.pages} sheets`);
  step(`print → PDF: ${boxes.length} page(s) of ${w} × ${h} pt (A3), ${Math.round(pdf.length / 1024)} KB`);

  assert.deepEqual(errors, [], "no errors or dialogs on the page");
} finally {
  await browser.close();
  for (const p of extra) {
    await fetch(`${base}/api/pins/${p.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${p.token}` } });
  }
  if (stored.delete_token) {
    await fetch(`${base}/api/pins/${pinID}`, { method: "DELETE", headers: { Authorization: `Bearer ${stored.delete_token}` } });
  }
}
