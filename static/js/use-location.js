// Find your force: "Use my location" asks for the location only when pressed,
// then submits it once, rounded to about 100 metres, replacing this page in the
// history. The answer's address then drops the location, so Back, Forward and
// reloading never carry it. Nothing is stored.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});

  modules["wb-use-location"] = function (root) {
    if (!("geolocation" in navigator)) {
      return;
    }
    if (/[?&](lat|lng)=/.test(window.location.search) && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname);
    }
    var button = root.querySelector("button");
    var status = root.querySelector('[role="status"]');
    var form = document.querySelector("form.wb-search");
    root.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = root.getAttribute("data-finding");
      navigator.geolocation.getCurrentPosition(
        function (position) {
          window.location.replace(form.getAttribute("action") +
            "?lat=" + position.coords.latitude.toFixed(3) +
            "&lng=" + position.coords.longitude.toFixed(3));
        },
        function () {
          button.disabled = false;
          status.textContent = root.getAttribute("data-error");
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
  };
})();
