// Warn before leaving an article's change page with changes that are not saved.
// Typing in the editor, a field or an inline marks the form changed; saving clears it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("article_form");
    if (!form) {
      return;
    }
    var changed = false;
    function markChanged() {
      changed = true;
    }
    form.addEventListener("input", markChanged);
    form.addEventListener("change", markChanged);
    form.addEventListener("submit", function () {
      changed = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (changed) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  });
})();
