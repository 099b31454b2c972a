// Accessibility check: axe-core (no runOnly: all its rules, any impact) in Debian's
// headless Chromium against a running server (BASE_URL: `buurtkaart serve`
// or the Worker), on the map, the map with its list and a place's card
// open, the embed and the poster page, each on a phone (390 × 844, touch)
// and a laptop (1280 × 800). It prints every violation with the elements it
// names, and checks that the poster page's own messages and buttons carry
// their English in <span lang="en">. Exits 1 on any finding.
//
//   BASE_URL=http://127.0.0.1:8080 node scripts/a11y.mjs
//
// axe's own rule set by default: WCAG 2.x A and AA and its best practices,
// every impact. A11Y_RULES=every adds the rules axe leaves off by default:
// WCAG AAA (enhanced contrast 7:1) and the experimental ones.
import { chromium } from "playwright-core";
import { readFile } from "node:fs/promises";

const base = (process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
const axeSource = await readFile(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const everyRule = process.env.A11Y_RULES === "every";

const SIZES = [
  { name: "390×844", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: "1280×800", viewport: { width: 1280, height: 800 } },
];

// PAGES: what to load, when it is ready, what to do before the check.
const PAGES = [
  { name: "/", path: "/", ready: "body[data-core=ready]" },
  { name: "/ (list and card open)", path: "/", ready: "body[data-core=ready]", prepare: openCard },
  { name: "/embed", path: "/embed", ready: "body[data-core=ready]" },
  // poster.js sets data-poster=ready once the core composed the poster.
  { name: "/poster.html", path: "/poster.html", ready: "body[data-poster=ready]", extra: posterLang },
];

// load opens path and waits for the page's own ready signal.
async function load(page, { path, ready }) {
  await page.goto(base + path, { waitUntil: "domcontentloaded", timeout: 30000 });
  await page.waitForSelector(ready, { state: "attached", timeout: 30000 });
}

// openCard opens the list and a place's card from it.
async function openCard(page) {
  await page.locator("#lijst > summary").click();
  await page.locator("#lijst button[data-id]").first().click();
  await page.locator("#kaartje").waitFor({ state: "visible", timeout: 10000 });
}

// runAxe injects axe-core and runs it on the whole document: its default
// rules, or every rule it has.
async function runAxe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (every) => {
    const rules = every ? Object.fromEntries(globalThis.axe.getRules().map((r) => [r.ruleId, { enabled: true }])) : {};
    return (await globalThis.axe.run(document, { rules, resultTypes: ["violations"] })).violations;
  }, everyRule);
}

// posterLang lists the poster page's messages and buttons that show no
// English in a <span lang="en"> (Dutch first, English beside it).
async function posterLang(page) {
  return page.evaluate(() => {
    const english = (el) => [...el.querySelectorAll('[lang="en"]')].some((s) => /[a-z]/i.test(s.textContent));
    const shown = [...document.querySelectorAll("#status, #qrmelding:not([hidden]), #download, button.vel, #afdrukken, #pdf:not([hidden])")];
    return shown.filter((el) => !english(el))
      .map((el) => `${el.id ? "#" + el.id : el.tagName.toLowerCase() + "." + el.className}: no <span lang="en"> English in "${el.textContent.trim().slice(0, 80)}"`);
  });
}

// report prints one page's violations and returns how many findings it had.
function report(label, violations, extra) {
  console.log(`  a11y ${base}${label}: ${violations.length} violation(s)${extra.length ? `, ${extra.length} language finding(s)` : ""}`);
  for (const v of violations) {
    const off = v.tags.includes("experimental") ? " (experimental)" : v.tags.includes("wcag2aaa") ? " (AAA)" : "";
    console.log(`    - ${v.id} [${v.impact}]${off} ${v.nodes.length} element(s): ${v.help}`);
    for (const n of v.nodes.slice(0, 4)) {
      const why = [...n.any, ...n.all, ...n.none][0]?.message || "";
      console.log(`        ${n.target.join(" ")}  ${n.html.replace(/\s+/g, " ").slice(0, 140)}`);
      if (why) console.log(`          ${why.slice(0, 160)}`);
    }
  }
  for (const e of extra) console.log(`    - lang: ${e}`);
  return violations.length + extra.length;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});
console.log(`  a11y ${base}: axe-core ${JSON.parse(await readFile(new URL("./node_modules/axe-core/package.json", import.meta.url), "utf8")).version}, ${everyRule ? "every rule (AAA and experimental too)" : "its default rules"}`);
let findings = 0;
try {
  for (const { name: size, ...device } of SIZES) {
    // bypassCSP: the site's Content-Security-Policy refuses the inline
    // script that brings axe-core in; the pages themselves need no bypass.
    const ctx = await browser.newContext({ ...device, bypassCSP: true });
    for (const p of PAGES) {
      const page = await ctx.newPage();
      await load(page, p);
      if (p.prepare) await p.prepare(page);
      const violations = await runAxe(page);
      const extra = p.extra ? await p.extra(page) : [];
      findings += report(` ${p.name} at ${size}`, violations, extra);
      await page.close();
    }
    await ctx.close();
  }
} finally {
  await browser.close();
}
if (findings > 0) {
  console.log(`a11y: ${findings} finding(s)`);
  process.exit(1);
}
console.log("a11y: no violations");
