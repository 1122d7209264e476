// Nothing typed on a staff page is lost.
//
// 1. Leaving a form with changes that are not saved asks first.
// 2. While someone works on a form, the session is kept alive (a heartbeat
//    marked active after activity); a page left alone still signs out at the
//    idle limit. On a page about one object (an article, a request) the
//    heartbeat also says who else has it open, every half minute.
// 3. A form sent after the session has ended is answered by the sign-in page.
//    What it held is kept in this tab (sessionStorage: gone when the tab
//    closes) and put back into the same form once the same person has signed
//    in again; files cannot be kept, so the page names them to choose again.
// Without JavaScript the forms work as before; only these safety nets are missing.
(function () {
  "use strict";

  var KEY_PREFIX = "staff-typed:";
  var KEEP_HOURS = 12;
  var config = document.querySelector("script[data-staff-forms]");
  if (!config || !window.sessionStorage) {
    return;
  }
  var user = config.getAttribute("data-user");
  var heartbeatUrl = config.getAttribute("data-heartbeat-url");
  var idleSeconds = parseInt(config.getAttribute("data-idle-seconds"), 10) || 1800;
  var beatSeconds = parseInt(config.getAttribute("data-beat-seconds"), 10) || 30;
  var presencePage = config.getAttribute("data-presence");
  var csrfToken = config.getAttribute("data-csrf");

  function writingForms() {
    var forms = document.querySelectorAll("#content-main form");
    return Array.prototype.filter.call(forms, function (form) {
      var method = (form.getAttribute("method") || "get").toLowerCase();
      return (
        method === "post" &&
        !form.matches("#changelist-form, #login-form, [data-not-typed]") &&
        form.querySelector("textarea, input[type=text], input:not([type])") !== null
      );
    });
  }

  // --- What a form holds -----------------------------------------------------

  function fieldsOf(form) {
    var fields = [];
    var files = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name;
      var type = (element.type || "").toLowerCase();
      if (!name || name === "csrfmiddlewaretoken" || type === "password") {
        return;
      }
      if (type === "submit" || type === "button" || type === "reset") {
        return;
      }
      if (type === "file") {
        Array.prototype.forEach.call(element.files || [], function (file) {
          files.push({ name: name, file: file.name, label: labelOf(element) });
        });
      } else if (type === "checkbox" || type === "radio") {
        fields.push({ name: name, value: element.value, checked: element.checked });
      } else if (element.tagName === "SELECT" && element.multiple) {
        fields.push({
          name: name,
          values: Array.prototype.filter
            .call(element.options, function (option) {
              return option.selected;
            })
            .map(function (option) {
              return option.value;
            }),
        });
      } else {
        fields.push({ name: name, value: element.value });
      }
    });
    return { fields: fields, files: files };
  }

  function labelOf(element) {
    var label = element.id && document.querySelector('label[for="' + element.id + '"]');
    return label ? label.textContent.replace(/[:\s]+$/, "") : element.name;
  }

  function storageKey(path) {
    return KEY_PREFIX + path;
  }

  function entries() {
    var found = [];
    for (var i = 0; i < sessionStorage.length; i += 1) {
      var key = sessionStorage.key(i);
      if (key && key.indexOf(KEY_PREFIX) === 0) {
        try {
          found.push({ key: key, entry: JSON.parse(sessionStorage.getItem(key)) });
        } catch (error) {
          found.push({ key: key, entry: null });
        }
      }
    }
    return found;
  }

  function keepSent(form) {
    var held = fieldsOf(form);
    var entry = {
      user: user,
      path: window.location.pathname,
      savedAt: new Date().toISOString(),
      state: "sent",
      fields: held.fields,
      files: held.files,
    };
    try {
      sessionStorage.setItem(storageKey(entry.path), JSON.stringify(entry));
    } catch (error) {
      // Storage full or refused: the form is sent all the same.
    }
  }

  // --- Putting it back ---------------------------------------------------------

  function addInlineRows(form, fields) {
    fields.forEach(function (field) {
      var match = /^(.+)-TOTAL_FORMS$/.exec(field.name);
      var current = match && form.elements[field.name];
      if (!current) {
        return;
      }
      var add = document.querySelector("#" + CSS.escape(match[1]) + "-group .add-row a");
      var missing = parseInt(field.value, 10) - parseInt(current.value, 10);
      for (var i = 0; add && i < missing; i += 1) {
        add.click();
      }
    });
  }

  function setField(form, field) {
    var target = form.elements[field.name];
    if (!target) {
      return;
    }
    var elements = target.length !== undefined && !target.tagName ? Array.prototype.slice.call(target) : [target];
    elements.forEach(function (element) {
      var type = (element.type || "").toLowerCase();
      if (type === "file" || type === "submit" || type === "button") {
        return;
      }
      if (type === "checkbox" || type === "radio") {
        if (element.value === field.value) {
          element.checked = field.checked;
        }
      } else if (field.values) {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = field.values.indexOf(option.value) !== -1;
        });
      } else {
        element.value = field.value;
        putInEditor(element, field.value);
      }
      element.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  // The rich-text editor keeps its own copy of the text: wait for it (up to ten
  // seconds after the page loaded), then give it the text too.
  function putInEditor(element, value, attempt) {
    if (element.tagName !== "TEXTAREA" || !element.closest(".ck-editor-container")) {
      return;
    }
    var editor = window.editors && window.editors[element.id];
    if (editor) {
      editor.setData(value);
    } else if ((attempt || 0) < 100) {
      window.setTimeout(function () {
        putInEditor(element, value, (attempt || 0) + 1);
      }, 100);
    }
  }

  function notice(form, html) {
    var box = document.createElement("div");
    box.className = "errornote typed-restored";
    box.setAttribute("role", "alert");
    box.innerHTML = html;
    form.parentNode.insertBefore(box, form);
    return box;
  }

  function escapeHtml(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function restore(form, entry) {
    addInlineRows(form, entry.fields);
    entry.fields.forEach(function (field) {
      setField(form, field);
    });
    var at = new Date(entry.savedAt);
    var time = at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    var html =
      "<p><strong>Your session ended before this was saved.</strong> What you had typed at " +
      escapeHtml(time) +
      " is back in the form below. Check it, then save.</p>";
    if (entry.files.length) {
      html +=
        "<p>Files cannot be kept while you sign in. Choose again:</p><ul>" +
        entry.files
          .map(function (file) {
            return "<li>" + escapeHtml(file.label) + ": <strong>" + escapeHtml(file.file) + "</strong></li>";
          })
          .join("") +
        "</ul>";
    }
    notice(form, html);
    formChanged(form);
  }

  // --- Leaving with unsaved work ---------------------------------------------

  var changedForms = [];

  function formChanged(form) {
    if (changedForms.indexOf(form) === -1) {
      changedForms.push(form);
    }
  }

  function watch(form) {
    form.addEventListener("input", function () {
      formChanged(form);
    });
    form.addEventListener("change", function () {
      formChanged(form);
    });
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.hasAttribute("data-preview-unsaved")) {
        return; // opens a preview in a new tab: this page and its text stay as they are
      }
      changedForms = [];
      keepSent(form);
    });
  }

  window.addEventListener("beforeunload", function (event) {
    if (changedForms.length) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // --- The heartbeat: the session kept alive while someone works; who else is here

  var activeSinceBeat = false;
  var lastActiveBeat = Date.now();
  var activeTimer = null;
  var minActiveGap = Math.max(5, Math.floor(idleSeconds / 4)) * 1000;

  function tabId() {
    // Stable across reloads of this tab, so a reload is not "another tab".
    var id = sessionStorage.getItem("staff-tab");
    if (!id) {
      var bytes = new Uint8Array(12);
      window.crypto.getRandomValues(bytes);
      id = Array.prototype.map
        .call(bytes, function (byte) {
          return ("0" + byte.toString(16)).slice(-2);
        })
        .join("");
      sessionStorage.setItem("staff-tab", id);
    }
    return id;
  }

  function beat() {
    var active = activeSinceBeat;
    activeSinceBeat = false;
    if (active) {
      lastActiveBeat = Date.now();
    }
    var body = new URLSearchParams();
    body.set("active", active ? "1" : "0");
    if (presencePage) {
      body.set("page", presencePage);
      body.set("tab", tabId());
    }
    fetch(heartbeatUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken, "X-Requested-With": "XMLHttpRequest" },
      body: body,
    })
      .then(function (response) {
        if (response.status === 401) {
          sessionEnded();
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (answer && answer.others) {
          showPresence(answer.others);
        }
      })
      .catch(function () {
        // The server could not be reached: the next beat tries again.
        activeSinceBeat = activeSinceBeat || active;
      });
  }

  function activity() {
    activeSinceBeat = true;
    if (activeTimer === null) {
      var wait = Math.max(2000, lastActiveBeat + minActiveGap - Date.now());
      activeTimer = window.setTimeout(function () {
        activeTimer = null;
        beat();
      }, wait);
    }
  }

  function showPresence(others) {
    var box = document.getElementById("page-presence");
    if (!box) {
      return;
    }
    box.innerHTML = others
      .map(function (other) {
        return other.you
          ? "<p>You also have this page open in another tab, since " + escapeHtml(other.since) + ".</p>"
          : "<p><strong>" +
              escapeHtml(other.name) +
              "</strong> has had this page open since " +
              escapeHtml(other.since) +
              ".</p>";
      })
      .join("");
  }

  var endedNotice = null;

  function sessionEnded() {
    var forms = writingForms();
    if (endedNotice || !forms.length) {
      return;
    }
    endedNotice = notice(
      forms[0],
      "<p><strong>Your session has ended.</strong> Nothing you typed is lost: save as usual, sign in " +
        "again when asked, and you will be brought back here with your text.</p>"
    );
  }

  // --- On every page ---------------------------------------------------------

  function onLoad() {
    var onSignInPage = document.body.classList.contains("login");
    var forms = writingForms();
    var tooOld = Date.now() - KEEP_HOURS * 3600 * 1000;
    entries().forEach(function (item) {
      var entry = item.entry;
      if (!entry || new Date(entry.savedAt).getTime() < tooOld) {
        sessionStorage.removeItem(item.key);
      } else if (onSignInPage) {
        if (entry.state === "sent") {
          // The form was answered by the sign-in page: it was not saved.
          entry.state = "waiting";
          sessionStorage.setItem(item.key, JSON.stringify(entry));
        }
      } else if (entry.state === "sent" || (user && entry.user !== user)) {
        // Saved, or shown again with its text; or another person is signed in now.
        sessionStorage.removeItem(item.key);
      } else if (entry.path === window.location.pathname && forms.length) {
        sessionStorage.removeItem(item.key);
        restore(forms[0], entry);
      }
    });
    if (onSignInPage) {
      var waiting = entries().some(function (item) {
        return item.entry && item.entry.state === "waiting";
      });
      var form = document.getElementById("login-form");
      if (waiting && form) {
        notice(
          form,
          "<p><strong>Your session ended before your changes were saved.</strong> What you typed is kept " +
            "in this tab. Sign in again and it will be put back in the form.</p>"
        );
      }
      return;
    }
    forms.forEach(watch);
    if (!heartbeatUrl || !user) {
      return;
    }
    if (forms.length) {
      ["keydown", "input", "pointerdown", "wheel"].forEach(function (name) {
        document.addEventListener(name, activity, { passive: true, capture: true });
      });
    }
    if (presencePage) {
      beat();
      window.setInterval(beat, beatSeconds * 1000);
    }
  }

  // After the admin's own scripts (inlines, the editor) have set the page up.
  if (document.readyState === "complete") {
    onLoad();
  } else {
    window.addEventListener("load", onLoad);
  }
})();
