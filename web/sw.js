// The service worker: keeps the app shell — page, scripts, style, font,
// wasm, map file, icons — on the phone, so the map opens on a walk with no
// signal after one visit with signal.
//
// Network first, the cache as fallback, for every shell file. The files
// are not content-hashed, so a cache-first copy could hold an old app.js
// next to a new index.html; asking the network first (which the server's
// `Cache-Control: no-cache` turns into a cheap 304 revalidation) keeps the
// page and its scripts of one build, and the cache only speaks when the
// network cannot. The cache is only rewritten when a file really changed.
//
// Residents' pins (/api/), the poster and oEmbed are never cached: a pin
// that was hidden or deleted must not live on in a cache.

const CACHE = "buurtkaart-shell-v1";
const SHELL = [
  "./", "core.js", "app.js", "view.js", "mapview.js", "outbox.js", "walk.js", "embed-dialog.js", "style.css", "fonts.css", "wasm_exec.js",
  "buurtkaart.wasm", "map.geojson", "places.json", "fonts/PatrickHand-Latin.woff2", "icon.svg",
  "icons/icon-192.png", "icons/icon-512.png", "manifest.webmanifest",
];
// Files an earlier shell held, dropped from the cache on activation: the
// full font (62 KB) the map loaded before its Latin subset (issue 17).
const RETIRED = ["fonts/PatrickHand-Regular.woff2"];
const scope = new URL(self.registration.scope);
const shell = new Set(SHELL.map((p) => new URL(p, scope).href));

self.addEventListener("install", (ev) => {
  ev.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one, not addAll: a missing icon must not cost the offline map.
    await Promise.all(SHELL.map(async (p) => {
      try {
        const res = await fetch(new Request(new URL(p, scope), { cache: "no-cache" }));
        if (res.ok) await cache.put(new URL(p, scope), res);
      } catch { /* the next online visit fills it in */ }
    }));
    await self.skipWaiting(); // network-first is safe to switch to at once
  })());
});

self.addEventListener("activate", (ev) => {
  ev.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith("buurtkaart-") && name !== CACHE) await caches.delete(name);
    const cache = await caches.open(CACHE);
    await Promise.all(RETIRED.map((p) => cache.delete(new URL(p, scope))));
    await self.clients.claim(); // the open page works offline from now, not from its next load
  })());
});

self.addEventListener("fetch", (ev) => {
  const req = ev.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== scope.origin) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith("api/") || path === "poster.pdf" || path === "oembed") return; // the network's, always
  let key = null;
  if (req.mode === "navigate" && (path === "" || path === "index.html")) key = scope.href; // any ?query or #view
  else if (shell.has(url.origin + url.pathname)) key = url.origin + url.pathname;
  if (!key) return;
  ev.respondWith(networkFirst(req, key, ev));
});

async function networkFirst(req, key, ev) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok && res.status === 200) ev.waitUntil(keep(cache, key, res.clone()));
    return res;
  } catch (err) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw err;
  }
}

// keep stores a fresh copy unless the cached one is the same file (same
// Last-Modified or ETag): the 3.8 MB wasm is not rewritten on every visit.
async function keep(cache, key, res) {
  const old = await cache.match(key);
  const same = (h) => old && res.headers.get(h) && old.headers.get(h) === res.headers.get(h);
  if (same("ETag") || same("Last-Modified")) return;
  await cache.put(key, res);
}
