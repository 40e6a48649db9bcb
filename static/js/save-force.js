// Force page: "Make this my force" keeps the force in this browser (never a
// cookie) and asks the service worker to save its page for offline use.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});
  var KEY = "wellbeing.force";

  function read() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || "null");
    } catch (error) {
      return null;
    }
  }

  function tellWorker(message) {
    // Wait for the active worker rather than needing a controller: on a first
    // visit the page is not controlled yet, and the force page would not be saved.
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.ready.then(function (registration) {
        registration.active.postMessage(message);
      });
    }
  }

  modules["wb-save-force"] = function (root) {
    var slug = root.getAttribute("data-slug");
    var save = root.querySelector('[data-action="save"]');
    var forget = root.querySelector('[data-action="forget"]');
    var status = root.querySelector('[role="status"]');
    try {
      window.localStorage.getItem(KEY);
    } catch (error) {
      return; // storage is blocked: keep the buttons hidden
    }

    // announce: after a press, say what it did ("saved" or "forgotten").
    function render(announce) {
      var saved = read();
      var mine = saved && saved.slug === slug;
      save.hidden = !!mine;
      forget.hidden = !mine;
      status.textContent = announce ? root.getAttribute(mine ? "data-saved" : "data-forgotten") : "";
    }

    save.addEventListener("click", function () {
      window.localStorage.setItem(KEY, JSON.stringify({
        slug: slug,
        name: root.getAttribute("data-name"),
        key: root.getAttribute("data-key")
      }));
      tellWorker({ type: "save-force", slug: slug });
      render(true);
      forget.focus();
    });
    forget.addEventListener("click", function () {
      window.localStorage.removeItem(KEY);
      tellWorker({ type: "forget-force" });
      render(true);
      save.focus();
    });
    root.hidden = false;
    render(false);
  };
})();
