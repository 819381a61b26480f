"use strict";
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  var shown = document.getElementById("shown");
  var pages = Array.prototype.map.call(document.querySelectorAll("section.page"), function (section) {
    return {
      el: section,
      id: section.getAttribute("data-page"),
      details: section.querySelector("details"),
      note: section.querySelector(".hidden-note"),
      findings: Array.prototype.map.call(section.querySelectorAll("article.finding"), function (a) {
        return { el: a, level: a.getAttribute("data-level"), category: a.getAttribute("data-category"), text: null };
      })
    };
  });
  var total = pages.reduce(function (n, p) { return n + p.findings.length; }, 0);

  function state() {
    var levels = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=level]"), function (box) {
      if (box.checked) { levels[box.value] = true; }
    });
    return { levels: levels, category: form.elements.category.value, page: form.elements.page.value,
             q: form.elements.q.value.trim().toLowerCase() };
  }

  function apply(fromHash) {
    var s = state(), count = 0, openPages = [];
    pages.forEach(function (p) {
      var visible = 0;
      var pageOk = !s.page || s.page === p.id;
      p.findings.forEach(function (f) {
        var ok = pageOk && s.levels[f.level] === true && (!s.category || s.category === f.category);
        if (ok && s.q) {
          if (f.text === null) { f.text = f.el.textContent.toLowerCase(); }
          ok = f.text.indexOf(s.q) >= 0;
        }
        f.el.hidden = !ok;
        if (ok) { visible += 1; }
      });
      p.el.hidden = visible === 0;
      p.note.textContent = visible < p.findings.length ? "(" + visible + " of " + p.findings.length + " shown)" : "";
      if (visible && (s.page || s.q)) { openPages.push(p); }
      count += visible;
    });
    if (openPages.length <= 50) { openPages.forEach(function (p) { p.details.open = true; }); }
    shown.textContent = "Showing " + count + " of " + total + " finding" + (total === 1 ? "" : "s") + ".";
    if (!fromHash) { save(s); }
  }

  function save(s) {
    var parts = [];
    var levels = Object.keys(s.levels).sort();
    if (levels.length !== 3) { parts.push("level=" + levels.join(",")); }
    if (s.category) { parts.push("category=" + encodeURIComponent(s.category)); }
    if (s.page) { parts.push("page=" + encodeURIComponent(s.page)); }
    if (s.q) { parts.push("q=" + encodeURIComponent(s.q)); }
    try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search); } catch (e) { /* a browser that refuses it on file: URLs */ }
  }

  function load() {
    var hash = location.hash.replace(/^#/, "");
    if (hash.indexOf("=") < 0) { return false; }
    var want = {};
    hash.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) { want[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); }
    });
    if (want.level !== undefined) {
      var levels = want.level.split(",");
      Array.prototype.forEach.call(form.querySelectorAll("input[name=level]"), function (box) {
        box.checked = levels.indexOf(box.value) >= 0;
      });
    }
    form.elements.category.value = want.category || "";
    form.elements.page.value = want.page || "";
    form.elements.q.value = want.q || "";
    return true;
  }

  function openAll(open) { pages.forEach(function (p) { p.details.open = open; }); }

  form.addEventListener("change", function () { apply(false); });
  form.addEventListener("input", function (e) { if (e.target.name === "q") { apply(false); } });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.getElementById("expand").addEventListener("click", function () { openAll(true); });
  document.getElementById("collapse").addEventListener("click", function () { openAll(false); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-open]"), function (a) {
    a.addEventListener("click", function () {
      var target = document.getElementById(a.getAttribute("data-open"));
      if (target) { target.querySelector("details").open = true; }
    });
  });
  window.addEventListener("hashchange", function () { if (load()) { apply(true); } });
  if (load()) { apply(true); }
  document.documentElement.setAttribute("data-ready", "true");
})();
