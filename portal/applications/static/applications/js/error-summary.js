// Progressive enhancement: move focus to the error summary so screen readers start there, and make its
// links focus the field (not just scroll to it). The page works the same without this file.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) { return; }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) { return; }
    event.preventDefault();
    var group = input.closest(".field");
    var heading = group && group.querySelector("legend, label");
    (heading || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
