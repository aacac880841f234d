// Counts down to each [data-countdown]'s data-until (an ISO instant) as m:ss; at zero, shows the page's
// [data-countdown-expired] notice and disables its [data-countdown-disables] buttons. A static file: the portal's
// content security policy forbids inline scripts. Loaded again with each quote the Exchange page swaps in.
(function () {
  'use strict';
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function tick(element, until) {
    // a quote replaced in place (htmx) leaves its timer behind: it stops without touching the new one
    if (!element.isConnected) { return false; }
    var left = Math.max(0, Math.floor((until - Date.now()) / 1000));
    var hours = Math.floor(left / 3600);
    var minutes = Math.floor((left % 3600) / 60);
    var seconds = left % 60;
    element.textContent = (hours > 0 ? hours + ':' + pad(minutes) : String(minutes)) + ':' + pad(seconds);
    if (left === 0) {
      document.querySelectorAll('[data-countdown-expired]').forEach(function (notice) { notice.hidden = false; });
      document.querySelectorAll('[data-countdown-disables]').forEach(function (button) { button.disabled = true; });
      return false;
    }
    return true;
  }
  function start() {
    document.querySelectorAll('[data-countdown]').forEach(function (element) {
      var until = Date.parse(element.getAttribute('data-until'));
      if (isNaN(until)) { return; }
      if (!tick(element, until)) { return; }
      var timer = setInterval(function () { if (!tick(element, until)) { clearInterval(timer); } }, 1000);
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
