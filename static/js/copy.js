// "Copy" buttons beside read-only text (the kit's snippets). Without this file
// the text is still there to select and copy by hand.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});

  function fallbackCopy(field) {
    field.focus();
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  modules["wb-copy"] = function (element) {
    var field = element.querySelector("textarea");
    var button = element.querySelector("button");
    var status = element.querySelector("[role=status]");
    if (!field || !button || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var copied = navigator.clipboard
        ? navigator.clipboard.writeText(field.value).catch(function () {
            return fallbackCopy(field);
          })
        : fallbackCopy(field);
      copied.then(
        function () {
          status.textContent = element.getAttribute("data-copied");
        },
        function () {
          status.textContent = element.getAttribute("data-failed");
        }
      );
    });
  };
})();
