// The print view of a service guide: its "Print" button prints the page (the button is hidden until this
// file runs, since without JavaScript the browser's own print command is the way).
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
