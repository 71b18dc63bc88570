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
