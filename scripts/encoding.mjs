// Encoding check: the built brotli copies (build/site/X.br, brotli 11) are
// what a browser that takes br gets, byte for byte, from a running host
// (--url: `buurtkaart serve` or the Worker under `wrangler dev`), for the
// wasm and a script: Content-Type, Vary and the security headers as without
// br; a client without br gets the file, decoded to the same bytes; a
// conditional request with the answer's validator gets 304; the copies are
// never served by their own name. Bodies are read with node:http, which
// does not decode them: the bytes counted are the bytes on the wire.
//
// Under wrangler dev, Chrome's "gzip, deflate, br, zstd" meets miniflare's
// emulation of the edge, which re-encodes any compressible answer to the
// first of gzip and br the client lists (what Cloudflare's edge does with
// the Worker's br is not checked here). For --host worker the check then asserts
// that the Worker answered with the brotli copy (its ETag) and that the
// gzip made from it decodes to the file; a client that lists br first gets
// the copy's exact bytes there too.
//
//   node scripts/encoding.mjs --url http://127.0.0.1:8080 [--host serve|worker] [--site build/site]
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";
import zlib from "node:zlib";

const { values: args } = parseArgs({
  options: { url: { type: "string" }, host: { type: "string" }, site: { type: "string" } },
});
const base = (args.url || process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
const host = args.host || "serve";
const site = args.site || process.env.SITE || new URL("../build/site/", import.meta.url).pathname;
const CHROME = "gzip, deflate, br, zstd";

// what the map's page loads (/schilderswijk/) and what the root, which
// shows the default map, loads: there only the answers to br and Chrome
const files = [
  { path: "/schilderswijk/buurtkaart.wasm", file: "buurtkaart.wasm", type: "application/wasm", full: true },
  { path: "/schilderswijk/app.js", file: "app.js", type: "text/javascript", full: true },
  { path: "/buurtkaart.wasm", file: "buurtkaart.wasm", type: "application/wasm", full: false },
];

function request(path, headers = {}, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = http.request(base + path, { method, headers, agent: false, timeout: 60000 }, (res) => {
      const parts = [];
      res.on("data", (c) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on("error", reject);
    req.end();
  });
}

const sha = (b) => createHash("sha256").update(b).digest("hex");
const kb = (n) => n.toLocaleString("en-US") + " B";
const essence = (t) => (t || "").split(";")[0].trim().toLowerCase();
const encoding = (res) => (res.headers["content-encoding"] || "").trim().toLowerCase();

function decode(res) {
  switch (encoding(res)) {
    case "": case "identity": return res.body;
    case "br": return zlib.brotliDecompressSync(res.body);
    case "gzip": return zlib.gunzipSync(res.body);
    case "deflate": return zlib.inflateSync(res.body);
    default: throw new Error(`unexpected Content-Encoding ${encoding(res)}`);
  }
}

// what must not depend on the encoding: every header but the encoding's,
// the body's length, its validators and the transport's own
const representation = new Set(["content-encoding", "content-length", "transfer-encoding", "etag",
  "last-modified", "accept-ranges", "date", "connection", "keep-alive", "cf-cache-status"]);
function stable(res) {
  return Object.fromEntries(Object.entries(res.headers).filter(([k]) => !representation.has(k)).sort());
}

function varies(res, what) {
  assert.match(res.headers.vary || "", /(^|,)\s*accept-encoding\s*(,|$)/i, `${what}: Vary names Accept-Encoding`);
}

for (const { path, file, type, full } of files) {
  const plain = readFileSync(site + file);
  const copy = readFileSync(site + file + ".br");
  const what = (ae) => `${path} (Accept-Encoding: ${ae})`;

  // a client without Accept-Encoding: the file itself
  const none = await request(path);
  assert.equal(none.status, 200, what("none"));
  assert.equal(encoding(none), "", `${what("none")}: not encoded`);
  assert.equal(none.body.length, plain.length, `${what("none")}: length`);
  assert.equal(sha(none.body), sha(plain), `${what("none")}: the bytes of ${file}`);
  assert.match(none.headers["content-security-policy"] || "", /default-src 'none'/, `${what("none")}: CSP`);
  assert.equal(none.headers["x-content-type-options"], "nosniff", `${what("none")}: nosniff`);

  // a client that takes only br: the built copy, byte for byte
  const br = await request(path, { "Accept-Encoding": "br" });
  assert.equal(br.status, 200, what("br"));
  assert.equal(encoding(br), "br", `${what("br")}: Content-Encoding`);
  assert.equal(br.body.length, copy.length, `${what("br")}: length of ${file}.br`);
  assert.equal(sha(br.body), sha(copy), `${what("br")}: the bytes of ${file}.br`);
  assert.equal(essence(br.headers["content-type"]), type, `${what("br")}: Content-Type`);
  varies(br, what("br"));
  assert.deepEqual(stable(br), stable(none), `${what("br")}: the same headers as without br`);

  // Chrome's header
  const chrome = await request(path, { "Accept-Encoding": CHROME });
  assert.equal(chrome.status, 200, what(CHROME));
  assert.equal(essence(chrome.headers["content-type"]), type, `${what(CHROME)}: Content-Type`);
  assert.equal(sha(decode(chrome)), sha(plain), `${what(CHROME)}: decodes to the bytes of ${file}`);
  varies(chrome, what(CHROME));
  assert.deepEqual(stable(chrome), stable(none), `${what(CHROME)}: the same headers as without br`);
  let note = "";
  if (encoding(chrome) === "br") {
    assert.equal(sha(chrome.body), sha(copy), `${what(CHROME)}: the bytes of ${file}.br`);
  } else {
    // only wrangler dev's emulation of the edge may re-encode, and only
    // what the Worker answered with the brotli copy
    assert.equal(host, "worker", `${what(CHROME)}: Content-Encoding ${encoding(chrome) || "none"}, want br`);
    assert.equal(encoding(chrome), "gzip", `${what(CHROME)}: Content-Encoding`);
    assert.ok(br.headers.etag, `${what("br")}: an ETag`);
    assert.equal(chrome.headers.etag, br.headers.etag, `${what(CHROME)}: the Worker answered with ${file}.br (its ETag)`);
    note = " — the Worker sent the .br copy; wrangler dev re-encoded it to gzip (miniflare's ensureAcceptableEncoding)";
  }

  if (!full) {
    console.log(`  encoding ${base}: ${path}: Chrome's Accept-Encoding → ${chrome.status} ${encoding(chrome)} ${kb(chrome.body.length)}${note}; br → ${kb(br.body.length)} = ${file}.br`);
    continue;
  }

  // a client that lists br first (what wrangler dev keeps as br)
  const first = await request(path, { "Accept-Encoding": "br, gzip" });
  assert.equal(encoding(first), "br", `${what("br, gzip")}: Content-Encoding`);
  assert.equal(sha(first.body), sha(copy), `${what("br, gzip")}: the bytes of ${file}.br`);

  // a client without br: never the copy, and the same bytes once decoded
  const gzip = await request(path, { "Accept-Encoding": "gzip" });
  assert.equal(gzip.status, 200, what("gzip"));
  assert.notEqual(encoding(gzip), "br", `${what("gzip")}: not br`);
  assert.equal(sha(decode(gzip)), sha(plain), `${what("gzip")}: decodes to the bytes of ${file}`);
  assert.equal(essence(gzip.headers["content-type"]), type, `${what("gzip")}: Content-Type`);
  assert.deepEqual(stable(gzip), stable(none), `${what("gzip")}: the same headers as without br`);
  if (br.headers.etag || gzip.headers.etag) {
    assert.notEqual(gzip.headers.etag, br.headers.etag, `${path}: the copy's ETag is not the file's`);
  }
  // br refused with q=0: not the copy (under wrangler dev the encoding on
  // the wire is the emulator's, so the copy is told by its ETag)
  for (const ae of ["br;q=0, gzip", "gzip, deflate, br;q=0", "gzip, *;q=0"]) {
    const res = await request(path, { "Accept-Encoding": ae }, "HEAD");
    assert.equal(res.status, 200, `HEAD ${what(ae)}`);
    const copySent = encoding(res) === "br" || (!!br.headers.etag && res.headers.etag === br.headers.etag);
    assert.ok(!copySent, `${what(ae)}: br refused, yet the copy was sent`);
  }
  const refusals = "refused br not sent";

  // conditional requests: the validator of each answer gives 304
  for (const [ae, res] of [[CHROME, chrome], ["br", br], ["gzip", gzip]]) {
    const cond = res.headers.etag ? { "If-None-Match": res.headers.etag }
      : res.headers["last-modified"] ? { "If-Modified-Since": res.headers["last-modified"] } : null;
    assert.ok(cond, `${what(ae)}: an ETag or Last-Modified`);
    const again = await request(path, { "Accept-Encoding": ae, ...cond });
    assert.equal(again.status, 304, `${what(ae)} with ${Object.entries(cond)[0].join(": ")}`);
    assert.equal(again.body.length, 0, `${what(ae)}: 304 without a body`);
  }
  if (br.headers.etag) {
    // the copy's validator does not validate the file, nor the reverse
    const cross = await request(path, { "Accept-Encoding": "gzip", "If-None-Match": br.headers.etag }, "HEAD");
    assert.equal(cross.status, 200, `${what("gzip")} with the copy's ETag`);
    if (gzip.headers.etag) {
      const back = await request(path, { "Accept-Encoding": CHROME, "If-None-Match": gzip.headers.etag }, "HEAD");
      assert.equal(back.status, 200, `${what(CHROME)} with the file's ETag`);
    }
  }

  // HEAD: the GET's headers, no body
  const head = await request(path, { "Accept-Encoding": CHROME }, "HEAD");
  assert.equal(head.status, 200, `HEAD ${what(CHROME)}`);
  assert.equal(head.body.length, 0, `HEAD ${what(CHROME)}: no body`);
  assert.equal(essence(head.headers["content-type"]), type, `HEAD ${what(CHROME)}: Content-Type`);
  assert.equal(head.headers.etag, chrome.headers.etag, `HEAD ${what(CHROME)}: the GET's ETag`);

  // Range: the Worker leaves it to the file (serve sends a range of the copy)
  if (host === "worker") {
    const range = await request(path, { "Accept-Encoding": CHROME, Range: "bytes=0-99" }, "HEAD");
    assert.ok(range.status === 200 || range.status === 206, `${what(CHROME)} Range: status ${range.status}`);
    assert.notEqual(range.headers.etag, br.headers.etag, `${what(CHROME)} Range: not the copy`);
  }

  console.log(`  encoding ${base}: ${path}: Chrome's Accept-Encoding → ${chrome.status} ${encoding(chrome)} ${kb(chrome.body.length)}${note}; ` +
    `br → ${kb(br.body.length)} = ${file}.br (sha256 ${sha(copy).slice(0, 12)}); gzip → ${encoding(gzip) || "none"} ${kb(gzip.body.length)}; ` +
    `none → ${kb(none.body.length)}; 304s with the validators; ${refusals}`);
}

// the copies are never asked for by name
for (const path of ["/buurtkaart.wasm.br", "/schilderswijk/buurtkaart.wasm.br", "/schilderswijk/app.js.br", "/app.js.br"]) {
  const res = await request(path, { "Accept-Encoding": CHROME });
  assert.equal(res.status, 404, `${path}: ${res.status}, want 404`);
}
console.log(`  encoding ${base}: the .br copies by name: 404`);
