// The review page (python -m analysis review DOC --serve): keyboard and mouse, every change
// POSTed at once with the server's token. Values are set with textContent / value only.
(function () {
  "use strict";
  var token = new URLSearchParams(location.search).get("token") || "";
  var body = document.body;
  var statusBox = document.querySelector("[data-role=status]");
  var current = null;
  var queue = Promise.resolve();
  var pending = 0;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll(".row[data-row]")).filter(function (r) {
      return !r.hidden && !r.closest("[data-status=reviewed]");
    });
  }

  // one request at a time, in the order they were made; data-pending says how many are left
  function post(action, data) {
    pending += 1;
    body.dataset.pending = String(pending);
    var run = function () {
      return fetch("/api/" + action, {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-Review-Token": token},
        body: JSON.stringify(data)
      }).then(function (resp) {
        return resp.json().catch(function () { return {ok: false, message: "HTTP " + resp.status}; });
      }, function (err) {
        return {ok: false, message: "the review server does not answer (" + err + "); your change is not saved"};
      });
    };
    var p = queue.then(run);
    queue = p.then(function () {
      pending -= 1;
      body.dataset.pending = String(pending);
    });
    return p;
  }

  function say(text, kind) {
    statusBox.textContent = "";
    statusBox.className = "status" + (kind ? " " + kind : "");
    if (text) statusBox.appendChild(document.createTextNode(text));
  }

  function rowOf(el) { return el.closest(".row[data-row]"); }

  function showProblem(row, problem) {
    var p = row.querySelector("[data-role=problem]");
    p.textContent = problem ? problem.message : "";
    row.classList.toggle("bad", !!problem);
    row.querySelectorAll("[data-field]").forEach(function (el) {
      el.classList.toggle("wrong", !!problem && el.dataset.field === problem.field);
    });
  }

  function answer(row, result) {
    if (result.reread) {
      say("The review file was changed outside this page: it was re-read (not overwritten) and your change " +
          "applied to it; reloading to show it.", "warn");
      setTimeout(function () { location.reload(); }, 600);
    } else if (result.problem !== undefined) {
      showProblem(row, result.problem);
    } else if (!result.ok) {
      say(result.message || "refused", "bad");
    }
    return result;
  }

  function save(el) {
    if (!el || !el.dataset.field || el.value === el.dataset.saved) return queue;
    var row = rowOf(el);
    el.dataset.saved = el.value;
    if (el.tagName === "SELECT") titleOf(el);
    row.classList.remove("confirmed");
    progress();
    return post("change", {layer: el.dataset.layer, id: el.dataset.id, field: el.dataset.field, value: el.value})
      .then(function (r) { return answer(row, r); });
  }

  function titleOf(select) {
    var opt = select.options[select.selectedIndex];
    select.title = opt && opt.title ? opt.title : "";
  }

  function progress() {
    var all = rows();
    var done = all.filter(function (r) { return r.classList.contains("confirmed"); }).length;
    var bad = all.filter(function (r) { return r.classList.contains("bad"); }).length;
    var el = document.querySelector("[data-role=progress]");
    if (el) el.textContent = done + " of " + all.length + " rows accepted" + (bad ? ", " + bad + " with a problem" : "");
  }

  function highlight(row) {
    document.querySelectorAll(".hit").forEach(function (e) { e.classList.remove("hit", "this-number"); });
    var anchor = row.dataset.anchor || "";
    var target = null;
    if (anchor.indexOf("f-") === 0) {
      var id = anchor.slice(2);
      document.querySelectorAll("mark.fig[data-figure]").forEach(function (m) {
        if (m.dataset.figure.split(" ").indexOf(id) >= 0) {
          m.classList.add("hit");
          target = target || m;
        }
      });
      document.querySelectorAll("b.num[data-figure]").forEach(function (b) {  // the number itself
        if (b.dataset.figure.split(" ").indexOf(id) >= 0) b.classList.add("hit", "this-number");
      });
    } else if (anchor) {
      target = document.getElementById(anchor);
      if (target) target.classList.add("hit");
    }
    if (target) target.scrollIntoView({block: "center"});
  }

  function choose(row) {
    if (!row) return;
    if (current) current.classList.remove("current");
    current = row;
    row.classList.add("current");
    row.focus({preventScroll: true});
    row.scrollIntoView({block: "nearest"});
    highlight(row);
  }

  function move(step) {
    var all = rows();
    var i = all.indexOf(current);
    choose(all[Math.max(0, Math.min(all.length - 1, i + step))]);
  }

  function confirmRow(row) {
    if (!row) return queue;
    return post("confirm", {layer: row.dataset.layer, id: row.dataset.row}).then(function (r) {
      answer(row, r);
      if (r.ok) {
        row.classList.add("confirmed");
        if (row === current) move(1);
      }
      progress();
      return r;
    });
  }

  function fieldOf(row, name) { return row && row.querySelector("[data-field='" + name + "']"); }

  function edit(row) {
    var first = row && (row.querySelector("select[data-field]:not([data-field=decision])") ||
                        row.querySelector("input[data-field]"));
    if (first) first.focus();
  }

  function outOfScope(row) {
    if (!row) return;
    if (row.dataset.layer === "figures") {
      var decision = fieldOf(row, "decision");
      decision.value = "out_of_scope";
      save(decision);
      var reason = fieldOf(row, "reason");
      reason.focus();
      reason.select();
    } else if (row.dataset.layer === "instruments") {
      var primary = fieldOf(row, "primary");
      primary.value = "none";
      save(primary);
      var secondary = fieldOf(row, "secondary");
      secondary.value = "";
      save(secondary);
      confirmRow(row);
    }
  }

  function score(row, value) {
    if (!row || row.dataset.layer !== "pmc") return;
    var s = fieldOf(row, "score");
    s.value = value;
    save(s);
    var j = fieldOf(row, "justification");
    j.focus();
    j.select();
  }

  // choose from a list by typing: the code's start, else any words of its label
  var typed = "", typedAt = 0;
  function typeahead(select, key) {
    var now = Date.now();
    if (now - typedAt > 1200) typed = "";
    typedAt = now;
    typed = key === "Backspace" ? typed.slice(0, -1) : typed + key.toLowerCase();
    if (!typed) return;
    var opts = Array.prototype.slice.call(select.options);
    var hit = opts.filter(function (o) { return o.value.toLowerCase().indexOf(typed) === 0; })[0] ||
      opts.filter(function (o) { return o.textContent.toLowerCase().indexOf(typed) >= 0; })[0];
    if (hit) {
      select.value = hit.value;
      save(select);
    }
  }

  function reorder(how) {
    document.querySelectorAll("section.layer").forEach(function (section) {
      var list = Array.prototype.slice.call(section.querySelectorAll(".row[data-row]"));
      list.sort(function (a, b) {
        var d = how === "confidence" ? parseFloat(a.dataset.confidence) - parseFloat(b.dataset.confidence) : 0;
        return d || parseFloat(a.dataset.order) - parseFloat(b.dataset.order);
      });
      list.forEach(function (r) { section.appendChild(r); });
    });
    if (current) choose(current);
  }

  function help(show) {
    var box = document.querySelector("[data-role=help]");
    box.hidden = show === undefined ? !box.hidden : !show;
  }

  function acceptAll() {
    say("Checking and accepting (review " + body.dataset.doc + " --accept) …", "");
    return queue.then(function () { return post("accept", {}); }).then(function (r) {
      if (!r.ok) { say(r.message, "bad"); return r; }
      say(r.message, "ok");
      var stale = r.stale || [];
      var p = document.createElement("p");
      p.textContent = stale.length
        ? "Now stale in the reports: " + stale.map(function (s) { return s.name; }).join(", ") +
          ". Rebuild them with `" + r.rebuild + "`."
        : "Rebuild the reports with `" + r.rebuild + "`.";
      statusBox.appendChild(p);
      if (stale.length) {
        var ul = document.createElement("ul");
        stale.forEach(function (s) {
          var li = document.createElement("li");
          li.textContent = s.name + ": " + s.why;
          ul.appendChild(li);
        });
        statusBox.appendChild(ul);
      }
      if (r.retrain) {
        var q = document.createElement("p");
        q.textContent = "The drafts were rebuilt with this accept: the automatic coder retrains on these codes, " +
          "and the next document's drafts learn from this one.";
        statusBox.appendChild(q);
      }
      (r.layers || []).forEach(function (layer) {
        var section = document.querySelector("section.layer[data-layer='" + layer + "']");
        if (section) section.dataset.status = "reviewed";
      });
      progress();
      return r;
    });
  }

  // --- wiring ------------------------------------------------------------------------
  document.querySelectorAll("[data-field]").forEach(function (el) {
    el.dataset.saved = el.value;
    el.addEventListener("change", function () { save(el); });
    el.addEventListener("focus", function () { if (rowOf(el) !== current) choose(rowOf(el)); });
  });
  document.querySelectorAll(".row[data-row]").forEach(function (row) {
    row.addEventListener("click", function (e) { if (!e.target.closest("[data-field]")) choose(row); });
  });
  document.querySelector("[data-action=accept]").addEventListener("click", acceptAll);
  document.querySelectorAll("[data-action=start]").forEach(function (b) {
    b.addEventListener("click", function () {
      post("start", {layer: b.dataset.layer}).then(function (r) {
        if (r.ok) location.reload(); else say(r.message, "bad");
      });
    });
  });
  var order = document.querySelector("[data-role=order]");
  order.addEventListener("change", function () { reorder(order.value); });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t.tagName === "BUTTON") return;
    if (t.matches && t.matches("[data-field]")) {
      if (e.key === "Escape") { e.preventDefault(); save(t); choose(rowOf(t)); return; }
      if (e.key === "Enter") { e.preventDefault(); var row = rowOf(t); save(t); choose(row); confirmRow(row); return; }
      if (t.tagName === "SELECT" && (e.key.length === 1 || e.key === "Backspace") && !(e.key === " " && !typed)) {
        e.preventDefault();
        typeahead(t, e.key);
      }
      return;
    }
    if (t === order) return;
    switch (e.key) {
      case "j": case "ArrowDown": move(1); break;
      case "k": case "ArrowUp": move(-1); break;
      case "Enter": case "a": confirmRow(current); break;
      case "e": case "/": edit(current); break;
      case "x": outOfScope(current); break;
      case "0": case "1": score(current, e.key); break;
      case "o": order.value = order.value === "text" ? "confidence" : "text"; reorder(order.value); break;
      case "A": acceptAll(); break;
      case "?": help(); break;
      case "Escape": help(false); break;
      default: return;
    }
    e.preventDefault();
  });

  // resume where the review stopped: the first row not yet accepted
  var all = rows();
  choose(all.filter(function (r) { return !r.classList.contains("confirmed"); })[0] || all[0]);
  progress();
}());
