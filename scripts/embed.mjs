// Embed test: the map on another site, in Debian's headless Chromium,
// against a running server (BASE_URL: `buurtkaart serve` or the Worker under
// `wrangler dev`). A tiny server on another port of 127.0.0.1 — another
// origin — plays the buurt's website. It checks that the oEmbed <iframe>
// snippet and embed.js both show the drawn map; that the frame's height
// follows the height the map posts; that soorten= filters; that a pin
// dropped in the embed reaches the store; that a page other than /embed
// cannot be framed; that both hosts send the same security headers; and that
// the app's "Insluiten op je website" shows the snippet and a preview.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
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
const pages = {
  "/snippet": `<h1>Onze buurt</h1>${answer.html}`,
  "/script": `<h1>Onze buurt</h1><div id="kolom" style="width:480px"><script src="${base}/embed.js" data-soorten="plek,verhaal" async></script></div><p>onder de kaart</p>`,
  "/english": `<iframe src="${base}/embed?taal=en&amp;toevoegen=nee" width="600" height="600" title="map"></iframe>`,
  // WordPress frames oEmbed answers of providers it does not know so: no origin of its own.
  "/sandbox": `<iframe sandbox="allow-scripts" src="${base}/embed?soorten=plek" width="600" height="640" title="map"></iframe>`,
  "/steal": `<iframe src="${base}/" width="600" height="400" title="not allowed"></iframe>`,
};
const site = http.createServer((req, res) => {
  const body = pages[req.url];
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
    const labels = await f.locator("#kaart .labels text").evaluateAll((ts) => ts.map((t) => [t.dataset.soort, t.getBoundingClientRect().width > 0]));
    assert.ok(labels.length > 0 && labels.every(([k, v]) => v === (k === "talent" || k === "plek")), "labels follow their kind");
    // Names are laid out for the frame: as large on screen as on the full
    // map (12 px with a mouse), none overlapping. They were 5 px once, the
    // server's drawing for a laptop scaled down into a 480 px frame.
    const names = await f.locator("#kaart .labels text").evaluateAll((ts) => {
      const rs = ts.map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
      let overlaps = 0;
      for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
        const a = rs[i], b = rs[j];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps++;
      }
      const px = Math.min(...ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a));
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
    const box = await f.locator("#kaart").boundingBox();
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);
    await f.locator("#pinform[open]").waitFor();
    await f.locator('#pinform input[value="plek"]').check();
    await f.locator("#pinform textarea").fill(note);
    await f.locator("#bewaar").click();
    await f.locator("#status", { hasText: "Dank je" }).waitFor({ timeout: 15000 });
    const stored = (await (await fetch(`${base}/api/pins`, { cache: "no-store" })).json()).features.filter((p) => p.properties.note === note);
    assert.equal(stored.length, 1, "the pin dropped in the embed is in the store");
    await f.locator(`#pins use[data-id="pin-${stored[0].id}"]`).waitFor({ state: "attached" });
    step(`pin ${stored[0].id} dropped through embed.js is stored and drawn`);
    await page.context().close();
  }

  // 5. Options: English, read-only.
  {
    const page = await open("/english");
    const f = page.frameLocator("iframe");
    await waitReady(f);
    assert.equal(await f.locator("#heel").innerText(), "Open the whole map ↗");
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
    for (const want of [`src="${base}/embed?`, 'allow="geolocation"', 'loading="lazy"', ' title="']) assert.ok(snippet.includes(want), `snippet has ${want}: ${snippet}`);
    assert.match(await page.locator("#insluitscript").inputValue(), /embed\.js" data-doel="#buurtkaart" data-titel="[^"]+" data-soorten="verband,plek,verhaal,partner" async>/);
    await page.frameLocator("#insluitvoorbeeld iframe").locator("body[data-core=ready]").waitFor({ state: "attached", timeout: 30000 });
    step("app: snippet, script variant and live preview");
    await page.context().close();
  }

  assert.deepEqual(errors, [], "no page errors, no CSP violations");
  console.log(`  embed ${base}: ok`);
} finally {
  await browser.close();
  site.close();
}
