// Operations list: "select all on page" and the selection count in the bulk bar. Delegated from the document, so
// it keeps working after htmx swaps the list.
(function () {
  "use strict";

  function update(form) {
    var boxes = form.querySelectorAll("[data-select]");
    var checked = form.querySelectorAll("[data-select]:checked").length;
    var count = form.querySelector("[data-selected-count]");
    if (count) {
      count.textContent = count.getAttribute("data-pattern").replace("{0}", String(checked));
    }
    var all = form.querySelector("[data-select-all]");
    if (all) {
      all.checked = boxes.length > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
    var bar = form.querySelector("[data-bulk-bar]");
    if (bar) {
      bar.classList.toggle("has-selection", checked > 0);
    }
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    var form = target.closest("#bulk-form");
    if (!form) return;
    if (target.matches("[data-select-all]")) {
      form.querySelectorAll("[data-select]").forEach(function (box) {
        box.checked = target.checked;
      });
    }
    update(form);
  });
})();
