// Administration pages. A page that shows a secret once (the answer to a POST) names, in data-replace-url, the
// address a reload should open instead: reloading then shows the list, never the secret again, and does not post
// the form a second time.
(function () {
  'use strict';
  var main = document.querySelector('main[data-replace-url]');
  if (main && window.history && window.history.replaceState) {
    window.history.replaceState(null, '', main.getAttribute('data-replace-url'));
  }
})();
