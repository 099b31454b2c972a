// Generated buurtkaart map files for scripts/bench-map.mjs: n places in the
// Schilderswijk's bbox, uniformly spread by a seeded PRNG (mulberry32), the
// five kinds round-robin, named "Plek 1" … "Plek n". No base drawing, so
// buurtkaart and Leaflet get exactly the same features.
export const BBOX = [4.292, 52.059, 4.322, 52.076];
export const KINDS = ["talent", "verband", "plek", "verhaal", "partner"];

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// mapFile returns the map file as text: one feature per line.
export function mapFile(n, seed) {
  const rnd = mulberry32(seed);
  const [w, s, e, nn] = BBOX;
  const lines = [];
  for (let i = 1; i <= n; i++) {
    const lon = (w + rnd() * (e - w)).toFixed(6);
    const lat = (s + rnd() * (nn - s)).toFixed(6);
    const kind = KINDS[(i - 1) % KINDS.length];
    lines.push(`{"type":"Feature","id":"p${i}","geometry":{"type":"Point","coordinates":[${lon},${lat}]},` +
      `"properties":{"name":"Plek ${i}","kind":"${kind}"}}`);
  }
  return `{"type":"FeatureCollection","title":"Bench ${n} plekken","bbox":[${BBOX.join(",")}],"features":[\n` +
    lines.join(",\n") + "\n]}\n";
}
