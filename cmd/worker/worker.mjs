// The Worker's entry: one Go instance per isolate, not one per request.
// Replaces the glue syumai/workers generates (build/worker/worker.mjs; see
// cmd/worker/serve.go for why); runtime.mjs and wasm_exec.js are its own.
import "./wasm_exec.js";
import { createRuntimeContext, loadModule } from "./runtime.mjs";

let binding = null; // the running instance's binding, once started
let starting = null;
let queue = Promise.resolve(); // requests enter Go one at a time

async function start(env, ctx) {
  const mod = await loadModule();
  const go = new Go();
  const b = {};
  let ready;
  const isReady = new Promise((resolve) => { ready = resolve; });
  const instance = new WebAssembly.Instance(mod, { ...go.importObject, workers: { ready: () => ready() } });
  // If Go ever exits (a panic), the next request starts a new instance.
  go.run(instance, createRuntimeContext({ env, ctx, binding: b })).finally(() => { binding = null; });
  await isReady;
  binding = b;
}

async function handle(req, env, ctx) {
  if (!binding) {
    starting ||= start(env, ctx).finally(() => { starting = null; });
    await starting;
  }
  const body = req.body ? new Uint8Array(await req.arrayBuffer()) : new Uint8Array(0);
  const res = await binding.serve(req.method, req.url, [...req.headers], body);
  const nobody = res.status === 204 || res.status === 304 || req.method === "HEAD";
  return new Response(nobody ? null : res.body, { status: res.status, headers: res.headers });
}

// A request that has not been answered in 20 s gets a 503 (the page's
// outbox sends the pin again later), so one stuck request never holds up
// the queue behind it.
const LIMIT_MS = 20000;
function limited(req, env, ctx) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(new Response(JSON.stringify({ error: { code: "timeout",
      nl: "De kaartserver deed er te lang over. Probeer het zo nog eens.", en: "The map server took too long. Try again shortly." } }),
    { status: 503, headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": "5" } })), LIMIT_MS);
  });
  return Promise.race([handle(req, env, ctx), late]).finally(() => clearTimeout(timer));
}

export default {
  fetch(req, env, ctx) {
    const turn = queue.then(() => limited(req, env, ctx));
    queue = turn.catch(() => {});
    return turn;
  },
};
