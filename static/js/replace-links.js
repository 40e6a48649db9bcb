// On the abuse guide: the nation links and the contents links replace this page in
// the tab's history instead of adding another copy of it, so that Exit this page
// (which replaces the current entry) leaves no earlier copy behind the Back button.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});

  modules["wb-replace-links"] = function (root) {
    root.addEventListener("click", function (event) {
      var link = event.target.closest("a[href]");
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      window.location.replace(link.href);
    });
  };
})();
