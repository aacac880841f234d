// Opsdesk console behaviour: CSRF on htmx requests, keyboard shortcuts. Loaded with `defer`; no inline script
// anywhere (the CSP forbids it), so pages mark what they need with data- attributes.
(function () {
  "use strict";

  // htmx requests carry the same CSRF token as the page's forms.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A panel another module serves ([data-panel], loaded by htmx) that cannot be loaded says so in its place,
  // in the page's language (data-failed), instead of "Loading…" for ever.
  function panelFailed(event) {
    var panel = event.detail.elt;
    if (!panel || !panel.hasAttribute || !panel.hasAttribute("data-panel")) return;
    var note = document.createElement("p");
    note.className = "field-error";
    note.setAttribute("role", "alert");
    note.textContent = panel.getAttribute("data-failed") || "";
    panel.replaceChildren(note);
    panel.removeAttribute("aria-busy");
  }
  document.addEventListener("htmx:responseError", panelFailed);
  document.addEventListener("htmx:sendError", panelFailed);

  // After a panel answered its own form, focus goes to the notice it returned, where the result is said.
  document.addEventListener("htmx:afterSettle", function () {
    var landing = document.querySelector("[data-panel-notice][data-focus-after-swap]");
    if (landing) {
      landing.removeAttribute("data-focus-after-swap");
      landing.focus();
    }
  });

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable=true]") !== null;
  }

  // Rows of a list marked data-keyboard-list: j/k move, Enter opens the row's first link.
  function rows() {
    var list = document.querySelector("[data-keyboard-list]");
    return list ? Array.prototype.slice.call(list.querySelectorAll("[data-row]")) : [];
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) return;
    var index = all.indexOf(document.activeElement.closest("[data-row]"));
    var next = all[Math.min(all.length - 1, Math.max(0, index + step))];
    next.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      var open = document.querySelector("dialog[open]");
      if (open) open.close();
      return;
    }
    if (typing(event.target)) return;
    if (event.key === "/") {
      var search = document.getElementById("console-search");
      if (search) {
        event.preventDefault();
        search.focus();
      }
    } else if (event.key === "j") {
      move(1);
    } else if (event.key === "k") {
      move(-1);
    } else if (event.key === "Enter") {
      var row = event.target.closest("[data-row]");
      var link = row && row.querySelector("a[href]");
      if (link) link.click();
    }
  });

  // Buttons with data-confirm ask before submitting (terminal moves name their result in the message).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  // <button data-open-dialog="id"> opens that <dialog>; a dialog's [data-close-dialog] closes it.
  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-open-dialog]");
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute("data-open-dialog"));
      if (dialog) dialog.showModal();
    }
    var closer = event.target.closest("[data-close-dialog]");
    if (closer) {
      var parent = closer.closest("dialog");
      if (parent) parent.close();
    }
  });
})();
