// The operation page: after htmx swaps in the refreshed detail, focus goes to its notice (or the page heading),
// so keyboard and screen-reader users land where the result is said instead of at the top of the document.
(function () {
  "use strict";

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "detail") return;
    var detail = document.getElementById("detail");
    if (!detail) return;
    var landing = detail.querySelector("[data-focus-after-swap]") || detail.querySelector("h1");
    if (landing) {
      if (!landing.hasAttribute("tabindex")) landing.setAttribute("tabindex", "-1");
      landing.focus();
    }
  });
})();
