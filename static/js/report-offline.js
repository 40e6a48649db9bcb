// "Report a problem": without a connection, keep the report on this device and
// send it when the connection comes back (the page says which happened).
// Without JavaScript, or online, the form is a plain POST.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});
  var KEY = "wellbeing.pendingReports";

  function read() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || "[]");
    } catch (error) {
      return [];
    }
  }

  function write(pending) {
    if (pending.length) {
      window.localStorage.setItem(KEY, JSON.stringify(pending));
    } else {
      window.localStorage.removeItem(KEY);
    }
  }

  modules["wb-report-offline"] = function (form) {
    var status = form.querySelector('[role="status"]');
    var sending = false;
    try {
      window.localStorage.getItem(KEY);
    } catch (error) {
      return; // storage is blocked: the form stays a plain POST
    }

    function say(message) {
      status.textContent = message;
    }

    // Send every kept report; keep those that meet no connection, drop the rest.
    function sendPending() {
      var pending = read();
      if (sending || !pending.length || navigator.onLine === false) {
        return;
      }
      sending = true;
      var report = pending[0];
      fetch(report.action, {
        method: "POST",
        body: report.body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        credentials: "same-origin",
      })
        .then(
          function (response) {
            write(read().slice(1));
            say(form.getAttribute(response.ok ? "data-sent" : "data-failed"));
            if (response.ok) {
              form.reset();
            }
            sending = false;
            sendPending();
          },
          function () {
            sending = false; // no connection after all: try again when it is back
          }
        );
    }

    form.addEventListener("submit", function (event) {
      if (navigator.onLine !== false) {
        return; // online: an ordinary POST
      }
      event.preventDefault();
      var choice = form.querySelector('input[name="problem"]:checked');
      if (!choice) {
        say(form.getAttribute("data-choose"));
        form.querySelector('input[name="problem"]').focus();
        return;
      }
      var pending = read();
      pending.push({
        action: form.action,
        body: new URLSearchParams(new FormData(form)).toString(),
      });
      write(pending);
      say(form.getAttribute("data-kept"));
    });

    window.addEventListener("online", sendPending);
    sendPending();
  };
})();
