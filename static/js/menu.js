// Progressive enhancement of the header's menu (below 600px wide): without this file "Menu" is a link to
// #site-menu that shows the folded links (CSS :target); with it, a disclosure button with aria-expanded.
(function () {
  "use strict";

  var link = document.querySelector("[data-menu-toggle]");
  var menu = document.getElementById("site-menu");
  if (!link || !menu) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = link.className + " tool-button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", menu.id);
  button.textContent = link.textContent;
  link.parentNode.replaceChild(button, link);
  menu.classList.add("js-menu");

  function show(open) {
    menu.classList.toggle("is-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  button.addEventListener("click", function () {
    show(button.getAttribute("aria-expanded") !== "true");
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      show(false);
      button.focus();
    }
  });
  show(window.location.hash === "#" + menu.id);
})();
