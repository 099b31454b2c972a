// The keepers' place editor end to end ("Plekken bewerken", web/beheer-kaart.js)
// in Debian's headless Chromium against a running server, through the
// workshop page /<slug>/beheer: drag a place → its new coordinates in
// GET /<slug>/api/map; undo that revision (POST api/keeper/revisions/{n}/undo)
// → the old ones; add a place and rename it by keyboard only; axe-core with
// the editor open on a phone (390 × 844) and a laptop (1280 × 800). Leaves
// the map as it found it (the test place is deleted again, by keyboard).
// One line per check; exits 1 on any failure.
//
//   node scripts/workshop-places.mjs --url http://127.0.0.1:18500 --slug schilderswijk --link 'http://…/schilderswijk/beheer#code=…'
//   node scripts/workshop-places.mjs --url http://127.0.0.1:18500 --slug schilderswijk --token TOKEN
import { axeViolations, checker, launch, options } from "./lib/checks.mjs";

const opt = options("workshop-places", { url: process.env.BASE_URL || "http://127.0.0.1:8080", slug: "schilderswijk", link: "", token: "" });
if (!opt.link && !opt.token) { console.error("workshop-places: give --link KEEPER_LINK or --token TOKEN"); process.exit(2); }
const base = opt.url.replace(/\/$/, ""), mapBase = `${base}/${opt.slug}/`;

const { result, check, must, done } = checker("workshop-places");

// api calls the server as the signed-in keeper.
let token = opt.token;
async function api(path, init = {}) {
  const res = await fetch(mapBase + path, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers || {}) } });
  const text = await res.text();
  let body = null;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, etag: res.headers.get("ETag"), body, text };
}
const current = async () => {
  const r = await api("api/map");
  return { map: r.body, revision: Number(String(r.etag).replaceAll('"', "")) };
};
const byID = (map, id) => map.features.find((f) => String(f.id) === String(id));
// until polls the stored map until test(map) holds (a save is asynchronous).
async function until(test, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    const c = await current();
    if (test(c.map, c.revision)) return c;
    if (Date.now() > end) return null;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  laptop: { viewport: { width: 1280, height: 800 } },
};

const browser = await launch();

// open signs in (the link once, then the token it left in localStorage)
// and waits for the editor's map.
let storage = null;
async function open(size) {
  const ctx = await browser.newContext({ ...SIZES[size], bypassCSP: true, storageState: storage || undefined });
  if (!storage && opt.token) {
    await ctx.addInitScript(([k, t]) => { try { localStorage.setItem(k, t); } catch { /* about:blank */ } }, [`buurtkaart-keeper:${opt.slug}`, opt.token]);
  }
  const page = await ctx.newPage();
  page.on("pageerror", (e) => console.log(`    page error: ${e.message}`));
  await page.goto(!storage && opt.link ? opt.link : `${mapBase}beheer`, { waitUntil: "domcontentloaded" });
  await page.waitForSelector("body[data-plekken=ready]", { state: "attached", timeout: 30000 });
  if (!storage) {
    storage = await ctx.storageState();
    token ||= await page.evaluate((k) => localStorage.getItem(k), `buurtkaart-keeper:${opt.slug}`);
  }
  await page.locator("#bk-kaartvak").scrollIntoViewIfNeeded();
  return { ctx, page };
}

// loneliest is the place whose mark is farthest from any other on screen:
// a drag there cannot pick a neighbour.
function loneliest(page, map) {
  const pts = map.features.filter((f) => f.geometry?.type === "Point" && f.properties?.kind && f.id != null)
    .map((f) => ({ id: String(f.id), lonlat: f.geometry.coordinates }));
  return page.evaluate((pts) => {
    const vak = document.getElementById("bk-kaartvak").getBoundingClientRect();
    const on = pts.map((p) => ({ ...p, ...globalThis.buurtkaartPlekken.toScreen(...p.lonlat) }))
      .filter((p) => p.x > vak.left + 80 && p.x < vak.right - 80 && p.y > vak.top + 40 && p.y < vak.bottom - 40);
    let best = null, bestD = -1;
    for (const p of on) {
      const d = Math.min(...on.filter((q) => q !== p).map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
      if (d > bestD) { best = p; bestD = d; }
    }
    return best;
  }, pts);
}

// axe runs axe-core's default rules on the editor (#plekken) and on the whole page.
async function axe(page, label) {
  for (const [scope, sel] of [["#plekken", "#plekken"], ["the whole page", ""]]) {
    const violations = await axeViolations(page, sel);
    result(violations.length === 0, `axe, editor open, ${label}, ${scope}: ${violations.length} violation(s)`, violations.join("; "));
  }
}

try {
  const { ctx, page } = await open("laptop");
  result(true, "the editor's map is drawn at 1280×800");

  // 1. Drag a place: new coordinates in GET api/map.
  const before = await current();
  const p = await loneliest(page, before.map);
  if (result(!!p, "a place to drag is on screen", p?.id)) {
    const old = byID(before.map, p.id).geometry.coordinates;
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(p.x + 6 * i, p.y + 3 * i);
    await page.mouse.up();
    const moved = await until((m, n) => n > before.revision && String(byID(m, p.id)?.geometry.coordinates) !== String(old));
    result(!!moved, `drag ${p.id}: new coordinates in GET api/map`,
      moved ? `${old} → ${byID(moved.map, p.id).geometry.coordinates}, revision ${before.revision} → ${moved.revision}` : "not saved");

    // 2. Undo that revision: the old coordinates again.
    if (moved) {
      const undo = await api(`api/keeper/revisions/${moved.revision}/undo`, { method: "POST", headers: { "If-Match": `"${moved.revision}"` } });
      const back = await until((m) => String(byID(m, p.id)?.geometry.coordinates) === String(old), 5000);
      result(undo.status === 201 && !!back, `undo revision ${moved.revision}: ${p.id} back at ${old}`, `POST undo ${undo.status}`);
      await page.evaluate(() => globalThis.buurtkaartPlekken.reload());
    }
  }

  // 3. Add a place by keyboard: Enter, arrows, Enter, name, kind, save.
  const name = `Proefplek ${Date.now() % 100000}`;
  const start = await current();
  await page.locator("#bk-kaartvak").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const onName = await page.evaluate(() => document.activeElement?.id);
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");   // the kinds: none chosen yet, so Tab lands on the first
  await page.keyboard.press("Space"); // talent
  await page.keyboard.press("Tab");   // note
  await page.keyboard.type("Met het toetsenbord gezet");
  await page.keyboard.press("Tab");   // Bewaren
  await page.keyboard.press("Enter");
  const added = await until((m, n) => n > start.revision && m.features.some((f) => f.properties?.name === name));
  const f = added?.map.features.find((x) => x.properties?.name === name);
  result(onName === "bk-naam" && !!f && f.properties.kind === "talent" && f.properties.note === "Met het toetsenbord gezet",
    "add a place by keyboard: in GET api/map", f ? `${f.id} at ${f.geometry.coordinates}, ${f.properties.kind}` : `focus on ${onName}, not saved`);
  const said = await page.waitForFunction(() => /bewaard/i.test(document.getElementById("bk-melding").textContent), null, { timeout: 5000 })
    .then(() => page.locator("#bk-melding").textContent(), () => page.locator("#bk-melding").textContent());

  // 4. Rename it by keyboard: it is chosen after saving, focus on its heading.
  if (f) {
    await page.waitForFunction((id) => globalThis.buurtkaartPlekken.state().selected === id, f.id, { timeout: 10000 }).catch(() => {});
    await page.locator("#bk-naam").focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(`${name} hernoemd`);
    await page.keyboard.press("Enter");
    const renamed = await until((m) => byID(m, f.id)?.properties.name === `${name} hernoemd`);
    result(!!renamed, "rename it by keyboard: the new name in GET api/map, same id", f.id);
    result(/bewaard/i.test(said), "the live region said it was saved", said.trim().slice(0, 80));
  }

  // 5. axe with the editor open (a place chosen, its form shown).
  await page.locator("#bk-naam").scrollIntoViewIfNeeded();
  await axe(page, "1280×800");

  // 6. Delete the test place again, by keyboard (Verwijderen, then Echt verwijderen).
  if (f) {
    await page.locator("#bk-weg").focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter"); // focus moved to "Echt verwijderen"
    const gone = await until((m) => !byID(m, f.id));
    result(!!gone, "delete it by keyboard: gone from GET api/map", f.id);
  }
  await ctx.close();

  // 7. The phone: the editor open, axe.
  const phone = await open("phone");
  await phone.page.locator("#bk-lijst button").first().click();
  await phone.page.locator("#bk-vorm").waitFor({ state: "visible" });
  await axe(phone.page, "390×844");
  await phone.ctx.close();
} catch (err) {
  result(false, "ran to the end", err.message.split("\n")[0]);
} finally {
  await browser.close();
}
done("all checks passed");
