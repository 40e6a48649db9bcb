// Home and offline pages: show the call-now options for the visitor's force.
// The force comes from a `?force=` link (an intranet link opened offline) or the
// one saved with "Make this my force"; every option is in the page already, and
// the page maps each force to its options' key in data-force-keys.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});

  function savedForce() {
    try {
      var saved = JSON.parse(window.localStorage.getItem("wellbeing.force") || "null");
      return saved && /^[a-z0-9-]+$/.test(saved.slug) ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function forceKeys(callnow) {
    try {
      return JSON.parse(callnow.getAttribute("data-force-keys")) || {};
    } catch (error) {
      return {};
    }
  }

  function showOptions(callnow, key) {
    var options = callnow.querySelectorAll("[data-nations]");
    var first = true;
    for (var i = 0; i < options.length; i++) {
      var nations = options[i].getAttribute("data-nations").split(" ");
      options[i].hidden = nations.indexOf(key) === -1;
      // The first option left on screen is the big one (in Scotland, 999, not the hidden crisis line).
      options[i].classList.toggle("wb-call--primary", first && !options[i].hidden);
      first = first && options[i].hidden;
    }
  }

  modules["wb-your-force"] = function (element) {
    var callnow = document.querySelector(".wb-callnow[data-force-keys]");
    if (!callnow) {
      return;
    }
    var keys = forceKeys(callnow);
    var linked = new URLSearchParams(window.location.search).get("force");
    var saved = savedForce();
    var slug = linked && Object.prototype.hasOwnProperty.call(keys, linked) ? linked : null;
    if (!slug && saved && Object.prototype.hasOwnProperty.call(keys, saved.slug)) {
      slug = saved.slug;
    }
    if (saved && slug === saved.slug) {
      var link = document.createElement("a");
      // "/forces" here, "/forces/" in the static copy (make export), where pages end in "/".
      var forces = element.getAttribute("data-forces");
      link.href = /\/$/.test(forces) ? forces + saved.slug + "/" : forces + "/" + saved.slug;
      link.textContent = saved.name;
      element.textContent = element.getAttribute("data-label") + " ";
      element.appendChild(link);
      element.hidden = false;
    }
    if (slug) {
      showOptions(callnow, keys[slug]);
    }
  };
})();
