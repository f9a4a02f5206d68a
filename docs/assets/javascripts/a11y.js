/* What Material's theme leaves out (found by axe-core): its search overlay is a
 * role="dialog" without a name, and a table too wide for the screen scrolls in a
 * box that a keyboard cannot reach. Runs on every page load. */
(function () {
  "use strict";
  function name() {
    var search = document.querySelector('.md-search[role="dialog"]');
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box, n) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");   // arrow keys scroll it once focused
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table " + (n + 1) + ", scrolls sideways");
      }
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(name);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", name);
  else name();
})();
