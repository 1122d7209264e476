// Sources keep their order without typing numbers: each source gets "Move up" and
// "Move down" buttons (keyboard operable), and the position fields are renumbered
// 1, 2, 3 ... in the order shown. Without JavaScript, editors can still type numbers.
(function () {
  "use strict";

  function sources(group) {
    return Array.prototype.filter.call(
      group.querySelectorAll(".inline-related"),
      function (item) {
        return !item.classList.contains("empty-form") && item.id.indexOf("sources-") === 0;
      }
    );
  }

  function renumber(group) {
    sources(group).forEach(function (item, index) {
      var position = item.querySelector("input[name$='-position']");
      if (position) {
        position.value = String(index + 1);
        position.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  function addButtons(group, item) {
    if (item.querySelector(".source-move")) {
      return;
    }
    var title = item.querySelector("h3");
    var bar = document.createElement("span");
    bar.className = "source-move";
    [["up", "Move up"], ["down", "Move down"]].forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button source-move-" + pair[0];
      button.textContent = pair[1];
      button.addEventListener("click", function () {
        var list = sources(group);
        var index = list.indexOf(item);
        var other = list[pair[0] === "up" ? index - 1 : index + 1];
        if (!other) {
          return;
        }
        if (pair[0] === "up") {
          other.parentNode.insertBefore(item, other);
        } else {
          other.parentNode.insertBefore(other, item);
        }
        renumber(group);
        button.focus();
      });
      bar.appendChild(button);
    });
    (title || item).appendChild(bar);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var group = document.getElementById("sources-group");
    if (!group) {
      return;
    }
    sources(group).forEach(function (item) {
      addButtons(group, item);
    });
    document.addEventListener("formset:added", function (event) {
      if (event.detail && event.detail.formsetName === "sources") {
        addButtons(group, event.target);
        renumber(group);
      }
    });
  });
})();
