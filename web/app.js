// buurtkaart page wiring: DOM events, fetch and a small outbox. Everything
// the map knows (drawing, projection, pin rules) lives in the Go core and is
// reached through the one bridge object, globalThis.buurtkaart
// (see buurtkaart.d.ts).

import { startView } from "./view.js";

const vak = document.getElementById("kaartvak");
const statusEl = document.getElementById("status");
const form = document.getElementById("pinform");
const OUTBOX = "buurtkaart.outbox"; // pins not yet confirmed by the server
const MINE = "buurtkaart.mine";     // id → delete token of pins sent from this device
const DEVICE = "buurtkaart.device"; // this device's random token (rate limits, delete tokens)

let core = null;     // the bridge, once the wasm runs
let stored = [];     // pins as GeoJSON features, from the server
let spot = null;     // [lon, lat] the form is about

function say(nl, en) { statusEl.textContent = en ? `${nl} · ${en}` : nl; }

function device() {
  let t = localStorage.getItem(DEVICE);
  if (!t) { t = newID().replaceAll("-", ""); localStorage.setItem(DEVICE, t); }
  return t;
}
function mine() {
  try { return JSON.parse(localStorage.getItem(MINE)) || {}; } catch { return {}; }
}
function remember(id, token) { const m = mine(); m[id] = token; localStorage.setItem(MINE, JSON.stringify(m)); }

function outbox() {
  try { return JSON.parse(localStorage.getItem(OUTBOX)) || []; } catch { return []; }
}
function setOutbox(pins) { localStorage.setItem(OUTBOX, JSON.stringify(pins)); }

// newID makes the client-side UUID that makes retries safe. randomUUID
// needs a secure context; a phone on the walk's LAN address may not have one.
function newID() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function feature(p) {
  return { type: "Feature", id: p.id, geometry: { type: "Point", coordinates: [p.lon, p.lat] },
    properties: { kind: p.kind, note: p.note, created: p.created || "" } };
}

function drawPins() {
  if (!core) return;
  const waiting = outbox();
  const seen = new Set(stored.map((f) => f.id));
  const all = stored.concat(waiting.filter((p) => !seen.has(p.id)).map(feature));
  const svg = core.pins(JSON.stringify({ type: "FeatureCollection", features: all }), waiting.map((p) => p.id));
  if (svg.error) return say("Pins tekenen lukte niet.", svg.error);
  const old = document.getElementById("pins");
  const tmp = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  tmp.innerHTML = svg;
  old.replaceWith(tmp.firstElementChild);
}

async function loadPins() {
  const res = await fetch("api/pins", { cache: "no-store" });
  if (!res.ok) throw new Error(`GET api/pins: ${res.status}`);
  stored = (await res.json()).features;
  drawPins();
}

// send posts one pin. It resolves true when the server has it (201), false
// when the pin was refused for good (4xx: it is kept visible with the
// reason), and throws when it should be retried (offline, 5xx).
async function send(p) {
  const res = await fetch("api/pins", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": p.id, "X-Buurtkaart-Device": device() },
    body: JSON.stringify({ id: p.id, lon: p.lon, lat: p.lat, kind: p.kind, note: p.note }),
  });
  if (res.status === 201) {
    const saved = await res.json();
    if (saved.delete_token) remember(saved.id, saved.delete_token);
    if (saved.status === "visible") stored.push(feature(saved));
    else say("Dank je! Je pin verschijnt zodra een moderator hem heeft bekeken.", "Thank you! Your pin appears once a moderator has seen it.");
    return true;
  }
  if (res.status >= 400 && res.status < 500) {
    const body = await res.json().catch(() => ({}));
    say(body.error?.nl || "De pin werd geweigerd.", body.error?.en);
    return false;
  }
  throw new Error(`POST api/pins: ${res.status}`);
}

// flush sends every waiting pin; a pin leaves the outbox only once the
// server has answered for it.
async function flush() {
  for (const p of outbox()) {
    try {
      await send(p);
      setOutbox(outbox().filter((q) => q.id !== p.id));
    } catch {
      say(`${outbox().length} pin(s) wachten op verbinding.`, "waiting for a connection");
      break;
    }
  }
  drawPins();
}

// onTapMap opens the pin form for a spot (in drawing units).
function onTapMap(at) {
  spot = core.lonLat(at.x, at.y);
  form.querySelector("form").reset();
  form.showModal();
}

form.addEventListener("close", async () => {
  if (form.returnValue !== "save" || !spot) return;
  const data = new FormData(form.querySelector("form"));
  const p = { id: newID(), lon: spot[0], lat: spot[1], kind: data.get("kind"), note: data.get("note") || "" };
  const problem = core.check(JSON.stringify(p));
  if (problem) return say(problem.nl, problem.en);
  setOutbox(outbox().concat([p]));
  drawPins();
  await flush();
  if (!outbox().some((q) => q.id === p.id) && stored.some((f) => f.id === p.id)) {
    say("Dank je! Je pin staat op de kaart.", "Thank you! Your pin is on the map.");
    offerUndo(p.id);
  }
});

// offerUndo shows a button that removes the pin just added: the
// submitter's own right to erase, with the token kept on this device.
function offerUndo(id) {
  const b = document.createElement("button");
  b.id = "ongedaan";
  b.type = "button";
  b.textContent = "Ongedaan maken · Undo";
  b.addEventListener("click", async () => {
    const res = await fetch(`api/pins/${id}`, { method: "DELETE", headers: { Authorization: `Bearer ${mine()[id]}` } });
    if (res.status === 204 || res.status === 404) {
      stored = stored.filter((f) => f.id !== id);
      const m = mine(); delete m[id]; localStorage.setItem(MINE, JSON.stringify(m));
      drawPins();
      say("Je pin is weggehaald.", "Your pin was removed.");
    } else {
      say("Weghalen lukte niet; probeer het later opnieuw.", `removing failed (${res.status})`);
    }
  });
  statusEl.append(" ", b);
}

vak.addEventListener("click", (ev) => {
  if (!core && ev.target.closest("#kaart")) say("De kaart laadt nog even…", "the map is still loading");
});
addEventListener("online", flush);

// startCore loads the wasm after first paint and lets it take over the
// pre-rendered SVG: same bytes, now drawn by the browser's own copy of the core.
async function startCore() {
  const ready = new Promise((resolve) => { globalThis.buurtkaartReady = resolve; });
  const go = new Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch("buurtkaart.wasm"), go.importObject);
  go.run(instance);
  await ready;
  const map = await (await fetch(vak.dataset.map)).text();
  const loaded = globalThis.buurtkaart.load(map);
  if (loaded.error) throw new Error(loaded.error);
  for (const d of loaded.diagnostics) console.warn("buurtkaart:", d);
  const svg = globalThis.buurtkaart.svg();
  const tmp = document.createElement("div");
  tmp.innerHTML = svg;
  document.getElementById("kaart").replaceWith(tmp.firstElementChild);
  core = globalThis.buurtkaart;
  startView({ core, onTapMap, say });
  document.body.dataset.core = "ready";
}

startCore()
  .then(() => loadPins().catch((e) => say("Pins ophalen lukte niet.", e.message)))
  .then(flush)
  .catch((e) => { say("De kaart kon niet starten.", e.message); console.error(e); });
