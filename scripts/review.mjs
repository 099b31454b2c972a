// Browser checks for the findings of the outside review (issue 12): one named
// check per finding, each in a fresh browser context, against a running
// server (BASE_URL: `buurtkaart serve` or the Worker under `wrangler dev`),
// on the sample map. Every check failed on main before the work on issue 12.
//
//   BASE_URL=http://127.0.0.1:8080 node scripts/review.mjs
//   ONLY=3,4 … runs the checks of findings 3 and 4 only.
//
// A check stops at its first hard assertion; softer ones (t.ok) are collected
// so one run lists everything a check found. Pins a check saves are deleted
// again with their delete token (localStorage "buurtkaart.mine").
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

const base = (process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
const only = (process.env.ONLY || "").split(",").map((s) => s.trim()).filter(Boolean);

const LAPTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const SETTLE_MS = 250; // the view debounces its redraws and URL ~150 ms

function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
  });
}

// pageHelpers runs in the page (an init script): geometry and text helpers
// the checks share, as globalThis.__rv.
function pageHelpers() {
  const $ = (s) => document.querySelector(s);
  const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const rect = (el) => box(el.getBoundingClientRect());
  const viewport = () => ({ left: 0, top: 0, right: innerWidth, bottom: innerHeight });
  const clip = (a, b) => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
  const within = (p, r, m = 0) => p.x >= r.left + m && p.x <= r.right - m && p.y >= r.top + m && p.y <= r.bottom - m;
  const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const inViewport = (r, m = 0.5) => r.left >= -m && r.top >= -m && r.right <= innerWidth + m && r.bottom <= innerHeight + m;
  const fmt = (r) => `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
  const shown = (el) => !!el && el.getClientRects().length > 0 && (!el.checkVisibility || el.checkVisibility({ visibilityProperty: true }));
  // The part of the drawing on screen: the svg within its box and the window.
  const mapRect = () => clip(clip(rect($("#kaart")), rect($("#kaartvak"))), viewport());
  const scale = () => parseFloat($("#kaart").style.getPropertyValue("--s"));
  // project: a place's drawing coordinates to the screen (CSS px).
  function project(id) {
    const p = globalThis.buurtkaart.place(id), m = $("#kaart").getScreenCTM();
    return { id, name: p.name, x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
  }
  const ids = () => [...new Set([...document.querySelectorAll("#lijst button[data-id]")].map((b) => b.dataset.id))];
  const key = (s) => s.replace(/\s+/g, "").toLowerCase();
  // A label's name: the text and its folded lines, without the note lines.
  const labelName = (t) => [...t.childNodes].filter((n) => !(n.nodeType === 1 && n.classList.contains("notitie"))).map((n) => n.textContent).join("");
  const card = () => $("#kaartje");
  const cardOpen = () => shown(card()) && !card().hidden;

  // markless: names on screen whose place's mark is not drawn under its point.
  function markless() {
    const r = mapRect();
    const onScreen = new Set([...document.querySelectorAll("#kaart .labels text")]
      .filter((t) => shown(t) && meets(rect(t), r)).map((t) => key(labelName(t))));
    const missing = [];
    let checked = 0;
    for (const id of ids()) {
      const p = project(id);
      if (!onScreen.has(key(p.name)) || !within(p, r, 2)) continue;
      checked++;
      const near = [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2], [3, 3], [-3, -3], [3, -3], [-3, 3]];
      const hasMark = near.some(([dx, dy]) => document.elementsFromPoint(p.x + dx, p.y + dy).some((e) => e.matches("path.mark")));
      if (!hasMark) missing.push(`${p.name} (${Math.round(p.x)},${Math.round(p.y)})`);
    }
    return { checked, missing };
  }

  // langSplit: an element's text, split by the language it is read in.
  function langSplit(el) {
    let en = "", other = "";
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const l = n.parentElement.closest("[lang]");
      if (l && /^en\b/i.test(l.getAttribute("lang"))) en += n.textContent; else other += n.textContent;
    }
    return { en: en.trim(), other: other.trim() };
  }
  // englishProblems: each English phrase must be read as English (inside a
  // lang=en element) and nowhere read in Dutch.
  function englishProblems(sel, phrases) {
    const el = typeof sel === "string" ? $(sel) : sel;
    if (!el) return [`${sel} is not there`];
    const { en, other } = langSplit(el);
    const out = [];
    for (const w of phrases) {
      if (!en.includes(w)) out.push(`"${w}" is not inside [lang=en] in ${el.id ? "#" + el.id : el.tagName.toLowerCase()} ("${el.textContent.trim().slice(0, 90)}")`);
      else if (other.includes(w)) out.push(`"${w}" is also read in Dutch in ${el.id ? "#" + el.id : el.tagName.toLowerCase()}`);
    }
    return out;
  }

  // fullyVisible: a grid of points over the element all hit the element itself
  // (nothing over it, nothing cut off by the window).
  function fullyVisible(el) {
    const r = rect(el);
    if (!inViewport(r)) return `${el.id || el.tagName} at ${fmt(r)} is not within the ${innerWidth}×${innerHeight} window`;
    const covered = new Set();
    for (let i = 0; i <= 6; i++) for (let j = 0; j <= 6; j++) {
      // 8 px in from the edges: clear of rounded corners.
      const x = r.left + 8 + (r.right - r.left - 16) * i / 6, y = r.top + 8 + (r.bottom - r.top - 16) * j / 6;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !el.contains(hit)) covered.add(hit ? describe(hit.closest("[id], [class]") || hit) : "nothing");
    }
    return covered.size ? `parts of ${el.id || el.tagName} (${fmt(r)}) are under ${[...covered].join(", ")}` : "";
  }

  // emptyPaper: a point on screen on the drawing, nearest the map's middle,
  // that the core says is no place (a tap there opens the pin form).
  function emptyPaper() {
    const svg = $("#kaart"), s = scale(), inv = svg.getScreenCTM().inverse(), r = mapRect();
    const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2, pts = [];
    for (let y = r.top + 40; y < r.bottom - 40; y += 12) for (let x = r.left + 40; x < r.right - 40; x += 12) pts.push({ x, y });
    pts.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
    for (const p of pts) {
      const stack = document.elementsFromPoint(p.x, p.y);
      if (!stack[0]?.closest("#kaart") || stack.some((e) => e.matches("text, tspan, use, path.mark") || e.closest("#pins, #hier, #verbindingen"))) continue;
      const d = new DOMPoint(p.x, p.y).matrixTransform(inv);
      if (globalThis.buurtkaart.hit(s, [], d.x, d.y, 12)) continue;
      return p;
    }
    return null;
  }

  const describe = (a) => a.id ? "#" + a.id : `${a.tagName.toLowerCase()}${a.classList.length ? "." + a.classList[0] : ""}`;
  const active = () => {
    const a = document.activeElement;
    return !a || a === document.body ? "body" : describe(a);
  };

  // undo: the button that takes the pin just saved away again.
  const undo = () => [...document.querySelectorAll("button")].find((b) => /Ongedaan maken/.test(b.textContent));

  globalThis.__rv = { undo, $, rect, clip, within, meets, inViewport, fmt, shown, mapRect, scale, project, ids, labelName, key,
    card, cardOpen, markless, langSplit, englishProblems, fullyVisible, emptyPaper, active };
}

// ---- node-side helpers ----

// soft collects assertions that do not stop a check.
function soft() {
  const failed = [];
  return { ok(cond, msg) { if (!cond) failed.push(msg); }, failed };
}

// poll evaluates fn(arg) in the page until pred(value) holds or time runs
// out, and returns the last value: wait for a condition, then assert on it.
async function poll(page, fn, arg, pred, timeout = 4000) {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (pred(v) || Date.now() > until) return v;
    await page.waitForTimeout(100);
  }
}

const redraws = (page) => page.evaluate(() => Number(document.body.dataset.redraws || 0));

// redrawn runs an action that changes the view and waits for the redraw.
async function redrawn(page, action) {
  const n = await redraws(page);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.redraws || 0) > n, n, { timeout: 5000 });
  await page.waitForTimeout(SETTLE_MS);
}

// open loads the page (a full load, even when only the hash differs) and
// waits for the core and its first redraw.
async function open(page, hash = "") {
  if (page.url() !== "about:blank") await page.goto("about:blank");
  await page.goto(base + "/" + hash);
  await ready(page);
}
async function ready(page) {
  await page.waitForSelector("body[data-core=ready]", { timeout: 30000 });
  await page.waitForFunction(() => Number(document.body.dataset.redraws || 0) >= 1, null, { timeout: 15000 });
  await page.waitForTimeout(SETTLE_MS);
}

// inContext runs fn(page, ctx, t) in a fresh context, then deletes the pins
// it saved and fails with every soft assertion it collected.
async function inContext(browser, options, fn) {
  const ctx = await browser.newContext(options);
  await ctx.addInitScript(pageHelpers);
  const page = await ctx.newPage();
  page.setDefaultTimeout(8000);
  const t = soft();
  try {
    await fn(page, ctx, t);
  } catch (e) {
    // The first line, and for a Playwright wait what it waited for.
    const lines = e.message.split("\n");
    t.failed.push([lines[0], ...lines.filter((l) => /waiting for/.test(l)).slice(0, 1).map((l) => l.trim())].join(" — "));
  } finally {
    await forgetPins(page).catch(() => {});
    await ctx.close();
  }
  if (t.failed.length) throw new Error(t.failed.join("\n      "));
}

async function forgetPins(page) {
  if (!page.url().startsWith(base)) return;
  const mine = await page.evaluate(() => { try { return JSON.parse(localStorage.getItem("buurtkaart.mine")) || {}; } catch { return {}; } });
  for (const [id, token] of Object.entries(mine)) {
    await page.request.delete(`${base}/api/pins/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  }
}

// savePinByClick drops a pin by clicking empty paper and saving the form with the mouse.
async function savePinByClick(page) {
  const spot = await page.evaluate(() => __rv.emptyPaper());
  assert.ok(spot, "no empty paper on the map to tap");
  await page.mouse.click(spot.x, spot.y);
  await page.waitForSelector("#pinform[open]");
  await page.locator('#pinform input[value="plek"]').check();
  await page.locator("#pin-note").fill(`review ${Date.now()}`);
  await page.locator("#bewaar").click();
  await page.waitForFunction(() => /Dank je/.test(document.getElementById("status")?.textContent || ""), null, { timeout: 15000 });
}

// ---- the checks, one per finding ----

const checks = [
  { n: 1, name: "every name on screen keeps its mark (laptop, zoomed in, panned)", run: (browser) => inContext(browser, LAPTOP, async (page, ctx, t) => {
    await open(page, "#z=4&c=500,463");
    const look = async (where) => {
      const m = await page.evaluate(() => __rv.markless());
      assert.ok(m.checked >= 5, `${where}: only ${m.checked} named places on screen to check`);
      t.ok(m.missing.length === 0, `${where}: ${m.missing.length} of ${m.checked} names on screen without their mark: ${m.missing.join(", ")}`);
    };
    await look("zoomed in (z=4)");
    const drag = async (dx) => {
      const c = await page.evaluate(() => { const r = __rv.mapRect(); return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 }; });
      await redrawn(page, async () => {
        await page.mouse.move(c.x, c.y);
        await page.mouse.down();
        await page.mouse.move(c.x + dx, c.y, { steps: 8 });
        await page.mouse.up();
      });
    };
    await drag(350);
    await look("panned left");
    await drag(-700);
    await look("panned right");
  }) },

  { n: 2, name: "phone: a place chosen in the list opens its card on screen, the map at the place", run: (browser) => inContext(browser, PHONE, async (page) => {
    await open(page);
    await page.locator("#lijst summary").click();
    const button = page.locator("#lijst button[data-id]").first();
    const id = await button.getAttribute("data-id");
    await button.click();
    const v = await poll(page, (id) => {
      const k = __rv.card(), r = __rv.rect(k), p = __rv.project(id), vak = __rv.rect(__rv.$("#kaartvak"));
      const vp = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      return { open: __rv.cardOpen(), card: __rv.fmt(r), cardIn: __rv.inViewport(r), p: `${Math.round(p.x)},${Math.round(p.y)}`, name: p.name,
        pIn: __rv.within(p, vp) && __rv.within(p, vak), vak: __rv.fmt(vak), scrollY: Math.round(scrollY) };
    }, id, (v) => v.open && v.cardIn && v.pIn);
    assert.ok(v.open, `the card for ${v.name} did not open`);
    assert.ok(v.cardIn, `the card for ${v.name} is at ${v.card}, not within the 390×844 screen (scrollY ${v.scrollY})`);
    assert.ok(v.pIn, `${v.name} is at ${v.p} on screen, not in the window and the map (#kaartvak ${v.vak})`);
  }) },

  { n: 3, name: "phone: the card clears the zoom buttons, is wholly visible and leaves its place in view", run: (browser) => inContext(browser, PHONE, async (page, ctx, t) => {
    await open(page);
    // A place with links, put low and left of the middle at level 6, where
    // a card in the map's lower corner would lie over it; then tap its mark.
    const target = await page.evaluate(() => {
      const place = (id) => globalThis.buurtkaart.place(id);
      const id = __rv.ids().find((id) => place(id).links.length > 0);
      const p = place(id);
      return { id, c: `${Math.round(p.x + 67)},${Math.round(p.y - 54)}` };
    });
    await open(page, `#z=6&c=${target.c}`);
    await page.evaluate(() => __rv.$("#kaartvak").scrollIntoView({ block: "start" }));
    await page.waitForTimeout(SETTLE_MS);
    // That place, or else another with links on screen, whose mark a tap hits.
    const id = await page.evaluate((want) => {
      const hits = (id) => {
        const p = globalThis.buurtkaart.place(id), q = __rv.project(id);
        return p.links.length > 0 && __rv.within(q, __rv.mapRect(), 24) && globalThis.buurtkaart.hit(__rv.scale(), [], p.x, p.y, 22)?.id === id;
      };
      return hits(want) ? want : __rv.ids().find(hits);
    }, target.id);
    assert.ok(id, "no place with links on screen to tap");
    const p0 = await page.evaluate((id) => __rv.project(id), id);
    assert.ok(p0.y > 0 && p0.y < 844, `${p0.name} is off screen at ${Math.round(p0.x)},${Math.round(p0.y)} before the tap`);
    await page.touchscreen.tap(p0.x, p0.y);
    await page.waitForFunction((name) => __rv.cardOpen() && __rv.$("#kaartje .naam")?.textContent.trim() === name, p0.name, { timeout: 5000 });
    const v = await poll(page, (id) => {
      const k = __rv.card(), r = __rv.rect(k), p = __rv.project(id);
      const buttons = [...document.querySelectorAll(".knoppen-kaart button")].filter(__rv.shown).map(__rv.rect);
      return { card: __rv.fmt(r), links: k.querySelectorAll(".verbanden li").length,
        onButtons: buttons.filter((b) => __rv.meets(r, b)).map(__rv.fmt), hidden: __rv.fullyVisible(k),
        p: `${Math.round(p.x)},${Math.round(p.y)}`, underCard: __rv.within(p, r, -4) };
    }, id, (v) => !v.onButtons.length && !v.hidden && !v.underCard);
    assert.ok(v.links > 0, "the card shows no 'Hoort bij' links");
    t.ok(v.onButtons.length === 0, `the card (${v.card}) lies on the zoom buttons at ${v.onButtons.join("; ")}`);
    t.ok(!v.hidden, `the card is not wholly visible: ${v.hidden}`);
    t.ok(!v.underCard, `the card (${v.card}) covers its own place, at ${v.p}`);
  }) },

  { n: 4, name: "keyboard only: tab order, pin at the crosshair, focus after form, search and card", run: (browser) => inContext(browser, LAPTOP, async (page, ctx, t) => {
    await open(page);
    // Tab from the top of the page.
    const order = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => __rv.active()));
      if (order.at(-1) === "#zoek") break;
    }
    const at = (id) => order.indexOf(id), zoek = at("#zoek");
    t.ok(zoek >= 0 && at("#pinhier") >= 0 && at("#pinhier") < zoek && at("#looproute") >= 0 && at("#looproute") < zoek,
      `#pinhier and #looproute must come before #zoek in the tab order; Tab from the top gives ${order.join(" → ")}`);

    // Choosing a search result, then closing the card by Escape and by ×.
    const viaSearch = async () => {
      await page.locator("#zoek").fill("markt");
      await page.locator("#zoekresultaten button").first().focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => __rv.cardOpen());
      return poll(page, () => __rv.active(), null, (a) => a === "#kaartje", 1500);
    };
    const focusAfterClose = (how) => poll(page, () => __rv.cardOpen() ? "card still open" : __rv.active(), null, (a) => a === "#kaartvak", 1500)
      .then((a) => t.ok(a === "#kaartvak", `closing the card (${how}): focus on ${a}, want #kaartvak`));
    let a = await viaSearch();
    t.ok(a === "#kaartje", `choosing a search result: focus on ${a}, want #kaartje`);
    await page.keyboard.press("Escape");
    await focusAfterClose("Escape");
    await viaSearch();
    await page.locator("#kaartje-dicht").focus();
    await page.keyboard.press("Enter");
    await focusAfterClose("×");

    // A pin at the crosshair, without location sharing.
    await page.locator("#kaartvak").focus();
    await page.keyboard.press("Enter");
    const vizier = await poll(page, () => {
      const v = __rv.$("#vizier"), r = __rv.mapRect();
      if (!__rv.shown(v)) return null;
      const b = __rv.rect(v);
      return { dx: (b.left + b.right) / 2 - (r.left + r.right) / 2, dy: (b.top + b.bottom) / 2 - (r.top + r.bottom) / 2 };
    }, null, (v) => v !== null, 1500);
    assert.ok(vizier, "Enter on the focused map (#kaartvak) shows no crosshair #vizier: no way to add a pin by keyboard without location sharing");
    t.ok(Math.abs(vizier.dx) < 24 && Math.abs(vizier.dy) < 24, `the crosshair is ${Math.round(vizier.dx)},${Math.round(vizier.dy)} px off the map's centre`);
    const vb = await page.evaluate(() => __rv.$("#kaart").getAttribute("viewBox"));
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(SETTLE_MS);
    t.ok(await page.evaluate((vb) => __rv.$("#kaart").getAttribute("viewBox") !== vb && __rv.shown(__rv.$("#vizier")), vb),
      "ArrowRight with the crosshair shown does not pan the map under it (or hides the crosshair)");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#pinform[open]", { timeout: 3000 });
    // Escape in the form: back to the map.
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !__rv.$("#pinform").open);
    a = await poll(page, () => __rv.active(), null, (a) => a === "#kaartvak", 1500);
    t.ok(a === "#kaartvak", `Escape in the pin form: focus on ${a}, want #kaartvak`);
    // Again, and save by keyboard: a kind, a note, Bewaren.
    await page.locator("#kaartvak").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => __rv.shown(__rv.$("#vizier")));
    await page.keyboard.press("Enter");
    await page.waitForSelector("#pinform[open]", { timeout: 3000 });
    const tabTo = async (test, what) => {
      for (let i = 0; i < 25 && !(await page.evaluate(test)); i++) await page.keyboard.press("Tab");
      assert.ok(await page.evaluate(test), `Tab never reaches ${what} in the pin form`);
    };
    await tabTo(() => document.activeElement?.name === "kind", "a kind");
    await page.keyboard.press("ArrowDown");
    if (!(await page.evaluate(() => !!document.querySelector('#pinform input[name="kind"]:checked')))) await page.keyboard.press("Space");
    assert.ok(await page.evaluate(() => !!document.querySelector('#pinform input[name="kind"]:checked')), "no kind chosen by keyboard");
    await tabTo(() => document.activeElement?.id === "pin-note", "the note");
    await page.keyboard.type(`review keyboard ${Date.now()}`);
    await tabTo(() => document.activeElement?.id === "bewaar", "Bewaren");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /Dank je/.test(document.getElementById("status")?.textContent || ""), null, { timeout: 15000 });
    a = await poll(page, () => __rv.active(), null, (a) => a === "#kaartvak", 1500);
    t.ok(a === "#kaartvak", `after saving a pin: focus on ${a}, want #kaartvak`);
  }) },

  { n: 5, name: "screen readers: the map named, a way to the list, the card named, headings in order", run: (browser) => inContext(browser, LAPTOP, async (page, ctx, t) => {
    await open(page);
    const v = await page.evaluate(() => {
      const vak = __rv.$("#kaartvak");
      const named = (el) => (el.getAttribute("aria-label") || (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent || "").join(" ")).trim();
      const prev = vak.previousElementSibling;
      const ways = [...vak.querySelectorAll("a, button"), ...(prev ? [prev, ...prev.querySelectorAll("a, button")] : [])]
        .filter((e) => e.matches('a[href="#lijst"], [aria-controls~="lijst"]'));
      return { role: vak.getAttribute("role") || "", name: named(vak), ways: ways.length };
    });
    t.ok(v.role !== "", "#kaartvak has no role");
    t.ok(v.name !== "", "#kaartvak has no accessible name (aria-label or aria-labelledby)");
    t.ok(v.ways > 0, "no link or button to the list (a[href=\"#lijst\"] or [aria-controls=lijst]) inside or right before #kaartvak");
    // The card's name.
    await page.locator("#lijst summary").click();
    await page.locator("#lijst button[data-id]").first().click();
    await page.waitForFunction(() => __rv.cardOpen());
    const c = await page.evaluate(() => {
      const k = __rv.card();
      const name = (k.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent || "").join(" ").trim()
        || (k.getAttribute("aria-label") || "").trim();
      return { name, want: k.querySelector(".naam")?.textContent.trim() };
    });
    t.ok(c.name !== "" && c.name.includes(c.want), `the card has no accessible name with the place's name "${c.want}" (got "${c.name}")`);
    // Headings as a screen reader meets them: card closed, list open.
    await page.evaluate(() => { __rv.$("#kaartje-dicht")?.click(); __rv.$("#lijst").open = true; });
    await page.waitForFunction(() => !__rv.cardOpen());
    const h = await page.evaluate(() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(__rv.shown)
      .map((e) => ({ level: Number(e.tagName[1]), text: `${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 40)}"` })));
    const skips = h.filter((x, i) => (i === 0 ? x.level !== 1 : x.level > h[i - 1].level + 1)).map((x) => {
      const i = h.indexOf(x);
      return i === 0 ? `first heading is ${x.text}` : `${x.text} follows ${h[i - 1].text}`;
    });
    t.ok(skips.length === 0, `heading levels skip: ${skips.slice(0, 3).join("; ")}`);
  }) },

  { n: 6, name: "search: nothing found is said, ↓ reaches the results, Enter chooses the first", run: (browser) => inContext(browser, LAPTOP, async (page, ctx, t) => {
    await open(page);
    const zoek = page.locator("#zoek");
    await zoek.fill("xyzzy");
    const none = await poll(page, () => { const u = __rv.$("#zoekresultaten"); return { shown: __rv.shown(u), text: u.textContent.trim() }; }, null,
      (v) => v.shown && /Niets gevonden/.test(v.text), 1500);
    t.ok(none.shown && /Niets gevonden/.test(none.text), `searching "xyzzy": #zoekresultaten ${none.shown ? `says "${none.text}"` : "shows nothing"}, want "Niets gevonden"`);
    await zoek.fill("markt");
    await page.waitForSelector("#zoekresultaten button");
    await zoek.focus();
    await page.keyboard.press("ArrowDown");
    const down = await poll(page, () => document.activeElement === document.querySelector("#zoekresultaten button") ? "first result" : __rv.active(), null,
      (a) => a === "first result", 1500);
    t.ok(down === "first result", `↓ in #zoek: focus on ${down}, want the first result button`);
    await zoek.fill("");
    await zoek.fill("markt");
    await zoek.focus();
    const first = await page.evaluate(() => globalThis.buurtkaart.place(globalThis.buurtkaart.search("markt")[0]).name);
    await page.keyboard.press("Enter");
    const card = await poll(page, () => (__rv.cardOpen() ? __rv.$("#kaartje .naam").textContent.trim() : null), null, (n) => n !== null, 1500);
    t.ok(card === first, `Enter in #zoek ("markt"): ${card ? `card for ${card}` : "no card"}, want the card for ${first}`);
  }) },

  { n: 7, name: "English parts are marked lang=en: status, Undo, Copied, placeholder, result kinds, legend, attribution", run: (browser) => inContext(browser, LAPTOP, async (page, ctx, t) => {
    await open(page);
    await savePinByClick(page);
    await page.waitForFunction(() => __rv.undo());
    for (const p of await page.evaluate(() => __rv.englishProblems("#status", ["Thank you"]))) t.ok(false, `status after saving a pin: ${p}`);
    for (const p of await page.evaluate(() => __rv.englishProblems(__rv.undo(), ["Undo"]))) t.ok(false, `Undo button: ${p}`);
    // The embed dialog's copy button.
    await page.locator("#insluiten summary").click();
    await page.locator("#insluit-kopieer").click();
    await page.waitForFunction(() => __rv.$("#insluit-gekopieerd").textContent.trim() !== "");
    for (const p of await page.evaluate(() => __rv.englishProblems("#insluit-gekopieerd", ["Copied"]))) t.ok(false, `after copying the embed code: ${p}`);
    // The search: placeholder and the kinds in the results.
    const ph = await page.locator("#zoek").getAttribute("placeholder");
    t.ok(/\bname\b/i.test(ph || ""), `#zoek placeholder "${ph}" has no English ("name")`);
    const q = await page.evaluate(() => {
      const id = __rv.ids().find((id) => { const p = globalThis.buurtkaart.place(id); return p.kindEN !== p.kindNL; });
      const p = globalThis.buurtkaart.place(id);
      return { name: p.name, kindEN: p.kindEN };
    });
    await page.locator("#zoek").fill(q.name);
    await page.waitForSelector("#zoekresultaten button");
    for (const p of await page.evaluate((kind) => __rv.englishProblems(__rv.$("#zoekresultaten button"), [kind]), q.kindEN)) t.ok(false, `search result for "${q.name}": ${p}`);
    // The legend's accessible name and the map's attribution.
    const legend = await page.evaluate(() => {
      const l = __rv.$(".legenda");
      const by = (l.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent || "").join(" ");
      return (by || l.getAttribute("aria-label") || "").trim();
    });
    t.ok(/\b(kinds?|show|hide|tap)\b/i.test(legend), `the legend's accessible name "${legend}" has no English`);
    const attribution = await page.evaluate(() => __rv.langSplit(__rv.$("footer small")));
    t.ok(attribution.en !== "", `the attribution in the footer ("${attribution.other}") has no lang=en part`);
  }) },

  { n: 8, name: "laptop: saving a pin leaves Looproute and Pin hier where they were", run: (browser) => inContext(browser, LAPTOP, async (page) => {
    await open(page);
    const tops = () => page.evaluate(() => ({ pinhier: __rv.rect(__rv.$("#pinhier")).top, looproute: __rv.rect(__rv.$("#looproute")).top }));
    const before = await tops();
    await savePinByClick(page);
    await page.waitForFunction(() => __rv.undo());
    const after = await poll(page, () => ({ pinhier: __rv.rect(__rv.$("#pinhier")).top, looproute: __rv.rect(__rv.$("#looproute")).top }), null,
      (a) => Math.abs(a.pinhier - before.pinhier) <= 2 && Math.abs(a.looproute - before.looproute) <= 2, 1500);
    for (const k of ["pinhier", "looproute"]) {
      assert.ok(Math.abs(after[k] - before[k]) <= 2, `#${k} moved ${Math.round(after[k] - before[k])} px (top ${Math.round(before[k])} → ${Math.round(after[k])}) when the thank-you and Undo appeared`);
    }
  }) },

  { n: 9, name: "Looproute turned off no longer says it is being recorded", run: (browser) => inContext(browser, { ...LAPTOP, permissions: ["geolocation"] }, async (page, ctx) => {
    await open(page);
    const [lon, lat] = await page.evaluate(() => { // the middle of the view: in the buurt
      const b = __rv.$("#kaart").viewBox.baseVal;
      return globalThis.buurtkaart.lonLat(b.x + b.width / 2, b.y + b.height / 2);
    });
    await ctx.setGeolocation({ latitude: lat, longitude: lon, accuracy: 10 });
    const spoor = page.locator("#looproute");
    await spoor.click();
    await page.waitForFunction(() => __rv.$("#looproute").getAttribute("aria-pressed") === "true");
    await spoor.click();
    await page.waitForFunction(() => __rv.$("#looproute").getAttribute("aria-pressed") === "false");
    const said = await poll(page, () => __rv.$("#status").textContent.trim(), null, (s) => !/bijgehouden|being recorded/i.test(s), 1500);
    assert.ok(!/bijgehouden|being recorded/i.test(said), `Looproute is off, yet #status says "${said}"`);
  }) },

  { n: 11, name: "phone: on a second visit the map takes ≥ 60 % of the screen", run: (browser) => inContext(browser, PHONE, async (page) => {
    await open(page);
    await page.reload();
    await ready(page);
    await page.evaluate(() => scrollTo(0, 0));
    const want = 0.6 * 844;
    const v = await poll(page, () => {
      const r = __rv.rect(__rv.$("#kaartvak"));
      const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
      let h = Math.max(0, bottom - top);
      const bar = __rv.$("#onderbalk");
      if (bar && __rv.shown(bar)) {
        const b = __rv.rect(bar);
        if (b.left < r.right && r.left < b.right) h -= Math.max(0, Math.min(bottom, b.bottom) - Math.max(top, b.top));
      }
      return { h, vak: __rv.fmt(r), bar: bar ? __rv.fmt(__rv.rect(bar)) : "none" };
    }, null, (v) => v.h >= want, 2000);
    assert.ok(v.h >= want, `the map shows ${Math.round(v.h)} px of 844 (${Math.round(v.h / 8.44)} %), want ≥ ${Math.round(want)} (#kaartvak ${v.vak}, #onderbalk ${v.bar})`);
  }) },
];

// ---- run ----

const browser = await launch();
const chosen = checks.filter((c) => !only.length || only.includes(String(c.n)));
const failures = [];
try {
  for (const c of chosen) {
    const t0 = Date.now();
    try {
      await c.run(browser);
      console.log(`  ok    ${c.n}. ${c.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failures.push({ c, message: e.message });
      console.log(`  FAIL  ${c.n}. ${c.name} (${Date.now() - t0} ms)\n      ${e.message}`);
    }
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`\nreview ${base}: failed:`);
  for (const f of failures) console.log(`  ${f.c.n}. ${f.c.name}`);
}
console.log(`review: ${chosen.length - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
