/*
 * spasm-triage embed loader. Paste one tag on any page:
 *   <script src="https://your.host/spasm-triage/spasm-triage.js" defer></script>
 *   <spasm-triage data-practice-name="..." data-phone="..." data-mode="inline"></spasm-triage>
 * It finds its own base URL and defines the <spasm-triage> custom element: each one, on the page
 * now or added later (a single-page app's route), mounts a widget inside a shadow root so the
 * page's styles and the widget's never mix; one removed from the page unmounts its widget (its
 * timers and listeners stop). The WebAssembly loads from beside this file, once for all widgets;
 * in launcher mode only when the button is first pressed.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error("spasm-triage: load this file with <script src=...> (not as a module or inline)");
    return;
  }
  if (customElements.get("spasm-triage")) return; // the loader is on the page twice: one is enough
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
  // The manifest's Subresource Integrity hash, written in by the build (scripts/post-build.sh).
  // The manifest holds the glue's and the wasm's hashes, so nothing runs that this release did not
  // build: a changed manifest, glue or wasm (a tampered CDN) fails to load, and the note shows.
  var MANIFEST = "__MANIFEST_INTEGRITY__";

  // Resolves when the browser has fetched the module at `href` and checked it against `integrity`;
  // the import() that follows uses that checked module (import() alone checks nothing).
  function preload(href, integrity) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "modulepreload";
      link.crossOrigin = "anonymous";
      link.integrity = integrity;
      link.href = href;
      link.onload = resolve;
      link.onerror = function () {
        reject(new Error(href + ": not loaded, or not the file this release built"));
      };
      document.head.appendChild(link);
    });
  }

  function load() {
    if (!loading) {
      loading = fetch(base + "spasm-triage.json", { credentials: "omit", integrity: MANIFEST })
        .then(function (response) {
          if (!response.ok) throw new Error("spasm-triage.json: HTTP " + response.status);
          return response.json();
        })
        .then(function (files) {
          var glueUrl = base + files.glue;
          return preload(glueUrl, files.glueIntegrity)
            .then(function () {
              return import(glueUrl);
            })
            .then(function (glue) {
              var wasm = fetch(base + files.wasm, { credentials: "omit", integrity: files.wasmIntegrity });
              return glue.default({ module_or_path: wasm }).then(function () {
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

  // The host's place among the <spasm-triage> elements without an id of its page (or of the
  // shadow root it is in), in document order: a widget without an id keeps its session under it.
  function place(host) {
    var all = host.getRootNode().querySelectorAll("spasm-triage");
    for (var i = 0, n = 0; all[i] !== host; i++) if (!all[i].id) n++;
    return n;
  }

  // Mounts a widget into `container` once the wasm has loaded, or leaves the note there if it cannot
  // load (or mount). Returns what unmounts it, or cancels the mount if the wasm is still loading.
  function start(host, container) {
    var stopped, stop;
    load()
      .then(function (glue) {
        // Not when it has left the page meanwhile (its disconnectedCallback stops it next).
        if (stopped || !host.isConnected) return;
        var id = glue.mount(host, container, base, place(host));
        stop = function () {
          try {
            glue.unmount(id);
          } catch (error) {
            // After a crash the wasm is stopped: nothing is left running to unmount.
          }
        };
      })
      .catch(function (error) {
        if (stopped) return;
        var note = document.createElement("p");
        note.className = "sorry";
        note.setAttribute("role", "alert");
        note.textContent = sorry(host);
        container.replaceChildren(note);
        console.error("spasm-triage:", error);
      });
    return function () {
      stopped = true;
      if (stop) stop();
    };
  }

  // A button that opens the widget, mounting it the first time. Returns what unmounts it.
  function launcher(host, root) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "launch";
    button.textContent = host.getAttribute("data-launcher-label") || "Check my back spasm";
    button.setAttribute("aria-expanded", "false");
    var panel = document.createElement("div");
    panel.className = "panel";
    panel.hidden = true;
    var stop;
    button.addEventListener("click", function () {
      var open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (open && !stop) {
        var container = document.createElement("div");
        panel.appendChild(container);
        stop = start(host, container);
      }
    });
    root.append(button, panel);
    return function () {
      if (stop) stop();
    };
  }

  customElements.define(
    "spasm-triage",
    class extends HTMLElement {
      #root; // its shadow root, made once
      #stop; // unmounts its widget, while it is set up

      // On the page (again): set up the widget, unless it is still set up (it was only moved).
      connectedCallback() {
        if (this.#stop) return;
        if (!this.#root) {
          if (this.shadowRoot) return; // someone else's shadow root: not ours to fill
          this.#root = this.attachShadow({ mode: "open" });
        }
        style(this.#root);
        if (this.getAttribute("data-mode") === "launcher") {
          this.#stop = launcher(this, this.#root);
        } else {
          var container = document.createElement("div");
          this.#root.appendChild(container);
          this.#stop = start(this, container);
        }
      }

      // Off the page: unmount the widget (every timer and listener of it stops) and empty its root,
      // so coming back sets it up afresh, restoring its session. Not when it was only moved: removed
      // and put back in the same task, it is on the page again before this microtask runs.
      disconnectedCallback() {
        queueMicrotask(() => {
          if (this.isConnected || !this.#stop) return;
          this.#stop();
          this.#stop = null;
          this.#root.replaceChildren();
        });
      }
    }
  );
})();
