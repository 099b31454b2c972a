// mapView: the one pan, zoom and pinch over the core's drawing, of the map
// page (view.js startView), the keepers' editor (beheer-kaart.js) and the
// embed (embed-page.js). A classic script, as core.js, so the embed runs it
// in a sandboxed frame too, where module scripts cannot load; view.js
// imports it for the others. It sets globalThis.buurtkaartView.
(() => {
  "use strict";
  const STEP = 1.25;   // zoom factor of one level
  const MAX_LEVEL = 14; // 1.25^14 ≈ 23× — a single bench fills the screen

  // mapView makes vak (a focusable box round the drawing) a view over the
  // core's drawing: pan, zoom, pinch, the wheel, the zoom keys and buttons,
  // and the keyboard's crosshair placed. The map page (startView), the
  // keepers' editor (beheer-kaart.js) and the embed (embed-page.js) all use
  // it, so a gesture does the same in each. What a tap or a drag of a place
  // means is the caller's.
  //
  //   svg()        the drawing (<svg>), or null while there is none
  //   layer()      the box a gesture moves (default: svg()); see draw
  //   core()       the bridge, or null while there is none (no gestures then)
  //   W, H         the drawing's size in drawing units (setSize changes it)
  //   hidden()     the kinds not drawn (default: none)
  //   selected()   the place whose links are drawn, or null for none drawn
  //   onDraw(box)  after each draw
  //   onTap(ev)    a press that did not move (pointerup or pointercancel)
  //   grab(ev, at) at a one-finger press: an object {move(at), end(at)} to
  //                drag something instead of panning (end(null): cancelled),
  //                or null to pan
  //   panStep(ev)  how far an arrow key pans, of the view (default 0.15)
  //   buttons      {zoomIn, zoomOut, fit}: elements, each optional
  //   step         the zoom factor of one level (default 1.25)
  //   maxLevel     the deepest level (default 14)
  //   inside       true keeps the view on the drawing: the box has the
  //                drawing's shape (the <svg> letterboxes it) and never
  //                reaches past its edges (default false: the box fills the
  //                element, and its centre may go to the drawing's edge)
  //   wheel(ev)    whether a turn of the wheel zooms (default: every turn)
  function mapView(vak, { svg, layer = svg, core, W, H, hidden = () => [], selected = () => null,
    onDraw, onTap, grab, panStep = () => 0.15, buttons = {},
    step = STEP, maxLevel = MAX_LEVEL, inside = false, wheel = () => true }) {
    const page = globalThis.buurtkaartPage; // core.js
    const view = { level: 0, cx: W / 2, cy: H / 2 };
    const zoom = () => Math.pow(step, -view.level);
    // scale is what the core draws for: drawing units per screen unit, where
    // 1 is the whole map 1,000 px wide, enlarged so names keep their size on
    // a narrower screen (core.js, nameScale).
    const scale = () => zoom() * page.nameScale(svg(), W, H);
    // unitsPerPx is drawing units per CSS pixel in the current view.
    const unitsPerPx = (rect) => Math.max(box().w / rect.width, box().h / rect.height);
    // box is the part of the drawing on screen: the element's shape, so what
    // the core draws (marks, names) covers all of the element, also where it
    // is wider or taller than the drawing (a laptop's window, a phone's tall
    // map); at level 0 the whole drawing fits it. (inside: the drawing's
    // shape.)
    function box() {
      const el = svg(), a = el.clientWidth && el.clientHeight ? el.clientWidth / el.clientHeight : W / H;
      const w0 = a > W / H && !inside ? H * a : W, h0 = a > W / H || inside ? H : W / a;
      const w = w0 * zoom(), h = h0 * zoom();
      return { x: view.cx - w / 2, y: view.cy - h / 2, w, h };
    }

    // draw sets the viewBox and asks the core for this level's labels.
    // Before the wasm (core.standIn) nothing is laid out again: the server's
    // names keep their size on screen (--s follows the zoom), marks grow.
    function draw() {
      const el = svg(), c = core();
      if (!el || !c) return;
      const b = box();
      el.setAttribute("viewBox", `${b.x} ${b.y} ${b.w} ${b.h}`);
      el.style.setProperty("--s", c.standIn ? 1.2 * zoom() : scale()); // sketch.ScreenScale
      layer().style.transform = "";
      vak.classList.remove("schuift");
      const args = [scale(), hidden(), b.x, b.y, b.x + b.w, b.y + b.h];
      const marks = c.marks(...args);
      if (typeof marks === "string") page.replaceGroup(el, ".plekken", marks);
      const labels = c.labels(...args);
      if (typeof labels === "string") page.replaceGroup(el, ".labels", labels);
      const id = selected();
      if (id != null) page.replaceGroup(el, "#verbindingen", c.links(id, scale()));
      onDraw?.(b);
    }

    // toMap converts a screen point to drawing units in the current view.
    function toMap(clientX, clientY) {
      const p = new DOMPoint(clientX, clientY).matrixTransform(svg().getScreenCTM().inverse());
      return { x: p.x, y: p.y };
    }

    function zoomTo(level, at) {
      level = Math.max(0, Math.min(maxLevel, level));
      if (at) { // keep the point under the cursor where it is
        const k = Math.pow(step, view.level - level);
        view.cx = at.x + (view.cx - at.x) * k;
        view.cy = at.y + (view.cy - at.y) * k;
      }
      view.level = level;
      clampCentre();
      draw();
    }

    function clampCentre() {
      const b = inside ? box() : { w: 0, h: 0 };
      view.cx = Math.max(b.w / 2, Math.min(W - b.w / 2, view.cx));
      view.cy = Math.max(b.h / 2, Math.min(H - b.h / 2, view.cy));
    }

    // Pointer gestures: one finger or the mouse pans, two fingers pinch. While
    // the gesture lasts only a CSS transform moves the drawing (no layout, no
    // core call); the real view is set once, when it ends. (The layer is an
    // HTML box round the <svg>: a transform on the svg root makes Chromium
    // lay out every text in the drawing again, on every move.)
    const pointers = new Map();
    let gesture = null;
    const el = () => layer();
    const onDrawing = (ev) => !!core() && !!svg()?.contains(ev.target);

    vak.addEventListener("pointerdown", (ev) => {
      if (!onDrawing(ev)) return;
      // A second finger joining: what the first moved is kept, a drag is let go.
      if (gesture?.grab) gesture.grab.end(null);
      else if (gesture?.moved) commit(gesture, gestureNow());
      pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
      try { vak.setPointerCapture(ev.pointerId); } catch { /* a pointer the browser no longer tracks: the gesture works without capture */ }
      const rect = el().getBoundingClientRect();
      gesture = { start: new Map(pointers), rect, moved: false, dist: pinchDist(pointers),
        grab: pointers.size === 1 ? grab?.(ev, toMap(ev.clientX, ev.clientY)) : null };
    });
    vak.addEventListener("pointermove", (ev) => {
      if (!gesture || !pointers.has(ev.pointerId)) return;
      pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
      const { dx, dy, k, ox, oy } = gestureNow();
      if (Math.hypot(dx, dy) > 4 || k !== 1) gesture.moved = true;
      if (gesture.moved && gesture.grab) return gesture.grab.move(toMap(ev.clientX, ev.clientY));
      if (gesture.moved) {
        vak.classList.add("schuift");
        el().style.transformOrigin = `${ox - gesture.rect.left}px ${oy - gesture.rect.top}px`;
        el().style.transform = `translate(${dx}px, ${dy}px) scale(${k})`;
      }
    });
    const end = (ev) => {
      if (!gesture || !pointers.has(ev.pointerId)) return;
      const g = gesture, now = gestureNow();
      pointers.delete(ev.pointerId);
      if (pointers.size > 0) {
        // One finger of a pinch lifted: keep the pinch so far, go on panning.
        if (g.moved) commit(g, now);
        gesture = { ...g, start: new Map(pointers), rect: el().getBoundingClientRect(), dist: pinchDist(pointers) };
        return;
      }
      gesture = null;
      const cancelled = ev.type === "pointercancel";
      if (g.grab && (g.moved || cancelled)) return g.grab.end(cancelled ? null : toMap(ev.clientX, ev.clientY));
      if (!g.moved) return onTap?.(ev);
      commit(g, now);
    };

    // commit sets the view to where a gesture has moved and pinched the
    // drawing, and redraws (which also clears the gesture's transform).
    function commit(g, { dx, dy, k, ox, oy }) {
      const u = unitsPerPx(g.rect);
      view.cx -= dx * u;
      view.cy -= dy * u;
      if (k !== 1) return zoomTo(view.level + Math.round(Math.log(k) / Math.log(step)), toMapAt(ox, oy, g.rect, dx, dy));
      clampCentre();
      draw();
    }
    vak.addEventListener("pointerup", end);
    vak.addEventListener("pointercancel", end);

    // toMapAt is the drawing point under the pinch's origin (ox, oy): the
    // layer was moved by (dx, dy) and scaled around that origin, and the view
    // has already been panned by the move.
    function toMapAt(ox, oy, rect, dx, dy) {
      const b = box(), u = unitsPerPx(rect);
      const offX = (rect.width - b.w / u) / 2, offY = (rect.height - b.h / u) / 2;
      return { x: b.x + (ox - rect.left - offX + dx) * u, y: b.y + (oy - rect.top - offY + dy) * u };
    }

    function gestureNow() {
      const pts = [...pointers.values()], start = [...gesture.start.values()];
      const c = centroid(pts), c0 = centroid(start);
      const k = pts.length > 1 && gesture.dist > 0 ? pinchDist(pointers) / gesture.dist : 1;
      return { dx: c.x - c0.x, dy: c.y - c0.y, k, ox: c0.x, oy: c0.y };
    }

    vak.addEventListener("wheel", (ev) => {
      if (!onDrawing(ev) || !wheel(ev)) return;
      ev.preventDefault();
      zoomTo(view.level + (ev.deltaY < 0 ? 1 : -1), toMap(ev.clientX, ev.clientY));
    }, { passive: false });

    // Keys on the focused map: arrows pan, + / − / 0 zoom. (Enter and Escape
    // are the caller's.)
    vak.addEventListener("keydown", (ev) => {
      if (ev.target !== vak || !svg() || !core()) return; // keys in the card and its buttons are theirs
      const b = box(), f = panStep(ev), pan = (x, y) => { view.cx += x * b.w * f; view.cy += y * b.h * f; clampCentre(); draw(); };
      const keys = { "+": () => zoomTo(view.level + 1), "=": () => zoomTo(view.level + 1), "-": () => zoomTo(view.level - 1),
        "0": fit, ArrowLeft: () => pan(-1, 0), ArrowRight: () => pan(1, 0), ArrowUp: () => pan(0, -1), ArrowDown: () => pan(0, 1) };
      if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
    });

    function fit() { Object.assign(view, { level: 0, cx: W / 2, cy: H / 2 }); draw(); }
    buttons.zoomIn?.addEventListener("click", () => zoomTo(view.level + 1));
    buttons.zoomOut?.addEventListener("click", () => zoomTo(view.level - 1));
    buttons.fit?.addEventListener("click", fit);

    // placeVizier puts the crosshair (an element in vak) over the drawing's
    // centre, which is the view's centre.
    function placeVizier(vizier) {
      const r = svg().getBoundingClientRect(), v = vak.getBoundingClientRect();
      vizier.style.left = `${r.left - v.left - vak.clientLeft + r.width / 2}px`;
      vizier.style.top = `${r.top - v.top - vak.clientTop + r.height / 2}px`;
    }

    // centreOn brings a spot (drawing units) to the middle, zoomed in to at
    // least level.
    function centreOn(x, y, level) {
      view.cx = x; view.cy = y;
      view.level = Math.max(view.level, Math.min(maxLevel, level));
      clampCentre();
      draw();
    }

    // setSize is for a new drawing of another size (the editor's, after a save).
    function setSize(w, h) { W = w; H = h; }

    return { view, box, zoom, scale, unitsPerPx, draw, toMap, zoomTo, clampCentre, fit, centreOn, placeVizier, setSize };
  }

  function centroid(pts) {
    const n = pts.length || 1;
    return { x: pts.reduce((s, p) => s + p.x, 0) / n, y: pts.reduce((s, p) => s + p.y, 0) / n };
  }
  function pinchDist(pointers) {
    const p = [...pointers.values()];
    return p.length > 1 ? Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) : 0;
  }

  globalThis.buurtkaartView = { mapView, MAX_LEVEL };
})();
