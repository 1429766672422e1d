// The session finder: filters the static list of every session (written by the build) by event,
// project (a parent selects its sub-projects), release, track, speaker and free text.
// The filters live in the URL query, so a wiki can link to a filtered view; back/forward restore it.
(function () {
  "use strict";
  var FIELDS = ["event", "project", "release", "track", "speaker"];

  function init() {
    var dataNode = document.getElementById("summit-finder-data");
    var list = document.querySelector(".summit-finder-list");
    if (!dataNode || !list) return;
    var data = JSON.parse(dataNode.textContent);
    var ui = data.ui;
    var items = {};
    Array.prototype.forEach.call(list.querySelectorAll("li[id^='finder-']"), function (li) {
      items[li.id.slice("finder-".length)] = li;
    });

    var form = document.createElement("form");
    form.className = "summit-finder-form";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", ui.form);
    var controls = {};
    FIELDS.forEach(function (field) {
      var id = "summit-finder-" + field;
      var label = document.createElement("label");
      label.htmlFor = id; label.textContent = ui.fields[field];
      var select = document.createElement("select");
      select.id = id; select.name = field;
      var any = document.createElement("option"); any.value = ""; any.textContent = ui.any;
      select.appendChild(any);
      data.options[field].forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0]; option.textContent = pair[1];
        select.appendChild(option);
      });
      select.addEventListener("change", function () { update(true); });
      var wrap = document.createElement("span"); wrap.className = "summit-finder-field";
      wrap.appendChild(label); wrap.appendChild(select); form.appendChild(wrap);
      controls[field] = select;
    });
    var textLabel = document.createElement("label");
    textLabel.htmlFor = "summit-finder-q"; textLabel.textContent = ui.fields.q;
    var text = document.createElement("input");
    text.type = "search"; text.id = "summit-finder-q"; text.name = "q";
    text.addEventListener("input", function () { update(false); });
    text.addEventListener("change", function () { update(true); });
    var textWrap = document.createElement("span"); textWrap.className = "summit-finder-field";
    textWrap.appendChild(textLabel); textWrap.appendChild(text); form.appendChild(textWrap);
    controls.q = text;
    form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });

    var status = document.createElement("p");
    status.className = "summit-finder-count"; status.setAttribute("role", "status"); status.setAttribute("aria-live", "polite");
    var count = document.createElement("span");
    var clear = document.createElement("a");
    clear.href = location.pathname; clear.textContent = ui.clear; clear.className = "summit-finder-clear";
    clear.addEventListener("click", function (event) {
      event.preventDefault();
      Object.keys(controls).forEach(function (key) { controls[key].value = ""; });
      update(true);
    });
    status.appendChild(count); status.appendChild(document.createTextNode(" ")); status.appendChild(clear);
    list.parentNode.insertBefore(form, list);
    list.parentNode.insertBefore(status, list);

    function fromUrl() {
      var params = new URLSearchParams(location.search);
      Object.keys(controls).forEach(function (key) { controls[key].value = params.get(key) || ""; });
    }

    function matches(session) {
      var ok = true;
      var project = controls.project.value;
      if (controls.event.value && session.event !== controls.event.value) ok = false;
      if (project && !session.projects.some(function (p) { return (data.within[p] || [p]).indexOf(project) >= 0; })) ok = false;
      if (controls.release.value && session.releases.indexOf(controls.release.value) < 0) ok = false;
      if (controls.track.value && session.track !== controls.track.value) ok = false;
      if (controls.speaker.value && session.speakers.indexOf(controls.speaker.value) < 0) ok = false;
      var q = controls.q.value.trim().toLowerCase();
      if (q && session.text.indexOf(q) < 0) ok = false;
      return ok;
    }

    function update(record) {
      var shown = 0;
      data.sessions.forEach(function (session) {
        var visible = matches(session);
        items[session.id].hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = ui.count.replace("{shown}", shown).replace("{total}", data.sessions.length);
      var any = Object.keys(controls).some(function (key) { return controls[key].value; });
      clear.hidden = !any;
      if (record) {
        var params = new URLSearchParams();
        Object.keys(controls).forEach(function (key) { if (controls[key].value) params.set(key, controls[key].value); });
        var query = params.toString();
        var url = location.pathname + (query ? "?" + query : "");
        if (url !== location.pathname + location.search) history.pushState(null, "", url);
      }
    }

    window.addEventListener("popstate", function () { fromUrl(); update(false); });
    fromUrl();
    update(false);
  }

  document.addEventListener("DOMContentLoaded", init);
})();
