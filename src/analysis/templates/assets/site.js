// The suite's one script, written once to reports/assets/ and shared by every page.
// It draws the navigation from window.SITE (assets/site-map.js, rebuilt with the site, so a
// report needs no re-rendering when a report or a document is added), links a report to its
// rendering in the other language, highlights the figure or clause a link lands on, filters
// tables, and runs the offline search (window.SEARCH_INDEX, assets/search-index.js).
// Plain DOM code, no library: DataTables (itables' bundle) is an ES module, which Chromium
// refuses to load from a file:// page, and itables' offline mode would copy it into every page.
(function () {
  "use strict";
  const body = document.body;
  const root = body.dataset.root || "";
  const page = body.dataset.page || "";
  const site = window.SITE || { groups: [], links: [], pairs: {} };

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // a page in Chinese (<html lang="zh">) has its navigation in Chinese where the site map says it
  const zh = document.documentElement.lang === "zh";
  const title = (o) => (zh && o.title_zh) || o.title;

  function drawNav() {
    const nav = document.getElementById("site-nav");
    if (!nav) return;
    nav.textContent = "";
    for (const group of site.groups) {
      const details = el("details", { "data-group": group.key });
      details.appendChild(el("summary", {}, title(group)));
      const list = el("ul");
      for (const p of group.pages) {
        const li = el("li");
        const a = el("a", { href: root + p.href, "data-key": p.key }, title(p));
        if (p.key === page) a.classList.add("current");
        li.appendChild(a);
        list.appendChild(li);
      }
      details.appendChild(list);
      details.addEventListener("toggle", () => {
        if (details.open) nav.querySelectorAll("details[open]").forEach((d) => { if (d !== details) d.open = false; });
      });
      nav.appendChild(details);
    }
    for (const l of site.links) nav.appendChild(el("a", { href: root + l.href, "data-key": l.key }, title(l)));
    document.addEventListener("click", (ev) => {
      if (!nav.contains(ev.target)) nav.querySelectorAll("details[open]").forEach((d) => { d.open = false; });
    });
  }

  function drawLanguageSwitch() {
    const slot = document.getElementById("lang-switch");
    const pairs = site.pairs[page] || [];
    if (!slot || !pairs.length) return;
    pairs.forEach((p, i) => {
      if (i) slot.appendChild(document.createTextNode(" · "));
      slot.appendChild(el("a", { href: root + p.href, hreflang: p.lang, class: "lang" }, p.label));
    });
  }

  // a report links to the documentation page of its method (docs/*.md, which links back)
  function drawMethodLink() {
    const slot = document.getElementById("lang-switch");
    const href = (site.methods || {})[page];
    if (!slot || !href) return;
    const a = el("a", { href: root + href, class: "method-link" }, zh ? "方法说明" : "Method");
    slot.parentNode.insertBefore(a, slot);
  }

  function highlight() {
    document.querySelectorAll(".hit").forEach((e) => e.classList.remove("hit"));
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) return;
    if (id.startsWith("f-")) {
      const fid = id.slice(2);
      document.querySelectorAll("mark.fig").forEach((m) => {
        if ((m.dataset.figure || "").split(" ").includes(fid)) m.classList.add("hit");
      });
    } else {
      target.classList.add("hit");
    }
    target.scrollIntoView({ block: "center" });
  }

  function wireFilters() {
    document.querySelectorAll("input.table-filter").forEach((input) => {
      const table = document.getElementById(input.dataset.table);
      if (!table) return;
      input.addEventListener("input", () => {
        const q = input.value.toLowerCase();
        table.querySelectorAll("tbody tr").forEach((r) => {
          r.style.display = r.textContent.toLowerCase().includes(q) ? "" : "none";
        });
      });
    });
  }

  function snippet(text, at, len) {
    const from = Math.max(0, at - 40), to = Math.min(text.length, at + len + 60);
    const span = el("span", { class: "snippet" });
    span.appendChild(document.createTextNode((from ? "…" : "") + text.slice(from, at)));
    span.appendChild(el("mark", {}, text.slice(at, at + len)));
    span.appendChild(document.createTextNode(text.slice(at + len, to) + (to < text.length ? "…" : "")));
    return span;
  }

  function runSearch() {
    const list = document.getElementById("search-results");
    if (!list) return;
    const q = (new URLSearchParams(location.search).get("q") || "").trim();
    const input = document.getElementById("search-q");
    if (input) input.value = q;
    document.querySelectorAll(".site-search input").forEach((i) => { i.value = q; });
    if (!q) return;
    // the texts are Simplified (the cleaning converts them): a Traditional query is converted
    // character by character (window.T2S, from OpenCC), so 眾創空間 finds 众创空间
    const t2s = window.T2S || {};
    const simplified = (s) => Array.from(s, (c) => t2s[c] || c).join("");
    const needle = simplified(q).toLowerCase();
    const hits = [];
    for (const entry of window.SEARCH_INDEX || []) {
      const hay = entry.text.toLowerCase();
      const at = hay.indexOf(needle);
      const inTitle = simplified(entry.title).toLowerCase().includes(needle);
      if (at < 0 && !inTitle) continue;
      let count = 0;
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) count++;
      hits.push({ entry, at, count });
    }
    hits.sort((a, b) => b.count - a.count);
    document.getElementById("search-count").textContent =
      hits.length ? `${hits.length} page(s) mention “${q}”` : `nothing mentions “${q}”`;
    for (const h of hits) {
      const li = el("li", { class: "result " + h.entry.kind });
      li.appendChild(el("a", { href: root + h.entry.href, "data-kind": h.entry.kind }, h.entry.title));
      li.appendChild(document.createTextNode(` (${h.entry.kind}, ${h.count} match${h.count === 1 ? "" : "es"})`));
      if (h.at >= 0) { li.appendChild(el("br")); li.appendChild(snippet(h.entry.text, h.at, q.length)); }
      list.appendChild(li);
    }
  }

  drawNav();
  drawLanguageSwitch();
  drawMethodLink();
  wireFilters();
  runSearch();
  highlight();
  window.addEventListener("hashchange", highlight);
})();
