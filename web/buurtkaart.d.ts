// The one bridge between the page and the Go core (wasm/main.go).
// Data crosses as strings; every method is synchronous and returns
// {error: string} instead of throwing when something goes wrong.

interface BuurtkaartProblem { code: string; nl: string; en: string }

interface Buurtkaart {
  version: string;
  /** Parse a map file (GeoJSON text); broken features are reported and skipped. */
  load(geojson: string): { diagnostics: string[]; places: number; error?: string };
  /** The whole map as SVG, byte-identical to the server's pre-render. */
  svg(): string | { error: string };
  /** The <g id="pins"> element for a GeoJSON FeatureCollection of pins; ids in `pending` are drawn as not yet sent. */
  pins(collection: string, pending?: string[]): string | { error: string };
  /** The [lon, lat] of a spot in SVG user units. */
  lonLat(x: number, y: number): [number, number];
  /** null if the server would accept this pin JSON, else why not. */
  check(pin: string): BuurtkaartProblem | null;
}

declare var buurtkaart: Buurtkaart;
/** Called by the wasm once globalThis.buurtkaart is set. */
declare var buurtkaartReady: (() => void) | undefined;
