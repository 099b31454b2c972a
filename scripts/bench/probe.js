// Injected into every benchmarked page before any of its own scripts
// (playwright addInitScript), the same for buurtkaart and Leaflet, so both
// are measured by identical code. It records:
//   frames     requestAnimationFrame timestamps from the very first frame
//              (frame time = delta between consecutive callbacks);
//   longtasks  PerformanceObserver 'longtask' entries [start, duration];
//   events     timestamps (event.timeStamp: when the input was made, not when
//              a busy page got round to it) of pointer and wheel input;
//   coreReadyAt when body[data-core] became "ready" (buurtkaart's wasm took over);
//   firstPaint performance.now() right after the main thread finished the
//              rendering update of the first frame in which the map was
//              complete (a MessageChannel task posted from that frame's rAF
//              runs after the frame's style, layout, paint and commit).
// "Map complete" is decided by B.mapComplete() (polled once per frame), or
// signalled by the page calling __bench.markMapDrawn() from a rAF callback.
(() => {
  if (window.__bench) return;
  const B = (window.__bench = {
    frames: [], longtasks: [], events: {}, paints: {}, lcp: 0,
    firstPaint: null, mapSeenAt: null, mapComplete: null,
  });
  const loop = (t) => { B.frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.longtasks.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.paints[e.name] = e.startTime; })
      .observe({ type: "paint", buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.lcp = e.startTime; })
      .observe({ type: "largest-contentful-paint", buffered: true });
  } catch {}
  for (const type of ["pointerdown", "pointermove", "pointerup", "wheel"]) {
    addEventListener(type, (e) => { (B.events[type] ||= []).push(e.timeStamp); }, { capture: true, passive: true });
  }
  // buurtkaart: when the wasm took over (body[data-core=ready]).
  new MutationObserver(() => {
    if (B.coreReadyAt == null && document.body && document.body.dataset.core === "ready") B.coreReadyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-core"] });
  const ch = new MessageChannel();
  ch.port1.onmessage = () => { if (B.firstPaint == null) B.firstPaint = performance.now(); };
  B.markMapDrawn = () => {
    if (B.mapSeenAt != null) return;
    B.mapSeenAt = performance.now();
    ch.port2.postMessage(0);
  };
  const check = () => {
    if (B.mapSeenAt != null) return;
    let ok = false;
    try { ok = !!(B.mapComplete && B.mapComplete()); } catch {}
    if (ok) B.markMapDrawn(); else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);

  // labelStats: labels (elements matching sel) whose box intersects the
  // visible part of the map (clip element's box ∩ viewport), and how many
  // pairs of them overlap by more than eps px in both directions.
  B.labelStats = (sel, clipSel, eps = 0.5) => {
    const clipEl = document.querySelector(clipSel);
    const vw = innerWidth, vh = innerHeight;
    let cx0 = 0, cy0 = 0, cx1 = vw, cy1 = vh;
    if (clipEl) {
      const c = clipEl.getBoundingClientRect();
      cx0 = Math.max(0, c.left); cy0 = Math.max(0, c.top); cx1 = Math.min(vw, c.right); cy1 = Math.min(vh, c.bottom);
    }
    const rs = [];
    const els = document.querySelectorAll(sel);
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      if (r.right <= cx0 || r.left >= cx1 || r.bottom <= cy0 || r.top >= cy1) continue;
      if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      rs.push([r.left, r.top, r.right, r.bottom]);
    }
    rs.sort((a, b) => a[0] - b[0]);
    let pairs = 0;
    let active = [];
    for (const r of rs) {
      active = active.filter((a) => a[2] - r[0] > eps);
      for (const a of active) {
        if (Math.min(a[3], r[3]) - Math.max(a[1], r[1]) > eps) pairs++;
      }
      active.push(r);
    }
    return { total: els.length, onScreen: rs.length, overlapPairs: pairs };
  };
})();
