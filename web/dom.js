// Small DOM helpers of the keepers' pages (the workshop, beheer.js, and
// starting a map, nieuw.js): Dutch first, its English beside it in an
// element marked lang="en".
globalThis.buurtkaartDom = (() => {
  "use strict";
  function english(text) { return Object.assign(document.createElement("span"), { lang: "en", textContent: text }); }
  function bi(nl, en) { return en ? [`${nl} `, english(`· ${en}`)] : [nl]; }
  // el(tag, {class, text, onclick, prop, attr…}, ...children): an element.
  // A property of the element given a non-string value is set as a
  // property (checked, hidden as booleans); everything else an attribute.
  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (k in e && typeof v !== "string") e[k] = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    e.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
    return e;
  }
  return { english, bi, el };
})();
