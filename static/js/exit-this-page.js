// Exit this page (the GOV.UK pattern): the button, or Shift pressed three times
// within five seconds, hides the page at once and replaces it with a neutral site.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});

  modules["wb-exit-this-page"] = function (root) {
    var link = root.querySelector(".wb-exit__button");
    var presses = 0;
    var timer = null;
    var overlay = null;

    function leave(event) {
      if (event) {
        event.preventDefault();
      }
      overlay = document.createElement("div");
      overlay.className = "wb-exit-overlay";
      overlay.setAttribute("role", "alert");
      overlay.textContent = root.getAttribute("data-message");
      document.body.appendChild(overlay);
      document.body.classList.add("wb-exit-active");
      window.location.replace(link.href);
    }

    link.addEventListener("click", leave);
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") {
        presses = 0;
        return;
      }
      presses += 1;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { presses = 0; }, 5000);
      if (presses >= 3) {
        presses = 0;
        leave();
      }
    });
    // Coming back with the Back button restores the page from the cache: show it again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && overlay) {
        overlay.remove();
        overlay = null;
        document.body.classList.remove("wb-exit-active");
      }
    });
  };
})();
