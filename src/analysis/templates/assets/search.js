// The search page's script (search.html only): the offline search over the index in shards
// (analysis.searchindex writes assets/search/). SEARCH_META (meta.js, loaded with the page) lists
// the pages; a query loads the term buckets of its character bigrams (g-<n>.js), shows the pages
// that have them all, then loads the texts of those pages (t-<n>.js) to keep only the pages that
// contain the query and cut a snippet. Each shard is a script that registers itself: a page opened
// from disk (file://) may add a script but not fetch a file.
(function () {
  "use strict";
  const root = document.body.dataset.root || "";
  const meta = window.SEARCH_META || { buckets: 1, pages: [], t2s: {} };
  const shards = {};
  const waiting = {};
  window.SEARCH_SHARD = function (name, data) {
    shards[name] = data;
    (waiting[name] || []).forEach((resolve) => resolve(data));
    delete waiting[name];
  };

  function load(name) {
    if (shards[name]) return Promise.resolve(shards[name]);
    return new Promise((resolve, reject) => {
      if (waiting[name]) { waiting[name].push(resolve); return; }
      waiting[name] = [resolve];
      const s = document.createElement("script");
      s.src = root + "assets/search/" + name + ".js";
      s.onerror = () => reject(new Error("cannot load " + s.src));
      document.head.appendChild(s);
    });
  }

  // the same as analysis.searchindex.bigrams, bigram_hash and _postings
  const spaces = new Set(meta.spaces || [32]);
  function bigrams(text) {
    const chars = Array.from(text.toLowerCase());
    const out = [];
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i] + chars[i + 1];
      if (!spaces.has(chars[i].codePointAt(0)) && !spaces.has(chars[i + 1].codePointAt(0)) && !out.includes(g)) out.push(g);
    }
    return out;
  }
  function hash(gram) {
    const [a, b] = Array.from(gram);
    return 31 * a.codePointAt(0) + b.codePointAt(0);
  }
  function decode(postings) {
    const out = new Set();
    if (postings.startsWith("~")) {  // a bitmap of every page, base64
      const bytes = atob(postings.slice(1));
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes.charCodeAt(i);
        if (!byte) continue;
        for (let bit = 0; bit < 8; bit++) if (byte & (128 >> bit)) out.add(i * 8 + bit);
      }
      return out;
    }
    let page = 0;
    for (const delta of postings.split(",")) { page += parseInt(delta, 36); out.add(page); }
    return out;
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function snippet(text, at, len) {
    const from = Math.max(0, at - 40), to = Math.min(text.length, at + len + 60);
    const span = el("span", { class: "snippet" });
    span.appendChild(document.createTextNode((from ? "…" : "") + text.slice(from, at)));
    span.appendChild(el("mark", {}, text.slice(at, at + len)));
    span.appendChild(document.createTextNode(text.slice(at + len, to) + (to < text.length ? "…" : "")));
    return span;
  }

  // the texts are Simplified (the cleaning converts them): a Traditional query is converted
  // character by character (meta.t2s, from OpenCC), so 眾創空間 finds 众创空间
  const simplified = (s) => Array.from(s, (c) => meta.t2s[c] || c).join("");
  const zh = document.documentElement.lang === "zh";

  async function candidates(needle, grams) {
    const found = await Promise.all(grams.map((g) => load("g-" + (hash(g) % meta.buckets))
      .then((shard) => (Object.prototype.hasOwnProperty.call(shard, g) ? decode(shard[g]) : new Set()))));
    found.sort((a, b) => a.size - b.size);
    let pages = [...found[0]].filter((p) => found.every((f) => f.has(p)));
    const set = new Set(pages);
    meta.pages.forEach((p, i) => {
      if (!set.has(i) && simplified(p[2]).toLowerCase().includes(needle)) pages.push(i);
    });
    pages.sort((a, b) => a - b);
    return pages.map((page) => ({ page, count: 0, at: -1, exact: false }));
  }

  function draw(list, hits) {
    list.textContent = "";
    for (const h of hits) {
      const [kind, href, title] = meta.pages[h.page];
      const li = el("li", { class: "result " + kind });
      li.appendChild(el("a", { href: root + href, "data-kind": kind }, title));
      li.appendChild(document.createTextNode(h.exact ? ` (${kind}, ${h.count} match${h.count === 1 ? "" : "es"})` : ` (${kind})`));
      if (h.at >= 0) { li.appendChild(el("br")); li.appendChild(snippet(h.text, h.at, h.len)); }
      list.appendChild(li);
    }
  }

  async function run() {
    const list = document.getElementById("search-results");
    if (!list) return;
    const q = (new URLSearchParams(location.search).get("q") || "").trim();
    const input = document.getElementById("search-q");
    if (input) input.value = q;
    document.querySelectorAll(".site-search input").forEach((i) => { i.value = q; });
    const count = document.getElementById("search-count");
    if (!q) return;
    const needle = simplified(q).toLowerCase();
    const grams = bigrams(needle);
    if (!grams.length) {
      count.textContent = ((meta.messages || {})["too short"] || {})[zh ? "zh" : "en"] || "";
      list.dataset.state = "done";
      return;
    }
    list.dataset.state = "loading";
    const started = performance.now();
    let hits = await candidates(needle, grams);
    draw(list, hits.slice(0, 200));  // the first answer: the top of the list (all once checked)
    count.textContent = hits.length ? `${hits.length} page(s) may mention “${q}”…` : `nothing mentions “${q}”`;
    // how long the query took to its first answer, and since the page was opened
    // (benchmarks/bench_site_search.py reads these)
    list.dataset.firstResults = String(Math.round(performance.now() - started));
    list.dataset.firstResultsAt = String(Math.round(performance.now()));
    // then each candidate's text, a chunk at a time in the order of the results
    const chunks = [...new Set(hits.map((h) => meta.pages[h.page][3]))];
    const firstOfChunk = {};
    meta.pages.forEach((p, i) => { if (!(p[3] in firstOfChunk)) firstOfChunk[p[3]] = i; });
    for (const chunk of chunks) {
      const texts = await load("t-" + chunk);
      for (const h of hits) {
        if (meta.pages[h.page][3] !== chunk) continue;
        const text = texts[h.page - firstOfChunk[chunk]];
        const hay = text.toLowerCase();
        h.text = text; h.len = q.length; h.exact = true;
        h.at = hay.indexOf(needle);
        h.count = 0;
        for (let i = h.at; i >= 0; i = hay.indexOf(needle, i + needle.length)) h.count++;
        h.inTitle = simplified(meta.pages[h.page][2]).toLowerCase().includes(needle);
      }
    }
    hits = hits.filter((h) => h.count > 0 || h.inTitle);
    hits.sort((a, b) => b.count - a.count || a.page - b.page);
    draw(list, hits);
    count.textContent = hits.length ? `${hits.length} page(s) mention “${q}”` : `nothing mentions “${q}”`;
    list.dataset.doneAt = String(Math.round(performance.now()));
    list.dataset.state = "done";
  }

  run().catch((err) => {
    const count = document.getElementById("search-count");
    if (count) count.textContent = String(err);
    const list = document.getElementById("search-results");
    if (list) list.dataset.state = "failed";
  });
})();
