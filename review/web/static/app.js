// Netra review UI: keyboard shortcuts and bulk selection. Served as a file
// so the Content-Security-Policy can forbid inline script.
(function () {
  "use strict";

  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }

  // Queue: j/k move, Enter/o open, x toggles selection.
  var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tr.row"));
  var cur = -1;
  function move(d) {
    if (!rows.length) return;
    if (cur >= 0) rows[cur].classList.remove("current");
    cur = Math.max(0, Math.min(rows.length - 1, cur + d));
    rows[cur].classList.add("current");
    rows[cur].scrollIntoView({ block: "nearest" });
  }

  // Item page: j/k jump between evidence marks.
  var marks = Array.prototype.slice.call(document.querySelectorAll("#text mark.hit[id]"));
  var hm = -1;
  function jump(d) {
    if (!marks.length) return;
    if (hm >= 0) marks[hm].classList.remove("focus");
    hm = (hm + d + marks.length) % marks.length;
    marks[hm].classList.add("focus");
    marks[hm].scrollIntoView({ block: "center" });
  }

  // Queue actions go through the bulk form with just the current row; the
  // server reports the result on the queue.
  function selectOnly() {
    if (cur < 0 || !document.getElementById("bulk")) return false;
    document.querySelectorAll("input[name=ids]").forEach(function (cb) { cb.checked = false; });
    var all = document.getElementById("select-all");
    if (all) all.checked = false; // one row is not "all": no confirmation step
    var cb = rows[cur].querySelector("input[name=ids]");
    if (!cb) return false;
    cb.checked = true;
    return true;
  }
  function setAction(a) {
    var sel = document.getElementById("bulk-action");
    if (!sel) return false;
    sel.value = a;
    return true;
  }
  function actOnCurrent(a) {
    if (selectOnly() && setAction(a)) submit("bulk");
  }

  function submit(id) {
    var f = document.getElementById(id);
    if (f) f.requestSubmit ? f.requestSubmit() : f.submit();
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing(e)) {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    switch (e.key) {
      case "/":
        var q = document.getElementById("q");
        if (q) { e.preventDefault(); q.focus(); q.select(); }
        break;
      case "j": rows.length ? move(1) : jump(1); break;
      case "k": rows.length ? move(-1) : jump(-1); break;
      case "Enter": case "o":
        if (cur >= 0) window.location.href = rows[cur].getAttribute("data-href");
        break;
      case "x":
        if (cur >= 0) { var cb = rows[cur].querySelector("input[type=checkbox]"); if (cb) cb.checked = !cb.checked; }
        break;
      case "c":
        if (rows.length) { actOnCurrent("confirmed"); } else { submit("f-confirm"); }
        break;
      case "e":
        if (rows.length) { actOnCurrent("escalated"); } else { submit("f-escalate"); }
        break;
      case "d":
        if (rows.length) {
          // Dismissing needs a reason: select the row and go to the note.
          if (selectOnly() && setAction("dismissed")) {
            e.preventDefault();
            document.getElementById("bulk-note").focus();
          }
          break;
        }
        var r = document.getElementById("dismiss-reason");
        if (r) { e.preventDefault(); r.focus(); }
        break;
    }
  });

  // Keep shared search URLs short: leave empty filters out.
  var ff = document.getElementById("filter-form");
  if (ff) {
    ff.addEventListener("submit", function () {
      ff.querySelectorAll("input, select").forEach(function (el) { if (!el.value) el.disabled = true; });
    });
  }

  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll("input[name=ids]").forEach(function (cb) { cb.checked = all.checked; });
    });
    // Unticking a row means the selection is no longer "all".
    document.querySelectorAll("input[name=ids]").forEach(function (cb) {
      cb.addEventListener("change", function () { if (!cb.checked) all.checked = false; });
    });
  }
})();

// The notification badge: the number of unread alerts next to "Alerts" in
// the navigation, refreshed every minute. It reads the same JSON API any
// client uses.
(function () {
  "use strict";
  function refresh() {
    var badge = document.getElementById("alert-badge");
    if (!badge) return;
    fetch("/api/v1/notifications", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) return;
        badge.textContent = d.unread > 0 ? String(d.unread) : "";
        badge.hidden = !(d.unread > 0);
      })
      .catch(function () {});
  }
  document.addEventListener("DOMContentLoaded", function () {
    refresh();
    setInterval(refresh, 60000);
  });
})();
