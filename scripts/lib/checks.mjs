// What the browser scripts share: their options, one line per check,
// Chromium (Debian's, never a downloaded one) and axe-core. (The older
// scripts still carry their own copies; new ones start from here.)
import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";

// options reads --name value (or --name=value) for each key of defaults;
// an unknown argument stops the script with exit 2.
export function options(script, defaults) {
  const opt = { ...defaults };
  for (let i = 2; i < process.argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(process.argv[i]);
    if (!m || !(m[1] in opt)) { console.error(`${script}: unknown argument ${process.argv[i]}`); process.exit(2); }
    opt[m[1]] = m[2] ?? process.argv[++i];
  }
  return opt;
}

// checker prints one line per check and counts the failures:
//   result(ok, what, detail)  a check's verdict
//   check(what, fn)           runs fn; a throw is its failure, the run goes on;
//                             fn may return a detail string (or false: failed)
//   must(ok, why)             throws why unless ok
//   done(passed)              prints the summary and exits 0 or 1
export function checker(script) {
  let failures = 0;
  function result(ok, what, detail = "") {
    console.log(`  ${ok ? "ok  " : "FAIL"} ${script}: ${what}${detail ? ` (${detail})` : ""}`);
    if (!ok) failures++;
    return ok;
  }
  async function check(what, fn) {
    try {
      const detail = await fn();
      return result(detail !== false, what, typeof detail === "string" ? detail : "");
    } catch (e) {
      return result(false, what, String(e.message || e).split("\n")[0].slice(0, 300));
    }
  }
  function must(ok, why) { if (!ok) throw new Error(why); }
  function done(passed = "every check passed") {
    console.log(failures ? `${script}: ${failures} check(s) failed` : `${script}: ${passed}`);
    process.exit(failures ? 1 : 0);
  }
  return { result, check, must, done, failures: () => failures };
}

// launch starts Debian's Chromium headless ($CHROMIUM to use another).
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
  });
}

const axeSource = await readFile(new URL("../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

// axeViolations runs axe-core on the page as it is (all of it, or the
// element selector names) and returns its violations, one line each.
export async function axeViolations(page, selector = "") {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (sel) => {
    const found = await globalThis.axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ["violations"] });
    return found.violations.map((v) => `${v.id} [${v.impact}] ${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  }, selector);
}
