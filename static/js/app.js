// Progressive enhancement only: every page works without this file.
// Components start from a data-module attribute; each is a small function.

(function () {
  "use strict";

  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      // The Welsh worker precaches the directory in Welsh; both carry the crisis pages.
      var url = document.documentElement.lang === "cy" ? "/sw.js?lang=cy" : "/sw.js";
      navigator.serviceWorker.register(url).catch(function () {
        // Offline support is a bonus; the page itself already works.
      });
    });
  }

  var modules = (window.wellbeingModules = window.wellbeingModules || {});

  function start() {
    var elements = document.querySelectorAll("[data-module]");
    for (var i = 0; i < elements.length; i++) {
      var name = elements[i].getAttribute("data-module");
      if (typeof modules[name] === "function") {
        modules[name](elements[i]);
      }
    }
  }

  // Deferred component scripts run after this one but before DOMContentLoaded.
  if (document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
