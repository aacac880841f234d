// The statement upload form takes a file dropped onto it: the file goes into the form's own file input, which the
// form then sends as it would without script (the page works without this file). No inline script (CSP).
(function () {
  'use strict';

  function start() {
    var form = document.getElementById('statement-upload-form');
    var input = document.getElementById('su-file');
    if (!form || !input) {
      return;
    }
    ['dragenter', 'dragover'].forEach(function (type) {
      form.addEventListener(type, function (event) {
        event.preventDefault();
        form.classList.add('dragging');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      form.addEventListener(type, function () {
        form.classList.remove('dragging');
      });
    });
    form.addEventListener('drop', function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || files.length !== 1) {
        return;
      }
      input.files = files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
