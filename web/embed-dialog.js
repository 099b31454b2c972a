// "Insluiten op je website": builds the snippets a volunteer pastes into the
// buurt's website, and a live preview. The <iframe> snippet is the server's
// own oEmbed answer (wasm/embed), so the app, WordPress and any other
// consumer get the same markup; only the script-tag variant is made here.
const box = document.getElementById("insluiten");
const code = document.getElementById("insluitcode");
const script = document.getElementById("insluitscript");
const preview = document.getElementById("insluitvoorbeeld");
const pinsBox = document.getElementById("insluit-pins");
const addBox = document.getElementById("insluit-toevoegen");
const KINDS = ["talent", "verband", "plek", "verhaal", "partner"];

// options returns the /embed parameters chosen, defaults left out.
function options() {
  const kinds = [...box.querySelectorAll('input[name="insluit-soort"]:checked')].map((i) => i.value);
  const o = {};
  if (kinds.length && kinds.length < KINDS.length) o.soorten = kinds.join(",");
  const taal = document.getElementById("insluit-taal").value;
  if (taal) o.taal = taal;
  addBox.disabled = !pinsBox.checked; // adding a pin you cannot see makes no sense
  if (!pinsBox.checked) o.pins = "uit";
  else if (!addBox.checked) o.toevoegen = "nee";
  return o;
}

let shown = "";
async function update() {
  const o = options();
  const page = new URL("embed", location.href);
  page.search = new URLSearchParams(o).toString();
  if (page.href === shown) return;
  shown = page.href;
  const res = await fetch(`oembed?format=json&url=${encodeURIComponent(page.href)}`);
  if (!res.ok) { code.value = `oEmbed: ${res.status}`; return; }
  const a = await res.json();
  if (page.href !== shown) return; // a newer choice is on its way
  code.value = a.html;
  const data = Object.entries(o).map(([k, v]) => ` data-${k}="${v}"`).join("");
  const title = a.title.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  script.value = `<div id="buurtkaart"></div>\n<script src="${new URL("embed.js", location.href).href}"` +
    ` data-doel="#buurtkaart" data-titel="${title} (buurtkaart)"${data} async></script>`;
  showPreview(a.html);
}

// showPreview builds the frame from the snippet's attributes. This page's
// CSP has no 'unsafe-inline', which in Chromium blocks style attributes met
// by a parser (DOMParser too) and style.cssText; single CSSOM properties pass.
function showPreview(html) {
  const frame = document.createElement("iframe");
  for (const [, name, value] of html.matchAll(/ ([a-z-]+)="([^"]*)"/g)) {
    const v = unescape(value);
    if (name !== "style") { frame.setAttribute(name, v); continue; }
    for (const decl of v.split(";")) {
      const [prop, val] = decl.split(":");
      if (prop && val) frame.style.setProperty(prop.trim(), val.trim());
    }
  }
  preview.replaceChildren(frame);
}

// unescape undoes the attribute escaping of wasm/embed (five entities).
function unescape(s) {
  const ent = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#34;": '"', "&#39;": "'" };
  return s.replace(/&(amp|lt|gt|#34|#39);/g, (m) => ent[m]);
}

function copy(el) {
  return async () => {
    const done = document.getElementById("insluit-gekopieerd");
    try { await navigator.clipboard.writeText(el.value); } catch { el.select(); document.execCommand("copy"); }
    done.replaceChildren("Gekopieerd ", Object.assign(document.createElement("span"), { lang: "en", textContent: "· Copied" }));
  };
}

box.addEventListener("toggle", () => { if (box.open) update(); });
box.addEventListener("change", () => { if (box.open) update(); });
document.getElementById("insluit-kopieer").addEventListener("click", copy(code));
