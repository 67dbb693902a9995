/*
 * spasm-triage embed loader. Paste one tag on any page:
 *   <script src="https://your.host/spasm-triage/spasm-triage.js" defer></script>
 *   <spasm-triage data-practice-name="..." data-phone="..." data-mode="inline"></spasm-triage>
 * It finds its own base URL, and mounts a widget into each <spasm-triage> element, inside a shadow
 * root so the page's styles and the widget's never mix. The WebAssembly loads from beside this file,
 * once for all widgets; in launcher mode only when the button is first pressed.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error("spasm-triage: load this file with <script src=...> (not as a module or inline)");
    return;
  }
  var base = new URL(".", script.src).href;
  // Said in the widget's place when it cannot load: in Spanish where the widget would speak it (its
  // data-lang, else the browser's first English or Spanish language), with its emergency number.
  function sorry(host) {
    var tags = [host.getAttribute("data-lang")].concat(navigator.languages), lang;
    for (var i = 0; i < tags.length && !lang; i++) lang = /^\s*(en|es)(?![a-z])/i.exec(tags[i] || "");
    var number = host.getAttribute("data-emergency-number");
    number = /^[0-9]{2,6}$/.test(number) ? number : "911";
    return lang && lang[1].toLowerCase() === "es"
      ? "Lo sentimos, el chequeo de espasmos de espalda no pudo cargarse. Si es una emergencia, llame al " + number + " ahora."
      : "Sorry, the back spasm check could not load. If this is an emergency, call " + number + " now.";
  }
  var CSS =
    ":host{all:initial!important;display:block!important}" +
    ".launch{font:600 1.05rem/1.2 system-ui,sans-serif;min-height:44px;padding:.6rem 1.1rem;border-radius:8px;" +
    "border:2px solid #0b5d55;background:#0b5d55;color:#fff;cursor:pointer}" +
    ".launch:focus-visible{outline:3px solid #1a4fd6;outline-offset:2px}" +
    ".panel{margin-top:.5rem}.panel[hidden]{display:none}" +
    ".sorry{font:1rem/1.4 system-ui,sans-serif;color:#a4161a;border:2px solid #a4161a;padding:1rem;border-radius:8px;background:#fff}";
  var loading = null;

  function load() {
    if (!loading) {
      loading = fetch(base + "spasm-triage.json", { credentials: "omit" })
        .then(function (response) {
          if (!response.ok) throw new Error("spasm-triage.json: HTTP " + response.status);
          return response.json();
        })
        .then(function (files) {
          return import(base + files.glue).then(function (glue) {
            return glue.default({ module_or_path: base + files.wasm }).then(function () {
              return glue;
            });
          });
        });
    }
    return loading;
  }

  function style(root) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  }

  function start(host, container) {
    load().then(
      function (glue) {
        glue.mount(host, container, base);
      },
      function (error) {
        var note = document.createElement("p");
        note.className = "sorry";
        note.setAttribute("role", "alert");
        note.textContent = sorry(host);
        container.replaceChildren(note);
        console.error("spasm-triage:", error);
      }
    );
  }

  function launcher(host, root) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "launch";
    button.textContent = host.getAttribute("data-launcher-label") || "Check my back spasm";
    button.setAttribute("aria-expanded", "false");
    var panel = document.createElement("div");
    panel.className = "panel";
    panel.hidden = true;
    var started = false;
    button.addEventListener("click", function () {
      var open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (open && !started) {
        started = true;
        var container = document.createElement("div");
        panel.appendChild(container);
        start(host, container);
      }
    });
    root.append(button, panel);
  }

  function mountAll() {
    var hosts = document.querySelectorAll("spasm-triage");
    for (var i = 0; i < hosts.length; i++) {
      var host = hosts[i];
      if (host.shadowRoot) continue;
      var root = host.attachShadow({ mode: "open" });
      style(root);
      if (host.getAttribute("data-mode") === "launcher") {
        launcher(host, root);
      } else {
        var container = document.createElement("div");
        root.appendChild(container);
        start(host, container);
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
