// The keepers' workshop end to end (/<slug>/beheer: web/beheer.html,
// beheer.js) in Debian's headless Chromium against a running server:
//
//   - a keeper's link signs in: the code leaves the address bar, the token
//     is kept; the same link a second time, or none, explains how to get one;
//   - a resident's pin in the queue (pending on a "pre" map, reported on a
//     "post" map) is approved through the page → it is public
//     (GET api/pins); hidden with a reason → its maker reads the reason
//     (GET api/pins/{id} with the delete token); restored → public again;
//   - a pin promoted ("Maak er een plek van") → the next page load's HTML
//     (GET /<slug>/) has the new place's name and GET api/pins no longer
//     lists the pin;
//   - an invitation made in the page is a working link for a second keeper;
//     two browsers save from the same revision (buurtkaartBeheer.save) → the
//     second sees the 412 screen with the first one's change, applies again,
//     and both changes are in GET api/map; undo of that revision in the
//     history takes only its change back; removing the second keeper
//     revokes their token;
//   - axe-core: 0 violations on the workshop (and with the promote form
//     open) at 390 × 844 and 1280 × 800, and every button of the workshop
//     has its English in <span lang="en">.
//
// One line per check; exits 1 on any failure.
//
//   node scripts/workshop.mjs --url http://127.0.0.1:18400 --slug schilderswijk --token MODERATOR_TOKEN
//   node scripts/workshop.mjs --url http://127.0.0.1:18400 --slug schilderswijk --link 'http://…/schilderswijk/beheer#code=…'
//
// With --token (BUURTKAART_MODERATOR_TOKEN, the map's first keeper) it
// invites a keeper for itself through POST api/keeper/keepers; with --link
// (`buurtkaart keepers add`) it signs in with that link; both may be given.
// The pins it makes are deleted again; the map keeps the revisions it made
// (a promoted place, two notes and their undo), as a map's history does.
import { axeViolations, checker, launch, options } from "./lib/checks.mjs";
import { randomUUID } from "node:crypto";

const opt = options("workshop", { url: process.env.BASE_URL || "http://127.0.0.1:8080", slug: "schilderswijk", link: "", token: process.env.MODERATOR_TOKEN || "" });
if (!opt.link && !opt.token) { console.error("workshop: give --token MODERATOR_TOKEN or --link KEEPER_LINK"); process.exit(2); }
const base = opt.url.replace(/\/$/, ""), root = `${base}/${opt.slug}/`;
const KEY = `buurtkaart-keeper:${opt.slug}`;
const rnd = Math.random().toString(36).slice(2, 7);

const { result, check, must, done } = checker("workshop");

// api calls the server from Node, as a browser on the map's own origin would.
async function api(path, { method = "GET", body, token, headers = {} } = {}) {
  const h = { Origin: base, ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h["Content-Type"] ||= "application/json";
  const res = await fetch(/^https?:/.test(path) ? path : root + path, { method, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, etag: res.headers.get("ETag"), json, text };
}
const publicPins = async () => {
  const out = [];
  for (let url = "api/pins"; url;) {
    const r = await api(url);
    must(r.status === 200, `GET api/pins: ${r.status}`);
    out.push(...r.json.features);
    url = r.json.next ? `api/pins?cursor=${encodeURIComponent(r.json.next)}` : "";
  }
  return out;
};

// A resident's pin, posted as the map page posts it; on a "post" map it is
// visible at once, so a report puts it in the keepers' queue.
const device = randomUUID().replaceAll("-", "");
const made = new Map(); // id → delete token
async function residentPin(name, kind = "plek") {
  const id = randomUUID();
  const lon = +(4.3035 + (Math.random() - 0.5) * 0.004).toFixed(6), lat = +(52.0685 + (Math.random() - 0.5) * 0.003).toFixed(6);
  const r = await api("api/pins", { method: "POST", headers: { "Idempotency-Key": id, "X-Buurtkaart-Device": device },
    body: { id, lon, lat, kind, name, note: `${name}: hier is het goed.` } });
  must(r.status === 201, `POST api/pins: ${r.status} ${r.text.slice(0, 160)}`);
  made.set(id, r.json.delete_token);
  if (r.json.status !== "pending") {
    const rep = await api(`api/pins/${id}/report`, { method: "POST", headers: { "X-Buurtkaart-Device": device }, body: { reason: "onjuist" } });
    must(rep.status === 202, `POST report: ${rep.status}`);
  }
  return { id, status: r.json.status, token: r.json.delete_token, lon, lat };
}

const browser = await launch();
const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: "nl-NL" };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "nl-NL" };
const errors = [];
async function open(device, url, extra = {}) {
  const ctx = await browser.newContext({ ...device, ...extra });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForSelector("body[data-beheer]", { state: "attached", timeout: 30000 });
  return { ctx, page };
}
const absolute = (link) => new URL(link, base).href;
const closeAll = [];

try {
  // ---- a first keeper link ----
  let link = opt.link;
  if (!link) {
    await check("the moderator token is the first keeper: POST api/keeper/keepers gives an invitation link", async () => {
      const r = await api("api/keeper/keepers", { method: "POST", token: opt.token, body: { name: `Proef ${rnd}` } });
      must(r.status === 201 && /#code=/.test(r.json?.link || ""), `${r.status} ${r.text.slice(0, 200)}`);
      link = absolute(r.json.link);
      return r.json.link.replace(/code=.*/, "code=…");
    });
  }
  if (!link) throw new Error("no keeper link: stopping");

  // ---- signing in ----
  const A = await open(LAPTOP, absolute(link));
  closeAll.push(A.ctx);
  const page = A.page;
  let tokenA = "";
  await check("the keeper's link signs in: the code leaves the address bar, the token is kept", async () => {
    await page.waitForSelector("body[data-beheer=ready]", { timeout: 30000 });
    must(!page.url().includes("code="), `the address still holds the code: ${page.url()}`);
    tokenA = await page.evaluate((k) => localStorage.getItem(k), KEY);
    must(tokenA && tokenA.length > 20, "no token in localStorage");
    return (await page.locator("#wie").innerText()).replace(/\s+/g, " ").trim();
  });
  await check("the same link again does not sign in, and says to ask another keeper for one", async () => {
    const B = await open(LAPTOP, absolute(link));
    closeAll.push(B.ctx);
    await B.page.waitForSelector("body[data-beheer=signed-out]", { timeout: 15000 });
    const text = await B.page.locator("#aanmelden").innerText();
    must(/Vraag een andere beheerder om een link/.test(text), text.slice(0, 200));
    must(/link werkt niet/.test(text), "no word that the link was used");
    must(await B.page.locator("#werk").isHidden(), "the work shows without a token");
    await B.ctx.close();
  });
  await check("without a link the page explains how to become a keeper", async () => {
    const B = await open(PHONE, `${root}beheer`);
    closeAll.push(B.ctx);
    await B.page.waitForSelector("body[data-beheer=signed-out]", { timeout: 15000 });
    must(/Vraag een andere beheerder om een link/.test(await B.page.locator("#aanmelden").innerText()), "no explanation");
    await B.ctx.close();
  });

  // ---- pins: approve, hide with a reason, restore ----
  const refresh = async () => {
    await page.locator("#pins-ververs").click();
    await page.waitForFunction(() => /bijgewerkt|up to date/.test(document.getElementById("status").textContent), null, { timeout: 10000 });
  };
  let p1 = null;
  await check("a resident's pin waits in the queue (pending on a pre map, reported on a post map) with its note and a small map", async () => {
    p1 = await residentPin(`Zonnig plein ${rnd}`);
    await refresh();
    const item = page.locator(`#pin-${p1.id}`);
    await item.waitFor({ timeout: 10000 });
    must(await item.locator("svg.kaartje").count() === 1, "no small map");
    must(/hier is het goed/.test(await item.locator(".notitie").innerText()), "no note");
    if (p1.status !== "pending") must(/Klopt niet/.test(await item.locator(".meldingen").innerText()), "the report's reason is not shown");
    return `${p1.status === "pending" ? "pending" : "reported"}; ${(await item.locator(".waar p").innerText()).replace(/\s+/g, " ")}`;
  });
  if (p1) {
    await check("approve → the pin is public (GET api/pins) and out of the queue", async () => {
      const item = page.locator(`#pin-${p1.id}`);
      await item.locator("button.goed").click();
      await page.locator(`#pin-${p1.id}[data-status=visible] .uitkomst`).waitFor({ timeout: 10000 });
      must((await publicPins()).some((f) => f.id === p1.id), "not in GET api/pins");
      const q = await api("api/keeper/queue", { token: tokenA });
      must(q.status === 200 && !q.json.pins.some((p) => p.id === p1.id), `still in the queue (${q.status})`);
      must(await page.evaluate(() => document.activeElement?.classList.contains("uitkomst")), "focus did not go to the outcome");
    });
    const reason = `Dit staat er al ${rnd}`;
    await check("hide with a reason → off the map, and its maker reads the reason", async () => {
      const item = page.locator(`#pin-${p1.id}`);
      await item.locator("button.verberg").click();
      must(await page.evaluate(() => document.activeElement?.tagName === "TEXTAREA"), "the reason's field did not take the focus");
      await page.keyboard.type(reason);
      await item.locator(".verbergvorm button[type=submit]").click();
      await page.locator(`#pin-${p1.id}[data-status=hidden]`).waitFor({ timeout: 10000 });
      must(!(await publicPins()).some((f) => f.id === p1.id), "still in GET api/pins");
      const own = await api(`api/pins/${p1.id}`, { token: p1.token });
      must(own.status === 200 && own.json?.status === "hidden" && own.json?.hidden_reason === reason,
        `GET api/pins/{id} with the delete token: ${own.status} ${own.text.slice(0, 200)}`);
    });
    await check("restore → public again", async () => {
      await page.locator(`#pin-${p1.id} button.terug`).click();
      await page.locator(`#pin-${p1.id}[data-status=visible]`).waitFor({ timeout: 10000 });
      must((await publicPins()).some((f) => f.id === p1.id), "not in GET api/pins");
    });
  }

  // ---- promote ----
  await check("promote (Maak er een plek van) → the next page load's HTML has the place, GET api/pins no longer the pin", async () => {
    const p2 = await residentPin(`Ruilkast ${rnd}`, "verband");
    await refresh();
    const before = await api("api/map");
    await page.locator(`#pin-${p2.id} button.promoveer`).click();
    await page.locator("#promoveer[open]").waitFor({ timeout: 5000 });
    must(await page.evaluate(() => document.activeElement?.id === "promoveer-naam"), "the form's name field has no focus");
    const name = `Ruilkast van de buurt ${rnd}`;
    await page.locator("#promoveer-naam").fill(name);
    await page.locator('#promoveer input[name=kind][value="plek"]').check();
    await page.locator("#promoveer-links input[type=checkbox]").first().waitFor({ timeout: 10000 });
    const linked = await page.locator("#promoveer-links input[type=checkbox]").first().getAttribute("value");
    await page.locator("#promoveer-links input[type=checkbox]").first().check();
    await page.locator("#promoveer-ok").click();
    await page.locator(`#pin-${p2.id}[data-status=promoted]`).waitFor({ timeout: 15000 });
    must(!(await page.locator("#promoveer").evaluate((d) => d.open)), "the form is still open");
    const html = await api(`${root}`);
    must(html.status === 200 && html.text.includes(name), "GET /<slug>/ does not name the place");
    must(!(await publicPins()).some((f) => f.id === p2.id), "the pin is still in GET api/pins");
    const after = await api("api/map");
    const place = after.json.features.find((f) => f.properties?.name === name);
    must(place && place.properties.kind === "plek", "no such place in api/map");
    must((place.properties.links || []).includes(linked), `the link to ${linked} is missing`);
    made.delete(p2.id);
    return `revision ${before.etag} → ${after.etag}, place ${place.id}`;
  });

  // ---- a second keeper, invited in the page ----
  let linkB = "", nameB = `Tweede ${rnd}`;
  await check("inviting a keeper in the page shows an absolute, one-use link", async () => {
    await page.locator("#nieuwe-naam").fill(nameB);
    await page.locator("#uitnodigen button[type=submit]").click();
    await page.locator("#uitnodiging:not([hidden])").waitFor({ timeout: 10000 });
    linkB = await page.locator("#uitnodiging-link").inputValue();
    must(linkB.startsWith(`${base}/${opt.slug}/beheer#code=`), linkB);
    must(await page.evaluate(() => document.activeElement?.id === "uitnodiging-link"), "the link did not take the focus");
    await page.locator(`#beheerderlijst li:has-text("${nameB}")`).waitFor({ timeout: 5000 });
  });

  // ---- two keepers save from the same revision ----
  let B = null;
  if (linkB) {
    B = await open(PHONE, linkB);
    closeAll.push(B.ctx);
    await B.page.waitForSelector("body[data-beheer=ready]", { timeout: 30000 });
  }
  let placeA = null, placeB = null, noteB0 = "", conflictRev = 0;
  await check("two keepers save the same revision: the second sees the 412 screen, applies again, both changes are in api/map", async () => {
    must(B, "no second keeper");
    const points = (g) => g.features.filter((f) => f.geometry?.type === "Point" && f.properties?.kind);
    const [mA, mB] = await Promise.all([page.evaluate(() => buurtkaartBeheer.map()),
      B.page.evaluate(async () => { window.__m = await buurtkaartBeheer.map(); return window.__m; })]);
    must(mA.revision === mB.revision && mA.revision > 0, `not the same revision: ${mA.revision} ${mB.revision}`);
    [placeA, placeB] = points(mA.geojson).slice(2, 4).map((f) => ({ id: f.id, name: f.properties.name, note: f.properties.note }));
    noteB0 = placeB.note;
    const noteA = `Notitie van A ${rnd}`, noteB = `Notitie van B ${rnd}`;
    const a = await page.evaluate(async ([id, note]) => {
      const { geojson } = await buurtkaartBeheer.map();
      geojson.features.find((f) => f.id === id).properties.note = note;
      return buurtkaartBeheer.save(geojson, "notitie A");
    }, [placeA.id, noteA]);
    must(a.ok, `A's save: ${JSON.stringify(a).slice(0, 200)}`);
    // B still holds the map as both read it: its save must meet A's.
    await B.page.evaluate(([id, note]) => {
      const change = (g) => { g.features.find((f) => f.id === id).properties.note = note; return g; };
      window.__saving = buurtkaartBeheer.save(change(window.__m.geojson), "notitie B", change);
    }, [placeB.id, noteB]);
    await B.page.locator("#botsing[open]").waitFor({ timeout: 15000 });
    const others = await B.page.locator("#botsing-anders").innerText();
    must(others.includes(placeA.name), `the 412 screen does not name A's change: ${others.slice(0, 200)}`);
    must((await B.page.locator("#botsing-jouw").innerText()).includes(placeB.name), "the 412 screen does not name B's own change");
    must(await B.page.evaluate(() => document.activeElement?.id === "botsing-ok"), "focus is not on Apply again");
    await B.page.locator("#botsing-ok").click();
    const b = await B.page.evaluate(() => window.__saving);
    must(b.ok, `B's save: ${JSON.stringify(b).slice(0, 200)}`);
    conflictRev = b.revision;
    const m = await api("api/map");
    const byId = (id) => m.json.features.find((f) => f.id === id);
    must(byId(placeA.id).properties.note === noteA, "A's change is lost");
    must(byId(placeB.id).properties.note === noteB, "B's change is missing");
    return `revision ${mA.revision} → A ${a.revision} → B ${b.revision}`;
  });

  await check("undo in the history takes back that revision's change only", async () => {
    must(conflictRev, "no revision to undo");
    await page.reload({ waitUntil: "domcontentloaded" });
    await page.waitForSelector("body[data-beheer=ready]", { timeout: 30000 });
    const row = page.locator(`#versielijst li[data-n="${conflictRev}"]`);
    await row.waitFor({ timeout: 10000 });
    await row.locator("button.ongedaan").click();
    await page.waitForFunction(() => /ongedaan gemaakt/.test(document.getElementById("status").textContent), null, { timeout: 15000 });
    const m = await api("api/map");
    const byId = (id) => m.json.features.find((f) => f.id === id);
    must(byId(placeB.id).properties.note === noteB0, `B's note is not back: ${byId(placeB.id).properties.note}`);
    must(byId(placeA.id).properties.note === `Notitie van A ${rnd}`, "A's later change went too");
    const revs = await api("api/map/revisions", { token: tokenA });
    return `now revision ${revs.json.revisions[0].n}: ${revs.json.revisions[0].summary || ""}`;
  });

  await check("the log lists the keepers' actions", async () => {
    await page.locator("#logboek > summary").click();
    const text = await page.locator("#loglijst").innerText();
    must(text.split("\n").length >= 3, text.slice(0, 200));
    return `${text.split("\n").length} lines`;
  });

  await check("removing the second keeper revokes their token", async () => {
    must(B, "no second keeper");
    const tokenB = await B.page.evaluate((k) => localStorage.getItem(k), KEY);
    const row = page.locator(`#beheerderlijst li:has-text("${nameB}")`);
    await row.locator("button.verwijder").click();
    await row.locator("button.ja").click();
    await page.locator(`#beheerderlijst li.weg:has-text("${nameB}")`).or(page.locator(`#beheerderlijst:not(:has-text("${nameB}"))`)).first().waitFor({ timeout: 10000 });
    const me = await api("api/keeper/me", { token: tokenB });
    must(me.status === 401, `GET api/keeper/me with the removed keeper's token: ${me.status}`);
  });

  // ---- accessibility ----
  await residentPin(`Kijkje ${rnd}`).catch(() => {}); // a card in the queue for axe to read
  for (const [size, device] of [["390×844", PHONE], ["1280×800", LAPTOP]]) {
    const C = await browser.newContext({ ...device, bypassCSP: true });
    closeAll.push(C);
    await C.addInitScript(([k, t]) => localStorage.setItem(k, t), [KEY, tokenA]);
    const pg = await C.newPage();
    pg.on("pageerror", (e) => errors.push(e.message));
    await pg.goto(`${root}beheer`, { waitUntil: "domcontentloaded" });
    await pg.waitForSelector("body[data-beheer=ready]", { timeout: 30000 });
    await pg.waitForSelector("body[data-plekken]", { state: "attached", timeout: 30000 }).catch(() => {});
    const run = () => axeViolations(pg);
    await check(`axe-core: 0 violations on the workshop at ${size}`, async () => {
      const v = await run();
      must(v.length === 0, v.join("; "));
    });
    await check(`axe-core: 0 violations with the promote form open at ${size}`, async () => {
      const b = pg.locator("#pinlijst button.promoveer").first();
      must(await b.count(), "no pin in the queue");
      await b.click();
      await pg.locator("#promoveer[open]").waitFor();
      await pg.waitForTimeout(300);
      const v = await run();
      await pg.keyboard.press("Escape");
      must(v.length === 0, v.join("; "));
    });
    await check(`every button and link of the workshop carries its English in <span lang="en"> at ${size}`, async () => {
      const bare = await pg.evaluate(() => [...document.querySelectorAll("body button, body a, body summary, body h2, body label, body legend")]
        .filter((e) => !e.closest("#plekken") && e.getClientRects().length && !e.closest("[hidden]"))
        .filter((e) => !e.querySelector('[lang="en"]') && !e.closest('[lang="en"]'))
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""} "${e.textContent.trim().slice(0, 40)}"`));
      must(bare.length === 0, bare.join("; "));
    });
  }

  await check("no script errors on the workshop pages", async () => { must(errors.length === 0, [...new Set(errors)].join("; ")); });
} catch (e) {
  result(false, "stopped", String(e.message || e).split("\n")[0]);
} finally {
  for (const [id, t] of made) await api(`api/pins/${id}`, { method: "DELETE", token: t }).catch(() => {});
  for (const c of closeAll) await c.close().catch(() => {});
  await browser.close();
}
done();
