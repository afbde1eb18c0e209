// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Filter selects submit on their own only for pointer users? No: changing a select never submits,
  // so keyboard users are not surprised (WCAG 3.2.2). Nothing to do here yet.
})();
