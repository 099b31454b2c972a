// buurtkaart page wiring: DOM events, fetch, the pin form. Everything the
// map knows (drawing, projection, pin rules) lives in the Go core and is
// reached through the one bridge object, globalThis.buurtkaart
// (see buurtkaart.d.ts). Pins go through the IndexedDB outbox (outbox.js);
// walk mode ("Pin hier", the walk trace) is walk.js.

import { startView } from "./view.js";
import * as outbox from "./outbox.js";
import { startWalk } from "./walk.js";

const vak = document.getElementById("kaartvak");
const statusEl = document.getElementById("status");
const form = document.getElementById("pinform");
const wachtrij = document.getElementById("wachtrij");
const MINE = "buurtkaart.mine";     // id → delete token of pins sent from this device
const OWN = "buurtkaart.eigen";     // id → a pin of this device the server took but does not show yet (waiting for a keeper)

let core = null;     // the bridge, once the wasm runs
let stored = [];     // pins as GeoJSON features, from the server
let spot = null;     // [lon, lat] the form is about
let waiting = [];    // the outbox as last read: pins not yet confirmed by the server (and refused ones)
let walk = null;     // walk mode (walk.js)
let view = null;     // the map view (view.js): on the stand-in, then the wasm
let standIn = null;  // the core's stand-in before the wasm (core.js)

// say puts a message in the status line: Dutch, then "· English" marked
// as English for a screen reader's voice.
function say(nl, en) { statusEl.replaceChildren(...(en ? [`${nl} `, lang(`· ${en}`)] : [nl])); }

// After the first visit the intro folds away on a phone (style.css): on a
// walk the screen is for the map.
try {
  if (localStorage.getItem("buurtkaart.bezocht")) document.body.classList.add("weer");
  else localStorage.setItem("buurtkaart.bezocht", "1");
} catch { /* storage blocked: every visit is a first */ }

const { newID } = globalThis.buurtkaartPage; // core.js
const device = () => globalThis.buurtkaartPage.device();
function mine() {
  try { return JSON.parse(localStorage.getItem(MINE)) || {}; } catch { return {}; }
}
function remember(id, token) { const m = mine(); m[id] = token; localStorage.setItem(MINE, JSON.stringify(m)); }
function forget(id) {
  for (const key of [MINE, OWN]) {
    const m = readJSON(key); delete m[id]; localStorage.setItem(key, JSON.stringify(m));
  }
}
function readJSON(key) { try { return JSON.parse(localStorage.getItem(key)) || {}; } catch { return {}; } }
// own are this device's pins that wait for a keeper: only their maker sees them.
function own() { return readJSON(OWN); }
function keepOwn(p) { const m = own(); m[p.id] = p; localStorage.setItem(OWN, JSON.stringify(m)); }

// pending: the outbox pins still to be sent (refused ones are listed, not drawn).
function pending() { return waiting.filter((p) => !p.refused); }

function feature(p) {
  return { type: "Feature", id: p.id, geometry: { type: "Point", coordinates: [p.lon, p.lat] },
    properties: { kind: p.kind, name: p.name || "", note: p.note || "", author: p.show_author ? p.author || "" : "",
      status: p.status || "", created: p.created || "" } };
}

// drawPins makes the residents' pins places of the map (core.setPins): the
// server's, this device's not yet sent, and its own that wait for a keeper.
// Then the map, the list and the legend's counts show them.
function drawPins() {
  const all = pinsToCore();
  if (!all) return;
  view?.redraw();
  listPins(all);
  countKinds();
}

// pinsToCore gives the core the pins to draw (the server's, those waiting
// on this phone, a keeper's own) and returns them, or null.
function pinsToCore() {
  if (!core) return null;
  const queued = pending();
  const seen = new Set(stored.map((f) => f.id));
  const waitingHere = queued.filter((p) => !seen.has(p.id)).map(feature);
  for (const f of waitingHere) seen.add(f.id);
  const forKeeper = Object.values(own()).filter((p) => !seen.has(p.id)).map(feature);
  const all = stored.concat(waitingHere, forKeeper);
  const waitIDs = waitingHere.concat(forKeeper).map((f) => f.id);
  const done = core.setPins(JSON.stringify({ type: "FeatureCollection", features: all }), waitIDs, Object.keys(mine()).concat(queued.map((p) => p.id)));
  if (done.error) { say("Pins tekenen lukte niet.", done.error); return null; }
  return all;
}

// listPins puts the residents' pins in "Alle plekken als lijst", each under
// its kind, marked as a resident's.
function listPins(features) {
  for (const li of document.querySelectorAll("#lijst li.pin")) li.remove();
  for (const f of features) {
    const p = core.place(f.id);
    const ul = p && document.querySelector(`#lijst section.${CSS.escape(p.kind)} ul`);
    if (!ul) continue;
    const li = document.createElement("li"), b = document.createElement("button");
    li.className = "pin";
    b.type = "button";
    b.dataset.id = p.id;
    b.textContent = p.name;
    li.append(b, " ", Object.assign(document.createElement("small"), { textContent: p.pending ? "pin, wacht op een beheerder" : "pin van een bewoner" }),
      " ", lang(p.pending ? "· pin, waiting for a keeper" : "· a resident's pin"));
    if (p.note && p.note !== p.name) li.append(` — ${p.note}`);
    ul.append(li);
  }
}

// countKinds shows in the legend how many places of each kind there are,
// residents' pins included.
function countKinds() {
  const counts = core.counts();
  for (const b of document.querySelectorAll(".legenda button[data-kind]")) {
    const n = b.querySelector(".aantal");
    if (n && counts[b.dataset.kind] !== undefined) n.textContent = String(counts[b.dataset.kind]);
  }
}

async function loadPins() {
  stored = (await globalThis.buurtkaartPage.pins()).features; // every page
  drawPins();
}

// send posts one pin for the outbox (see outbox.startSending for the
// answers). A request that hangs on a weak signal is given up after 20 s, so
// one bad moment does not stall the whole outbox.
const API_FIELDS = ["id", "lon", "lat", "kind", "name", "note", "author", "show_author"];
async function send(p) {
  const body = {};
  for (const k of API_FIELDS) if (p[k] !== undefined && p[k] !== "" && p[k] !== false) body[k] = p[k];
  const res = await fetch("api/pins", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": p.id, "X-Buurtkaart-Device": device() },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout ? AbortSignal.timeout(20000) : undefined,
  });
  globalThis.buurtkaartPage.keepDevice(res);
  if (res.status === 201) {
    const saved = await res.json();
    if (saved.delete_token) remember(saved.id, saved.delete_token);
    if (saved.status === "visible") {
      if (!stored.some((f) => f.id === saved.id)) stored.push(feature(saved));
    } else {
      keepOwn({ ...p, ...saved, delete_token: undefined });
      say("Dank je! Je pin verschijnt voor iedereen zodra een beheerder hem heeft bekeken.", "Thank you! Your pin appears for everyone once a keeper has seen it.");
    }
    return { sent: true };
  }
  if (res.status === 429 || res.status === 503 || res.status === 408) {
    return { retryAfter: Number(res.headers.get("Retry-After")) || 60 };
  }
  if (res.status >= 400 && res.status < 500) {
    // Refused as it is (too long, outside the map, …): trying again will not
    // help, so it stays in the outbox, listed with the server's reason.
    const answer = await res.json().catch(() => ({}));
    return { refused: { status: res.status, code: answer.error?.code || "", nl: answer.error?.nl || "De pin werd geweigerd.", en: answer.error?.en || "The pin was refused." } };
  }
  throw new Error(`POST api/pins: ${res.status}`);
}

// showOutbox reads the outbox and shows how many pins wait, and any the
// server refused with its reason and a button to let them go.
let showing = 0;
let hadWaiting = false; // pins waited since the page opened: "all sent" is then worth saying
function showOutbox() {
  cancelAnimationFrame(showing); // many changes in a row (a flush of 50) draw once
  showing = requestAnimationFrame(async () => {
    waiting = await outbox.all();
    const n = pending().length;
    if (n > 0) hadWaiting = true;
    const refused = waiting.filter((p) => p.refused);
    wachtrij.replaceChildren();
    if (n > 0) {
      wachtrij.append(n === 1 ? "1 pin wacht op verbinding " : `${n} pins wachten op verbinding `,
        lang(n === 1 ? "· 1 pin waiting for a connection" : `· ${n} pins waiting for a connection`));
    } else if (hadWaiting) {
      wachtrij.append("Alles is verstuurd. Dank je! ", lang("· Everything has been sent."));
    }
    for (const p of refused) {
      const row = document.createElement("p");
      row.className = "geweigerd";
      const drop = Object.assign(document.createElement("button"), { type: "button" });
      drop.append("Weghalen ", lang("· Remove"));
      drop.addEventListener("click", () => outbox.drop(p.id));
      row.append(`Niet geplaatst: “${(p.note || p.name || p.kind).slice(0, 40)}” — ${p.refused.nl} `, lang(p.refused.en), " ", drop);
      wachtrij.append(row);
    }
    wachtrij.hidden = wachtrij.childNodes.length === 0;
    document.body.dataset.outbox = String(n);
    drawPins();
  });
}
function lang(en) { return Object.assign(document.createElement("span"), { lang: "en", textContent: en }); }

// onTapMap opens the pin form for a spot (in drawing units): a tap on
// empty paper, or Enter on the keyboard's crosshair.
function onTapMap(at) {
  openForm((core || standIn).lonLat(at.x, at.y));
}

function openForm(at) {
  // A spot outside the buurt is said at once, before anyone writes a note
  // the server would refuse.
  const outside = core?.check(JSON.stringify({ id: "00000000-0000-4000-8000-000000000000", lon: at[0], lat: at[1], kind: "plek" }));
  if (outside && /outside|position/.test(outside.code)) return say(outside.nl, outside.en);
  spot = at;
  form.querySelector("form").reset();
  askFor(null);
  form.showModal();
}

// askFor shows the chosen kind's asset-based question above the note, and
// the privacy line and name consent for pins about people.
const vraag = document.getElementById("pin-vraag");
const overMensen = form.querySelector(".over-mensen");
function askFor(input) {
  vraag.replaceChildren(input ? input.dataset.vraag + " " : "Korte notitie ", lang(input ? input.dataset.vraagEn : "Short note"));
  overMensen.hidden = input?.value !== "talent";
}
form.addEventListener("change", (ev) => { if (ev.target.name === "kind") askFor(ev.target); });

form.addEventListener("close", async () => {
  // Focus goes back to the map (not to the page's top), saved or not.
  vak.focus({ preventScroll: true });
  if (form.returnValue !== "save" || !spot) return;
  const data = new FormData(form.querySelector("form"));
  const talent = data.get("kind") === "talent";
  const p = { id: newID(), lon: spot[0], lat: spot[1], kind: data.get("kind"), note: data.get("note") || "",
    name: (data.get("name") || "").trim() };
  if (talent && (data.get("author") || "").trim()) {
    p.author = data.get("author").trim();
    p.show_author = data.get("show_author") === "on";
  }
  const problem = core?.check(JSON.stringify(Object.fromEntries(Object.entries(p).filter(([, v]) => v !== ""))));
  if (problem) return say(problem.nl, problem.en);
  await outbox.queue(p); // on disk before anything else: a reload or a dead battery loses nothing
  waiting = await outbox.all();
  drawPins();
  await outbox.kick();
  waiting = await outbox.all();
  drawPins();
  const left = waiting.find((q) => q.id === p.id);
  if (!left && stored.some((f) => f.id === p.id)) {
    say("Dank je! Je pin staat op de kaart.", "Thank you! Your pin is on the map.");
    offerUndo(p.id);
  } else if (left && !left.refused) {
    say("Dank je! Je pin is bewaard op deze telefoon en gaat mee zodra er verbinding is.",
      "Thank you! Your pin is kept on this phone and is sent once there is a connection.");
    offerUndo(p.id);
  }
});

// offerUndo shows a button that removes the pin just added: the
// submitter's own right to erase, with the token kept on this device. A pin
// still in the outbox is simply taken out of it.
function offerUndo(id) {
  document.getElementById("ongedaan")?.remove();
  const b = document.createElement("button");
  b.id = "ongedaan";
  b.type = "button";
  b.append("Ongedaan maken ", lang("· Undo"));
  b.addEventListener("click", () => removePin(id));
  statusEl.append(" ", b);
}

// removePin deletes one of this device's pins at once ("Verwijderen" on
// its card, or Undo), with the token only this device holds. A pin still
// in the outbox is simply taken out of it.
async function removePin(id) {
  await outbox.idle(); // never race a send of this very pin
  if ((await outbox.all()).some((q) => q.id === id) && !mine()[id]) {
    await outbox.drop(id);
    if (view?.selected === id) view.select(null);
    say("Je pin is weggehaald.", "Your pin was removed.");
    vak.focus({ preventScroll: true });
    return;
  }
  let res;
  try {
    res = await fetch(`api/pins/${id}`, { method: "DELETE", headers: { Authorization: `Bearer ${mine()[id]}` } });
  } catch {
    return say("Weghalen lukt alleen met verbinding; probeer het straks opnieuw.", "Removing needs a connection; try again later.");
  }
  await afterDelete(id, res);
}
async function afterDelete(id, res) {
  if (res.status === 204 || res.status === 404) {
    stored = stored.filter((f) => f.id !== id);
    forget(id);
    if (view?.selected === id) view.select(null);
    drawPins();
    say("Je pin is weggehaald.", "Your pin was removed.");
    vak.focus({ preventScroll: true });
  } else {
    say("Weghalen lukte niet; probeer het later opnieuw.", `Removing failed (${res.status}).`);
  }
}

// The card's own buttons: delete your own pin, report someone else's.
const card = document.getElementById("kaartje");
document.getElementById("kaartje-weg").addEventListener("click", () => removePin(card.dataset.id));
document.getElementById("kaartje-meld").addEventListener("click", () => {
  card.querySelector(".meldvorm").hidden = false;
  document.getElementById("meld-reden").focus();
});
document.getElementById("meld-stuur").addEventListener("click", async () => {
  const gemeld = card.querySelector(".gemeld"), id = card.dataset.id;
  let res;
  try {
    res = await fetch(`api/pins/${id}/report`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Buurtkaart-Device": device() },
      body: JSON.stringify({ reason: document.getElementById("meld-reden").value }),
    });
    globalThis.buurtkaartPage.keepDevice(res);
  } catch {
    res = null;
  }
  if (res && res.status === 202) {
    card.querySelector(".meldvorm").hidden = true;
    gemeld.replaceChildren("Dank je, een beheerder kijkt ernaar. ", lang("· Thank you, a keeper will look at it."));
  } else {
    gemeld.replaceChildren("Melden lukte nu niet; probeer het later opnieuw. ", lang("· Reporting failed; try again later."));
  }
});

vak.addEventListener("click", (ev) => {
  if (!core && !view && ev.target.closest("#kaart")) say("De kaart laadt nog even…", "The map is still loading.");
});

// Walk mode and the outbox start now, not after the wasm: on a slow line
// the wasm takes many seconds, and "Pin hier" and sending need none of it.
walk = startWalk({ getCore: () => core || standIn, onPlaced: openForm, say, centreOn: (x, y, level) => view?.centreOn(x, y, level) });
outbox.changes.addEventListener("change", showOutbox);
showOutbox();
outbox.startSending(send);

// The service worker keeps the page, the wasm, the font and the map on the
// phone, so the map opens on a walk without signal. Registered once the core
// has started (or failed to), so its install never downloads the wasm a
// second time while the page is still fetching it.
function keepOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("sw.js").catch((e) => console.warn("buurtkaart: no offline copy:", e.message));
}

// startCore runs the wasm after first paint and lets it take over the
// pre-rendered SVG: same bytes, now drawn by the browser's own copy of the core.
// The wasm is asked for only here, not preloaded from <head>: receiving it
// during the first render delayed the first paint of a 1,000-place map
// (bench-map), and on the throttled phone a preload gained ~0.25 s of wasm
// ready but took the line from the scripts the map answers with before it
// (pan/zoom/card/search 0.94 → 1.68 s under the Worker). The performance
// marks (buurtkaart:…) are for scripts/walk.mjs's breakdown.
async function startCore() {
  performance.mark("buurtkaart:app");
  // Compiled after the frame that shows the drawn map: compiling ~3 MB of
  // wasm on a two-core phone would otherwise share the CPU with that first
  // paint. Asked for now, though: on the slow phone the line was idle for
  // that frame (wasm ready, medians of 3: 5.24 → 5.05–5.14 s).
  const painted = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
    .then(() => performance.mark("buurtkaart:core-start"));
  core = await globalThis.buurtkaartPage.loadCore(vak.dataset.map, "buurtkaart.wasm", painted);
  globalThis.buurtkaartPage.takeOver(core);
  performance.mark("buurtkaart:taken-over");
  // Pins waiting in the outbox show before the server's arrive, drawn in
  // the core's first draw rather than a second one.
  const pins = pinsToCore();
  if (view) view.useCore(core);
  else view = startView({ core, onTapMap, claimTap: (at) => walk.tapAt(at), say });
  performance.mark("buurtkaart:view-on-core");
  walk.coreReady();
  if (pins) { listPins(pins); countKinds(); }
  performance.mark("buurtkaart:pins-drawn");
  document.body.dataset.view = "ready";
  document.body.dataset.core = "ready";
  performance.mark("buurtkaart:core-ready");
}

// startStandIn lets the view work before the wasm (a slow line takes
// seconds for it): pan, zoom, filter, search and cards on the server's
// drawing, from the places' cards (places.json, a few KB for a buurt).
async function startStandIn() {
  const res = await fetch(vak.dataset.places);
  if (!res.ok) throw new Error(`GET ${vak.dataset.places}: ${res.status}`);
  const cards = await res.json();
  if (core) return; // the wasm was quicker
  const [, , W, H] = document.getElementById("kaart").getAttribute("viewBox").split(" ").map(Number);
  standIn = globalThis.buurtkaartPage.standIn(cards, vak.dataset.corners, W, H);
  view = startView({ core: standIn, onTapMap, claimTap: (at) => walk.tapAt(at), say });
  document.body.dataset.view = "ready";
}
startStandIn().catch((e) => console.warn("buurtkaart: no map before the wasm:", e.message));

const started = startCore();
started.then(keepOffline, keepOffline);
started
  .then(() => loadPins().catch(() => {
    if (navigator.onLine === false) say("Je bent offline. De kaart werkt; nieuwe pins wachten op verbinding.", "You are offline. The map works; new pins wait for a connection.");
    else say("Pins van anderen ophalen lukte nu niet.", "Could not fetch other people's pins right now.");
  }))
  .then(() => outbox.kick())
  .catch((e) => { say("De kaart kon niet starten.", e.message); console.error(e); });
