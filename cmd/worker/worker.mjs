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
  const res = await binding.serve(req.method, req.url, [...req.headers], data);
  const asset = res.headers.find(([k]) => k.toLowerCase() === "x-buurtkaart-asset");
  if (asset) return shared(req, env, asset[1], res.headers);
  const nobody = res.status === 204 || res.status === 304 || req.method === "HEAD";
  if (nobody && res.body instanceof ReadableStream) res.body.cancel(); // lets Go stop writing
  return new Response(nobody ? null : res.body, { status: res.status, headers: res.headers });
}

// shared answers with the static asset at path (a file of the shared site,
// which Go named: cmd/worker/static.go), with the security headers Go set.
async function shared(req, env, path, goHeaders) {
  // a fixed origin: Go names a path, never a host ("//elsewhere/x" stays ours)
  const res = await env.ASSETS.fetch(new Request(new URL(path.replace(/^\/+/, "/"), "https://assets.local"), { method: req.method, headers: req.headers }));
  const out = new Response(res.body, res);
  for (const [k, v] of goHeaders) {
    const name = k.toLowerCase();
    if (name !== "x-buurtkaart-asset" && name !== "content-type" && name !== "content-length") out.headers.set(k, v);
  }
  return out;
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
