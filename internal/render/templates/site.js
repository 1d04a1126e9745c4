// The index filter. Its state lives in the URL (?q=&ls=&status=&stage=), so a filtered
// view can be sent as a link; the data comes from index-data.js (a script, not a fetch:
// pages opened from disk may not fetch). Without JavaScript the form stays hidden and
// every row shows.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var data = window.profilerIndex;
  if (!form || !data) {
    return;
  }
  var rows = {};
  var trs = document.querySelectorAll("#profiles tbody tr");
  for (var i = 0; i < trs.length; i++) {
    rows[trs[i].getAttribute("data-k")] = trs[i];
  }
  var fields = ["q", "ls", "status", "stage"];
  var count = document.getElementById("f-count");
  var none = document.getElementById("f-none");
  var template = count.getAttribute("data-template") || "";

  function state() {
    var s = {};
    fields.forEach(function (f) {
      s[f] = form.elements[f].value.trim();
    });
    return s;
  }

  function apply() {
    var s = state();
    var words = s.q.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    data.forEach(function (d) {
      var ok = (!s.ls || d.l === s.ls) && (!s.status || d.s === s.status) && (!s.stage || d.g === s.stage) &&
        words.every(function (w) { return d.t.indexOf(w) >= 0; });
      var tr = rows[d.k];
      if (tr) {
        tr.hidden = !ok;
      }
      if (ok) {
        shown++;
      }
    });
    count.textContent = template.replace("{n}", shown).replace("{total}", data.length);
    none.hidden = shown > 0;
    var params = new URLSearchParams();
    fields.forEach(function (f) {
      if (s[f]) {
        params.set(f, s[f]);
      }
    });
    var query = params.toString();
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname.split("/").pop() || ".");
    } catch (e) {
      // Some browsers refuse replaceState on file:// pages; the filter still works.
    }
  }

  var params = new URLSearchParams(location.search);
  fields.forEach(function (f) {
    var v = params.get(f);
    if (v === null) {
      return;
    }
    var el = form.elements[f];
    if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) {
      return; // an unknown choice in a link: ignore it rather than hide everything
    }
    el.value = v;
  });
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    apply();
  });
  apply();
})();
