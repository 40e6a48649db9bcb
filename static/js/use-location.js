// Find your force: "Use my location" asks for the location only when pressed,
// then submits it once, rounded to about 10 metres. Nothing is stored.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});

  modules["wb-use-location"] = function (root) {
    if (!("geolocation" in navigator)) {
      return;
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
          window.location.href = form.getAttribute("action") +
            "?lat=" + position.coords.latitude.toFixed(4) +
            "&lng=" + position.coords.longitude.toFixed(4);
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
