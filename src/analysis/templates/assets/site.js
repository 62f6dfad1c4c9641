// The suite's one script, written once to reports/assets/ and shared by every page.
// It draws the navigation from window.SITE (assets/site-map.js, rebuilt with the site, so a
// report needs no re-rendering when a report or a document is added), links a report to its
// rendering in the other language, highlights the figure or clause a link lands on, filters and
// sorts tables. The offline search is assets/search.js (the search page's own script).
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
      if (group.href) {  // a group with a page of its own (the regions' table, the documents' list)
        const a = el("a", { href: root + group.href, "data-key": group.key, "data-group": group.key }, title(group));
        if (group.key === "documents" && page.startsWith("document")) a.classList.add("current");
        if (group.key === "regions" && page.startsWith("region_profile")) a.classList.add("current");
        nav.appendChild(a);
        continue;
      }
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

  // A table's filters: a text box (input.table-filter: rows whose text contains it) and menus
  // (select.table-select: rows whose data-<field> is the chosen value), all of them at once.
  function wireFilters() {
    const tables = new Set();
    document.querySelectorAll("input.table-filter, select.table-select").forEach((c) => tables.add(c.dataset.table));
    tables.forEach((id) => {
      const table = document.getElementById(id);
      if (!table) return;
      const text = [...document.querySelectorAll(`input.table-filter[data-table="${id}"]`)];
      const menus = [...document.querySelectorAll(`select.table-select[data-table="${id}"]`)];
      const count = document.querySelector(`.table-count[data-table="${id}"]`);
      const rows = [...table.querySelectorAll("tbody tr")];
      const apply = () => {
        const q = text.map((i) => i.value.toLowerCase());
        let shown = 0;
        rows.forEach((r) => {
          const keep = q.every((s) => !s || r.textContent.toLowerCase().includes(s))
            && menus.every((m) => !m.value || r.dataset[m.dataset.field] === m.value);
          r.style.display = keep ? "" : "none";
          if (keep) shown++;
        });
        const noun = count ? count.dataset.noun || "rows" : "";
        if (count) count.textContent = shown === rows.length ? `${rows.length} ${noun}` : `${shown} of ${rows.length} ${noun}`;
      };
      text.forEach((i) => i.addEventListener("input", apply));
      menus.forEach((m) => m.addEventListener("change", apply));
      // a link may carry a filter (index.html?filter=jiaxing#regions)
      const given = new URLSearchParams(location.search).get("filter");
      if (given && text.length) { text[0].value = given; apply(); }
    });
  }

  // table.sortable: a heading's button sorts the rows by its column (a cell's data-sort, else its
  // text; numbers as numbers), again for the other direction; aria-sort says which.
  function wireSorting() {
    document.querySelectorAll("table.sortable").forEach((table) => {
      const heads = [...table.querySelectorAll("thead th")];
      heads.forEach((th, col) => {
        const button = th.querySelector("button.sort");
        if (!button) return;
        button.addEventListener("click", () => {
          const ascending = th.getAttribute("aria-sort") !== "ascending";
          const number = button.dataset.type === "number";
          const key = (r) => { const c = r.cells[col]; const v = c ? (c.dataset.sort ?? c.textContent) : "";
            return number ? parseFloat(v) || 0 : v; };
          const body = table.tBodies[0];
          const rows = [...body.rows].map((r, i) => [key(r), i, r]);
          rows.sort((a, b) => {
            const d = number ? a[0] - b[0] : a[0].localeCompare(b[0], "zh");
            return (ascending ? d : -d) || a[1] - b[1];
          });
          rows.forEach(([, , r]) => body.appendChild(r));
          heads.forEach((h) => { if (h.hasAttribute("aria-sort")) h.setAttribute("aria-sort", "none"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        });
      });
    });
  }

  drawNav();
  drawLanguageSwitch();
  drawMethodLink();
  wireFilters();
  wireSorting();
  highlight();
  window.addEventListener("hashchange", highlight);
})();
