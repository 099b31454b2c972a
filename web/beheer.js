// The keepers' workshop, /<slug>/beheer: signing in with a keeper's link,
// the residents' pins that wait or were reported, the keepers, and the
// map's history with undo. The places editor (beheer-kaart.js, loaded after
// this script) mounts into <section id="plekken"> and saves through the
// helper this script puts on window.buurtkaartBeheer:
//
//   buurtkaartBeheer.slug            the map's slug ("schilderswijk")
//   buurtkaartBeheer.ready           Promise: {keeper:{id,name}} once signed in, null when not
//   buurtkaartBeheer.api(path, init) fetch(path relative to /<slug>/, with the keeper's token) → Response
//   buurtkaartBeheer.map()           Promise {geojson, revision} from GET api/map
//   buurtkaartBeheer.save(geojson, summary, reapply?)
//       PUT api/map with If-Match: the revision that geojson was read at
//       (map() remembers it; or pass {revision, reapply}). On 412 it fetches
//       the latest, shows the keeper what changed meanwhile (by feature, by
//       name) and offers "Opnieuw toepassen · Apply again": reapply(latest,
//       revision) → the geojson with this keeper's change made on latest
//       (return it, or change latest in place). Without reapply, this
//       keeper's features (added, changed, removed since the base, by id) are
//       laid over the latest. Resolves {ok:true, revision} when saved, or
//       {ok:false, status, error, problems?, cancelled?}; never loses the
//       change silently.
//   buurtkaartBeheer.onChange(fn)    fn({revision, by, summary}) after any change of the map from
//                                    this page (save, promote, undo); returns an unsubscribe
//   buurtkaartBeheer.kinds           the five ABCD kinds [{key, nl, en}]
//   buurtkaartBeheer.say(nl, en)     a message in the page's status line
//   buurtkaartBeheer.english(text)   a <span lang="en"> for English beside Dutch
//
// A classic deferred script (no module), so it has run before beheer-kaart.js.
(() => {
  "use strict";

  const KINDS = [
    { key: "talent", nl: "Talent", en: "Talent" },
    { key: "verband", nl: "Verband", en: "Group" },
    { key: "plek", nl: "Plek", en: "Place" },
    { key: "verhaal", nl: "Verhaal", en: "Story" },
    { key: "partner", nl: "Partner", en: "Partner" },
  ];
  const kindOf = (k) => KINDS.find((x) => x.key === k) || { key: k || "plek", nl: k || "?", en: k || "?" };
  const REASONS = {
    onjuist: ["Klopt niet", "Not right"],
    kwetsend: ["Kwetsend of ongepast", "Hurtful or improper"],
    prive: ["Over iemand, zonder toestemming", "About someone, without consent"],
    reclame: ["Reclame of spam", "Advertising or spam"],
  };

  // The map's slug and root: /<slug>/beheer → "<slug>", "/<slug>/".
  const parts = location.pathname.split("/").filter(Boolean);
  const at = parts.findLastIndex((p) => p === "beheer" || p === "beheer.html");
  const slug = at > 0 ? decodeURIComponent(parts[at - 1]) : "";
  const root = at > 0 ? `/${parts.slice(0, at).join("/")}/` : "/";
  const KEY = `buurtkaart-keeper:${slug}`;

  const $ = (id) => document.getElementById(id);
  const statusEl = $("status");

  const { english, bi, el } = globalThis.buurtkaartDom; // dom.js
  function say(nl, en) { statusEl.replaceChildren(...bi(nl, en)); }
  const when = (s) => {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? String(s || "") :
      new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium", timeStyle: "short" }).format(d);
  };
  const day = (s) => {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? String(s || "") : new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium" }).format(d);
  };
  // A summary travels in a header (X-Buurtkaart-Summary), which carries
  // bytes, not text: one with other than plain ASCII is sent
  // percent-encoded, and read back either way.
  const readSummary = (s) => { try { return /%[0-9a-f]{2}/i.test(s) ? decodeURIComponent(s) : s; } catch { return s; } };
  let uid = 0;
  const newId = (p) => `${p}-${++uid}`;

  // ---- the keeper's token ----
  function readToken() { try { return localStorage.getItem(KEY) || ""; } catch { return ""; } }
  function keepToken(t) { try { localStorage.setItem(KEY, t); } catch { /* storage blocked: this visit only */ } }
  function dropToken() { try { localStorage.removeItem(KEY); } catch { /* nothing kept */ } }

  let token = readToken();
  let me = null;          // {id, name}
  let why = "";           // why there is no session: "bad", "many", "offline", "revoked", "nomap", ""

  // whoHolds asks whose token this device keeps: the keeper {id, name},
  // null when the token no longer works (then it is dropped), or {} when
  // that cannot be told (offline: the token may still be good).
  async function whoHolds() {
    try {
      const res = await fetch(`${root}api/keeper/me`, { headers: { Authorization: `Bearer ${token}` }, cache: "no-store" });
      if (res.status === 401 || res.status === 403) { dropToken(); token = ""; return null; }
      return res.ok ? (await res.json()).keeper || {} : {};
    } catch { return {}; }
  }

  // keepOrSwitch asks, when this device is already signed in for this map
  // and a keeper's link is opened: stay who you are, or become the link's
  // keeper. A link from someone else must not silently make this device
  // theirs (every action is logged under a keeper's name). Resolves true to
  // use the link; Escape keeps the current keeper.
  function keepOrSwitch(current) {
    const name = current.name || "";
    const dlg = el("dialog", { id: "wissel", "aria-labelledby": "wissel-kop", "aria-describedby": "wissel-uitleg" },
      el("div", { class: "vorm" },
        el("h2", { id: "wissel-kop" }, ...bi("Al aangemeld op dit apparaat", "Already signed in on this device")),
        el("p", { id: "wissel-uitleg" },
          ...bi(name ? `Dit apparaat is aangemeld als beheerder ${name}. Je opende een nieuwe beheerderslink: die meldt je aan als de beheerder voor wie de link gemaakt is. Wat je daarna doet, staat in het logboek op die naam.`
            : "Dit apparaat is al aangemeld als beheerder. Je opende een nieuwe beheerderslink: die meldt je aan als de beheerder voor wie de link gemaakt is. Wat je daarna doet, staat in het logboek op die naam.",
          name ? `This device is signed in as keeper ${name}. You opened a new keeper's link: it signs you in as the keeper it was made for. What you do then is logged under that name.`
            : "This device is already signed in as a keeper. You opened a new keeper's link: it signs you in as the keeper it was made for. What you do then is logged under that name.")),
        el("p", { class: "hulp" }, ...bi("Was de link voor iemand anders? Blijf dan aangemeld; de link blijft ongebruikt en werkt nog voor die persoon.",
          "Was the link meant for someone else? Then stay signed in; the link stays unused and still works for them.")),
        el("p", { class: "knoppen" },
          el("button", { type: "button", id: "wissel-nieuw", onclick: () => dlg.close("nieuw") },
            ...bi("Aanmelden met de nieuwe link", "Sign in with the new link")),
          el("button", { type: "button", id: "wissel-blijf", class: "hoofdknop", onclick: () => dlg.close("blijf") },
            ...bi(name ? `Blijf aangemeld als ${name}` : "Blijf aangemeld zoals nu", name ? `Stay signed in as ${name}` : "Stay signed in as now")))));
    document.body.append(dlg);
    return new Promise((resolve) => {
      dlg.addEventListener("close", () => { dlg.remove(); resolve(dlg.returnValue === "nieuw"); }, { once: true });
      dlg.showModal();
      $("wissel-blijf").focus();
    });
  }

  // session signs in: the link's one-use code (in the fragment, so no
  // server log sees it) becomes a token, and leaves the address bar at once.
  const session = (async () => {
    if (!slug) { why = "nomap"; return null; }
    let code = new URLSearchParams(location.hash.slice(1)).get("code");
    if (code) history.replaceState(null, "", location.pathname + location.search);
    if (code && token) {
      const current = await whoHolds();
      if (current && !(await keepOrSwitch(current))) {
        code = "";
        if (current.id !== undefined) me = current;
        say(`Je bent aangemeld gebleven${current.name ? ` als ${current.name}` : ""}. De link is niet gebruikt.`,
          `You stayed signed in${current.name ? ` as ${current.name}` : ""}. The link was not used.`);
      }
    }
    if (code) {
      try {
        const res = await fetch(`${root}api/keeper/session`, {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }), cache: "no-store",
        });
        if (res.ok) {
          const a = await res.json();
          token = a.token;
          keepToken(token);
          me = a.keeper || null;
        } else {
          why = res.status === 429 ? "many" : "bad";
        }
      } catch {
        why = "offline";
      }
    }
    if (!token) return null;
    if (me) return { keeper: me };
    const held = await whoHolds();
    if (!held) { why ||= "revoked"; return null; }
    if (held.id !== undefined) me = held;
    return { keeper: me || { id: "", name: "" } };
  })();

  // A new link opened in this same tab (only the fragment changes): start afresh.
  addEventListener("hashchange", () => { if (/(^|[#&])code=/.test(location.hash)) location.reload(); });

  // ---- the API ----
  async function api(path, init = {}) {
    await session;
    const headers = new Headers(init.headers || {});
    if (token && !headers.has("Authorization")) headers.set("Authorization", `Bearer ${token}`);
    if (typeof init.body === "string" && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    const url = /^(https?:)?\//.test(path) ? path : root + path.replace(/^\.\//, "");
    const res = await fetch(url, { cache: "no-store", ...init, headers });
    if (res.status === 401 && token && (res.headers.get("WWW-Authenticate") || "").startsWith("Bearer")) signedOut("revoked");
    return res;
  }
  // problem reads a refusal's {error:{code,nl,en}}.
  async function problem(res) {
    const body = await res.clone().json().catch(() => ({}));
    const e = body.error || {};
    return { status: res.status, code: e.code || "", nl: e.nl || `Dat lukte niet (${res.status}).`, en: e.en || `That failed (${res.status}).`,
      problems: body.problems || e.problems, revision: body.revision ?? e.revision };
  }
  const sayProblem = (p) => say(p.nl, p.en);

  const etagRevision = (res) => Number((res.headers.get("ETag") || "").replace(/^W\//, "").replace(/"/g, "")) || 0;
  const snapshots = new Map(); // revision → the map file's text, as read
  const bases = new WeakMap(); // geojson object handed out → its revision
  let lastRevision = 0;
  let current = null;          // {geojson, revision}: the latest this page read

  // read fetches the latest map file for this page's own use (promote,
  // undo, the 412 screen); map() is the editor's: the revision it hands out
  // is the base save() assumes when it is told none.
  async function read() {
    const res = await api("api/map");
    if (!res.ok) { const p = await problem(res); throw Object.assign(new Error(p.en), p); }
    const revision = etagRevision(res);
    const text = await res.text();
    snapshots.set(revision, text);
    if (snapshots.size > 8) snapshots.delete(snapshots.keys().next().value);
    current = { geojson: JSON.parse(text), revision };
    return { geojson: JSON.parse(text), revision };
  }
  async function map() {
    const got = await read();
    bases.set(got.geojson, got.revision);
    lastRevision = got.revision;
    return got;
  }

  const listeners = new Set();
  function onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }
  function changed(info) {
    for (const fn of listeners) {
      try { fn(info); } catch (e) { console.error("buurtkaartBeheer.onChange:", e); }
    }
  }

  // ---- comparing map files feature by feature ----
  const canon = (v) => Array.isArray(v) ? `[${v.map(canon).join(",")}]`
    : v && typeof v === "object" ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(",")}}`
    : JSON.stringify(v);
  const fkey = (f) => (f.id !== undefined && f.id !== null ? `id:${f.id}` : `f:${canon(f)}`);
  const fname = (f) => {
    const p = f.properties || {};
    return p.name || (f.id !== undefined ? String(f.id) : p.layer || "?");
  };
  function byKey(g) { const m = new Map(); for (const f of g?.features || []) m.set(fkey(f), f); return m; }
  // diff lists what b changed of a: features added, changed and removed (by id), and top-level members.
  function diff(a, b) {
    const A = byKey(a), B = byKey(b), d = { added: [], changed: [], removed: [], meta: [] };
    for (const [k, f] of B) {
      if (!A.has(k)) d.added.push({ key: k, f });
      else if (canon(A.get(k)) !== canon(f)) d.changed.push({ key: k, f, was: A.get(k) });
    }
    for (const [k, f] of A) if (!B.has(k)) d.removed.push({ key: k, f });
    for (const m of new Set([...Object.keys(a || {}), ...Object.keys(b || {})])) {
      if (m !== "features" && canon(a?.[m]) !== canon(b?.[m])) d.meta.push(m);
    }
    return d;
  }
  const empty = (d) => !d.added.length && !d.changed.length && !d.removed.length && !d.meta.length;
  // layOver makes this keeper's change d (base → theirs) on latest: what
  // they added or changed replaces or joins latest's, what they removed goes.
  function layOver(latest, d, mine) {
    const out = structuredClone(latest);
    const idx = new Map(out.features.map((f, i) => [fkey(f), i]));
    for (const { key, f } of [...d.changed, ...d.added]) {
      if (idx.has(key)) out.features[idx.get(key)] = structuredClone(f);
      else { idx.set(key, out.features.length); out.features.push(structuredClone(f)); }
    }
    const gone = new Set(d.removed.map((x) => x.key));
    out.features = out.features.filter((f) => !gone.has(fkey(f)));
    for (const m of d.meta) {
      if (mine[m] === undefined) delete out[m];
      else out[m] = structuredClone(mine[m]);
    }
    return out;
  }

  // ---- saving, with the 412 screen ----
  async function put(geojson, revision, summary) {
    return api("api/map", {
      method: "PUT",
      headers: { "If-Match": `"${revision}"`, "Content-Type": "application/geo+json",
        ...(summary ? { "X-Buurtkaart-Summary": /^[\x20-\x7e]*$/.test(summary) ? summary : encodeURIComponent(summary) } : {}) },
      body: typeof geojson === "string" ? geojson : JSON.stringify(geojson),
    });
  }

  async function save(geojson, summary = "", opts = {}) {
    if (typeof opts === "function") opts = { reapply: opts };
    if (typeof geojson === "string") geojson = JSON.parse(geojson);
    let base = opts.revision ?? bases.get(geojson) ?? lastRevision;
    let baseGeo = snapshots.has(base) ? JSON.parse(snapshots.get(base)) : null;
    let body = geojson;
    for (let round = 0; ; round++) {
      const res = await put(body, base, summary);
      if (res.ok) {
        const a = await res.json().catch(() => ({}));
        const revision = a.revision || etagRevision(res);
        say(`Bewaard: versie ${revision} van de kaart.`, `Saved: revision ${revision} of the map.`);
        lastRevision = revision; // the caller's map is now this revision
        await read().catch(() => {});
        changed({ revision, by: "save", summary });
        return { ok: true, revision };
      }
      if (res.status !== 412) {
        const p = await problem(res);
        sayProblem(p);
        return { ok: false, status: res.status, error: p, problems: p.problems };
      }
      // Someone saved meanwhile: show what, then make this change again on the latest.
      let latest;
      try { latest = await read(); } catch (e) { say("De nieuwste kaart ophalen lukte niet.", e.message); return { ok: false, status: 412, error: e }; }
      const theirs = baseGeo ? diff(baseGeo, latest.geojson) : null;
      const mine = diff(baseGeo || latest.geojson, body);
      const ok = await conflictScreen({ theirs, mine, from: base, to: latest.revision, round });
      if (!ok) {
        say("Niet bewaard. Je wijziging staat nog in het formulier.", "Not saved. Your change is still in the form.");
        return { ok: false, status: 412, cancelled: true, revision: latest.revision };
      }
      const fresh = structuredClone(latest.geojson);
      let next;
      if (opts.reapply) next = (await opts.reapply(fresh, latest.revision)) || fresh;
      else next = layOver(latest.geojson, mine, body);
      base = latest.revision;
      baseGeo = structuredClone(latest.geojson);
      body = next;
    }
  }

  // conflictScreen shows what changed meanwhile and what this keeper
  // changed; resolves true for "Apply again", false for "Don't save".
  const botsing = $("botsing");
  async function conflictScreen({ theirs, mine, from, to }) {
    const list = (ul, d, fallback) => {
      ul.replaceChildren();
      if (!d) { ul.append(el("li", {}, ...bi("Niet te zien wat precies: de versie waarop je begon is niet bekend.", "Cannot tell exactly: the revision you started from is not known."))); return; }
      const row = (nl, en, f) => el("li", {}, el("span", { class: "wat" }, ...bi(nl, en)), ": ", el("strong", { text: fname(f) }));
      for (const x of d.added) ul.append(row("Toegevoegd", "Added", x.f));
      for (const x of d.changed) ul.append(row("Veranderd", "Changed", x.f));
      for (const x of d.removed) ul.append(row("Weggehaald", "Removed", x.f));
      if (d.meta.length) ul.append(el("li", {}, ...bi(`Kaartgegevens (${d.meta.join(", ")})`, "Map details")));
      if (empty(d)) ul.append(el("li", {}, ...fallback));
    };
    list($("botsing-anders"), theirs, bi("Niets aan de plekken; alleen een nieuwe versie.", "Nothing in the places; only a new revision."));
    list($("botsing-jouw"), mine, bi("Geen verschil met de nieuwste kaart.", "No difference from the latest map."));
    // Who saved meanwhile, from the history.
    try {
      const res = await api("api/map/revisions");
      if (res.ok) {
        const revs = ((await res.json()).revisions || []).filter((r) => r.n > from && r.n <= to);
        if (revs.length) {
          $("botsing-anders").prepend(...revs.map((r) => el("li", { class: "door" },
            `Versie ${r.n}, ${when(r.at)}, door ${r.who || "?"}${r.summary ? `: ${readSummary(r.summary)}` : ""} `, english(`· Revision ${r.n} by ${r.who || "?"}`))));
        }
      }
    } catch { /* the history is a courtesy here */ }
    const both = theirs ? [...mine.changed, ...mine.removed, ...mine.added].filter((x) =>
      [...theirs.changed, ...theirs.removed, ...theirs.added].some((y) => y.key === x.key)) : [];
    const beide = $("botsing-beide");
    beide.hidden = !both.length;
    if (both.length) {
      const names = both.map((x) => fname(x.f)).join(", ");
      beide.replaceChildren(...bi(`Jullie veranderden allebei: ${names}. Opnieuw toepassen zet jouw versie daarvan op de kaart.`,
        `You both changed: ${names}. Applying again puts your version of it on the map.`));
    }
    $("botsing-fout").hidden = true;
    const back = document.activeElement;
    document.body.dataset.botsing = "open";
    botsing.showModal();
    $("botsing-ok").focus();
    return new Promise((resolve) => {
      const done = (v) => {
        botsing.removeEventListener("close", onClose);
        $("botsing-ok").removeEventListener("click", onOk);
        $("botsing-stop").removeEventListener("click", onStop);
        if (botsing.open) botsing.close();
        delete document.body.dataset.botsing;
        if (back && back.isConnected) back.focus();
        resolve(v);
      };
      const onOk = () => done(true), onStop = () => done(false), onClose = () => done(false);
      $("botsing-ok").addEventListener("click", onOk);
      $("botsing-stop").addEventListener("click", onStop);
      botsing.addEventListener("close", onClose);
    });
  }

  // ---- signed in or not ----
  const work = $("werk"), signIn = $("aanmelden");
  function signedOut(reason) {
    dropToken(); token = ""; me = null;
    if (reason !== undefined) why = reason;
    work.hidden = true;
    document.querySelector(".naar-werk").hidden = true;
    $("wie").hidden = true;
    const uitleg = $("aanmelden-uitleg");
    const texts = {
      bad: ["Deze link werkt niet (meer): hij is al gebruikt, verlopen of niet helemaal overgenomen.", "This link does not work (any more): it was used already, has expired or was not copied whole."],
      many: ["Er is hier te vaak een verkeerde link geprobeerd. Probeer het over een uur opnieuw.", "A wrong link was tried too often from here. Try again in an hour."],
      offline: ["Aanmelden lukte niet: er is geen verbinding. Open de link opnieuw zodra je online bent.", "Signing in failed: there is no connection. Open the link again once you are online."],
      revoked: ["Je bent hier niet (meer) aangemeld als beheerder.", "You are not (or no longer) signed in as a keeper here."],
      out: ["Je bent afgemeld op dit apparaat. Je link werkte één keer: om terug te komen heb je een nieuwe nodig.", "You are signed out on this device. Your link worked once: to come back you need a new one."],
      nomap: ["Open de beheerpagina via het adres van je kaart: /naam-van-de-buurt/beheer.", "Open the workshop from your map's address: /name-of-the-buurt/beheer."],
      "": ["Om de kaart bij te houden heb je een persoonlijke link nodig.", "To keep the map you need a personal link."],
    };
    uitleg.replaceChildren(...bi(...(texts[why] || texts[""])));
    signIn.hidden = false;
    document.body.dataset.beheer = "signed-out";
  }

  // ---- the pins: waiting and reported ----
  const pinList = $("pinlijst");
  const handled = new Map(); // id → pin as it is now, for pins handled this visit (they stay listed, with what was done)
  let queue = [];

  async function loadQueue() {
    const res = await api("api/keeper/queue");
    if (!res.ok) { sayProblem(await problem(res)); return; }
    queue = ((await res.json()).pins || []).map(flat);
    renderQueue();
  }
  function renderQueue() {
    const ids = new Set(queue.map((p) => p.id));
    const shown = queue.map((p) => handled.get(p.id) || p).concat([...handled.values()].filter((p) => !ids.has(p.id)));
    pinList.replaceChildren(...shown.map(pinItem));
    $("pins-leeg").hidden = shown.length > 0;
    const waiting = queue.filter((p) => !handled.has(p.id)).length;
    $("pins-teller").textContent = waiting ? `(${waiting})` : "";
  }
  // flat reads a queue entry as a flat pin, also when it comes as a GeoJSON Feature.
  function flat(p) {
    if (p?.type !== "Feature") return p;
    const [lon, lat] = p.geometry?.coordinates || [];
    return { ...p.properties, id: p.id ?? p.properties?.id, lon, lat };
  }
  const reasonsOf = (p) => {
    const r = p.reasons ?? p.report_reasons ?? [];
    return (Array.isArray(r) ? r : String(r).split(",")).map((s) => s.trim()).filter(Boolean);
  };

  function pinItem(p) {
    const h = `pin-${p.id}-naam`, k = kindOf(p.kind);
    const title = p.name || (p.note || "").split(/\s+/).slice(0, 6).join(" ") || k.nl;
    const reasons = reasonsOf(p);
    const count = {};
    for (const r of reasons) count[r] = (count[r] || 0) + 1;
    const state = {
      pending: ["Wacht op goedkeuring", "Waiting for approval"],
      visible: [`${p.reports || reasons.length || 1}× gemeld, staat op de kaart`, `Reported ${p.reports || reasons.length || 1}×, on the map`],
      hidden: ["Verborgen", "Hidden"],
      promoted: ["Is nu een plek van de kaart", "Is now a place of the map"],
    }[p.status] || [p.status || "", p.status || ""];
    const done = handled.has(p.id);
    const item = el("li", { class: `pinkaart ${p.status || ""}`, id: `pin-${p.id}`, "data-id": p.id, "data-status": p.status || "" },
      el("article", { "aria-labelledby": h },
        el("h3", { id: h }, el("span", { class: `stip ${k.key}`, "aria-hidden": "true" }), title),
        el("p", { class: "soort" }, ...bi(k.nl, k.en), " — ", el("span", { class: "staat" }, ...bi(...state))),
        locator(p),
        p.note && p.note !== title ? el("p", { class: "notitie", text: p.note }) : null,
        el("p", { class: "door" },
          p.author ? [`Door ${p.author}${p.show_author === false ? " (naam niet openbaar)" : ""} `, english(`· By ${p.author}${p.show_author === false ? " (name not public)" : ""}`), " — "] : null,
          p.created_at || p.created ? `${day(p.created_at || p.created)}` : null),
        reasons.length ? el("p", { class: "meldingen" }, ...bi("Gemeld", "Reported"), ": ",
          ...Object.entries(count).flatMap(([r, n], i) => [i ? "; " : "", `${n > 1 ? `${n}× ` : ""}${(REASONS[r] || [r])[0]} `, english(`· ${(REASONS[r] || [r, r])[1]}`)])) : null,
        p.status === "hidden" && p.hidden_reason ? el("p", { class: "reden" }, ...bi("Reden voor de maker", "Reason for the maker"), `: ${p.hidden_reason}`) : null,
        done ? el("p", { class: "uitkomst", tabindex: "-1" }, ...outcome(p)) : null,
        actions(p, h)));
    return item;
  }
  function outcome(p) {
    const link = (nl, en, id) => el("a", { href: `./#p=${encodeURIComponent(id)}` }, ...bi(nl, en));
    switch (p.status) {
      case "visible": return [...bi("Goedgekeurd: iedereen ziet hem.", "Approved: everyone sees it."), " ", link("Bekijk op de kaart", "See it on the map", p.id)];
      case "hidden": return bi("Verborgen. De maker ziet je reden op de eigen pin.", "Hidden. The maker sees your reason on their pin.");
      case "promoted": return [...bi(`Nu een plek van de kaart (versie ${p.revision}).`, `Now a place of the map (revision ${p.revision}).`), " ", link("Bekijk op de kaart", "See it on the map", p.place || "")];
      default: return [];
    }
  }

  function actions(p, h) {
    const box = el("div", { class: "acties" });
    const button = (nl, en, fn, cls) => el("button", { type: "button", class: cls, "aria-describedby": h, onclick: fn }, ...bi(nl, en));
    if (p.status === "promoted") return box;
    if (p.status === "pending" || p.status === "visible") box.append(button("Goedkeuren", "Approve", () => act(p, "approve"), "goed"));
    if (p.status === "hidden") box.append(button("Terugzetten", "Restore", () => act(p, "restore"), "terug"));
    if (p.status !== "hidden") {
      const hf = hideForm(p, h);
      box.append(button("Verbergen…", "Hide…", (ev) => {
        hf.hidden = false; ev.currentTarget.setAttribute("aria-expanded", "true");
        hf.querySelector("textarea").focus();
      }, "verberg"), hf);
      box.querySelector(".verberg").setAttribute("aria-expanded", "false");
      box.querySelector(".verberg").setAttribute("aria-controls", hf.id);
    }
    box.append(button("Maak er een plek van", "Make it a place", () => openPromote(p), "promoveer"));
    // The reason's form opens under the buttons (and takes the focus).
    const form = box.querySelector("form");
    if (form) box.append(form);
    return box;
  }

  function hideForm(p, h) {
    const id = newId("verberg");
    const err = el("p", { class: "fout", id: `${id}-fout`, hidden: true });
    const ta = el("textarea", { id: `${id}-reden`, rows: 2, maxLength: 200, required: true, "aria-describedby": `${id}-hulp ${id}-fout` });
    const form = el("form", { class: "verbergvorm", id, hidden: true, novalidate: true },
      el("label", { for: `${id}-reden` }, ...bi("Waarom verberg je deze pin?", "Why do you hide this pin?")),
      el("p", { class: "hulp", id: `${id}-hulp` }, ...bi("De maker ziet deze reden bij de eigen pin. Schrijf vriendelijk en kort (hoogstens 200 tekens).", "The maker sees this reason on their own pin. Keep it kind and short (at most 200 characters).")),
      ta, err,
      el("p", { class: "knoppenrij" },
        el("button", { type: "button", onclick: () => {
          form.hidden = true;
          const b = form.parentElement.querySelector(".verberg");
          b.setAttribute("aria-expanded", "false"); b.focus();
        } }, ...bi("Annuleren", "Cancel")),
        el("button", { type: "submit", class: "hoofdknop klein", "aria-describedby": h }, ...bi("Verbergen", "Hide"))));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const reason = ta.value.trim();
      if (!reason || reason.length > 200) {
        err.hidden = false;
        err.replaceChildren(...bi("Schrijf een reden van 1 tot 200 tekens.", "Write a reason of 1 to 200 characters."));
        ta.setAttribute("aria-invalid", "true");
        ta.focus();
        return;
      }
      act(p, "hide", { reason });
    });
    return form;
  }

  async function act(p, what, body) {
    const res = await api(`api/keeper/pins/${encodeURIComponent(p.id)}/${what}`, { method: "POST", body: JSON.stringify(body || {}) });
    if (!res.ok) { sayProblem(await problem(res)); return; }
    const answer = await res.json().catch(() => ({}));
    const status = { approve: "visible", hide: "hidden", restore: "visible" }[what];
    const now = { ...p, ...(answer && answer.id ? answer : {}), status: answer.status || status, reports: 0, reasons: [] };
    if (what === "hide") now.hidden_reason = answer.hidden_reason || body.reason;
    handled.set(p.id, now);
    const name = p.name || p.note || kindOf(p.kind).nl;
    if (what === "approve") say(`“${name}” is goedgekeurd en staat op de kaart.`, "Approved: it is on the map.");
    if (what === "hide") say(`“${name}” is verborgen; de maker ziet je reden.`, "Hidden; the maker sees your reason.");
    if (what === "restore") say(`“${name}” staat weer op de kaart.`, "Restored: it is on the map again.");
    renderQueue();
    focusPin(p.id);
    loadLog();
  }
  function focusPin(id) {
    const li = document.getElementById(`pin-${id}`);
    (li?.querySelector(".uitkomst") || li?.querySelector("h3"))?.focus();
  }

  // ---- the small map of where a pin is ----
  // The buurt's streets, water and green around the pin, 520 × 320 m, in
  // the map's own projection simplified (metres east and south of the pin),
  // with the nearest street named beside it.
  const M_LAT = 110540;
  function locator(p) {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat)) return null;
    const cos = Math.cos((p.lat * Math.PI) / 180);
    const xy = ([lon, lat]) => [(lon - p.lon) * 111320 * cos, (p.lat - lat) * M_LAT];
    const W = 260, H = 160;
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", `${-W} ${-H} ${2 * W} ${2 * H}`);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "kaartje");
    const NS = svg.namespaceURI;
    let nearest = null;
    const feats = current?.geojson?.features || [];
    const inView = (pts) => pts.some(([x, y]) => Math.abs(x) < W * 2 && Math.abs(y) < H * 2);
    const lines = (g) => g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates
      : g.type === "Polygon" ? g.coordinates : g.type === "MultiPolygon" ? g.coordinates.flat() : [];
    const order = { groen: 0, water: 1, gebouw: 2, straat: 3, route: 4 };
    const drawn = feats.filter((f) => f.geometry && f.properties?.layer in order)
      .sort((a, b) => order[a.properties.layer] - order[b.properties.layer]);
    for (const f of drawn) {
      const layer = f.properties.layer, area = /Polygon/.test(f.geometry.type);
      for (const line of lines(f.geometry)) {
        const pts = line.map(xy);
        if (!inView(pts)) continue;
        const path = document.createElementNS(NS, "path");
        path.setAttribute("d", `M${pts.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join("L")}${area ? "Z" : ""}`);
        path.setAttribute("class", layer);
        svg.append(path);
        if (layer === "straat" && f.properties.name) {
          for (let i = 1; i < pts.length; i++) {
            const d = segDist(pts[i - 1], pts[i]);
            if (!nearest || d < nearest.d) nearest = { d, name: f.properties.name };
          }
        }
      }
    }
    for (const f of feats) {
      if (f.geometry?.type !== "Point" || !f.properties?.kind) continue;
      const [x, y] = xy(f.geometry.coordinates);
      if (Math.abs(x) > W || Math.abs(y) > H) continue;
      const c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", x.toFixed(1)); c.setAttribute("cy", y.toFixed(1)); c.setAttribute("r", "7");
      c.setAttribute("class", `plaats ${f.properties.kind}`);
      svg.append(c);
    }
    const pin = document.createElementNS(NS, "path");
    pin.setAttribute("d", "M0 0C-6-18-22-26-22-44A22 22 0 1 1 22-44C22-26 6-18 0 0Z");
    pin.setAttribute("class", "naald");
    const eye = document.createElementNS(NS, "circle");
    eye.setAttribute("cx", "0"); eye.setAttribute("cy", "-44"); eye.setAttribute("r", "8"); eye.setAttribute("class", "oog");
    svg.append(pin, eye);
    const where = nearest && nearest.d < 400
      ? bi(`Bij ${nearest.name} (${Math.max(10, Math.round(nearest.d / 10) * 10)} m)`, `Near ${nearest.name} (${Math.max(10, Math.round(nearest.d / 10) * 10)} m)`)
      : bi(`Op ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`, `At ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`);
    return el("div", { class: "waar" }, svg, el("p", {}, ...where));
  }
  function segDist([ax, ay], [bx, by]) {
    const dx = bx - ax, dy = by - ay, l = dx * dx + dy * dy;
    const t = l ? Math.max(0, Math.min(1, (-ax * dx - ay * dy) / l)) : 0;
    return Math.hypot(ax + t * dx, ay + t * dy);
  }

  // ---- promote: "Maak er een plek van" ----
  const dlg = $("promoveer"), pform = $("promoveer-vorm");
  let promoting = null; // the pin
  let promoteBack = null;
  const soorten = $("promoveer-soorten");
  soorten.replaceChildren(...KINDS.map((k) => el("label", { class: "soortknop" },
    el("input", { type: "radio", name: "kind", value: k.key, required: true }),
    el("span", { class: `stip ${k.key}`, "aria-hidden": "true" }),
    el("span", {}, k.nl, " ", english(`· ${k.en}`)))));

  async function openPromote(p) {
    promoting = p;
    promoteBack = document.activeElement;
    pform.reset();
    $("promoveer-fout").hidden = true;
    $("promoveer-naam-fout").hidden = true;
    $("promoveer-naam").removeAttribute("aria-invalid");
    $("promoveer-naam").value = p.name || "";
    $("promoveer-notitie").value = p.note || "";
    const radio = pform.querySelector(`input[name=kind][value="${CSS.escape(p.kind || "plek")}"]`);
    if (radio) radio.checked = true;
    $("promoveer-zoek").value = "";
    dlg.showModal();
    $("promoveer-naam").focus();
    try { await read(); } catch { /* the links list stays short */ }
    fillLinks();
  }
  function fillLinks() {
    const ul = $("promoveer-links"), q = $("promoveer-zoek").value.trim().toLowerCase();
    const p = promoting;
    if (!p) return;
    const checked = new Set([...ul.querySelectorAll("input:checked")].map((i) => i.value));
    const cos = Math.cos(((p.lat || 52) * Math.PI) / 180);
    const places = (current?.geojson?.features || []).filter((f) => f.geometry?.type === "Point" && f.properties?.kind && f.id !== undefined)
      .map((f) => ({ id: String(f.id), name: f.properties.name || String(f.id), kind: f.properties.kind,
        d: Math.hypot((f.geometry.coordinates[0] - p.lon) * cos, f.geometry.coordinates[1] - p.lat) }))
      .sort((a, b) => a.d - b.d);
    const shown = places.filter((x) => checked.has(x.id) || (q ? x.name.toLowerCase().includes(q) : false));
    const rest = q ? [] : places.filter((x) => !checked.has(x.id)).slice(0, 6);
    ul.replaceChildren(...[...shown, ...rest].map((x) => {
      const id = newId("link"), k = kindOf(x.kind);
      return el("li", {}, el("input", { type: "checkbox", id, value: x.id, checked: checked.has(x.id) }),
        el("label", { for: id }, x.name, " ", el("small", {}, `(${k.nl} `, english(`· ${k.en}`), ")")));
    }));
    if (!ul.children.length) ul.append(el("li", { class: "leeg" }, ...bi("Geen plek met die naam.", "No place by that name.")));
  }
  $("promoveer-zoek").addEventListener("input", fillLinks);
  $("promoveer-stop").addEventListener("click", () => dlg.close("cancel"));
  dlg.addEventListener("close", () => {
    promoting = null;
    if (promoteBack?.isConnected) promoteBack.focus();
  });
  pform.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const p = promoting;
    if (!p) return;
    const name = $("promoveer-naam").value.trim();
    if (!name) {
      const e = $("promoveer-naam-fout");
      e.hidden = false;
      e.replaceChildren(...bi("Geef de plek een naam.", "Give the place a name."));
      $("promoveer-naam").setAttribute("aria-invalid", "true");
      $("promoveer-naam").focus();
      return;
    }
    const body = { name, kind: pform.querySelector("input[name=kind]:checked")?.value || p.kind,
      note: $("promoveer-notitie").value.trim(), links: [...$("promoveer-links").querySelectorAll("input:checked")].map((i) => i.value) };
    const ok = $("promoveer-ok");
    ok.disabled = true;
    try {
      let rev = (await read()).revision;
      let res;
      for (let i = 0; i < 3; i++) {
        res = await api(`api/keeper/pins/${encodeURIComponent(p.id)}/promote`, { method: "POST", headers: { "If-Match": `"${rev}"` }, body: JSON.stringify(body) });
        if (res.status !== 412) break;
        // A new revision meanwhile: a new place sits on top of any, once its links still exist.
        const latest = await read();
        rev = latest.revision;
        const ids = new Set(latest.geojson.features.map((f) => String(f.id)));
        body.links = body.links.filter((l) => ids.has(l));
      }
      if (res.status !== 201 && res.status !== 200) {
        const pr = await problem(res), e = $("promoveer-fout");
        e.hidden = false;
        e.replaceChildren(...bi(pr.nl, pr.en));
        return;
      }
      const a = await res.json();
      handled.set(p.id, { ...p, name, status: "promoted", revision: a.revision, place: a.place });
      dlg.close("done");
      say(`“${name}” is nu een plek van de kaart (versie ${a.revision}).`, `“${name}” is now a place of the map (revision ${a.revision}).`);
      renderQueue();
      focusPin(p.id);
      await read().catch(() => {});
      changed({ revision: a.revision, by: "promote", summary: name, place: a.place });
    } catch (e) {
      const er = $("promoveer-fout");
      er.hidden = false;
      er.replaceChildren(...bi("Het lukte niet; probeer het opnieuw.", e.message));
    } finally {
      ok.disabled = false;
    }
  });

  // ---- keepers ----
  async function loadKeepers() {
    const res = await api("api/keeper/keepers");
    if (!res.ok) { sayProblem(await problem(res)); return; }
    const keepers = (await res.json()).keepers || [];
    const ul = $("beheerderlijst");
    const active = keepers.filter((k) => !k.revoked), gone = keepers.filter((k) => k.revoked);
    ul.replaceChildren(...active.map((k) => keeperRow(k, active.length)),
      ...gone.map((k) => el("li", { class: "weg" }, el("span", { class: "naam", text: k.name }), " ", el("small", {}, ...bi("verwijderd", "removed")))));
  }
  function keeperRow(k, activeCount) {
    const d = newId("beheerder");
    const self = me && k.id === me.id;
    const row = el("li", { "data-id": k.id },
      el("span", { class: "naam", id: d }, k.name, self ? [" ", el("small", {}, ...bi("(jij)", "(you)"))] : null),
      " ", el("small", { class: "sinds" }, k.added_at ? `sinds ${day(k.added_at)}` : "", k.added_by ? `, uitgenodigd door ${k.added_by}` : ""));
    if (activeCount > 1) {
      const ask = el("span", { class: "zeker", hidden: true });
      const remove = el("button", { type: "button", class: "klein verwijder", "aria-describedby": d, onclick: () => {
        remove.hidden = true; ask.hidden = false; ask.querySelector("button.ja").focus();
      } }, ...bi("Verwijderen", "Remove"));
      ask.append(...bi(self ? "Jezelf verwijderen?" : "Zeker weten?", self ? "Remove yourself?" : "Are you sure?"), " ",
        el("button", { type: "button", class: "klein ja", "aria-describedby": d, onclick: () => removeKeeper(k) }, ...bi("Ja, verwijderen", "Yes, remove")), " ",
        el("button", { type: "button", class: "klein", onclick: () => { ask.hidden = true; remove.hidden = false; remove.focus(); } }, ...bi("Nee", "No")));
      row.append(" ", remove, ask);
    }
    return row;
  }
  async function removeKeeper(k) {
    const res = await api(`api/keeper/keepers/${encodeURIComponent(k.id)}`, { method: "DELETE" });
    if (res.status === 204 || res.ok) {
      say(`${k.name} is geen beheerder meer; de link en het apparaat werken niet meer.`, `${k.name} is no longer a keeper.`);
      if (me && k.id === me.id) return signedOut("revoked");
      await loadKeepers();
      $("beheerders").focus();
      loadLog();
    } else if (res.status === 409) {
      say("De laatste beheerder kan niet weg: nodig eerst iemand anders uit.", "The last keeper cannot be removed: invite someone else first.");
    } else sayProblem(await problem(res));
  }
  $("uitnodigen").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const input = $("nieuwe-naam"), err = $("nieuwe-naam-fout"), name = input.value.trim();
    if (!name) {
      err.hidden = false;
      err.replaceChildren(...bi("Vul een naam in.", "Fill in a name."));
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    err.hidden = true; input.removeAttribute("aria-invalid");
    const res = await api("api/keeper/keepers", { method: "POST", body: JSON.stringify({ name }) });
    if (!res.ok) { const p = await problem(res); err.hidden = false; err.replaceChildren(...bi(p.nl, p.en)); return; }
    const a = await res.json();
    const link = new URL(a.link, location.origin).href;
    const box = $("uitnodiging");
    $("uitnodiging-kop").replaceChildren(...bi(`Link voor ${a.keeper?.name || name}`, `Link for ${a.keeper?.name || name}`));
    $("uitnodiging-link").value = link;
    $("uitnodiging-gekopieerd").textContent = "";
    $("uitnodiging-deel").hidden = !navigator.share;
    box.hidden = false;
    input.value = "";
    say(`${a.keeper?.name || name} is uitgenodigd. Geef de link door.`, "Invited. Pass the link on.");
    $("uitnodiging-link").focus();
    $("uitnodiging-link").select();
    await loadKeepers();
    loadLog();
  });
  $("uitnodiging-kopieer").addEventListener("click", async () => {
    const input = $("uitnodiging-link");
    let ok = false;
    try { await navigator.clipboard.writeText(input.value); ok = true; } catch {
      input.select();
      try { ok = document.execCommand("copy"); } catch { ok = false; }
    }
    $("uitnodiging-gekopieerd").replaceChildren(...(ok ? bi("Gekopieerd.", "Copied.") : bi("Kopiëren lukte niet; selecteer de link en kopieer hem zelf.", "Copying failed; select the link and copy it yourself.")));
  });
  $("uitnodiging-deel").addEventListener("click", () => {
    navigator.share?.({ title: "Beheer van de buurtkaart", text: "Je link om de buurtkaart mee bij te houden (werkt één keer):", url: $("uitnodiging-link").value }).catch(() => {});
  });

  // ---- history and the log ----
  let revisions = [];
  let revShown = 20;
  async function loadRevisions() {
    const res = await api("api/map/revisions");
    if (!res.ok) { sayProblem(await problem(res)); return; }
    revisions = (await res.json()).revisions || [];
    renderRevisions();
  }
  function renderRevisions() {
    const ol = $("versielijst");
    const first = Math.min(...revisions.map((r) => r.n));
    ol.replaceChildren(...revisions.slice(0, revShown).map((r) => {
      const d = newId("versie");
      const li = el("li", { "data-n": r.n },
        el("span", { id: d }, el("strong", {}, `Versie ${r.n}`, " ", english(`· Revision ${r.n}`)), " — ", when(r.at), ", ",
          `door ${r.who || "?"}`, r.summary ? [": ", el("span", { class: "samenvatting", text: readSummary(r.summary) })] : null,
          " ", english(`· by ${r.who || "?"}`)));
      if (r.n !== first) {
        li.append(" ", el("button", { type: "button", class: "klein ongedaan", "aria-describedby": d, onclick: (ev) => undo(r, ev.currentTarget) }, ...bi("Ongedaan maken", "Undo")));
      } else li.append(" ", el("small", {}, ...bi("(de eerste versie)", "(the first revision)")));
      return li;
    }));
    $("versies-meer").hidden = revisions.length <= revShown;
  }
  $("versies-meer").addEventListener("click", () => { revShown += 20; renderRevisions(); });
  async function undo(r, button) {
    button.disabled = true;
    try {
      let rev = (await read()).revision, res;
      for (let i = 0; i < 3; i++) {
        res = await api(`api/keeper/revisions/${r.n}/undo`, { method: "POST", headers: { "If-Match": `"${rev}"` }, body: "{}" });
        if (res.status !== 412) break;
        rev = (await read()).revision; // someone saved just now: undo on top of theirs
      }
      if (!res.ok) { sayProblem(await problem(res)); return; }
      const a = await res.json();
      say(`Versie ${r.n} is ongedaan gemaakt: nu versie ${a.revision}.`, `Revision ${r.n} was undone: now revision ${a.revision}.`);
      await read().catch(() => {});
      await loadRevisions();
      $("versielijst").querySelector("li button")?.focus();
      changed({ revision: a.revision, by: "undo", summary: `undo ${r.n}` });
      loadLog();
    } finally {
      if (button.isConnected) button.disabled = false;
    }
  }
  const ACTIONS = {
    "keeper.add": ["beheerder uitgenodigd", "keeper invited"], "keeper.remove": ["beheerder verwijderd", "keeper removed"],
    signin: ["aangemeld", "signed in"], "map.save": ["kaart bewaard", "map saved"], "map.undo": ["versie ongedaan gemaakt", "revision undone"],
    approve: ["pin goedgekeurd", "pin approved"], hide: ["pin verborgen", "pin hidden"], restore: ["pin teruggezet", "pin restored"],
    promote: ["pin werd plek", "pin made a place"], save: ["kaart bewaard", "map saved"], undo: ["ongedaan gemaakt", "undone"],
    invite: ["uitgenodigd", "invited"], remove: ["beheerder verwijderd", "keeper removed"], session: ["aangemeld", "signed in"],
    "map.new": ["nieuwe kaart gestart", "new map started"],
  };
  async function loadLog() {
    const res = await api("api/keeper/log");
    if (!res.ok) return;
    const log = (await res.json()).log || [];
    $("loglijst").replaceChildren(...log.slice(0, 200).map((x) => {
      const a = ACTIONS[x.action] || ACTIONS[String(x.action).split(/[._-]/).pop()];
      return el("li", {}, el("time", { datetime: x.at, text: when(x.at) }), " — ", el("strong", { text: x.keeper || "?" }), ": ",
        a ? [a[0], " ", english(`· ${a[1]}`)] : String(x.action || ""), x.detail ? ` — ${readSummary(x.detail)}` : "");
    }));
    if (!log.length) $("loglijst").append(el("li", {}, ...bi("Nog niets gedaan.", "Nothing done yet.")));
  }
  onChange(() => { loadRevisions(); });

  $("pins-ververs").addEventListener("click", async () => {
    handled.clear();
    await loadQueue();
    say("De lijst is bijgewerkt.", "The list is up to date.");
  });

  // ---- start ----
  const ready = session.then(async (s) => {
    if (!s) { signedOut(); return null; }
    signIn.hidden = true;
    work.hidden = false;
    document.querySelector(".naar-werk").hidden = false;
    const wie = $("wie");
    wie.hidden = false;
    const out = el("button", { type: "button", class: "klein", onclick: () => {
      signedOut("out"); signIn.focus();
    } }, ...bi("Afmelden", "Sign out"));
    wie.replaceChildren(...bi(`Aangemeld als ${s.keeper?.name || "beheerder"}`, `Signed in as ${s.keeper?.name || "keeper"}`), " ", out);
    try {
      const m = await read();
      if (m.geojson.title || m.geojson.buurt) {
        $("kaartnaam").textContent = m.geojson.title || m.geojson.buurt;
        document.title = `Beheer · ${m.geojson.buurt || m.geojson.title} · buurtkaart`;
      }
    } catch (e) { say("De kaart ophalen lukte niet.", e.message); }
    await Promise.all([loadQueue(), loadKeepers(), loadRevisions(), loadLog()].map((p) => p.catch((e) => console.error(e))));
    document.body.dataset.beheer = "ready";
    return s;
  });

  window.buurtkaartBeheer = { slug, root, ready, api, map, save, onChange, kinds: KINDS, say, english };
})();
