// The Worker's entry: one Go instance per isolate, not one per request.
// Replaces the glue syumai/workers generates (build/worker/worker.mjs; see
// cmd/worker/serve.go for why); runtime.mjs and wasm_exec.js are its own.
import "./wasm_exec.js";
import { createRuntimeContext, loadModule } from "./runtime.mjs";

const LIMIT_MS = 20000;      // from arrival to answer (a streamed export: to its first chunk)
const MAX_BODY = 64 * 1024;  // the pins API refuses more than 16 KiB anyway
const MAX_MAP = 8 << 20;     // a map file (PUT /<slug>/api/map, POST /api/maps): wasm/maps' limit
const MAP_PATH = /\/api\/(maps|map|map\/check)$/;

let go = null, binding = null; // the running instance
let starting = null;
// Writes enter Go one at a time, so one pin's checks and insert (limits,
// replays) never interleave with another write's. Reads do not queue: a
// one-pin GET waited 6.6 s behind four exports that way. In Go each
// request has its own goroutine, and an export, streamed page by page
// (cmd/worker/answer.go), leaves the isolate to others between chunks.
let queue = Promise.resolve();
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

async function start(env, ctx) {
  const mod = await loadModule();
  const g = new Go();
  const b = {};
  let ready;
  const isReady = new Promise((resolve) => { ready = resolve; });
  const instance = new WebAssembly.Instance(mod, { ...g.importObject, workers: { ready: () => ready() } });
  const exited = g.run(instance, createRuntimeContext({ env, ctx, binding: b }));
  await Promise.race([isReady, exited.then(() => { throw new Error("the Go program ended before it was ready"); })]);
  go = g;
  binding = b;
}

function answer(status, code, nl, en, extra = {}) {
  return new Response(JSON.stringify({ error: { code, nl, en } }),
    { status, headers: { "Content-Type": "application/json; charset=utf-8", ...extra } });
}

// body reads at most MAX_BODY bytes; null when there were more.
async function body(req) {
  if (!req.body) return new Uint8Array(0);
  // A map file is big; only a keeper or the moderator sends one (Go checks
  // the token), so a stranger cannot make the isolate hold 8 MiB bodies.
  const keeper = /^Bearer \S/.test(req.headers.get("Authorization") || "");
  const max = keeper && MAP_PATH.test(new URL(req.url).pathname) ? MAX_MAP : MAX_BODY;
  if (Number(req.headers.get("Content-Length") || 0) > max) return null;
  const reader = req.body.getReader(), parts = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > max) { reader.cancel(); return null; }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.byteLength; }
  return out;
}

async function handle(req, env, ctx, data) {
  if (!binding || go.exited) { // first request, or Go ended (a panic): start (again)
    binding = null;
    starting ||= start(env, ctx).finally(() => { starting = null; });
    await starting;
  }
  // Go reads the client's own Accept-Encoding: the Worker itself is sent
  // "br, gzip" whatever the client sent (request.cf.clientAcceptEncoding).
  const sent = req.cf?.clientAcceptEncoding;
  const headers = [...req.headers].map(([k, v]) => (k === "accept-encoding" && typeof sent === "string" ? [k, sent] : [k, v]));
  const res = await binding.serve(req.method, req.url, headers, data);
  const header = (name) => res.headers.find(([k]) => k.toLowerCase() === name)?.[1];
  const asset = header("x-buurtkaart-asset");
  if (asset) return shared(req, env, asset, res.headers, header("x-buurtkaart-brotli") === "1");
  const nobody = res.status === 204 || res.status === 304 || req.method === "HEAD";
  if (nobody && res.body instanceof ReadableStream) res.body.cancel(); // lets Go stop writing
  return new Response(nobody ? null : res.body, { status: res.status, headers: res.headers });
}

// shared answers with the static asset at path (a file of the shared site,
// which Go named: cmd/worker/static.go), with the security headers Go set.
// A client that takes brotli (Go says so: static.go) gets the build's brotli-11 copy (path + ".br",
// scripts/worker-build) as it is, as serve sends it, rather than what the
// edge compresses on the fly (under wrangler dev: gzip for Chrome, a third
// more bytes of wasm than the copy). Whether Cloudflare's edge keeps the
// br for a client that takes it is unverified (not deployed). wrangler
// dev re-encodes it to the first of gzip and br the client lists
// (miniflare's ensureAcceptableEncoding): Chrome's "gzip, deflate, br,
// zstd" still gets gzip there, made from these bytes (scripts/encoding.mjs).
async function shared(req, env, path, goHeaders, brotli) {
  // a fixed origin: Go names a path, never a host ("//elsewhere/x" stays ours)
  const url = new URL(path.replace(/^\/+/, "/"), "https://assets.local");
  const out = (brotli && await brotliCopy(req, env, url)) || await plainAsset(req, env, url);
  for (const [k, v] of goHeaders) {
    const name = k.toLowerCase();
    if (!name.startsWith("x-buurtkaart-") && name !== "content-type" && name !== "content-length") out.headers.set(k, v);
  }
  return out;
}

// plainAsset is the asset at url as the assets binding sends it.
async function plainAsset(req, env, url) {
  const res = await env.ASSETS.fetch(new Request(url, { method: req.method, headers: req.headers }));
  const out = new Response(res.body, res);
  // what a cache keeps must follow the client's encodings: another
  // client may get the brotli copy for the same address
  if (res.ok || res.status === 304) vary(out.headers);
  return out;
}

// brotliCopy is the answer with the brotli copy of the asset at url, or
// null when it has none (then the file is sent as before). Its headers are
// the original's (Content-Type, Cache-Control, build/site/_headers' rules
// for the original's path), with the copy's own ETag: other bytes, another
// validator, so a cache never takes one for the other.
async function brotliCopy(req, env, url) {
  const twin = new URL(url);
  twin.pathname += ".br";
  const [copy, plain] = await Promise.all([
    env.ASSETS.fetch(new Request(twin, { method: req.method })),
    env.ASSETS.fetch(new Request(url, { method: "HEAD" })),
  ]);
  if (copy.status !== 200 || plain.status !== 200 || !copy.headers.get("ETag")) {
    copy.body?.cancel();
    return null;
  }
  const etag = copy.headers.get("ETag");
  const headers = new Headers(plain.headers);
  headers.set("ETag", etag);
  headers.delete("Content-Length");
  vary(headers);
  if (noneMatch(req.headers.get("If-None-Match"), etag)) {
    copy.body?.cancel();
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Encoding", "br");
  const len = copy.headers.get("Content-Length");
  if (len) headers.set("Content-Length", len);
  // manual: the bytes are brotli already; the runtime must not encode them again
  return new Response(req.method === "HEAD" ? null : copy.body, { status: 200, headers, encodeBody: "manual" });
}

// noneMatch reports whether an If-None-Match header matches etag (weak
// comparison, as for GET and HEAD).
function noneMatch(header, etag) {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (t) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => opaque(t) === opaque(etag));
}

function vary(headers) {
  const v = headers.get("Vary");
  if (!v) headers.set("Vary", "Accept-Encoding");
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(v)) headers.set("Vary", v + ", Accept-Encoding");
}

export default {
  async fetch(req, env, ctx) {
    const arrived = Date.now();
    const data = await body(req);
    if (data === null) return answer(413, "too_large", "Dat is te veel tekst in één keer.", "That is too much at once.");
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => {
        // The instance may still be busy with this request: the next one
        // starts a fresh instance rather than queue behind it.
        binding = null;
        resolve(answer(503, "timeout", "De kaartserver deed er te lang over. Probeer het zo nog eens.",
          "The map server took too long. Try again shortly.", { "Retry-After": "5" }));
      }, Math.max(0, LIMIT_MS - (Date.now() - arrived)));
    });
    const read = READS.has(req.method);
    const turn = read ? handle(req, env, ctx, data) : queue.then(() => handle(req, env, ctx, data));
    // A write's turn ends when its answer is ready or its time is up,
    // whichever comes first; waitUntil keeps it running if the client leaves.
    const settled = Promise.race([turn, late]).finally(() => clearTimeout(timer));
    const done = settled.then(() => {}, () => {});
    if (!read) queue = done;
    ctx.waitUntil(done);
    return settled;
  },
};
