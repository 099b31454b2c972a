// Hostile text test: every payload in testdata/xss.txt goes into every text
// field of a pin (name, note, author with consent) through the real API;
// a moderator approves the ones held back (links); then the real page is
// loaded in Chromium and must run none of them and show them as text.
// Needs BASE_URL and MODERATOR_TOKEN.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import assert from "node:assert/strict";

const base = (process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
const moderator = process.env.MODERATOR_TOKEN;
const payloads = readFileSync(new URL("testdata/xss.txt", import.meta.url), "utf8").split("\n").filter(Boolean);
assert.ok(payloads.length >= 50, `${payloads.length} payloads`);
const kinds = ["talent", "verband", "plek", "verhaal", "partner"];

const ids = [];
for (const [i, text] of payloads.entries()) {
  const id = randomUUID();
  const pin = { id, lon: 4.300 + (i % 10) * 0.0018, lat: 52.0625 + Math.floor(i / 10) * 0.0018, kind: kinds[i % 5],
    name: text.slice(0, 120), note: text, show_author: true, ...(text.length <= 60 ? { author: text } : {}) };
  const res = await fetch(`${base}/api/pins`, { method: "POST", body: JSON.stringify(pin),
    headers: { "Content-Type": "application/json", "X-Buurtkaart-Device": `xss-test-device-${Math.floor(i / 20)}-${process.pid}` } });
  const body = await res.json();
  assert.equal(res.status, 201, `payload ${i + 1} refused: ${JSON.stringify(body)}`);
  assert.equal(body.note, text, `payload ${i + 1} stored as text, unchanged`);
  if (body.status === "pending") {
    const ok = await fetch(`${base}/api/pins/${id}/approve`, { method: "POST", headers: { Authorization: `Bearer ${moderator}` } });
    assert.equal(ok.status, 200, `approve payload ${i + 1}`);
  }
  ids.push(id);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(base + "/");
  await page.waitForSelector("body[data-core=ready]", { timeout: 30000 });
  // Pins are places of the map: drawn with their names, in the list, and
  // each opens a card. Every one is opened, so its name, note and author
  // go through the card too.
  await page.waitForFunction((ids) => ids.every((id) => globalThis.buurtkaart.place(id)?.pin), ids, { timeout: 15000 });
  await page.locator("#inzoomen").click(); // names of a closer view, more of the payloads drawn
  await page.mouse.move(300, 300);
  await page.waitForTimeout(500);
  const result = await page.evaluate((ids) => {
    const card = document.getElementById("kaartje");
    const shown = ids.map((id) => {
      document.querySelector(`#lijst button[data-id="${id}"]`).click();
      return card.querySelector(".notitie").textContent;
    });
    const names = ids.map((id) => document.querySelector(`#lijst button[data-id="${id}"]`).textContent);
    const parts = ["#kaart", "#kaartje", "#lijst", "#zoekresultaten"].map((s) => document.querySelector(s));
    const bad = parts.flatMap((p) => [...p.querySelectorAll("*")]).flatMap((el) => [...el.attributes]
      .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`));
    return {
      xss: window.__xss, bad, shown, names,
      elements: parts.reduce((n, p) => n + p.querySelectorAll("script, foreignObject, iframe, img, object, embed, a, style:not(:first-child)").length, 0),
      labels: document.querySelectorAll("#kaart .labels text").length,
    };
  }, ids);
  assert.equal(result.xss, undefined, "no payload ran");
  assert.deepEqual(dialogs, [], "no dialogs");
  assert.deepEqual(result.bad, [], "no event handler or javascript: attributes in the map");
  assert.equal(result.elements, 0, "no injected elements in the map");
  assert.deepEqual(result.shown, payloads, "every payload shown on its card as its own text");
  assert.deepEqual(result.names, payloads.map((t) => t.slice(0, 120)), "every name in the list as its own text");
  console.log(`  xss ${base}: ${payloads.length} payloads × name, note, author: stored as text, drawn (${result.labels} names on the map), on cards and in the list; 0 ran, 0 injected elements`);
} finally {
  await browser.close();
}
