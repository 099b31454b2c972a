// The one bridge between the page and the Go core (wasm/main.go).
// Data crosses as strings; every method is synchronous and returns
// {error: string} instead of throwing when something goes wrong.

interface BuurtkaartProblem { code: string; nl: string; en: string }

interface Buurtkaart {
  version: string;
  /**
   * Parse a map file (GeoJSON text); broken features are reported and skipped.
   * source names the file by its bytes (atlas.Source), as the server names the
   * drawing it rendered from it (#kaartvak's data-source).
   */
  load(geojson: string, boundary?: string): { diagnostics: string[]; places: number; source: string; error?: string };
  /** The whole map as SVG, byte-identical to the server's pre-render; drawn on the first call. */
  svg(): string | { error: string };
  /**
   * Residents' pins become places of the map, after its own: marks, labels,
   * hit, search, place and counts treat them alike. `collection` is a GeoJSON
   * FeatureCollection as GET api/pins returns it (plus this device's own pins
   * not yet sent or waiting for a keeper); ids in `pending` are drawn as
   * waiting, ids in `mine` were made on this device.
   */
  setPins(collection: string, pending?: string[], mine?: string[]): { places: number } | { error: string };
  /** How many places (pins included) there are of each kind, for the legend. */
  counts(): Record<"talent" | "verband" | "plek" | "verhaal" | "partner", number>;
  /** The [lon, lat] of a spot in SVG user units. */
  lonLat(x: number, y: number): [number, number];
  /** [x, y] in SVG user units of a lon/lat: the inverse of lonLat (shows a GPS position). */
  xy(lon: number, lat: number): [number, number];
  /** null if the server would accept this pin JSON, else why not. */
  check(pin: string): BuurtkaartProblem | null;
  /**
   * The <g class="labels"> element laid out for a zoom level: scale is drawing
   * units per screen unit relative to the whole map (1 = fit, 0.5 = 2× zoom);
   * kinds in `hidden` are neither labelled nor in the way. Cached per scale and
   * filter. Sets globalThis.buurtkaartStats = {labelMs, labels, places}.
   */
  labels(scale: number, hidden?: string[], x0?: number, y0?: number, x1?: number, y1?: number): string | { error: string };
  /**
   * The <g class="plekken"> element: the places and clusters on screen
   * (x0, y0, x1, y1 in drawing units) at a zoom level, drawn as plates: every
   * copy of one pictogram in one path, data-n the number of places drawn.
   */
  marks(scale: number, hidden?: string[], x0?: number, y0?: number, x1?: number, y1?: number): string | { error: string };
  /**
   * What a tap at (x, y) in drawing units hits at this zoom level and filter:
   * a place or pin whose mark or drawn name is under it, or whose mark is
   * within reachPx screen pixels (22 on touch, 12 with a mouse: the default)
   * ({id}), a cluster ({klont: true}, zoom in), or empty paper (null).
   */
  hit(scale: number, hidden: string[], x: number, y: number, reachPx?: number): { id: string } | { klont: true } | null;
  /**
   * A place's card data, or null for an unknown id. x, y in drawing units.
   * pin: a resident's pin; pending: only its maker sees it (not sent, or
   * waiting for a keeper); mine: made on this device. since/sinceEN: "november
   * 2026" / "November 2026" for a pin.
   */
  place(id: string): {
    id: string; name: string; kind: string; kindNL: string; kindEN: string; note: string;
    author: string; since: string; sinceEN: string; tags: string[]; links: { id: string; name: string }[]; x: number; y: number;
    pin: boolean; pending: boolean; mine: boolean;
  } | null;
  /** Ids of places matching every word (name matches first), at most 20. */
  search(query: string): string[];
  /**
   * The <g id="verbindingen"> element for the chosen place: a ring round it
   * and dotted lines to the places it links to, drawn for the zoom level.
   */
  links(id: string, scale?: number): string;
  /**
   * The loaded map as a printable poster (wasm/poster: the same composition as
   * `buurtkaart poster` and /poster.pdf). `options` is JSON of BuurtkaartPosterOptions.
   * `measure(text, size)` → advance width in the poster's font (size and result in
   * points, e.g. canvas measureText at `${size}px "Patrick Hand"`); without it the
   * core over-estimates widths. Returns the first sheet as an SVG document sized in
   * pt, further sheets (only when a very full index overflows) in `more`.
   */
  poster(options: string, measure?: (text: string, size: number) => number): {
    svg: string; more: string[]; pages: number; width: number; height: number;
    entries: number; ms: number;
  } | { error: string };
}

interface BuurtkaartPosterOptions {
  /** "A4" (default), "A3", "A2" or "A1". */
  size?: string;
  /** Lying sheet; default standing. */
  landscape?: boolean;
  /** Default the map's own title. */
  title?: string;
  /** "YYYY-MM-DD", printed in Dutch under the title; default none. */
  date?: string;
  /** The public pins, as GET api/pins returns them (a GeoJSON FeatureCollection). */
  pins?: object | null;
  /** The pin form's address, written under the QR code. */
  url?: string;
  /** The QR code's modules, rows of dark = true, without quiet zone (qr.json); null draws a placeholder. */
  qr?: boolean[][] | null;
}

declare var buurtkaart: Buurtkaart;
/** Called by the wasm once globalThis.buurtkaart is set. */
declare var buurtkaartReady: (() => void) | undefined;
declare var buurtkaartStats: { labelMs: number; labels: number; places: number } | undefined;
