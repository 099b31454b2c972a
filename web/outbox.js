// The outbox: every pin a resident makes is written here first and sent
// from here, so a pin dropped in a street without signal is never lost — not
// by a reload, not by closing the tab. It lives in IndexedDB (localStorage
// is synchronous, small and, on some phones, cleared under storage pressure
// sooner). Sending does not rely on Background Sync, which Safari and
// Firefox lack: the page tries on load, on the `online` event, when it comes
// back to the foreground, and on a timer while anything waits. Each pin
// carries its client-made id, so a retry after a lost answer is answered
// with the same 201 and never stored twice.
//
// A record is the pin as the API takes it plus bookkeeping:
//   { id, lon, lat, kind, note?, name?, author?, show_author?,
//     queued: ms, tries: n, next?: ms (not before), refused?: {status, code, nl, en} }

const DB_NAME = "buurtkaart";
const DB_VERSION = 1;
const STORE = "outbox";
const LEGACY = "buurtkaart.outbox"; // the old localStorage outbox; also the fallback store
const RETRY_MS = 20000;             // timer while pins wait: a few tries a minute is plenty on a walk

/** Fires "change" whenever the outbox changes (queued, sent, refused, dropped). */
export const changes = new EventTarget();
function changed() { changes.dispatchEvent(new Event("change")); }

let dbPromise = null;

// db opens the database once (null when IndexedDB is unavailable, e.g. some
// private modes: the outbox then falls back to localStorage so pins are
// still kept) and moves the old localStorage outbox into it.
function db() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve) => {
      let req;
      try { req = indexedDB.open(DB_NAME, DB_VERSION); } catch { resolve(null); return; }
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: "id" });
        store.createIndex("queued", "queued");
      };
      req.onsuccess = () => {
        const d = req.result;
        // Another tab with a newer page wants to upgrade: let it, and reopen next time.
        d.onversionchange = () => { d.close(); dbPromise = null; };
        resolve(d);
      };
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    }).then(migrate);
  }
  return dbPromise;
}

// migrate copies pins from the old localStorage outbox once. put is keyed
// by id, so if the tab dies before the old key is removed, doing it again
// changes nothing.
async function migrate(d) {
  if (!d) return d;
  let old = [];
  try { old = JSON.parse(localStorage.getItem(LEGACY)) || []; } catch { old = []; }
  if (!Array.isArray(old) || old.length === 0) {
    if (localStorage.getItem(LEGACY) !== null) localStorage.removeItem(LEGACY);
    return d;
  }
  const now = Date.now();
  await request(d, "readwrite", (s) => old.forEach((p, i) => p && p.id && s.put({ queued: now + i, tries: 0, ...p })));
  localStorage.removeItem(LEGACY);
  return d;
}

// request runs fn on the store in one transaction and resolves with the
// last request's result once the transaction has committed.
function request(d, mode, fn) {
  return new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    let last = null;
    const r = fn(tx.objectStore(STORE));
    if (r) r.onsuccess = () => { last = r.result; };
    tx.oncomplete = () => resolve(last);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("outbox transaction aborted"));
  });
}

// The fallback store: the same records as a JSON array in localStorage.
function legacyAll() {
  try { return JSON.parse(localStorage.getItem(LEGACY)) || []; } catch { return []; }
}
function legacySet(list) { localStorage.setItem(LEGACY, JSON.stringify(list)); }

/** All records, oldest first: waiting ones and refused ones. */
export async function all() {
  const d = await db();
  const list = d ? await request(d, "readonly", (s) => s.getAll()) : legacyAll();
  return (list || []).sort((a, b) => a.queued - b.queued);
}

/** How many pins still wait to be sent (refused ones not counted). */
export async function count() {
  return (await all()).filter((p) => !p.refused).length;
}

async function put(rec) {
  const d = await db();
  if (d) await request(d, "readwrite", (s) => s.put(rec));
  else legacySet(legacyAll().filter((p) => p.id !== rec.id).concat([rec]));
}

/** Queue a pin (the API's fields, with its client-made id). Resolves once it is on disk. */
export async function queue(pin) {
  await put({ ...pin, queued: Date.now(), tries: 0 });
  changed();
  kick();
}

/** Remove a record: after a 201, or when the resident drops a refused pin. */
export async function drop(id) {
  const d = await db();
  if (d) await request(d, "readwrite", (s) => s.delete(id));
  else legacySet(legacyAll().filter((p) => p.id !== id));
  changed();
}

// ---- sending ----

let sendFn = null;
let running = null;  // the flush in progress
let again = false;   // something asked for a flush while one ran
let timer = 0;

/**
 * Start sending. send(pin) must resolve to one of
 *   {sent: true}                         — the server has it (201)
 *   {refused: {status, code, nl, en}}    — it will never be accepted as it is
 *   {retryAfter: seconds}                — the server asks to wait (429, 503)
 * and throw when the network failed (it is tried again later).
 */
export function startSending(send) {
  sendFn = send;
  addEventListener("online", () => kick());
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") kick(); });
  return kick();
}

/** Send what waits now. Calls made while a flush runs share one extra pass. */
export function kick() {
  if (!sendFn) return Promise.resolve();
  if (running) { again = true; return running; }
  running = (async () => {
    try {
      do { again = false; await withLock(pass); } while (again);
    } finally {
      running = null;
      await schedule();
    }
  })();
  return running;
}

/** Resolves when no flush is running (for undo: it must not race a send). */
export function idle() { return running || Promise.resolve(); }

// withLock keeps two open tabs from sending the same outbox at once. Not
// needed for correctness (ids make it safe) but it saves a phone's data.
function withLock(fn) {
  if (navigator.locks?.request) return navigator.locks.request("buurtkaart-outbox", fn);
  return fn();
}

// pass sends each waiting pin in turn, oldest first, and stops at the first
// network failure: the next one would fail the same way.
async function pass() {
  if (navigator.onLine === false) return; // certainly offline: wait for `online`
  for (const p of await all()) {
    if (p.refused || (p.next && p.next > Date.now())) continue;
    let answer;
    try {
      answer = await sendFn(p);
    } catch {
      await put({ ...p, tries: (p.tries || 0) + 1 });
      return;
    }
    if (answer.sent) await drop(p.id);
    else if (answer.refused) { await put({ ...p, refused: answer.refused }); changed(); }
    else if (answer.retryAfter !== undefined) {
      await put({ ...p, tries: (p.tries || 0) + 1, next: Date.now() + Math.max(1, answer.retryAfter) * 1000 });
      return; // a rate limit or a busy server holds for every pin
    }
  }
}

// schedule sets the timer while pins wait, no sooner than a server asked.
async function schedule() {
  clearTimeout(timer);
  const waiting = (await all()).filter((p) => !p.refused);
  if (waiting.length === 0) return;
  const soonest = Math.min(...waiting.map((p) => p.next || 0));
  timer = setTimeout(kick, Math.max(RETRY_MS, soonest - Date.now()));
}
