// Starting a map for a new buurt, /nieuw (web/nieuw.html): the buurt's
// name, its address (suggested from the name, checked live against
// GET /api/maps), CBS codes, files in any mix and a boundary, sent as one
// POST /api/maps; the server makes them one map (wasm/exchange FromFiles,
// as `buurtkaart maps new` does). Who starts it signs in with the token
// the workshop (beheer.js) keeps on this device for a map they keep, and
// becomes the new map's first keeper; or with the moderator token, and
// gets the first keeper's link to hand on.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const KEY = "buurtkaart-keeper:"; // + slug → token, as beheer.js keeps it
  const SLUG = /^[a-z][a-z0-9-]{1,59}$/; // wasm/maps ValidSlug
  const RESERVED = new Set(["api", "fonts", "icons", "oembed", "embed", "static", "beheer", "nieuw"]);
  const CBS = /^BU[0-9]{8}$/;
  const MAX = 7 << 20; // POST /api/maps reads 8 MiB of JSON; escaping the files' text adds some
  const PACKED = /\.(gz|zip|kmz|7z|xlsx?|ods|pdf)$/i;

  const { english, bi, el } = globalThis.buurtkaartDom; // dom.js
  const statusEl = $("status");
  function say(nl, en) { statusEl.replaceChildren(...(nl ? bi(nl, en) : [])); }
  const form = $("nieuw"), titel = $("titel"), adres = $("adres"), cbs = $("cbs"), sleutel = $("sleutel");
  const bestanden = $("bestanden"), grens = $("grens"), starten = $("starten");

  // ---- who starts the map ----
  let keepers = []; // [{slug, token, name}] this device keeps maps of
  function stored() {
    const out = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        const token = k && k.startsWith(KEY) ? localStorage.getItem(k) : "";
        if (token) out.push({ slug: k.slice(KEY.length), token });
      }
    } catch { /* storage blocked: the moderator token only */ }
    return out.sort((a, b) => a.slug.localeCompare(b.slug)).slice(0, 8);
  }
  async function knownKeepers() {
    const found = await Promise.all(stored().map(async (k) => {
      try {
        const res = await fetch(`/${encodeURIComponent(k.slug)}/api/keeper/me`, { headers: { Authorization: `Bearer ${k.token}` }, cache: "no-store" });
        if (!res.ok) return null; // revoked or gone: the workshop says so
        return { ...k, name: ((await res.json()).keeper || {}).name || "" };
      } catch { return null; }
    }));
    return found.filter(Boolean);
  }
  function showWho() {
    const lijst = $("wie-lijst");
    const choice = (value, label, hint, checked) => el("label", { class: "keuze" },
      el("input", { type: "radio", name: "wie", value, checked, onchange: whoChanged }), el("span", {}, ...label, hint ? [" ", el("small", {}, ...hint)] : []));
    lijst.replaceChildren(
      ...keepers.map((k, i) => choice(String(i), [el("strong", { text: k.name || "?" })], [`beheerder van /${k.slug}/ `, english(`· keeper of /${k.slug}/`)], i === 0)),
      choice("moderator", bi("Met de sleutel van de moderator", "With the moderator token"), null, keepers.length === 0));
    $("wie-keuze").hidden = keepers.length === 0;
    $("wie-geen").hidden = keepers.length > 0;
    whoChanged();
  }
  function who() {
    const v = form.querySelector('input[name="wie"]:checked')?.value ?? "moderator";
    return v === "moderator" ? null : keepers[Number(v)];
  }
  function whoChanged() {
    $("sleutel-veld").hidden = who() !== null;
    clearError(sleutel, "sleutel-fout");
  }

  // ---- the address ----
  $("adres-voor").textContent = `${location.host}/`;
  let touched = false, taken = null, checkTimer = 0, checked = 0;
  function slugify(s) {
    let v = s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (v && !/^[a-z]/.test(v)) v = `buurt-${v}`;
    return v.slice(0, 60).replace(/-+$/, "");
  }
  async function takenSlugs(fresh) {
    if (taken && !fresh) return taken;
    const res = await fetch("/api/maps", { cache: "no-store" });
    if (!res.ok) throw new Error(String(res.status));
    taken = new Set(((await res.json()).maps || []).map((m) => m.slug));
    return taken;
  }
  // slugProblem is why the address cannot be, or "".
  function slugProblem(v) {
    if (!v) return ["Kies een adres voor de kaart.", "Choose an address for the map."];
    if (!SLUG.test(v)) return ["Een adres is 2 tot 60 kleine letters, cijfers en streepjes, en begint met een letter.", "An address is 2 to 60 lower-case letters, digits and hyphens, starting with a letter."];
    if (RESERVED.has(v)) return ["Dit adres gebruikt buurtkaart zelf; kies een ander.", "buurtkaart uses this address itself; choose another."];
    if (taken && taken.has(v)) return [`Bezet: er is al een kaart op /${v}/.`, `Taken: there is a map at /${v}/ already.`];
    return null;
  }
  function checkSlug() {
    clearTimeout(checkTimer);
    clearError(adres, "adres-fout");
    const staat = $("adres-staat");
    checkTimer = setTimeout(async () => {
      const v = adres.value, n = ++checked;
      if (!v) { staat.replaceChildren(); staat.className = "staat"; return; }
      try { await takenSlugs(); } catch { /* checked again when the map is made */ }
      if (n !== checked) return;
      const p = slugProblem(v);
      staat.className = `staat ${p ? "mis" : "goed"}`;
      staat.replaceChildren(...(p ? bi(...p) : bi(`Vrij: de kaart komt op ${location.host}/${v}/`, `Free: the map will be at ${location.host}/${v}/`)));
    }, 250);
  }
  titel.addEventListener("input", () => {
    clearError(titel, "titel-fout");
    if (!touched) { adres.value = slugify(titel.value); checkSlug(); }
  });
  adres.addEventListener("input", () => {
    const v = adres.value.toLowerCase().replace(/\s+/g, "-");
    if (v !== adres.value) adres.value = v;
    touched = v !== "";
    checkSlug();
  });
  cbs.addEventListener("input", () => clearError(cbs, "cbs-fout"));
  sleutel.addEventListener("input", () => clearError(sleutel, "sleutel-fout"));

  // ---- the files ----
  let chosen = [];
  const size = (n) => n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
  function showFiles() {
    $("gekozen").replaceChildren(...chosen.map((f, i) => el("li", {},
      el("span", { class: "naam", text: f.name }), el("small", { text: size(f.size) }),
      el("button", { type: "button", class: "klein", onclick: () => removeFile(i) },
        "Weghalen ", el("span", { class: "verborgen", text: f.name }), " ", english("· Remove")))));
  }
  function removeFile(i) {
    const name = chosen[i].name;
    chosen.splice(i, 1);
    showFiles();
    say(`${name} weggehaald.`, `${name} removed.`);
    ($("gekozen").querySelectorAll("button")[Math.min(i, chosen.length - 1)] || bestanden).focus();
  }
  bestanden.addEventListener("change", () => {
    clearError(bestanden, "bestanden-fout");
    for (const f of bestanden.files) {
      if (!chosen.some((c) => c.name === f.name && c.size === f.size)) chosen.push(f);
    }
    bestanden.value = "";
    showFiles();
    say(`${chosen.length} ${chosen.length === 1 ? "bestand" : "bestanden"} gekozen.`, `${chosen.length} file(s) chosen.`);
  });
  grens.addEventListener("change", () => clearError(grens, "grens-fout"));

  // ---- errors, a field's own or the form's ----
  function fieldError(input, id, nl, en) {
    input.setAttribute("aria-invalid", "true");
    const p = $(id);
    p.replaceChildren(...bi(nl, en));
    p.hidden = false;
  }
  function clearError(input, id) {
    input.removeAttribute("aria-invalid");
    $(id).hidden = true;
  }
  function formError(nl, en) {
    const p = $("fout");
    p.replaceChildren(...(nl ? bi(nl, en) : []));
    p.hidden = !nl;
  }
  function showNotes(box, notes) {
    $(`${box}-lijst`).replaceChildren(...(notes || []).slice(0, 300).map((n) => el("li", { lang: "en", text: n })));
    $(`${box}-aantal`).textContent = String((notes || []).length);
    $(box).hidden = !(notes || []).length;
  }

  // check validates the form; the first field in error gets the focus.
  async function check() {
    const bad = [];
    const k = who();
    if (!k && !sleutel.value.trim()) { fieldError(sleutel, "sleutel-fout", "Plak de sleutel van de moderator.", "Paste the moderator token."); bad.push(sleutel); }
    if (!titel.value.trim()) { fieldError(titel, "titel-fout", "Geef de kaart een naam.", "Give the map a name."); bad.push(titel); }
    try { await takenSlugs(true); } catch { /* the server checks it too */ }
    const p = slugProblem(adres.value);
    if (p) { fieldError(adres, "adres-fout", ...p); bad.push(adres); }
    const codes = cbs.value.toUpperCase().split(/[\s,;]+/).filter(Boolean);
    const wrong = codes.filter((c) => !CBS.test(c));
    if (wrong.length) { fieldError(cbs, "cbs-fout", `${wrong.join(", ")}: een CBS-buurtcode is BU met acht cijfers.`, "A CBS buurt code is BU and eight digits."); bad.push(cbs); }
    const total = chosen.reduce((n, f) => n + f.size, 0) + (grens.files[0]?.size || 0);
    const packed = chosen.filter((f) => PACKED.test(f.name)).map((f) => f.name);
    if (!chosen.length) { fieldError(bestanden, "bestanden-fout", "Kies minstens één bestand met straten of plekken.", "Choose at least one file with streets or places."); bad.push(bestanden); }
    else if (packed.length) { fieldError(bestanden, "bestanden-fout", `${packed.join(", ")}: pak dit eerst uit of bewaar het als CSV, GeoJSON, GPX of KML.`, "Unpack it first, or save it as CSV, GeoJSON, GPX or KML."); bad.push(bestanden); }
    else if (total > MAX) { fieldError(bestanden, "bestanden-fout", `Samen ${size(total)}: te groot, het kan tot 7 MB. Laat wat weg, of knip de export kleiner.`, `${size(total)} together: too big, up to 7 MB. Leave some out, or cut the export smaller.`); bad.push(bestanden); }
    if (bad.length) bad[0].focus();
    return bad.length ? null : { k, codes };
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    formError("");
    const ok = await check();
    if (!ok) { say("Nog niet alles klopt; zie de rode meldingen.", "Not everything is right yet; see the red messages."); return; }
    starten.disabled = true;
    form.setAttribute("aria-busy", "true");
    say("De kaart wordt gemaakt…", "Making the map…");
    try {
      const body = { slug: adres.value, title: titel.value.trim(), cbs: ok.codes,
        files: await Promise.all(chosen.map(async (f) => ({ name: f.name, data: await f.text() }))) };
      if (grens.files[0]) body.boundary = await grens.files[0].text();
      const token = ok.k ? ok.k.token : sleutel.value.trim();
      const res = await fetch("/api/maps", { method: "POST", cache: "no-store",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const a = await res.json().catch(() => ({}));
      if (res.status === 201) await made(a, ok.k);
      else refused(res.status, a, ok.k);
    } catch {
      say("");
      formError("Geen verbinding met de server; probeer het zo opnieuw.", "No connection to the server; please try again.");
    } finally {
      starten.disabled = false;
      form.removeAttribute("aria-busy");
    }
  });

  function refused(status, a, k) {
    const e = a.error || {};
    const nl = e.nl || "Dat lukte niet.", en = e.en || `That did not work (${status}).`;
    say("De kaart is niet gemaakt.", "The map was not made.");
    showNotes("opmerkingen", a.notes);
    if (status === 401 && k) {
      formError(`Je aanmelding voor /${k.slug}/ werkt niet meer. Open de werkplaats opnieuw met een link, of gebruik de sleutel van de moderator.`,
        `Your sign-in for /${k.slug}/ no longer works. Open the workshop again with a link, or use the moderator token.`);
      return;
    }
    if (status === 401) {
      fieldError(sleutel, "sleutel-fout", "Deze sleutel werkt niet.", "This token does not work.");
      sleutel.focus();
      return;
    }
    const field = { slug: [adres, "adres-fout"], exists: [adres, "adres-fout"], cbs: [cbs, "cbs-fout"], boundary: [grens, "grens-fout"] }[e.code]
      || (["files", "format", "file", "nothing", "no_files", "map"].includes(e.code) ? [bestanden, "bestanden-fout"] : null);
    if (e.code === "exists") taken?.add(adres.value);
    if (field) {
      fieldError(field[0], field[1], nl, en);
      field[0].focus();
      return;
    }
    formError(nl, en);
  }

  async function made(a, k) {
    const base = location.origin;
    form.hidden = true;
    $("klaar-inhoud").replaceChildren(...bi(`„${a.title}” heeft ${a.places} ${a.places === 1 ? "plek" : "plekken"} en ${a.shapes} straten, routes en vlakken.`,
      `"${a.title}" has ${a.places} place(s) and ${a.shapes} streets, routes and areas.`));
    $("klaar-kaart").href = a.url;
    $("klaar-kaart-adres").textContent = base + a.url;
    $("klaar-beheer").href = `${a.url}beheer`;
    $("klaar-link").hidden = true;
    $("klaar-beheer-wie").replaceChildren();
    const code = new URLSearchParams((a.keeper_link || "").split("#")[1] || "").get("code");
    let signedIn = false;
    if (k && code) {
      // The keeper who started it is its first keeper: sign them in here,
      // as the workshop would with the link.
      try {
        const res = await fetch(`${a.url}api/keeper/session`, { method: "POST", cache: "no-store",
          headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) });
        if (res.ok) {
          const s = await res.json();
          try { localStorage.setItem(KEY + a.slug, s.token); } catch { /* storage blocked */ }
          $("klaar-beheer-wie").replaceChildren(...bi(`je bent aangemeld als ${s.keeper?.name || k.name}`, `you are signed in as ${s.keeper?.name || k.name}`));
          signedIn = true;
        }
      } catch { /* the link below still works */ }
    }
    if (!signedIn && a.keeper_link) {
      $("klaar-link-veld").value = base + a.keeper_link;
      $("klaar-link").hidden = false;
    }
    showNotes("klaar-opmerkingen", a.notes);
    $("klaar").hidden = false;
    $("klaar").focus();
    say(`De kaart staat op ${base}${a.url}`, `The map is at ${base}${a.url}`);
    taken?.add(a.slug);
    keepers = await knownKeepers();
    showWho();
  }

  $("klaar-kopieer").addEventListener("click", async () => {
    const f = $("klaar-link-veld");
    try { await navigator.clipboard.writeText(f.value); } catch { f.select(); document.execCommand?.("copy"); }
    $("klaar-gekopieerd").replaceChildren(...bi("Gekopieerd.", "Copied."));
  });
  $("nog-een").addEventListener("click", () => {
    form.reset();
    chosen = [];
    touched = false;
    showFiles();
    showNotes("opmerkingen", []);
    formError("");
    $("adres-staat").replaceChildren();
    $("klaar").hidden = true;
    form.hidden = false;
    say("");
    whoChanged();
    titel.focus();
  });

  showWho();
  knownKeepers().then((ks) => { keepers = ks; showWho(); document.body.dataset.nieuw = "ready"; });
})();
