"""What the preview adds to every HTML page it serves: the reload script and the error box.

Both are added when a page is *served*, never when it is rendered, so the pages on
disk stay exactly what `modelreview build` would write, and showing or clearing an
error needs no re-render: the next request simply gets the current diagnostics.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

from ..base import Diagnostic, sort_diagnostics, summarize

CHANGES_PATH = "/_preview/changes"
STATUS_PATH = "/_preview/status"
ERROR_BOX_ID = "modelreview-errors"

# Long-polls the server; when the site's version moves past the one this page was
# served at, reloads. `location.reload()` also keeps the URL that Material's instant
# navigation pushed, so the reader stays on the page they were looking at.
_SCRIPT = """<script id="modelreview-livereload">
(function () {
  var version = %d, timer = null, request = null;
  function poll() {
    request = new XMLHttpRequest();
    request.onloadend = function () {
      request = null;
      if (this.status === 200 && parseInt(this.responseText, 10) > version) {
        location.reload();
      } else {
        timer = setTimeout(poll, this.status === 200 ? 0 : 1000);
      }
    };
    request.open("GET", "%s?since=" + version);
    request.send();
  }
  function stop() {
    if (request) { request.abort(); request = null; }
    if (timer) { clearTimeout(timer); timer = null; }
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { if (!request && !timer) poll(); } else { stop(); }
  });
  window.addEventListener("beforeunload", stop);
  if (document.visibilityState === "visible") poll();
})();
</script>"""

_BOX_STYLE = (
    "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:10000;max-height:45vh;overflow:auto;"
    "margin:0;padding:.8rem 1rem;border:2px solid #c62828;border-radius:6px;background:#fff5f5;"
    "color:#3b0a0a;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;"
    "box-shadow:0 4px 16px rgba(0,0,0,.25)"
)


def decorate(html: str, version: int, diagnostics: Iterable[Diagnostic]) -> str:
    """The page as served: the error box (when there are errors) and the reload script before `</body>`."""
    addition = error_box(diagnostics) + _SCRIPT % (version, CHANGES_PATH)
    at = html.lower().rfind("</body>")
    if at < 0:
        return html + addition
    return html[:at] + addition + html[at:]


def error_box(diagnostics: Iterable[Diagnostic]) -> str:
    """Every error, one per line, worded exactly as the terminal prints it; '' when there is none."""
    errors = [d for d in sort_diagnostics(diagnostics) if d.is_error]
    if not errors:
        return ""
    items = "".join(f"<li><code>{escape(headline(d))}</code>"
                    + (f"<br><small>hint: {escape(d.hint)}</small>" if d.hint else "") + "</li>"
                    for d in errors)
    return (f'<aside id="{ERROR_BOX_ID}" role="alert" style="{_BOX_STYLE}">'
            f"<strong>{escape(summarize(errors))}: the preview shows the last version without errors"
            "</strong>"
            f'<ul style="margin:.4rem 0 0;padding-left:1.2rem">{items}</ul></aside>')


def headline(d: Diagnostic) -> str:
    """`file:line:col: error[code]: message`, the first line of `modelreview check`'s text output."""
    where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
    return f"{where}: {d.severity.value}[{d.code}]: {d.message}"
