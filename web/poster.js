// "Maak een poster": the page composes the poster with the Go core in wasm
// (buurtkaart.poster, wasm/poster — the same composition as the CLI and
// /poster.pdf), shows it as inline SVG, and prints it with an @page rule
// sized to the chosen paper, so "Print → Save as PDF" gives the poster at
// its true size from any browser. The page does DOM, fetch and print only.

const $ = (id) => document.getElementById(id);
const statusEl = $("status");
const vak = $("voorbeeld");
const formaat = $("formaat");
const liggend = $("liggend");
const inkt = $("inkt"); // "zwart": black line work and greys, kinds told apart by shape
const titel = $("titel");

// bilingual is Dutch text with its English beside it, the page's style:
// `Nederlands <span lang="en">· English</span>`. nl and en are a text or a
// list of texts and nodes.
function bilingual(nl, en) {
  const span = document.createElement("span");
  span.lang = "en";
  span.append("· ", ...[en].flat());
  return [...[nl].flat(), " ", span];
}

// unseen is text for screen readers only (a button's full name).
function unseen(text) {
  const span = document.createElement("span");
  span.className = "verborgen";
  span.textContent = text;
  return span;
}

function say(nl, en) { statusEl.replaceChildren(...bilingual(nl, en)); }

// warn shows a warning above the buttons, before the warnings already
// there when first.
const melding = $("qrmelding");
const warnings = [];
function warn(nl, en, first = false) {
  if (first) warnings.unshift([nl, en]); else warnings.push([nl, en]);
  melding.replaceChildren(...warnings.map(([n, e]) => {
    const line = document.createElement("span");
    line.className = "regel";
    line.append(...bilingual(n, e));
    return line;
  }));
  melding.hidden = false;
}

// ISO 216 in millimetres, standing; the core's numbers (wasm/poster/paper.go).
const MM = { A4: [210, 297], A3: [297, 420], A2: [420, 594], A1: [594, 841] };

let core, pins = null, qr = { url: "", modules: null }, last = null;

async function startCore() {
  core = await globalThis.buurtkaartPage.loadCore("map.geojson", "poster.wasm"); // the composer's own wasm (wasm/posterpage)
}

// loadPins gets the public pins as the map shows them; without them the
// poster still has every place of the map, and says so.
async function loadPins() {
  try {
    return await globalThis.buurtkaartPage.pins(); // every page
  } catch { /* offline or no API: a poster of the map alone */ }
  return null;
}

// loadQR reads qr.json, the QR code the site build made for the map's pin
// form (the browser has no QR encoder). Built without --url it has none:
// then the poster writes this site's address under an empty square, and the
// page says so before anyone prints it.
async function loadQR() {
  try {
    const res = await fetch("qr.json", { cache: "no-cache" });
    if (res.ok) qr = await res.json();
  } catch { /* as if built without --url */ }
  if (!qr.url || !qr.modules) {
    qr = { url: new URL("./#pin", location.href).href, modules: null };
    warn("Er staat nog geen QR-code op deze poster: de site is gebouwd zonder --url. Het adres staat er wel als tekst. Voor een poster met QR-code: bouw de site met --url en het adres van de kaart, of maak hem met `buurtkaart poster --url …`.",
      "There is no QR code on this poster yet: the site was built without --url. The address is printed as text. For a poster with a QR code, build the site with --url and the map's address, or make it with `buurtkaart poster --url …`.");
    return;
  }
  const host = new URL(qr.url).hostname;
  if (/^(localhost|127\.|0\.0\.0\.0$|\[::1?\]$)/.test(host)) {
    warn(`Let op: de QR-code wijst naar ${host}, dat werkt alleen op deze computer. Start de server met --url en het openbare adres van de kaart.`,
      `Note: the QR code points to ${host}, which only works on this computer. Start the server with --url and the map's public address.`);
  }
}

// offerPDF shows the link to /poster.pdf where the server makes PDFs
// (`buurtkaart serve`); the Worker does not, and the link stays hidden.
async function offerPDF() {
  try {
    const res = await fetch("poster.pdf", { method: "HEAD", cache: "no-store" });
    $("pdf").hidden = !(res.ok && (res.headers.get("Content-Type") || "").includes("pdf"));
  } catch { /* no link */ }
}

// measure is the page's measure of the handwriting font, so the core
// places labels for the glyphs the browser really draws (the CLI measures
// the same font with tdewolff/canvas).
const ctx = document.createElement("canvas").getContext("2d");
function measure(s, size) {
  ctx.font = `${size}px "Patrick Hand"`;
  return ctx.measureText(s).width;
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function paper() {
  const [w, h] = MM[formaat.value] || MM.A4;
  return liggend.checked ? [h, w] : [w, h];
}

// sizePrint sets the @page rule and the sheets' printed size for the
// chosen paper. Through the CSSOM, not an injected <style>: the site's
// Content-Security-Policy (style-src 'self') refuses inline styles.
const sheet = $("postercss").sheet;
const ownRules = sheet.cssRules.length;
function sizePrint() {
  const [w, h] = paper();
  while (sheet.cssRules.length > ownRules) sheet.deleteRule(ownRules);
  sheet.insertRule(`@page { size: ${w}mm ${h}mm; margin: 0; }`, ownRules);
  sheet.insertRule(`@media print { #voorbeeld svg { width: ${w}mm; height: ${h}mm; } }`, ownRules + 1);
}

// sheetOf parses one SVG document from the core into a node. The core
// escapes every text it writes; parsing as XML (not HTML) into an inert
// document is a second wall: nothing in it runs.
function sheetOf(svg) {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  if (doc.querySelector("parsererror") || doc.documentElement.localName !== "svg") throw new Error("poster SVG did not parse");
  return document.importNode(doc.documentElement, true);
}

function compose() {
  if (!core) return;
  const opts = {
    size: formaat.value, landscape: liggend.checked, ink: inkt.value, title: titel.value.trim(), date: today(),
    pins, url: qr.url, qr: qr.modules,
  };
  const t0 = performance.now();
  const out = core.poster(JSON.stringify(opts), measure);
  if (out.error) { say("De poster lukte niet.", `The poster failed: ${out.error}`); return; }
  const nodes = [out.svg, ...out.more].map(sheetOf);
  vak.replaceChildren(...nodes);
  sizePrint();
  last = out;
  const ms = Math.round(performance.now() - t0);
  globalThis.posterStats = { composeMs: out.ms, totalMs: ms, entries: out.entries, pages: out.pages };
  const [w, h] = paper();
  const sheets = out.pages > 1;
  say(`${formaat.value} ${liggend.checked ? "liggend" : "staand"} (${w} × ${h} mm), ${out.entries} plekken en pins${sheets ? ` op ${out.pages} vellen (het register loopt door)` : ""}, gemaakt in ${ms} ms.`,
    `${formaat.value} ${liggend.checked ? "landscape" : "portrait"}, ${out.entries} places and pins${sheets ? ` on ${out.pages} sheets (the index runs on)` : ""}, made in ${ms} ms.`);
  $("afdrukken").disabled = false;
  offerSheets(out.pages);
  $("pdf").href = `poster.pdf?size=${formaat.value}${liggend.checked ? "&landscape=1" : ""}${inkt.value === "zwart" ? "&ink=zwart" : ""}`;
  document.body.dataset.poster = "ready";
}

// offerSheets shows one download button per sheet: a map with many pins
// continues its index on further sheets, and each is its own SVG file.
// Every button's name is whole ("SVG downloaden, vel 2 van 3"); on screen
// the buttons after the first say only which sheet.
function offerSheets(pages) {
  const first = $("download");
  first.disabled = false;
  first.replaceChildren(...(pages > 1
    ? bilingual(`SVG downloaden, vel 1 van ${pages}`, `Download SVG, sheet 1 of ${pages}`)
    : bilingual("SVG downloaden", "Download SVG")));
  first.dataset.vel = "1";
  document.querySelectorAll("button.vel").forEach((b) => b.remove());
  let after = first;
  for (let n = 2; n <= pages; n++) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "vel";
    b.dataset.vel = String(n);
    b.append(...bilingual([unseen("SVG downloaden, "), `Vel ${n} van ${pages}`], [unseen("Download SVG, "), `Sheet ${n} of ${pages}`]));
    after.after(b);
    after = b;
  }
}

function download(ev) {
  const n = Number(ev.target.closest("button")?.dataset.vel || 1);
  const svg = last && [last.svg, ...last.more][n - 1];
  if (!svg) return;
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `buurtkaart-poster-${formaat.value}${liggend.checked ? "-liggend" : ""}${inkt.value === "zwart" ? "-zwart" : ""}${last.pages > 1 ? `-vel${n}` : ""}.svg`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

let typing;
titel.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(compose, 300); });
formaat.addEventListener("change", compose);
liggend.addEventListener("change", compose);
inkt.addEventListener("change", compose);
$("keuzes").addEventListener("submit", (e) => { e.preventDefault(); compose(); });
$("afdrukken").addEventListener("click", () => window.print());
document.querySelector(".knoppen").addEventListener("click", (ev) => { if (ev.target.closest("#download, button.vel")) download(ev); });
sizePrint();
offerPDF();

Promise.all([startCore(), loadPins(), loadQR(), document.fonts.load('16px "Patrick Hand"').catch(() => null)])
  .then(([, p]) => {
    pins = p;
    compose();
    if (p === null) warn("Pins van bewoners ophalen lukte niet: de poster heeft alleen de kaart.", "Could not fetch residents' pins: the poster has the map only.", true);
  })
  .catch((e) => { say("De poster kon niet starten.", `The poster could not start: ${e.message}`); console.error(e); });
