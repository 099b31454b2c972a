// Starting a map for a new buurt in the browser (/nieuw: web/nieuw.html,
// nieuw.js → POST /api/maps) end to end, in Debian's headless Chromium
// against a running server:
//
//   - the moderator token and a real OSM extract (wasm/exchange/testdata/
//     osmtogeojson-map.osm) make a map; the address is suggested from the
//     name and checked live; the new map's page draws its streets and lists
//     its places; the first keeper's link the page shows signs in to the
//     new map's workshop;
//   - that keeper, back at /nieuw, is offered as who starts the next map
//     (the token the workshop keeps on this device) and starts one from a
//     spreadsheet and a GPX walk; they are signed in to its workshop at once;
//   - a file of no known format, a taken address and a wrong token are
//     refused with a clear message at the field, and make no map;
//   - axe-core: 0 violations on the form, the form with its messages and
//     the finished page, at 390 × 844 and 1280 × 800.
//
// One line per check; exits 1 on any failure.
//
//   node scripts/newmap.mjs --url http://127.0.0.1:18600 --token MODERATOR_TOKEN
//
// The maps it makes stay (a deployment's maps are deleted with
// `buurtkaart maps delete`); their addresses end in a random suffix.
import { axeViolations, checker, launch, options } from "./lib/checks.mjs";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const opt = options("newmap", { url: process.env.BASE_URL || "http://127.0.0.1:8080", token: process.env.MODERATOR_TOKEN || "" });
if (!opt.token) { console.error("newmap: give --token MODERATOR_TOKEN"); process.exit(2); }
const base = opt.url.replace(/\/$/, "");
const testdata = new URL("../wasm/exchange/testdata/", import.meta.url).pathname;
const rnd = Math.random().toString(36).slice(2, 7);

const { result, check, must, done } = checker("newmap");
async function maps() {
  const res = await fetch(`${base}/api/maps`, { cache: "no-store" });
  return ((await res.json()).maps || []).map((m) => m.slug);
}

const browser = await launch();
const LAPTOP = { name: "1280×800", viewport: { width: 1280, height: 800 }, locale: "nl-NL" };
const PHONE = { name: "390×844", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "nl-NL" };
const errors = [];

// axe runs axe-core on the page as it is; bypassCSP lets its script in.
async function axe(page, what) {
  const v = await axeViolations(page);
  return result(v.length === 0, `axe-core: 0 violations on ${what}`, v.join("; "));
}
async function openNieuw(ctx) {
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/nieuw`, { waitUntil: "domcontentloaded" });
  await page.waitForSelector("body[data-nieuw=ready]", { state: "attached", timeout: 30000 });
  return page;
}
// fill puts the buurt's name, the moderator token (when the choice is
// there) and files in the form.
async function fill(page, { title, token, files }) {
  if (token !== undefined) {
    if (await page.locator('input[name="wie"][value="moderator"]').isVisible()) await page.check('input[name="wie"][value="moderator"]');
    await page.fill("#sleutel", token);
  }
  await page.fill("#titel", title);
  if (files) await page.setInputFiles("#bestanden", files);
}

const ctxs = [];
try {
  const dir = await mkdtemp(join(tmpdir(), "newmap-"));
  const junk = join(dir, "boodschappen.txt");
  await writeFile(junk, "melk\nbrood\nkaas\n");
  let keeperLink = "", first = "", second = "";

  for (const device of [PHONE, LAPTOP]) {
    const ctx = await browser.newContext({ ...device, bypassCSP: true });
    ctxs.push(ctx);
    const page = await openNieuw(ctx);
    await check(`/nieuw at ${device.name}: the form, Dutch first and English beside it`, async () => {
      must(await page.locator("h1").innerText().then((t) => /Nieuwe buurtkaart/.test(t)), "no heading");
      const en = await page.locator('#starten [lang="en"]').innerText();
      must(/Start the map/.test(en), `button's English: ${en}`);
      return "";
    });
    await axe(page, `/nieuw at ${device.name}`);

    if (device === PHONE) {
      // ---- refusals ----
      await check("a file of no known format: refused at the files field, in Dutch and English, no map made", async () => {
        await fill(page, { title: `Proef ${rnd}`, token: opt.token, files: [junk] });
        await page.click("#starten");
        const fout = page.locator("#bestanden-fout");
        await fout.waitFor({ state: "visible", timeout: 20000 });
        const text = await fout.innerText();
        must(/boodschappen\.txt: dit soort bestand kent buurtkaart niet/.test(text) && /does not know this kind of file/.test(text), text);
        must(await page.getAttribute("#bestanden", "aria-invalid") === "true", "the field is not marked invalid");
        must(!(await maps()).includes(`proef-${rnd}`), "a map was made");
        return text.split("\n")[0].slice(0, 90);
      });
      await axe(page, "/nieuw with its messages at 390×844");
      await check("a wrong token: refused at the token field", async () => {
        await page.locator("#gekozen button").first().click();
        await page.setInputFiles("#bestanden", [join(testdata, "wandeling.gpx")]);
        await page.fill("#sleutel", "verkeerd-verkeerd-verkeerd-0123");
        await page.click("#starten");
        await page.locator("#sleutel-fout").waitFor({ state: "visible", timeout: 20000 });
        const text = await page.locator("#sleutel-fout").innerText();
        must(/werkt niet/.test(text), text);
        return text;
      });
      await check("a taken address: said live, before sending", async () => {
        await page.fill("#adres", "schilderswijk");
        await page.locator("#adres-staat.mis").waitFor({ timeout: 5000 });
        return await page.locator("#adres-staat").innerText();
      });
      await page.close();

      // ---- the moderator starts a map from a real OSM extract ----
      const p2 = await openNieuw(ctx);
      first = `eppan-${rnd}`;
      await check("the address is suggested from the name and checked live", async () => {
        await fill(p2, { title: `Eppan ${rnd}`, token: opt.token, files: [join(testdata, "osmtogeojson-map.osm")] });
        must(await p2.inputValue("#adres") === first, `suggested ${await p2.inputValue("#adres")}`);
        await p2.locator("#adres-staat.goed").waitFor({ timeout: 5000 });
        return await p2.locator("#adres-staat").innerText();
      });
      await check("the moderator starts a map from osmtogeojson-map.osm: the page says so, with its links", async () => {
        await p2.fill("#cbs", "BU05182916");
        await p2.click("#starten");
        await p2.locator("#klaar").waitFor({ state: "visible", timeout: 30000 });
        must(await p2.getAttribute("#klaar-kaart", "href") === `/${first}/`, "map link");
        must(await p2.getAttribute("#klaar-beheer", "href") === `/${first}/beheer`, "workshop link");
        keeperLink = await p2.inputValue("#klaar-link-veld");
        must(/\/beheer#code=/.test(keeperLink), `keeper link ${keeperLink}`);
        return await p2.locator("#klaar-inhoud").innerText();
      });
      await axe(p2, "the finished page at 390×844");
      await check("the new map's page draws its streets and lists its places", async () => {
        const m = await ctx.newPage();
        await m.goto(`${base}/${first}/`, { waitUntil: "domcontentloaded" });
        await m.waitForSelector("body[data-core=ready]", { state: "attached", timeout: 30000 });
        const streets = await m.locator("svg#kaart path").count();
        const places = await m.locator("#lijst button[data-id]").count();
        const title = await m.title();
        await m.close();
        must(streets > 5 && places >= 1 && title.includes(`Eppan ${rnd}`), `${streets} paths, ${places} places, title ${title}`);
        return `${streets} paths, ${places} places`;
      });
      await check("the first keeper's link signs in to the new map's workshop", async () => {
        const w = await ctx.newPage();
        await w.goto(keeperLink, { waitUntil: "domcontentloaded" });
        await w.locator("#werk").waitFor({ state: "visible", timeout: 30000 });
        must(!/code=/.test(w.url()), "the code stays in the address bar");
        const link = await w.locator('a[href="/nieuw"]').innerText();
        must(/Nieuwe buurtkaart starten/.test(link) && /Start a new map/.test(link), `workshop link to /nieuw: ${link}`);
        await w.close();
        return "";
      });
    } else {
      await page.close();
    }
    await check(`no script errors at ${device.name}`, async () => { must(errors.length === 0, errors.join("; ")); return ""; });
  }

  // ---- a keeper starts the next one ----
  // The phone used the first keeper's link, so its workshop keeps their
  // token; the laptop is given the same, as if it had used the link.
  const key = `buurtkaart-keeper:${first}`;
  const kept = await (async () => {
    const p = await ctxs[0].newPage();
    await p.goto(`${base}/nieuw`, { waitUntil: "domcontentloaded" });
    const t = await p.evaluate((k) => localStorage.getItem(k), key);
    await p.close();
    return t;
  })();
  result(Boolean(kept), "the workshop keeps the first keeper's token on the phone", key);
  const kp = await openNieuw(ctxs[1]);
  await kp.evaluate(([k, t]) => localStorage.setItem(k, t), [key, kept || ""]);
  await kp.reload({ waitUntil: "domcontentloaded" });
  await kp.waitForSelector("body[data-nieuw=ready]", { state: "attached", timeout: 30000 });
  await check("the keeper of the new map is the one offered to start the next", async () => {
    const label = await kp.locator("#wie-lijst .keuze").first().innerText();
    must(label.includes(`/${first}/`), label);
    must(await kp.locator("#sleutel").isHidden(), "the token field shows for a keeper");
    return label.replace(/\s+/g, " ");
  });
  await axe(kp, "/nieuw with a keeper's choice at 1280×800");
  second = `plekken-${rnd}`;
  await check("the keeper starts a map from a CSV and a GPX walk and is signed in to its workshop", async () => {
    await fill(kp, { title: `Plekken ${rnd}`, files: [join(testdata, "plekken.csv"), join(testdata, "wandeling.gpx")] });
    await kp.click("#starten");
    await kp.locator("#klaar").waitFor({ state: "visible", timeout: 30000 });
    must(await kp.locator("#klaar-link").isHidden(), "the link is shown to a keeper who is signed in");
    const wie = await kp.locator("#klaar-beheer-wie").innerText();
    must(/aangemeld als/.test(wie), wie);
    await kp.click("#klaar-beheer");
    await kp.locator("#werk").waitFor({ state: "visible", timeout: 30000 });
    must(kp.url().endsWith(`/${second}/beheer`), kp.url());
    return wie;
  });
  await check("the keeper's own map's log says they started it", async () => {
    const token = await kp.evaluate((k) => localStorage.getItem(k), `buurtkaart-keeper:${first}`);
    const r = await fetch(`${base}/${first}/api/keeper/log`, { headers: { Authorization: `Bearer ${token}` } });
    const log = (await r.json()).log || [];
    must(log.some((e) => e.action === "map.new" && e.detail.includes(`/${second}/`)), JSON.stringify(log.slice(0, 3)));
    return "";
  });
  const all = await maps();
  await check("the refused attempts made no map", async () => { must(!all.includes(`proef-${rnd}`), all.join(" ")); return ""; });
} catch (e) {
  result(false, "run", String(e.message || e).split("\n")[0]);
} finally {
  for (const c of ctxs) await c.close().catch(() => {});
  await browser.close();
}
done("all checks passed");
