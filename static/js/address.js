// Progressive enhancement of the address question (accessibility/widgets/address.html): when the city
// changes, the district list offers only that city's districts, at once. Without this file the server does
// the same on the next page, and refuses a district that is not in the chosen city.
(function () {
  "use strict";

  function enhance(box) {
    if (box.hasAttribute("data-address-enhanced")) return;
    var template = box.querySelector("template[data-address-districts]");
    var selects = box.querySelectorAll("select");
    if (!template || !template.content || selects.length < 2) return;
    box.setAttribute("data-address-enhanced", "");
    var city = selects[0];
    var district = selects[1];
    var first = district.options[0];
    var placeholder = first && first.value === "" ? first.cloneNode(true) : null;

    function fill() {
      var chosen = district.value;
      var kept = false;
      while (district.firstChild) district.removeChild(district.firstChild);
      if (placeholder) district.appendChild(placeholder.cloneNode(true));
      template.content.querySelectorAll("optgroup").forEach(function (group) {
        if (city.value && group.getAttribute("data-city") !== city.value) return;
        var target = city.value ? district : group.cloneNode(false);
        group.querySelectorAll("option").forEach(function (option) {
          var copy = option.cloneNode(true);
          if (copy.value === chosen) {
            copy.selected = true;
            kept = true;
          }
          target.appendChild(copy);
        });
        if (target !== district) district.appendChild(target);
      });
      if (!kept) district.selectedIndex = 0;
    }

    city.addEventListener("change", fill);
    fill(); // a city restored by the browser (back button) narrows the list too
  }

  function start() {
    document.querySelectorAll("[data-address]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
