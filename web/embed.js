// embed.js puts the buurt's map on any web page with one script tag:
//
//   <script src="https://KAART/embed.js" data-soorten="talent,plek" async></script>
//
// It inserts an <iframe> of /embed where the tag stands (or into the element
// data-doel names, a CSS selector), passes the data-* options on as URL
// parameters (soorten, taal, pins, toevoegen, zoom, midden; data-titel for
// screen readers), and keeps the frame as tall as the map inside it: the
// page in the frame posts {type: "buurtkaart:height", height} and only
// messages from that frame, from the map's own origin, are believed.
(() => {
  "use strict";
  const script = document.currentScript; // null in a module or a callback: then there is no tag to stand in for
  if (!script || !script.src) return;
  const origin = new URL(script.src).origin;
  const d = script.dataset;
  const q = new URLSearchParams();
  for (const name of ["soorten", "taal", "pins", "toevoegen", "zoom", "midden"]) {
    if (d[name]) q.set(name, d[name]);
  }
  const frame = document.createElement("iframe");
  frame.src = `${origin}/embed${q.size ? `?${q}` : ""}`;
  frame.title = d.titel || "Buurtkaart";
  frame.allow = "geolocation";
  frame.loading = "lazy";
  frame.className = "buurtkaart";
  // 450 px until the map says how tall it is: about a 480 px wide column's map.
  frame.style.cssText = `display:block;width:100%;border:0;height:${parseInt(d.hoogte, 10) || 450}px`;

  addEventListener("message", (ev) => {
    if (ev.origin !== origin || ev.source !== frame.contentWindow) return;
    const m = ev.data;
    if (!m || m.type !== "buurtkaart:height") return;
    const h = Math.ceil(Number(m.height));
    // 100–5000 px: a frame the page cannot shrink to nothing or blow up.
    if (h >= 100 && h <= 5000) frame.style.height = `${h}px`;
  });

  const target = d.doel && document.querySelector(d.doel);
  if (target) target.append(frame);
  else if (script.parentElement && script.parentElement !== document.head) script.after(frame);
  else document.body.append(frame);
})();
