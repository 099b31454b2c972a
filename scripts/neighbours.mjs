// Neighbours: a pin posted by one browser is read by another. Against a
// running server (BASE_URL: `buurtkaart serve` or the Worker under
// `wrangler dev`), like e2e.mjs; MODERATOR_TOKEN (optional) for the
// moderation queue.
//
// A, the maker (a 1280×800 laptop, mouse), drops two pins through the page:
// a talent pin whose author (Fatima) consents to her name being shown, and a
// talent pin whose author does not (the author fields are the talent kind's
// only: a plek pin has none to give). B, a neighbour on a phone (390×844,
// touch), then finds the first pin as a place of the map: a tap on its mark
// and a tap on its drawn name open its card; search, the list and the
// legend's count have it; the author shows only with consent, and the other
// author's name reaches B in no HTML or JSON; B reports the pin (the
// moderation queue counts it) and a tap on empty paper opens the pin form.
// Back in A the card says "jouw pin" and deletes it at once; B, reloaded,
// no longer sees it. Every pin made here is deleted at the end.
//
// Run: BASE_URL=http://127.0.0.1:PORT MODERATOR_TOKEN=… node scripts/neighbours.mjs
// (MODERATOR_TOKEN optional: without it the moderation queue is skipped).
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

const base = (process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
const moderator = process.env.MODERATOR_TOKEN || "";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});
const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: "nl-NL" };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "nl-NL" };
const PROBE_ID = "00000000-0000-4000-8000-000000000000"; // a dummy id to ask the core whether a spot lies in the map
const ZOOM = 8; // B's view of the pin: 1.25^8 ≈ 6× the whole buurt

function step(name) { console.log(`  neighbours ${base}: ${name}`); }

const rnd = Math.random().toString(36).slice(2, 7).replace(/^\d/, "q");
const PIN1 = { kind: "talent", name: `Zonnebank ${rnd}`, note: `Mooie bank in de zon ${rnd}`, author: "Fatima", show: true };
const PIN2 = { kind: "talent", name: `Buurtbank ${rnd}`, note: `Bankje bij de speeltuin ${rnd}`, author: `Henk ${rnd}`, show: false };
const created = new Map(); // id → delete token, for the clean-up
const pages = {};          // name → page, for screenshots on failure

// ---- helpers (node side) ----

async function api(path, init) {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text };
}
const apiPins = async () => (await api("/api/pins")).json.features;
const talentPins = async () => (await apiPins()).filter((f) => f.properties.kind === "talent").length;

// openMap loads the page at url and waits for the core and the server's pins.
async function openMap(page, url) {
  const pins = page.waitForResponse((r) => /\/api\/pins(\?|$)/.test(r.url()) && r.request().method() === "GET", { timeout: 30000 });
  await page.goto(url);
  await page.waitForSelector("body[data-core=ready]", { timeout: 60000 });
  await pins;
  await page.waitForTimeout(300); // the answer is read and drawn
}

// known waits until the page holds the pin id as a place of its map; on a
// build where pins are only drawn (not places), a drawn pin with that id will do.
async function known(page, id, who) {
  const ok = await page.waitForFunction((id) => globalThis.buurtkaart.place(id)?.pin === true ||
    (!globalThis.buurtkaart.place(id) && document.querySelector(`#pins [data-id="pin-${id}"]`) !== null), id, { timeout: 15000 })
    .then(() => true, () => false);
  assert.ok(ok, `${who}: the pin ${id} never reached the page (not a place of the map, not drawn)`);
}

// where is a pin in drawing units: its place, or (for a build that does not
// make pins places) its lon/lat as stored, projected by the core.
async function where(page, id) {
  const f = (await apiPins()).find((q) => q.id === id);
  return page.evaluate(([id, ll]) => {
    const p = globalThis.buurtkaart.place(id);
    if (p) return { x: p.x, y: p.y, place: true };
    const [x, y] = globalThis.buurtkaart.xy(ll[0], ll[1]);
    return { x, y, place: false };
  }, [id, f.geometry.coordinates]);
}

// toScreen projects a point in drawing units to the screen (client px).
const toScreen = (page, at) => page.evaluate(({ x, y }) => {
  const m = document.getElementById("kaart").getScreenCTM();
  return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
}, at);

// emptyPaper finds a point on screen near (fx, fy) of the map's box where a
// tap hits nothing: no mark or name within reach px (the core's hit test at
// the view's scale, the svg's --s), no pin drawn, nothing over the map, and
// inside the map's bounds (the core's own pin check).
const emptyPaper = (page, fx, fy, reach) => page.evaluate(([fx, fy, reach, probe]) => {
  const core = globalThis.buurtkaart, svg = document.getElementById("kaart");
  const s = parseFloat(svg.style.getPropertyValue("--s")) || 1;
  const r = svg.getBoundingClientRect(), inv = svg.getScreenCTM().inverse();
  const vw = innerWidth, vh = innerHeight;
  for (let d = 0; d < 400; d += 6) {
    for (const [ux, uy] of [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 1], [-1, 1], [1, -1], [-1, -1]]) {
      const x = r.left + r.width * fx + ux * d, y = r.top + r.height * fy + uy * d;
      if (x < 10 || y < 10 || x > vw - 10 || y > vh - 10) continue;
      const el = document.elementFromPoint(x, y);
      if (!el || !el.closest("#kaart") || el.closest("text, use, .plekken, #pins, #hier")) continue;
      const p = new DOMPoint(x, y).matrixTransform(inv);
      if (core.hit(s, [], p.x, p.y, reach)) continue;
      const [lon, lat] = core.lonLat(p.x, p.y);
      if (core.check(JSON.stringify({ id: probe, lon, lat, kind: "plek" }))) continue;
      return { x, y };
    }
  }
  return null;
}, [fx, fy, reach, PROBE_ID]);

// afterTap says what a tap opened within a few seconds: "card <id|name>",
// "form" (the new-pin form) or "nothing".
const afterTap = (page) => page.waitForFunction(() => {
  const card = document.getElementById("kaartje");
  if (card && !card.hidden && card.getBoundingClientRect().width > 0) return `card ${card.dataset.id || card.querySelector(".naam")?.textContent}`;
  if (document.getElementById("pinform")?.open) return "form";
  return false;
}, null, { timeout: 4000 }).then((h) => h.jsonValue(), () => "nothing");

// card reads the open card: each part's Dutch text (without its
// <span lang="en"> translation), null for a part not shown.
const card = (page) => page.evaluate(() => {
  const c = document.getElementById("kaartje");
  const shown = (el) => !!el && (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  const t = (sel) => {
    const el = c.querySelector(sel);
    if (!shown(el)) return null;
    const copy = el.cloneNode(true);
    for (const en of copy.querySelectorAll("[lang=en]")) en.remove();
    return copy.textContent.replace(/\s+/g, " ").trim();
  };
  return { visible: shown(c), id: c.dataset.id, pin: c.dataset.pin, role: c.getAttribute("role"),
    name: t(".naam"), note: t(".notitie"), door: t(".door"), sinds: t(".sinds"), bewoner: t(".bewoner"), jouw: t(".jouw"),
    weg: shown(c.querySelector("#kaartje-weg")), meld: shown(c.querySelector("#kaartje-meld")), text: c.textContent };
});

// until waits (10 s at most) for fn(arg) in the page to be true, or fails
// saying what was expected.
async function until(page, what, fn, arg) {
  const ok = await page.waitForFunction(fn, arg, { timeout: 10000 }).then(() => true, () => false);
  assert.ok(ok, what);
}
// cardOpen: the card is shown for place id.
const cardOpen = (id) => !document.getElementById("kaartje").hidden && document.getElementById("kaartje").dataset.id === id;

// settle: a card's buttons take no click in the first 400 ms after it
// opens (the page's guard against the click a tap sends after it, which
// would land on the new card); a resident reads it first anyway.
const settle = (page) => page.waitForTimeout(450);

async function closeCard(page) {
  await settle(page);
  await page.locator("#kaartje-dicht").click();
  await until(page, "the card closes with its × (#kaartje-dicht)", () => document.getElementById("kaartje").hidden);
  await page.waitForTimeout(350); // the next tap is no double tap
}

// dropPin places a pin through A's page: a click on empty paper opens the
// form; the pin is stored once the outbox is empty and the page keeps its
// delete token. Returns its id.
async function dropPin(page, fx, fy, pin, checkForm) {
  const spot = await emptyPaper(page, fx, fy, 45);
  assert.ok(spot, `A: empty paper near (${fx}, ${fy}) to drop a pin on`);
  const before = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem("buurtkaart.mine") || "{}")));
  await page.mouse.click(spot.x, spot.y);
  const opened = await afterTap(page);
  assert.equal(opened, "form", "A: a click on empty paper opens the new-pin form");
  if (checkForm) await checkForm();
  await page.locator(`#pinform input[name=kind][value="${pin.kind}"]`).check();
  await page.locator("#pinform textarea[name=note]").fill(pin.note);
  await page.locator("#pinform input[name=name]").fill(pin.name);
  if (pin.author) {
    await page.locator("#pinform .over-mensen input[name=author]").fill(pin.author);
    await page.locator("#pinform .over-mensen input[name=show_author]").setChecked(pin.show);
  }
  await page.locator("#bewaar").click();
  const id = await page.waitForFunction((before) => {
    const mine = Object.keys(JSON.parse(localStorage.getItem("buurtkaart.mine") || "{}")).filter((k) => !before.includes(k));
    return document.body.dataset.outbox === "0" && !document.getElementById("pinform").open && mine.length === 1 && mine[0];
  }, before, { timeout: 20000 }).then((h) => h.jsonValue(), () => null);
  assert.ok(id, "A: the pin is sent (outbox empty) and its delete token kept in buurtkaart.mine");
  created.set(id, await page.evaluate((id) => JSON.parse(localStorage.getItem("buurtkaart.mine"))[id], id));
  return id;
}

try {
  // ---- B before the pins: the legend's count to compare with ----
  const ctxB = await browser.newContext(PHONE);
  const B = pages.B = await ctxB.newPage();
  const errors = [];
  const watch = (page, who) => {
    page.on("pageerror", (e) => errors.push(`${who}: ${e}`));
    page.on("console", (m) => { if (m.type() === "error") errors.push(`${who}: ${m.text()}`); });
    page.on("dialog", (d) => { errors.push(`${who}: script dialog: ${d.message()}`); d.dismiss(); });
  };
  watch(B, "B");
  const bodies = []; // every answer from /api/ that B's page read
  B.on("response", async (r) => {
    if (new URL(r.url()).pathname.includes("/api/")) bodies.push(await r.text().catch(() => ""));
  });
  await openMap(B, base + "/");
  const legend = (page, kind) => page.locator(`.legenda button[data-kind="${kind}"] .aantal`).textContent().then(Number);
  const talentBefore = await legend(B, "talent");
  const apiTalentBefore = await talentPins();
  step(`B (phone) before: legend says ${talentBefore} talent, the API lists ${apiTalentBefore} talent pins`);

  // ---- A drops two pins through the page ----
  const ctxA = await browser.newContext(LAPTOP);
  const A = pages.A = await ctxA.newPage();
  watch(A, "A");
  const dialogsA = [];
  A.on("dialog", (d) => dialogsA.push(d.message()));
  await openMap(A, base + "/");
  // Away from the middle, where the other browser tests drop theirs.
  const id1 = await dropPin(A, 0.75, 0.25, PIN1);
  const id2 = await dropPin(A, 0.25, 0.8, PIN2, async () => {
    // The author fields belong to the talent kind: a plek pin shows none.
    await A.locator('#pinform input[name=kind][value="plek"]').check();
    assert.equal(await A.locator("#pinform .over-mensen").isVisible(), false, "A: a plek pin's form shows no author fields");
    await A.locator('#pinform input[name=kind][value="talent"]').check();
    assert.equal(await A.locator("#pinform .over-mensen").isVisible(), true, "A: a talent pin's form shows the author fields");
  });
  const s1 = await api(`/api/pins/${id1}`), s2 = await api(`/api/pins/${id2}`);
  assert.equal(s1.status, 200, `GET /api/pins/${id1}`);
  assert.equal(s2.status, 200, `GET /api/pins/${id2}`);
  assert.equal(s1.json.name, PIN1.name, "the stored name");
  assert.equal(s1.json.note, PIN1.note, "the stored note");
  assert.equal(s1.json.kind, "talent", "the stored kind");
  assert.equal(s1.json.author, "Fatima", "the consenting author is public");
  assert.ok(!s2.text.includes(PIN2.author), "the other author's name is not in GET /api/pins/{id}");
  step(`A (laptop) dropped pin ${id1} (talent, author Fatima shown) and ${id2} (talent, author not shown) through the form; both stored, outbox empty`);

  // ---- B: the pin is a place of the map ----
  const at1 = await where(A, id1);
  await B.goto("about:blank");
  await openMap(B, `${base}/#z=${ZOOM}&c=${Math.round(at1.x)},${Math.round(at1.y)}`);
  await known(B, id1, "B");

  // Tap on its mark → its card.
  await B.locator("#kaart").scrollIntoViewIfNeeded();
  const mark = await toScreen(B, at1);
  const under = await B.evaluate(({ x, y }) => {
    const el = x > 0 && y > 0 && x < innerWidth && y < innerHeight && document.elementFromPoint(x, y);
    return el && el.closest("#kaart") ? `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") || ""}"${el.dataset.id ? ` data-id="${el.dataset.id}"` : ""}>` : null;
  }, mark);
  assert.ok(under, `B: the pin's mark (${mark.x.toFixed(0)}, ${mark.y.toFixed(0)}) is on screen, on the map`);
  await B.touchscreen.tap(mark.x, mark.y);
  const tapped = await afterTap(B);
  assert.equal(tapped, `card ${id1}`, `B: a tap on the pin's mark (on ${under}) opens its card (got: ${tapped})`);
  const c1 = await card(B);
  assert.equal(c1.name, PIN1.name, "B: the card's name");
  assert.equal(c1.note, PIN1.note, "B: the card's note");
  assert.equal(c1.pin, "1", "B: #kaartje[data-pin=1] for a resident's pin");
  assert.equal(c1.role, "dialog", "B: the card is a dialog");
  assert.equal(c1.bewoner, "Pin van een bewoner", "B: the card's .bewoner marker");
  assert.match(c1.sinds || "", /^sinds \S+ \d{4}$/, `B: the card's .sinds (“${c1.sinds}”)`);
  assert.match(c1.door || "", /Fatima/, `B: the consenting author in .door (“${c1.door}”)`);
  assert.equal(c1.jouw, null, "B: no .jouw on someone else's pin");
  const place = await B.evaluate((id) => globalThis.buurtkaart.place(id), id1);
  assert.ok(place, "B: buurtkaart.place(id) knows the pin");
  assert.equal(place.pin, true, "B: place(id).pin");
  assert.equal(place.mine, false, "B: place(id).mine is false for someone else's pin");
  assert.equal(place.pending, false, "B: place(id).pending");
  step(`B (phone, z=${ZOOM}): a tap on the pin's mark opens its card: “${c1.name}”, “${c1.note}”, ${c1.bewoner}, ${c1.sinds}, .door “${c1.door}”`);

  // Tap on its drawn name → the same card.
  await closeCard(B);
  // The tap goes to the part of the name farthest from the mark (the middle
  // of its first or last letters), out of the mark's reach, so it is the
  // name that is hit.
  // On a crowded map the name may need a closer look: zoom in (around the
  // centre, where the pin is) until it is drawn.
  const findLabel = () => B.evaluate((name) => {
    const flat = (s) => s.replace(/\s+/g, "");
    const m = document.getElementById("kaart").getScreenCTM(), p = globalThis.buurtkaart.place(name.id);
    const mark = { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    for (const t of document.querySelectorAll("#kaart .labels text")) {
      if (flat(t.textContent) !== flat(name.name)) continue;
      const r = t.getBoundingClientRect(), y = r.top + r.height / 2;
      const at = [r.left + 5, r.left + r.width / 2, r.right - 5].map((x) => ({ x, y, d: Math.hypot(x - mark.x, y - mark.y) }))
        .sort((a, b) => b.d - a.d)[0];
      return { ...at, on: r.width > 0 && !!document.elementFromPoint(at.x, at.y)?.closest("#kaart") };
    }
    return null;
  }, { id: id1, name: PIN1.name });
  let label = await findLabel(), zoomed = 0;
  for (; !label && zoomed < 6; zoomed++) {
    const redraws = await B.evaluate(() => document.body.dataset.redraws);
    await B.locator("#inzoomen").tap();
    await until(B, "B: + zooms in (a redraw)", (n) => document.body.dataset.redraws !== n, redraws);
    label = await findLabel();
  }
  assert.ok(label, `B: the pin's name “${PIN1.name}” is drawn (#kaart .labels text), up to ${zoomed} levels closer`);
  assert.ok(label.on, "B: the pin's drawn name is on screen, on the map");
  assert.ok(label.d > 22, `B: part of the name lies out of the mark's reach (${label.d.toFixed(0)} px from it)`);
  await B.touchscreen.tap(label.x, label.y);
  const tappedName = await afterTap(B);
  assert.equal(tappedName, `card ${id1}`, "B: a tap on the pin's drawn name opens its card (got: " + tappedName + ")");
  step(`B: a tap on the pin's drawn name${zoomed ? ` (${zoomed} levels closer)` : ""}, ${label.d.toFixed(0)} px from its mark, opens the same card`);
  await closeCard(B);

  // Search.
  await B.locator("#zoek").fill(`zon ${rnd}`);
  const found = B.locator(`#zoekresultaten button[data-id="${id1}"]`);
  const inSearch = await found.waitFor({ timeout: 3000 }).then(() => true, () => false);
  assert.ok(inSearch, `B: searching “zon ${rnd}” finds the pin (results: ${JSON.stringify(await B.locator("#zoekresultaten").textContent())})`);
  await found.click();
  await until(B, "B: the search result opens the pin's card", cardOpen, id1);
  step(`B: search “zon ${rnd}” finds it, the result opens its card`);
  await closeCard(B);

  // The list, opened as a resident does; it must fit the phone's width, or
  // the whole page grows wider than the screen (and taps land elsewhere).
  await B.locator("#lijst > summary").tap();
  await until(B, "B: the list opens", () => document.getElementById("lijst").open);
  await B.waitForTimeout(200);
  const width = await B.evaluate(() => {
    const wide = [...document.querySelectorAll("#lijst *")].filter((e) => e.getBoundingClientRect().right > 391)
      .map((e) => `<${e.tagName.toLowerCase()}> “${e.textContent.trim().slice(0, 40)}”`);
    return { page: document.documentElement.scrollWidth, layout: innerWidth, wide: wide.slice(-3) };
  });
  assert.ok(width.page <= 390 && width.layout === 390,
    `B: with the list open the page is ${width.page} px wide on a 390 px phone (layout viewport ${width.layout} px); too wide: ${width.wide.join(", ")}`);
  const inList = B.locator(`#lijst section.talent li.pin button[data-id="${id1}"]`);
  assert.equal(await inList.count(), 1, "B: the pin in the list's talent section (li.pin button[data-id])");
  assert.equal(await inList.textContent(), PIN1.name, "B: the list names the pin");
  assert.equal(await B.locator(`#lijst li.pin button[data-id="${id2}"]`).count(), 1, "B: the second pin in the list too");
  step("B: the list (fits the phone's width) holds the pin in its talent section (li.pin)");

  // The legend's count: one more talent for each talent pin that arrived since.
  const apiTalentAfter = await talentPins();
  const talentAfter = await legend(B, "talent");
  assert.equal(talentAfter - talentBefore, apiTalentAfter - apiTalentBefore,
    `B: the legend's talent count went ${talentBefore} → ${talentAfter} while the API's talent pins went ${apiTalentBefore} → ${apiTalentAfter}`);
  assert.ok(apiTalentAfter - apiTalentBefore >= 2, "the API lists both new talent pins");
  step(`B: the legend counts the pins: talent ${talentBefore} → ${talentAfter}`);

  // The author only with consent.
  await B.locator(`#lijst li.pin button[data-id="${id2}"]`).click();
  await until(B, "B: the list's button opens the second pin's card", cardOpen, id2);
  const c2 = await card(B);
  assert.equal(c2.name, PIN2.name, "B: the second pin's card");
  assert.ok(!c2.door || !c2.door.includes("Henk"), `B: no author on the card of a pin without consent (.door “${c2.door}”)`);
  const html = await B.content();
  const served = await (await B.request.get(base + "/")).text();
  const pinsJSON = await (await B.request.get(base + "/api/pins")).text();
  const exports = [];
  for (const f of ["export.geojson", "export.csv"]) {
    const res = await B.request.get(`${base}/${f}`);
    assert.equal(res.status(), 200, `GET /${f}`);
    exports.push([`/${f}`, await res.text()]);
  }
  assert.ok(exports[0][1].includes(PIN2.name), "the GeoJSON download holds the second pin");
  for (const [what, text] of [["the page's DOM", html], ["the served HTML", served], ["GET /api/pins", pinsJSON],
    ["the API answers B's page read", bodies.join("\n")], ...exports]) {
    assert.ok(!text.includes(PIN2.author), `B: the non-consenting author “${PIN2.author}” appears in ${what}`);
  }
  assert.ok(pinsJSON.includes('"Fatima"'), "GET /api/pins holds the consenting author");
  step(`B: author shown with consent (“Fatima”), the other (“${PIN2.author}”) in none of B's DOM, HTML, ${bodies.length} API answers or the downloads`);
  await closeCard(B);

  // Report it.
  await B.evaluate(() => document.getElementById("kaart").scrollIntoView({ block: "start" }));
  await B.locator(`#zoek`).fill(`zon ${rnd}`);
  await B.locator(`#zoekresultaten button[data-id="${id1}"]`).click();
  await until(B, "B: the search result opens the pin's card", cardOpen, id1);
  const c3 = await card(B);
  assert.ok(c3.meld, "B: someone else's pin has #kaartje-meld");
  assert.ok(!c3.weg, "B: someone else's pin has no #kaartje-weg");
  await settle(B);
  await B.locator("#kaartje-meld").click();
  const reason = B.locator("select#meld-reden");
  await reason.waitFor({ state: "visible", timeout: 3000 });
  const reasons = await reason.evaluate((s) => [...s.options].filter((o) => o.value && !o.disabled).map((o) => o.value));
  assert.ok(reasons.length >= 1, "B: reasons to choose from");
  await reason.selectOption(reasons[0]);
  const reported = B.waitForResponse((r) => r.url().endsWith(`/api/pins/${id1}/report`) && r.request().method() === "POST", { timeout: 10000 });
  await B.locator("#meld-stuur").click();
  assert.equal((await reported).status(), 202, "B: POST /api/pins/{id}/report answers 202");
  await until(B, "B: after the report the card says “Dank je”", () => /Dank je/.test(document.getElementById("kaartje").textContent));
  step(`B: reported the pin (reason “${reasons[0]}”), the card thanks`);
  if (moderator) {
    const q = await api("/api/moderation/queue", { headers: { Authorization: `Bearer ${moderator}` } });
    assert.equal(q.status, 200, "GET /api/moderation/queue");
    const queued = q.json.pins.find((p) => p.id === id1);
    assert.ok(queued, "the reported pin is in the moderation queue");
    assert.ok(queued.reports >= 1, `the queue counts its reports (${queued.reports})`);
    step(`moderation queue lists the pin with ${queued.reports} report(s)`);
  } else {
    step("moderation queue: skipped (MODERATOR_TOKEN not set)");
  }
  await closeCard(B);

  // A tap on empty paper opens the new-pin form.
  await B.evaluate(() => document.getElementById("kaart").scrollIntoView({ block: "start" }));
  const paper = await emptyPaper(B, 0.5, 0.3, 22);
  assert.ok(paper, "B: empty paper to tap on");
  await B.touchscreen.tap(paper.x, paper.y);
  assert.equal(await afterTap(B), "form", "B: a tap on empty paper opens #pinform");
  await B.locator('#pinform button[value="cancel"]').click();
  await until(B, "B: Annuleren closes the pin form", () => !document.getElementById("pinform").open);
  step("B: a tap on empty paper opens the new-pin form (cancelled)");

  step("pending pin (map moderation “pre”): skipped, the sample map is “post”");

  // ---- Back in A: "jouw pin", deleted at once ----
  await known(A, id1, "A");
  await A.locator("#lijst").evaluate((d) => { d.open = true; });
  await A.locator(`#lijst li.pin button[data-id="${id1}"]`).click();
  await until(A, "A: the list's button opens the own pin's card", cardOpen, id1);
  const own = await card(A);
  assert.match(own.jouw || "", /^jouw pin$/i, `A: the maker's card says “jouw pin” (.jouw: “${own.jouw}”)`);
  assert.ok(own.weg, "A: the maker's card has #kaartje-weg");
  assert.ok(!own.meld, "A: no #kaartje-meld on your own pin");
  assert.equal(await A.evaluate((id) => globalThis.buurtkaart.place(id).mine, id1), true, "A: place(id).mine");
  await settle(A);
  await A.locator("#kaartje-weg").click();
  const gone = await A.waitForFunction((id) => globalThis.buurtkaart.place(id) === null && document.getElementById("kaartje").hidden &&
    !document.querySelector(`#kaart [data-id="${id}"], #kaart [data-id="pin-${id}"], #lijst [data-id="${id}"]`), id1, { timeout: 10000 })
    .then(() => true, () => false);
  assert.ok(gone, "A: after #kaartje-weg the pin is off the map, the card closed, out of the list");
  assert.deepEqual(dialogsA, [], "A: deleting asks nothing (no confirm dialog)");
  const hitAfter = await A.evaluate(({ x, y }) => {
    const s = parseFloat(document.getElementById("kaart").style.getPropertyValue("--s")) || 1;
    return globalThis.buurtkaart.hit(s, [], x, y, 12);
  }, at1);
  assert.notEqual(hitAfter?.id, id1, "A: a tap where the pin was no longer hits it");
  assert.equal((await api(`/api/pins/${id1}`)).status, 404, "GET /api/pins/{id} after the delete");
  assert.ok(!(await apiPins()).some((f) => f.id === id1), "GET /api/pins no longer lists it");
  created.delete(id1);
  step("A: the maker's card says “jouw pin”; Verwijderen deletes it at once: off the map and out of GET /api/pins");

  // ---- B, reloaded, no longer sees it ----
  await B.goto("about:blank");
  await openMap(B, base + "/");
  await known(B, id2, "B"); // the other pin shows: the pins have arrived
  assert.equal(await B.evaluate((id) => globalThis.buurtkaart.place(id), id1), null, "B: the deleted pin is no place after a reload");
  assert.equal(await B.locator(`#lijst [data-id="${id1}"], #kaart [data-id="pin-${id1}"]`).count(), 0, "B: nor in the list or drawn");
  await B.locator("#zoek").fill(`zon ${rnd}`);
  await B.waitForFunction(() => /Niets gevonden/.test(document.getElementById("zoekresultaten").textContent), null, { timeout: 3000 })
    .catch(() => assert.fail("B: searching for the deleted pin says “Niets gevonden”"));
  step("B after a reload: the deleted pin is gone (map, list, search)");

  assert.deepEqual(errors, [], "no page errors");
  console.log(`  neighbours ${base}: ok`);
} catch (e) {
  console.log(`  neighbours ${base}: FAILED: ${e.message}`);
  for (const [who, page] of Object.entries(pages)) {
    const shot = `/tmp/neighbours-failure-${who}.png`;
    if (await page.screenshot({ path: shot }).then(() => true, () => false)) console.log(`  neighbours: screenshot ${shot}`);
  }
  process.exitCode = 1;
} finally {
  for (const [id, token] of created) {
    const res = await fetch(`${base}/api/pins/${id}`, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } }).catch((e) => e);
    if (res.status !== 204 && res.status !== 404) console.log(`  neighbours: clean-up of pin ${id} failed: ${res.status || res.message}`);
  }
  await browser.close();
}
