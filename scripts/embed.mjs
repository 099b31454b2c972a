// Embed test: the map on another site, in Debian's headless Chromium,
// against a running server (BASE_URL: `buurtkaart serve` or the Worker under
// `wrangler dev`). A tiny server on another port of 127.0.0.1 — another
// origin — plays the buurt's website. It checks that the oEmbed <iframe>
// snippet and embed.js both show the drawn map; that the frame's height
// follows the height the map posts; that soorten= filters; that a pin
// dropped in the embed reaches the store; that a page other than /embed
// cannot be framed; that both hosts send the same security headers; that
// the app's "Insluiten op je website" shows the snippet and a preview; that
// in a fixed 480×400 frame the whole map shows without scrolling, with
// controls of at least 44×44 px over it, both languages, and a link to the
// full map that keeps the view and filters; and that residents' pins are
// places of the embedded map: a tap on one's mark or name opens its card.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import http from "node:http";

const base = (process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
function step(name) { console.log(`  embed ${base}: ${name}`); }

// 1. Headers and oEmbed, as any client sees them.
const csp = async (path) => (await fetch(base + path)).headers;
for (const path of ["/", "/map.geojson", "/api/pins", "/oembed?url=%2F"]) {
  const h = await csp(path);
  assert.match(h.get("content-security-policy") || "", /frame-ancestors 'none'$/, `${path}: CSP`);
  assert.equal(h.get("x-frame-options"), "DENY", `${path}: X-Frame-Options`);
}
{
  const h = await csp("/embed");
  assert.match(h.get("content-security-policy") || "", /frame-ancestors \*$/, "/embed: CSP");
  assert.equal(h.get("x-frame-options"), null, "/embed: no X-Frame-Options");
}
const oembed = async (q) => fetch(`${base}/oembed?${q}`);
const answer = await (await oembed(`format=json&maxwidth=480&url=${encodeURIComponent(base + "/embed?soorten=talent,plek")}`)).json();
assert.equal(answer.type, "rich");
assert.equal(answer.version, "1.0");
assert.equal(answer.provider_name, "buurtkaart");
assert.ok(answer.width <= 480, `width ${answer.width} within maxwidth`);
assert.match(answer.html, /^<iframe src="[^"]+\/embed\?soorten=talent,plek" [^<]*allow="geolocation"[^<]*><\/iframe>$/);
assert.equal((await oembed("url=" + encodeURIComponent("https://elders.example/"))).status, 404, "other site: 404");
assert.equal((await oembed("format=xml&url=%2F")).status, 501, "xml: 501");
step(`headers: /embed frameable, the rest not; oEmbed ${answer.width}×${answer.height}`);

// 2. The buurt's website, on another origin.
// The map's drawing (W × H units) and its corners in lon/lat, as /embed has them.
const embedHTML = await (await fetch(`${base}/embed`)).text();
const [W, H] = embedHTML.match(/id="kaart"[^>]* viewBox="0 0 ([\d.]+) ([\d.]+)"/).slice(1).map(Number);
const corners = embedHTML.match(/data-corners="([^"]+)"/)[1].split(",").map(Number);
const lonLat = (fx, fy) => [corners[0] + fx * (corners[2] - corners[0]), corners[1] + fy * (corners[3] - corners[1])].map((v) => v.toFixed(6));
// A start view for the fixed frame: 2× zoomed in, centred at 40 % across and
// 55 % down the drawing, three kinds shown.
const vast = { fx: 0.4, fy: 0.55, query: `soorten=talent,plek,verhaal&zoom=2&midden=${lonLat(0.4, 0.55).join(",")}` };
const pages = {
  "/snippet": `<h1>Onze buurt</h1>${answer.html}`,
  "/script": `<h1>Onze buurt</h1><div id="kolom" style="width:480px"><script src="${base}/embed.js" data-soorten="plek,verhaal" async></script></div><p>onder de kaart</p>`,
  "/english": `<iframe src="${base}/embed?taal=en&amp;toevoegen=nee" width="600" height="600" title="map"></iframe>`,
  // WordPress frames oEmbed answers of providers it does not know so: no origin of its own.
  "/sandbox": `<iframe sandbox="allow-scripts" src="${base}/embed?soorten=plek" width="600" height="640" title="map"></iframe>`,
  "/steal": `<iframe src="${base}/" width="600" height="400" title="not allowed"></iframe>`,
};
// /vast?QUERY: the embed with QUERY in a fixed 480×400 frame, as a pasted
// snippet gives it (finding 10 of the review measured this frame).
const fixedFrame = (q) => `<iframe src="${base}/embed?${q}" width="480" height="400" title="kaart" style="border:0;display:block"></iframe>`;
const site = http.createServer((req, res) => {
  const body = req.url.startsWith("/vast?") ? fixedFrame(req.url.slice(6)) : pages[req.url];
  res.writeHead(body ? 200 : 204, { "Content-Type": "text/html; charset=utf-8" }); // 204: the favicon
  res.end(body ? `<!doctype html><meta charset="utf-8"><title>buurtsite</title><body>${body}` : "");
});
await new Promise((r) => site.listen(0, "127.0.0.1", r));
const other = `http://127.0.0.1:${site.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});
const errors = [];
async function open(path) {
  const page = await (await browser.newContext({ viewport: { width: 1000, height: 900 } })).newPage();
  page.on("pageerror", (e) => errors.push(`${path}: ${e}`));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${path}: ${m.text()}`); });
  await page.goto(other + path);
  return page;
}
const visible = (frame, sel) => frame.locator(sel).evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 0).length);
const waitReady = (f) => f.locator("body[data-core=ready]").waitFor({ state: "attached", timeout: 30000 });
const frameOf = async (iframe) => (await iframe.elementHandle()).contentFrame();

// emptyPaper (run in the frame) finds a spot of the drawing, as near its
// middle as it can, that the core's hit test calls empty paper even for a
// finger 30 px off, and not under a control. Frame coordinates, or null.
function emptyPaper(avoid = []) {
  const svg = document.getElementById("kaart"), r = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const page = globalThis.buurtkaartPage, core = globalThis.buurtkaart;
  const size = core.svg().match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/).slice(1).map(Number); // the whole drawing
  const scale = page.nameScale(svg, size[0], size[1]) * vb.width / size[0];
  const hidden = [...document.querySelectorAll('input[name="soort"]')].filter((b) => !b.checked).map((b) => b.value);
  const spots = [];
  for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) spots.push([r.left + r.width * i / 24, r.top + r.height * j / 24]);
  const mid = (p) => Math.hypot(p[0] - r.left - r.width / 2, p[1] - r.top - r.height / 2);
  spots.sort((a, b) => mid(a) - mid(b));
  const free = ([x, y]) => {
    if (x < 70 || y < 110 || x > innerWidth - 70 || y > innerHeight - 70) return false; // under the controls
    if (avoid.some(([ax, ay]) => Math.hypot(ax - x, ay - y) < 40)) return false;
    if (!document.elementFromPoint(x, y)?.closest("#kaart") || document.elementFromPoint(x, y).closest(".plekken, .labels")) return false;
    const at = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
    return core.hit(scale, hidden, at.x, at.y, 30) === null;
  };
  return spots.find(free) || null;
}

try {
  // 3. The oEmbed snippet: renders, and shows only talent and plek.
  {
    const page = await open("/snippet");
    const f = page.frameLocator("iframe");
    await f.locator("#kaart").waitFor({ timeout: 15000 });
    assert.ok(await f.locator("#kaart").isVisible(), "drawn map visible in the frame");
    await waitReady(f);
    const shown = {};
    for (const k of ["talent", "verband", "plek", "verhaal", "partner"]) shown[k] = await visible(f, `#kaart .plekken path.mark.${k}`);
    assert.ok(shown.talent > 0 && shown.plek > 0, `chosen kinds shown: ${JSON.stringify(shown)}`);
    assert.equal(shown.verband + shown.verhaal + shown.partner, 0, `other kinds hidden: ${JSON.stringify(shown)}`);
    const labels = await f.locator("#kaart .labels text:not(.straatnaam)").evaluateAll((ts) => ts.map((t) => [t.dataset.soort, t.getBoundingClientRect().width > 0]));
    assert.ok(labels.length > 0 && labels.every(([k, v]) => v === (k === "talent" || k === "plek")), "labels follow their kind");
    // Names are laid out for the frame: as large on screen as on the full
    // map (12 px with a mouse), none overlapping. They were 5 px once, the
    // server's drawing for a laptop scaled down into a 480 px frame.
    // Street names (text.straatnaam, turned along their streets) count
    // for overlaps, not for the names' size.
    const names = await f.locator("#kaart .labels text").evaluateAll((ts) => {
      const rs = ts.map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
      let overlaps = 0;
      for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
        const a = rs[i], b = rs[j];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps++;
      }
      const px = Math.min(...ts.filter((t) => !t.classList.contains("straatnaam")).map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a));
      return { px, overlaps, width: document.getElementById("kaart").getBoundingClientRect().width };
    });
    assert.ok(names.px >= 11.5, `names ${names.px.toFixed(1)} px high in a ${Math.round(names.width)} px frame, want ≥ 11.5`);
    assert.equal(names.overlaps, 0, "overlapping names in the frame");
    step(`snippet: map drawn, wasm took over, kinds filtered (${JSON.stringify(shown)}, ${labels.filter((l) => l[1]).length}/${labels.length} labels, ${names.px.toFixed(1)} px in a ${Math.round(names.width)} px frame, 0 overlapping)`);
    await page.context().close();
  }

  // 4. embed.js: inserted, resized to the posted height, filtered, and a pin dropped in it is stored.
  {
    const page = await open("/script");
    const iframe = page.locator("#kolom iframe");
    await iframe.waitFor();
    assert.equal(new URL(await iframe.getAttribute("src")).search, "?soorten=plek%2Cverhaal");
    const f = page.frameLocator("#kolom iframe");
    await waitReady(f);
    const fits = async () => {
      const inner = await f.locator("#insluiting").evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
      const outer = await iframe.evaluate((el) => el.getBoundingClientRect().height);
      return { inner, outer };
    };
    await page.waitForFunction(() => document.querySelector("#kolom iframe").style.height !== "450px", null, { timeout: 10000 });
    let h = await fits();
    assert.equal(h.outer, h.inner, `480 px wide: frame ${h.outer} px for ${h.inner} px of map`);
    await page.locator("#kolom").evaluate((el) => { el.style.width = "800px"; });
    await page.waitForFunction((old) => parseFloat(document.querySelector("#kolom iframe").style.height) > old + 100, h.outer, { timeout: 10000 });
    const h2 = await fits();
    assert.equal(h2.outer, h2.inner, `800 px wide: frame ${h2.outer} px for ${h2.inner} px of map`);
    step(`embed.js: frame height follows the map: ${h.outer} px at 480 px wide, ${h2.outer} px at 800 px`);
    assert.equal(await visible(f, "#kaart .plekken path.mark.talent"), 0, "talent hidden by soorten=plek,verhaal");
    assert.ok(await visible(f, "#kaart .plekken path.mark.verhaal") > 0, "verhaal shown");

    const note = `via de buurtsite ${Date.now()}`;
    const at = await (await frameOf(iframe)).evaluate(emptyPaper);
    assert.ok(at, "a spot of empty paper in the frame");
    const box = await iframe.boundingBox();
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    await f.locator("#pinform[open]").waitFor();
    await f.locator('#pinform input[value="plek"]').check();
    await f.locator("#pinform textarea").fill(note);
    await f.locator("#bewaar").click();
    await f.locator("#status", { hasText: "Dank je" }).waitFor({ timeout: 15000 });
    const stored = (await (await fetch(`${base}/api/pins`, { cache: "no-store" })).json()).features.filter((p) => p.properties.note === note);
    assert.equal(stored.length, 1, "the pin dropped in the embed is in the store");
    await (await frameOf(iframe)).waitForFunction((id) => globalThis.buurtkaart.place(id)?.pin === true, stored[0].id, { timeout: 10000 });
    step(`pin ${stored[0].id} dropped through embed.js is stored and a place of the map`);
    await page.context().close();
  }

  // 5. Options: English, read-only.
  {
    const page = await open("/english");
    const f = page.frameLocator("iframe");
    await waitReady(f);
    // taal=en: English first, Dutch beside it, each with its lang.
    assert.match(await f.locator("#heel").innerText(), /^Open the whole map\s+Open de hele kaart ↗$/);
    assert.deepEqual(await f.locator("#heel [lang]").evaluateAll((es) => es.map((e) => e.lang)), ["en", "nl"]);
    await f.locator("#kaart").click();
    assert.equal(await f.locator("#pinform[open]").count(), 0, "toevoegen=nee: no pin form");
    step("taal=en and toevoegen=nee");
    await page.context().close();
  }

  // 5b. In a sandbox without allow-same-origin the page has an opaque origin:
  // the wasm and pins (same-origin fetches without CORS) cannot load, but the
  // drawn map, its filters and zoom are there without them.
  {
    const before = errors.length;
    const page = await open("/sandbox");
    const f = page.frameLocator("iframe");
    await f.locator("#status", { hasText: "tekening" }).waitFor({ timeout: 15000 });
    assert.ok(await f.locator("#kaart").isVisible(), "drawn map visible in the sandbox");
    assert.equal(await visible(f, "#kaart .plekken path.mark.talent"), 0, "filter works without the wasm");
    assert.ok(await visible(f, "#kaart .plekken path.mark.plek") > 0, "plek shown");
    await f.locator("#inzoomen").click();
    assert.match(await f.locator("#kaart").getAttribute("viewBox"), /^250 231\.5 500 463$/, "zoom works without the wasm");
    const blocked = errors.splice(before);
    assert.ok(blocked.every((e) => /CORS|ERR_FAILED|the map works as a drawing|TypeError: Failed to fetch/i.test(e)), `only the expected refusals: ${blocked}`);
    step(`sandbox="allow-scripts" (WordPress): drawing, filter and zoom work; ${blocked.length} expected CORS refusal(s)`);
    await page.context().close();
  }

  // 6. Another site framing the app itself is refused.
  {
    const before = errors.length;
    const page = await open("/steal");
    await page.waitForLoadState("load");
    await page.waitForTimeout(500);
    const child = page.frames().find((fr) => fr !== page.mainFrame());
    const drawn = await child.locator("#kaart").count().catch(() => 0);
    assert.equal(drawn, 0, `framing / was refused (frame at ${child.url()})`);
    const refused = errors.splice(before).filter((e) => /frame-ancestors|Refused to (display|frame)/.test(e));
    step(`framing / from another origin refused: frame shows ${child.url()}; ${refused.length} console refusal(s)`);
    await page.context().close();
  }

  // 7. The app: "Insluiten op je website" shows the snippet and a preview; the CSP lets the app run.
  {
    const page = await (await browser.newContext()).newPage();
    page.on("pageerror", (e) => errors.push(`app: ${e}`));
    page.on("console", (m) => { if (m.type() === "error") errors.push(`app: ${m.text()}`); });
    await page.goto(base + "/");
    await page.waitForSelector("body[data-core=ready]", { timeout: 30000 });
    const link = await page.locator('link[rel=alternate][type="application/json+oembed"]').getAttribute("href");
    assert.equal((await page.request.get(new URL(link, base + "/").href)).status(), 200, "oEmbed discovery link answers");
    await page.locator("#insluiten summary").click();
    await page.waitForFunction(() => document.getElementById("insluitcode").value.startsWith("<iframe"));
    await page.locator('#insluiten input[value="talent"]').uncheck();
    await page.waitForFunction(() => document.getElementById("insluitcode").value.includes("soorten=verband,plek,verhaal,partner"));
    const snippet = await page.locator("#insluitcode").inputValue();
    // the map's own embed, at its own address (/<slug>/embed)
    assert.match(snippet, new RegExp(`src="${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/[a-z][a-z0-9-]+/embed\\?`), `snippet embeds the map's own address: ${snippet}`);
    for (const want of ['allow="geolocation"', 'loading="lazy"', ' title="']) assert.ok(snippet.includes(want), `snippet has ${want}: ${snippet}`);
    assert.match(await page.locator("#insluitscript").inputValue(), /embed\.js" data-doel="#buurtkaart" data-titel="[^"]+" data-soorten="verband,plek,verhaal,partner" async>/);
    await page.frameLocator("#insluitvoorbeeld iframe").locator("body[data-core=ready]").waitFor({ state: "attached", timeout: 30000 });
    step("app: snippet, script variant and live preview");
    await page.context().close();
  }

  // 8. Finding 10 of the review: in a fixed 480×400 frame (the pasted
  // snippet) the toolbar took 121 px above a 444 px map, so the map
  // needed scrolling; the controls were 37×36 and 24 px high; "Open de hele
  // kaart" opened the full map at its default view; only one language showed.
  {
    const page = await open(`/vast?${vast.query}`);
    const iframe = page.locator("iframe");
    const f = page.frameLocator("iframe");
    await waitReady(f);
    const fr = await frameOf(iframe);
    // layout (run in the frame): scrolling, and where the view of the drawing lies.
    const layout = () => {
      const se = document.scrollingElement, svg = document.getElementById("kaart");
      const vb = svg.viewBox.baseVal, ctm = svg.getScreenCTM();
      const a = new DOMPoint(vb.x, vb.y).matrixTransform(ctm), b = new DOMPoint(vb.x + vb.width, vb.y + vb.height).matrixTransform(ctm);
      return { scrollW: se.scrollWidth, scrollH: se.scrollHeight, w: innerWidth, h: innerHeight,
        view: [vb.x, vb.y, vb.width, vb.height].map((v) => Math.round(v * 10) / 10), drawn: [a.x, a.y, b.x, b.y].map(Math.round) };
    };
    const fits = (l, what) => {
      assert.ok(l.scrollH <= l.h && l.scrollW <= l.w, `${what}: the page is ${l.scrollW}×${l.scrollH} px in a ${l.w}×${l.h} frame: it scrolls`);
      const [x0, y0, x1, y1] = l.drawn;
      assert.ok(x0 >= 0 && y0 >= 0 && x1 <= l.w && y1 <= l.h, `${what}: the drawing lies at ${l.drawn} px, outside the ${l.w}×${l.h} frame`);
      assert.ok(x1 - x0 >= l.w - 2 || y1 - y0 >= l.h - 2, `${what}: the drawing (${l.drawn}) does not fill the frame`);
    };
    const start = await fr.evaluate(layout);
    fits(start, "start view (zoom=2)");

    // Every control at least 44×44 px; a checkbox counts with its label.
    await fr.evaluate(() => { for (const d of document.querySelectorAll("#insluiting details")) d.open = true; });
    const controls = await fr.evaluate(() => {
      const seen = new Set(), out = [];
      for (const el of document.querySelectorAll("#insluiting :is(button, a[href], summary, input, select, textarea)")) {
        const t = el.matches("input") ? el.closest("label") || el : el;
        const r = t.getBoundingClientRect();
        if (seen.has(t) || !r.width || !r.height) continue; // hidden: the closed card
        seen.add(t);
        out.push({ what: `${t.localName}${t.id ? `#${t.id}` : ""} ${t.textContent.trim().replace(/\s+/g, " ").slice(0, 24)}`, w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 });
      }
      return out;
    });
    assert.ok(controls.length >= 9, `controls found: ${JSON.stringify(controls)}`);
    const small = controls.filter((c) => c.w < 44 || c.h < 44);
    assert.deepEqual(small, [], `controls smaller than 44×44 px: ${small.map((c) => `${c.what} ${c.w}×${c.h}`).join("; ")}`);
    await fr.evaluate(() => { for (const d of document.querySelectorAll("#insluiting details")) d.open = false; });

    // Both languages, Dutch first, each in an element with its lang: the
    // link, the zoom buttons' names and a kind's label.
    const languages = await fr.evaluate(() => {
      const out = {};
      const parts = (el) => {
        const found = [];
        const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const p = n.parentElement;
          if (!n.textContent.trim() || !p.getClientRects().length || getComputedStyle(p).visibility === "hidden") continue;
          found.push(p.closest("[lang]")?.lang.slice(0, 2));
        }
        return found;
      };
      for (const sel of ["#heel", "#inzoomen", "#uitzoomen"]) out[sel] = parts(document.querySelector(sel));
      out.verband = parts(document.querySelector('input[name="soort"][value="verband"]').closest("label"));
      return out;
    });
    for (const [what, ls] of Object.entries(languages)) {
      assert.ok(ls.includes("nl") && ls.includes("en"), `${what}: shows ${JSON.stringify(ls)}, want Dutch and English each marked with its lang`);
      assert.ok(ls.indexOf("nl") < ls.indexOf("en"), `${what}: Dutch first, English beside it (${JSON.stringify(ls)})`);
    }

    // "Open de hele kaart" opens the full map as the embed shows it: centre,
    // zoom (the full map's nearest level, 1.25× apart), kinds and card.
    const link = async () => {
      const u = new URL(await f.locator("#heel").getAttribute("href"), `${base}/embed`);
      assert.equal(u.origin + u.pathname, `${base}/`, "the link opens the full map");
      return Object.fromEntries(new URLSearchParams(u.hash.slice(1)));
    };
    const near = (c, want) => c && c.split(",").map(Number).every((v, i) => Math.abs(v - want[i]) <= 1.5);
    const centre = [vast.fx * W, vast.fy * H];
    let q = await link();
    assert.equal(q.z, "3", `zoom=2 is level 3 of the full map (1.25³ ≈ 2): ${JSON.stringify(q)}`);
    assert.ok(near(q.c, centre), `the link keeps the centre ${centre.map(Math.round)}: ${JSON.stringify(q)}`);
    assert.equal(q.verberg, "verband,partner", `the link keeps the kinds: ${JSON.stringify(q)}`);
    await f.locator("#inzoomen").click();
    await f.locator("#soorten summary").click();
    await f.locator('input[name="soort"][value="verhaal"]').uncheck();
    q = await link();
    assert.equal(q.z, "6", `zoomed in to 4×: level 6 (${JSON.stringify(q)})`);
    assert.ok(near(q.c, centre), `centre kept: ${JSON.stringify(q)}`);
    assert.equal(q.verberg, "verband,verhaal,partner", `a kind unticked in the embed is hidden on the full map too: ${JSON.stringify(q)}`);
    const href = await f.locator("#heel").getAttribute("href");
    // Zoomed out: the whole drawing, still without scrolling.
    await f.locator("#soorten summary").click();
    await f.locator("#uitzoomen").click();
    await f.locator("#uitzoomen").click();
    const whole = await fr.evaluate(layout);
    assert.deepEqual(whole.view, [0, 0, W, H], "zoomed out: the whole drawing in view");
    fits(whole, "the whole map");
    step(`fixed 480×400 frame: page ${start.scrollW}×${start.scrollH} px, drawing at ${whole.drawn} px, smallest control ${Math.min(...controls.map((c) => c.w))}×${Math.min(...controls.map((c) => c.h))} px (${controls.length}), Dutch and English, link ${href}`);

    // The full map opened by that link shows the same view and kinds.
    const full = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    full.on("pageerror", (e) => errors.push(`full map: ${e}`));
    await full.goto(new URL(href, `${base}/embed`).href);
    await full.waitForSelector("body[data-core=ready]", { timeout: 30000 });
    await full.waitForFunction(() => document.getElementById("kaart").viewBox.baseVal.width < 999 * 0.5, null, { timeout: 10000 });
    const shown = await full.evaluate(() => {
      const vb = document.getElementById("kaart").viewBox.baseVal;
      const pressed = Object.fromEntries([...document.querySelectorAll(".legenda button[data-kind]")].map((b) => [b.dataset.kind, b.getAttribute("aria-pressed")]));
      return { cx: vb.x + vb.width / 2, cy: vb.y + vb.height / 2, w: vb.width, h: vb.height, pressed };
    });
    // Its zoom: the share of the drawing's width or height the view spans, whichever the screen's aspect binds.
    const share = Math.min(shown.w / W, shown.h / H);
    assert.ok(Math.abs(shown.cx - centre[0]) <= 2 && Math.abs(shown.cy - centre[1]) <= 2, `the full map centred on ${centre.map(Math.round)}: ${JSON.stringify(shown)}`);
    assert.ok(Math.abs(share - 1.25 ** -6) < 0.005, `the full map at level 6 (${(1 / share).toFixed(2)}× zoomed in): ${JSON.stringify(shown)}`);
    assert.deepEqual(shown.pressed, { talent: "true", verband: "false", plek: "true", verhaal: "false", partner: "false" }, "the full map's legend hides what the embed hid");
    step(`"Open de hele kaart" → the full map centred on (${Math.round(shown.cx)}, ${Math.round(shown.cy)}), ${(1 / share).toFixed(2)}× zoomed in, verband, verhaal and partner hidden`);
    await full.context().close();
    await page.context().close();
  }

  // 9. Residents' pins are places of the embedded map: drawn and named,
  // a tap on the mark or the name opens the card (name, kind, note, author
  // only with consent, "sinds <maand jaar>"); only a tap on empty paper
  // starts a pin. Two pins posted through the API, deleted again at the end.
  {
    const map = await (await fetch(`${base}/map.geojson`)).json();
    const taken = map.features.filter((x) => x.geometry?.type === "Point").map((x) => x.geometry.coordinates)
      .concat((await (await fetch(`${base}/api/pins`, { cache: "no-store" })).json()).features.map((x) => x.geometry.coordinates));
    const k = Math.cos((corners[1] * Math.PI) / 180);
    // The emptiest spot of the map's middle: farthest from every place and pin.
    const emptiest = (avoid) => {
      let best = null;
      for (let i = 2; i <= 18; i++) for (let j = 2; j <= 18; j++) {
        const [lon, lat] = lonLat(i / 20, j / 20).map(Number);
        // Inside the sample's buurt, the hull of its streets, which the
        // server holds pins to (its bbox's corners lie outside it).
        if (lon < 4.2995 || lon > 4.3185 || lat < 52.0625 || lat > 52.0735) continue;
        const d = Math.min(...avoid.map(([x, y]) => Math.hypot((x - lon) * k, y - lat)));
        if (!best || d > best.d) best = { lon, lat, d };
      }
      return best;
    };
    const stamp = Date.now().toString(36);
    const a = emptiest(taken), b = emptiest([...taken, [a.lon, a.lat]]);
    const want = [
      { at: a, name: `Bankje in de zon ${stamp}`, note: "Hier zit je lekker, de hele middag zon.", author: "Mies", show_author: true },
      { at: b, name: `Geveltuintje ${stamp}`, note: "Stokrozen tot aan de dakgoot.", author: "Geheim Naampje" },
    ];
    const posted = [];
    try {
      for (const w of want) {
        const id = randomUUID();
        const res = await fetch(`${base}/api/pins`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": id, "X-Buurtkaart-Device": `embed-test-${stamp}` },
          body: JSON.stringify({ id, lon: w.at.lon, lat: w.at.lat, kind: "plek", name: w.name, note: w.note, author: w.author, ...(w.show_author ? { show_author: true } : {}) }),
        });
        const body = await res.json();
        assert.equal(res.status, 201, `POST pin: ${JSON.stringify(body)}`);
        posted.push({ ...w, id, token: body.delete_token, lon: body.lon, lat: body.lat });
        assert.equal(body.status, "visible", "the test needs a post-moderated map (pins show at once)");
      }
      for (const p of posted) {
        const page = await open(`/vast?zoom=8&midden=${p.lon},${p.lat}`);
        const iframe = page.locator("iframe");
        const f = page.frameLocator("iframe");
        await waitReady(f);
        const fr = await frameOf(iframe);
        await fr.waitForFunction((id) => globalThis.buurtkaart.place(id)?.pin === true, p.id, { timeout: 15000 });
        // Drawn: its kind's pictogram (a mark plate of plek) and its name.
        const flat = (s) => s.replace(/\s+/g, "");
        // (zoomed in, the note follows the name in the same text)
        await fr.waitForFunction((name) => [...document.querySelectorAll("#kaart .labels text")].some((t) => t.textContent.replace(/\s+/g, "").startsWith(name)), flat(p.name), { timeout: 10000 });
        const where = await fr.evaluate(({ lon, lat }) => {
          const [x, y] = globalThis.buurtkaart.xy(lon, lat);
          const svg = document.getElementById("kaart"), pt = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
          const under = document.elementFromPoint(pt.x, pt.y);
          return { x: pt.x, y: pt.y, under: under?.getAttribute("class") || under?.localName };
        }, p);
        assert.match(where.under || "", /\bmark\b.*\bplek\b|\bplek\b.*\bmark\b/, `the pin's spot shows a plek mark: ${JSON.stringify(where)}`);
        const box = await iframe.boundingBox();
        const card = f.locator("#kaartje");
        const checkCard = async (how) => {
          await card.waitFor({ state: "visible", timeout: 5000 });
          assert.equal(await card.getAttribute("data-id"), p.id, `${how}: the card of the pin`);
          assert.equal(await card.getAttribute("data-pin"), "1", `${how}: a resident's pin`);
          assert.equal(await card.locator(".naam").innerText(), p.name);
          assert.equal(await card.locator(".soort [lang=nl]").innerText(), "Plek");
          assert.equal(await card.locator(".soort [lang=en]").innerText(), "Place");
          assert.equal(await card.locator(".notitie").innerText(), p.note);
          assert.match(await card.locator(".sinds [lang=nl]").innerText(), /^sinds [a-z]+ \d{4}$/);
          assert.match(await card.locator(".sinds [lang=en]").innerText(), /^since [A-Z][a-z]+ \d{4}$/);
          const text = await card.innerText();
          if (p.show_author) assert.match(await card.locator(".door").innerText(), new RegExp(p.author), "author shown with consent");
          else assert.ok(!text.includes(p.author), `no author without consent: ${text}`);
          assert.equal(await f.locator("#pinform[open]").count(), 0, `${how}: no pin form`);
          const close = await f.locator("#kaartje-dicht").boundingBox();
          assert.ok(close.width >= 44 && close.height >= 44, `close button ${close.width}×${close.height}`);
          assert.equal(Object.fromEntries(new URLSearchParams(new URL(await f.locator("#heel").getAttribute("href"), base).hash.slice(1))).p, p.id, "the link opens the full map on this card");
        };
        // A tap on the mark.
        await page.mouse.click(box.x + where.x, box.y + where.y);
        await checkCard("tap on the mark");
        assert.ok(await card.evaluate((c) => c === document.activeElement), "the open card has the focus");
        await page.keyboard.press("Escape");
        await card.waitFor({ state: "hidden" });
        assert.equal(await f.locator("#kaartvak").evaluate((v) => v === document.activeElement), true, "Escape: the focus back on the map");
        // By keyboard: Enter on the map opens the place in its middle.
        await page.keyboard.press("Enter");
        await card.waitFor({ state: "visible" });
        assert.ok(await card.getAttribute("data-id"), "Enter on the map opens a card");
        await page.keyboard.press("Escape");
        await card.waitFor({ state: "hidden" });
        // A tap on its name.
        const label = await fr.evaluate((name) => {
          const t = [...document.querySelectorAll("#kaart .labels text")].find((e) => e.textContent.replace(/\s+/g, "").startsWith(name));
          const range = document.createRange(); // the name's first line, not the note under it
          range.selectNodeContents(t.firstChild);
          const r = range.getBoundingClientRect();
          return [r.left + r.width / 2, r.top + r.height / 2];
        }, flat(p.name));
        await page.mouse.click(box.x + label[0], box.y + label[1]);
        await checkCard("tap on the name");
        // A tap on empty paper closes the card; the next one starts a pin.
        const paper = await fr.evaluate(emptyPaper, [[where.x, where.y], label]);
        assert.ok(paper, "a spot of empty paper");
        await page.mouse.click(box.x + paper[0], box.y + paper[1]);
        await card.waitFor({ state: "hidden" });
        assert.equal(await f.locator("#pinform[open]").count(), 0, "the first tap only closed the card");
        await page.mouse.click(box.x + paper[0], box.y + paper[1]);
        await f.locator("#pinform[open]").waitFor({ timeout: 5000 });
        await f.locator('#pinform button[value="cancel"]').click();
        step(`pin "${p.name}": drawn as a plek with its name; mark and name open its card${p.show_author ? " (author shown: consent)" : " (no author: no consent)"}; empty paper starts a pin`);
        await page.context().close();
      }
    } finally {
      for (const p of posted) {
        const res = await fetch(`${base}/api/pins/${p.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${p.token}` } });
        assert.equal(res.status, 204, `DELETE ${p.id}`);
      }
    }
  }

  assert.deepEqual(errors, [], "no page errors, no CSP violations");
  console.log(`  embed ${base}: ok`);
} finally {
  await browser.close();
  site.close();
}
