// "Share this page": where the browser can share (the Web Share API), a button
// hands the page's address to the phone's own share sheet. Without it, the
// address and the QR code on the page are all there is, and all that is needed.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});

  modules["wb-share"] = function (element) {
    var button = element.querySelector("button");
    if (!button || typeof navigator.share !== "function") {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator
        .share({ title: element.getAttribute("data-title"), url: element.getAttribute("data-url") })
        .catch(function () {
          // Cancelled, or refused: the address is still on the page.
        });
    });
  };
})();
