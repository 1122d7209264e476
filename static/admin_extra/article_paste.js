/*
 * What the article editor does to a paste from Word or Google Docs after
 * CKEditor's own Paste from Office has cleaned it, before it enters the text:
 * Heading 1 becomes the page's first section level and the other headings
 * follow it down; empty paragraphs and headings go; a table without a header
 * row takes its first row as one; an image that cannot be brought in (Word
 * gives only a file on the writer's computer) is left out, and the page says
 * which, so the nurse can insert it with the image button. The server applies
 * the same rules to whatever is saved (treatments/normalise.py): this is
 * what the nurse sees at once.
 */
(function () {
  "use strict";

  // What an image can be brought in from: the web, or data the editor uploads.
  var USABLE_SOURCE = /^(https?:|data:image\/|blob:)/i;
  var BLANK = /^[\s\u00a0\u200b]*$/;

  function rename(element, tag) {
    var renamed = element.ownerDocument.createElement(tag);
    while (element.firstChild) {
      renamed.appendChild(element.firstChild);
    }
    Array.prototype.forEach.call(element.attributes, function (attribute) {
      renamed.setAttribute(attribute.name, attribute.value);
    });
    element.parentNode.replaceChild(renamed, element);
    return renamed;
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function imageName(image) {
    var described = (image.getAttribute("alt") || image.getAttribute("title") || "").trim();
    var source = (image.getAttribute("src") || "").split(/[\\/:]/).pop();
    return described || decodeURIComponent(source || "") || "an image";
  }

  function tidy(html) {
    var body = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    if (body.querySelector("h1")) {
      all(body, "h1, h2, h3, h4, h5, h6").forEach(function (heading) {
        rename(heading, "h" + Math.min(Number(heading.tagName.charAt(1)) + 1, 4));
      });
    }
    var lost = [];
    all(body, "img").forEach(function (image) {
      if (USABLE_SOURCE.test(image.getAttribute("src") || "")) {
        return;
      }
      lost.push(imageName(image));
      var figure = image.closest("figure");
      image.remove();
      if (figure && !figure.querySelector("img, table")) {
        figure.remove();
      }
    });
    all(body, "p, h1, h2, h3, h4, h5, h6, li").forEach(function (block) {
      if (BLANK.test(block.textContent) && !block.querySelector("img, table")) {
        block.remove();
      }
    });
    all(body, "table").forEach(function (table) {
      if (table.querySelector("th") || table.rows.length < 2 || table.tHead) {
        return;
      }
      var first = table.rows[0];
      Array.prototype.slice.call(first.cells).forEach(function (cell) {
        rename(cell, "th").setAttribute("scope", "col");
      });
      table.createTHead().appendChild(first);
    });
    return { html: body.innerHTML, lost: lost };
  }

  function say(editor, lost) {
    var element = editor.sourceElement;
    var box = document.getElementById(element.id + "-paste-notice");
    if (!box) {
      box = document.createElement("div");
      box.id = element.id + "-paste-notice";
      box.className = "paste-notice";
      box.setAttribute("role", "status");
      element.closest(".ck-editor-container").prepend(box);
    }
    box.textContent = "";
    if (!lost.length) {
      return;
    }
    var heading = document.createElement("p");
    heading.textContent =
      (lost.length === 1 ? "One image" : lost.length + " images") +
      " in what you pasted could not be brought in, so " +
      (lost.length === 1 ? "it is" : "they are") +
      " not in the text. Insert each with the image button:";
    var list = document.createElement("ul");
    lost.forEach(function (name) {
      var item = document.createElement("li");
      item.textContent = name;
      list.appendChild(item);
    });
    box.appendChild(heading);
    box.appendChild(list);
  }

  function watch(editor) {
    var processor = editor.data.htmlProcessor;
    // After Paste from Office ("high") and before the image upload takes pasted
    // images' data ("normal", which would otherwise run first, as it was added first).
    editor.plugins.get("ClipboardPipeline").on(
      "inputTransformation",
      function (event, data) {
        var result = tidy(processor.toData(data.content));
        data.content = processor.toView(result.html);
        say(editor, result.lost);
      },
      { priority: 500 }
    );
  }

  // The article body's editor (loaded on the article form only).
  var editor = window.editors && window.editors.id_body;
  if (editor) {
    watch(editor);
  } else if (window.ckeditorRegisterCallback) {
    window.ckeditorRegisterCallback("id_body", watch);
  }
})();
