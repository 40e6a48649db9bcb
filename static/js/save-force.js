// Force page: "Make this my force" keeps the force in this browser (never a
// cookie) and asks the service worker to save its page for offline use. The
// worker answers whether the save worked; the page says so, and says when the
// copy on this device was saved.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});
  var KEY = "wellbeing.force";
  var SAVED_CACHE = "wellbeing-saved-force";

  function read() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || "null");
    } catch (error) {
      return null;
    }
  }

  // Ask the active worker; resolve with its answer, or null without a worker.
  // Wait for the active worker rather than needing a controller: on a first
  // visit the page is not controlled yet, and the force page would not be saved.
  function askWorker(message) {
    if (!("serviceWorker" in navigator)) {
      return Promise.resolve(null);
    }
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          resolve(event.data);
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  // When this page's saved copy was saved, or null when there is none.
  function savedAt() {
    if (!("caches" in window)) {
      return Promise.resolve(null);
    }
    return window.caches.has(SAVED_CACHE).then(function (exists) {
      if (!exists) {
        return null;
      }
      return window.caches.open(SAVED_CACHE).then(function (cache) {
        return cache.match(window.location.pathname);
      }).then(function (response) {
        return response ? response.headers.get("X-Saved-At") : null;
      });
    }).catch(function () {
      return null;
    });
  }

  function formatWhen(iso) {
    var lang = document.documentElement.lang === "cy" ? "cy" : "en-GB";
    try {
      return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
    } catch (error) {
      return iso;
    }
  }

  modules["wb-save-force"] = function (root) {
    var slug = root.getAttribute("data-slug");
    var save = root.querySelector('[data-action="save"]');
    var forget = root.querySelector('[data-action="forget"]');
    var status = root.querySelector('[role="status"]');
    var when = root.querySelector(".wb-save-force__when");
    try {
      window.localStorage.getItem(KEY);
    } catch (error) {
      return; // storage is blocked: keep the buttons hidden
    }

    function mine() {
      var saved = read();
      return !!(saved && saved.slug === slug);
    }

    function render() {
      save.hidden = mine();
      forget.hidden = !mine();
    }

    function showWhen() {
      if (!mine()) {
        when.hidden = true;
        return Promise.resolve(null);
      }
      return savedAt().then(function (iso) {
        when.textContent = iso ? root.getAttribute("data-saved-at").replace("{when}", formatWhen(iso)) : "";
        when.hidden = !iso;
        return iso;
      });
    }

    function saveCopy(announce) {
      return askWorker({ type: "save-force", slug: slug }).then(function (answer) {
        if (announce) {
          status.textContent = answer && answer.saved
            ? root.getAttribute("data-saved")
            : root.getAttribute("data-save-failed");
        }
        return showWhen();
      });
    }

    save.addEventListener("click", function () {
      window.localStorage.setItem(KEY, JSON.stringify({
        slug: slug,
        name: root.getAttribute("data-name"),
        key: root.getAttribute("data-key")
      }));
      render();
      forget.focus();
      saveCopy(true);
    });
    forget.addEventListener("click", function () {
      window.localStorage.removeItem(KEY);
      askWorker({ type: "forget-force" });
      render();
      when.hidden = true;
      status.textContent = root.getAttribute("data-forgotten");
      save.focus();
    });
    root.hidden = false;
    render();
    // Saved earlier but with no copy on this device (the first save failed, or the
    // browser cleared it): try again now that the page has loaded.
    showWhen().then(function (iso) {
      if (mine() && !iso && navigator.onLine) {
        saveCopy(false);
      }
    });
  };
})();
