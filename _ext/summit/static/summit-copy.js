// Copy a link to an object's permanent short URL, in the wiki syntax the reader chose (remembered).
// The buttons are written by the summit extension (copylinks.py); this file only acts on them.
(function () {
  "use strict";
  var KEY = "summit-link-syntax";
  var SYNTAXES = {
    url: function (o) { return o.url; },
    markdown: function (o) { return "[" + o.title.replace(/([\\\[\]])/g, "\\$1") + "](" + o.url.replace(/\)/g, "%29") + ")"; },
    mediawiki: function (o) { return "[" + o.url + " " + o.title.replace(/\]/g, "&#93;") + "]"; },
    confluence: function (o) { return "[" + o.title.replace(/([\\\[\]|])/g, "\\$1") + "|" + o.url + "]"; },
    myst: function (o) { return "{external+" + o.inventory + ":ref}`" + o.title.replace(/([\\`<>])/g, "\\$1") + " <" + o.label + ">`"; },
    rst: function (o) { return ":external+" + o.inventory + ":ref:`" + o.title.replace(/([\\`<>])/g, "\\$1") + " <" + o.label + ">`"; }
  };
  window.summitLinkSyntaxes = SYNTAXES;

  function chosen() {
    try { var s = localStorage.getItem(KEY); if (s && SYNTAXES[s]) return s; } catch (e) {}
    return "url";
  }

  function target(button) {
    var d = button.dataset;
    var root = document.documentElement.dataset.content_root || "";
    var url = d.summitBase ? d.summitBase + d.summitShort : new URL(root + d.summitShort, location.href).href;
    return { url: url, title: d.summitTitle, label: d.summitLabel, inventory: d.summitInventory };
  }

  function fallback(button, text) {
    // The clipboard was refused: show the text, selected, for the reader to copy.
    var field = button.parentNode.querySelector("input.summit-copy-text");
    if (!field) {
      field = document.createElement("input");
      field.type = "text"; field.readOnly = true; field.className = "summit-copy-text";
      field.setAttribute("aria-label", button.dataset.summitFallbackLabel);
      button.parentNode.insertBefore(field, button.nextSibling);
    }
    field.value = text; field.focus(); field.select();
  }

  function copy(button) {
    var text = SYNTAXES[chosen()](target(button));
    var status = button.parentNode.querySelector(".summit-copy-status");
    function done(ok) {
      status.textContent = ok ? button.dataset.summitDone : button.dataset.summitRefused;
      if (!ok) fallback(button, text);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
    } else {
      done(false);
    }
  }

  function addChooser(buttons) {
    var article = document.querySelector("article") || document.body;
    var box = document.createElement("div");
    box.className = "summit-copy-chooser";
    var id = "summit-link-syntax";
    var label = document.createElement("label");
    label.htmlFor = id; label.textContent = buttons[0].dataset.summitChooser;
    var select = document.createElement("select");
    select.id = id;
    JSON.parse(buttons[0].dataset.summitSyntaxes).forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0]; option.textContent = pair[1];
      select.appendChild(option);
    });
    select.value = chosen();
    select.addEventListener("change", function () { try { localStorage.setItem(KEY, select.value); } catch (e) {} });
    box.appendChild(label); box.appendChild(select);
    article.insertBefore(box, article.firstChild);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button.summit-copy");
    if (!buttons.length) return;
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
    addChooser(buttons);
  });
})();
