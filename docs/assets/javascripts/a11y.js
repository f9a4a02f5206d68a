/* What Material's theme leaves out (found by axe-core): its search overlay is a
 * role="dialog" without a name, and a table too wide for the screen scrolls in a
 * box that a keyboard cannot reach. Runs on every page load.
 *
 * Whether a box overflows is read in a ResizeObserver callback, which runs after
 * the browser has laid the page out anyway: reading scrollWidth straight from the
 * script forced an extra layout of the whole page before its first paint (a
 * 140 ms task on Lighthouse's phone). The observer also follows rotation and
 * window resizes, so a box gets its tab stop exactly while it scrolls. A box
 * that holds a link, button or field needs none (the keyboard reaches it
 * through them, which is what axe checks), and is left alone: changing the
 * attributes of a box round a thousand-row table restyled the whole table. */
(function () {
  "use strict";
  var observer = typeof ResizeObserver !== "undefined" ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { reach(entry.target); });
  }) : null;
  function reach(box) {
    var scrolls = box.scrollWidth > box.clientWidth;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.mrReachable = true;
      box.setAttribute("tabindex", "0");   // arrow keys scroll it once focused
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table " + box.getAttribute("data-mr-table") + ", scrolls sideways");
    } else if (!scrolls && box.mrReachable) {
      box.mrReachable = false;
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
  function name() {
    var search = document.querySelector('.md-search[role="dialog"]');
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box, n) {
      if (box.mrWatched) return;
      box.mrWatched = true;
      if (box.querySelector("a[href], button, input, select, textarea")) return;
      box.setAttribute("data-mr-table", String(n + 1));
      if (observer) observer.observe(box); else reach(box);
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(function () { setTimeout(name, 0); });  /* each script's set-up in a task of its own, not inside Material's page-ready callbacks (one long task) */
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", name);
  else name();
})();
