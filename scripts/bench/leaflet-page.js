// Leaflet side of scripts/bench-map.mjs: fetch the GeoJSON, fit the map to
// its bbox, draw every place as a circleMarker on one canvas (no tiles) and,
// with ?labels=1, bind a permanent tooltip with its name.
(async () => {
  const q = new URLSearchParams(location.search);
  const labels = q.get("labels") === "1";
  const fill = { talent: "#f08c3a", verband: "#5aa0dd", plek: "#7cc06b", verhaal: "#c48ad8", partner: "#f2cf4a" };
  try {
    const gj = await (await fetch(q.get("data"))).json();
    const [w, s, e, n] = gj.bbox;
    const renderer = L.canvas();
    const map = L.map("map", { preferCanvas: true, renderer }).fitBounds([[s, w], [n, e]]);
    const layer = L.geoJSON(gj, {
      renderer,
      pointToLayer: (f, ll) => L.circleMarker(ll, {
        renderer, radius: 4, weight: 1, color: "#2b2724", fillColor: fill[f.properties.kind] || "#999", fillOpacity: 0.9,
      }),
      onEachFeature: labels
        ? (f, l) => l.bindTooltip(f.properties.name, { permanent: true, direction: "right", offset: [4, 0] })
        : undefined,
    });
    layer.addTo(map);
    window.benchMap = map;
    // The canvas renderer draws in a requestAnimationFrame it queued during
    // addTo; this callback is queued after it, so the canvas (and, with
    // labels, the tooltip elements) are in place when it runs. The probe then
    // stamps firstPaint after that frame's rendering update.
    requestAnimationFrame(() => window.__bench && window.__bench.markMapDrawn());
  } catch (err) {
    window.benchError = String(err && err.stack || err);
    console.error(err);
  }
})();
