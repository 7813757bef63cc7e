// careers serve's live reload: listens to the event stream, reloads the page after a build,
// and shows the build's errors over the page. The overlay lives in a shadow root and resets
// every inherited style, so no theme's CSS can change how it looks.
(function () {
  "use strict";
  var me = document.currentScript && document.currentScript.src;
  var since = me ? new URL(me).searchParams.get("g") : null;
  var url = "/__careers/events" + (since ? "?since=" + encodeURIComponent(since) : "");
  var STYLE =
    ":host{all:initial!important;position:fixed!important;inset:0!important;" +
    "z-index:2147483647!important;display:block!important}" +
    ".box{box-sizing:border-box;height:100%;overflow:auto;padding:2rem;" +
    "background:#141414;color:#f5f5f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;" +
    "text-align:left;color-scheme:dark}" +
    "h2{margin:0 0 1rem;padding:0;color:#ff8a8a;background:#141414;" +
    "font:bold 18px/1.3 system-ui,sans-serif;text-transform:none;letter-spacing:normal}" +
    "pre{margin:0;padding:0;border:0;white-space:pre-wrap;overflow-wrap:anywhere;" +
    "background:#141414;color:#f5f5f5;font:inherit}" +
    "button{margin-top:1rem;padding:.4rem 1rem;border:1px solid #f5f5f5;border-radius:4px;" +
    "background:#141414;color:#f5f5f5;font:14px/1.5 system-ui,sans-serif;cursor:pointer}" +
    "button:focus-visible{outline:3px solid #8ab4ff;outline-offset:2px}";
  var host = null;
  function hide() { if (host) { host.remove(); host = null; } }
  function build() {
    host = document.createElement("div");
    host.id = "careers-error-overlay";
    host.setAttribute("role", "alert");
    var root = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent = STYLE;
    var box = document.createElement("div");
    box.className = "box";
    var title = document.createElement("h2");
    title.textContent = "The site could not be rebuilt (showing the last good version)";
    var pre = document.createElement("pre");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.onclick = hide;
    box.appendChild(title); box.appendChild(pre); box.appendChild(close);
    root.appendChild(style); root.appendChild(box);
    document.body.appendChild(host);
  }
  function show(text) {
    if (!host) build();
    host.shadowRoot.querySelector("pre").textContent = text;
  }
  var source = new EventSource(url);
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("build-error", function (e) { show(e.data); });
})();
