// Home page: show the force saved with "Make this my force" first, and the
// call-now options for its nation (all of them are in the page already).
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

  modules["wb-your-force"] = function (element) {
    var saved = savedForce();
    if (!saved) {
      return;
    }
    var link = document.createElement("a");
    link.href = (document.documentElement.lang === "cy" ? "/cy" : "") + "/forces/" + saved.slug;
    link.textContent = saved.name;
    element.textContent = element.getAttribute("data-label") + " ";
    element.appendChild(link);
    element.hidden = false;
    var options = document.querySelectorAll(".wb-callnow [data-nations]");
    var first = true;
    for (var i = 0; i < options.length; i++) {
      var nations = options[i].getAttribute("data-nations").split(" ");
      options[i].hidden = nations.indexOf(saved.key) === -1;
      // The first option left on screen is the big one (in Scotland, 999, not the hidden crisis line).
      options[i].classList.toggle("wb-call--primary", first && !options[i].hidden);
      first = first && options[i].hidden;
    }
  };
})();
