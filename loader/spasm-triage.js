/*
 * spasm-triage loader. Paste one tag on any page:
 *   <script src="https://your.host/spasm-triage/spasm-triage.js" defer></script>
 *   <spasm-triage data-practice-name="..." data-phone="..." data-mode="inline"></spasm-triage>
 * It finds its own base URL and defines the <spasm-triage> custom element: each one, on the page
 * now or added later (a single-page app's route), gets a shadow root (the page's styles and the
 * widget's never mix) in which the loader paints the widget's first screen at once, from HTML the
 * build prerendered with the widget's own views, in the widget's language and with its emergency
 * number. The WebAssembly loads from beside this file, once for all widgets (in launcher mode only
 * when the button is first pressed), and replaces the first screen with the live widget; a tap on
 * the first screen meanwhile is kept and done then. If the widget cannot load, the first screen
 * stays and says so, with the emergency number. One element removed from the page unmounts its
 * widget (its timers and listeners stop). The standalone page (index.html) uses this loader too.
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

  // Written in by the build (scripts/post-build.sh): the release's glue and wasm with their
  // Subresource Integrity hashes, so nothing runs that this release did not build (a changed file
  // on a CDN fails to load, and the note shows); the tag's own integrity hash pins this file and so
  // every file. Then the first screens (src/bin/spasm-prerender.rs) and the widget's stylesheet.
  var GLUE = "__GLUE__";
  var GLUE_INTEGRITY = "__GLUE_INTEGRITY__";
  var WASM = "__WASM__";
  var WASM_INTEGRITY = "__WASM_INTEGRITY__";
  var SCREENS = "__FIRST_SCREENS__";
  var WIDGET_CSS = "__WIDGET_CSS__";
  // The launcher's button and panel (the widget's stylesheet isolates the host: :host{all:initial}).
  var CSS =
    ".launch{font:600 1.05rem/1.2 system-ui,sans-serif;min-height:44px;padding:.6rem 1.1rem;border-radius:8px;" +
    "border:2px solid #0b5d55;background:#0b5d55;color:#fff;cursor:pointer}" +
    ".launch:focus-visible{outline:3px solid #1a4fd6;outline-offset:2px}" +
    ".panel{margin-top:.5rem}.panel[hidden]{display:none}";
  var loading = null;

  // The standalone page (index.html, whose element has data-page) beside this file: its address's
  // query may set the language and the mode (?lang=es, ?mode=kiosk), as the widget reads it.
  function isPage(host) {
    return host.hasAttribute("data-page") && new URL(".", location.href).href === base;
  }

  // The language ("en" or "es") a language tag names, as the widget reads one (Lang::from_tag).
  function langOf(value) {
    var match = /^\s*(en|es)(?:[-_]|\s*$)/i.exec(value || "");
    return match && match[1].toLowerCase();
  }

  // What the first screen needs of the widget's configuration, read as the widget reads it
  // (spasm_core::config): of the attribute and then the page's query values, the last valid one
  // counts; the language is else the browser's first that the widget speaks, else English.
  function settings(host) {
    var query = isPage(host) ? new URLSearchParams(location.search) : null;
    function last(name, valid) {
      var values = [host.getAttribute("data-" + name)].concat(query && name !== "emergency-number" ? query.getAll(name) : []);
      for (var i = 0, found = null; i < values.length; i++) found = valid((values[i] || "").trim()) || found;
      return found;
    }
    var lang = last("lang", langOf);
    var browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; !lang && i < browser.length; i++) lang = langOf(browser[i]);
    return {
      lang: lang || "en",
      number: last("emergency-number", function (v) {
        return /^[0-9]{2,6}$/.test(v) && v;
      }) || "911",
      kiosk: last("mode", function (v) {
        return /^(inline|launcher|kiosk)$/.test(v) && v;
      }) === "kiosk",
    };
  }

  // Said on the first screen when the widget cannot load, with the emergency number.
  function sorry(s) {
    return s.lang === "es"
      ? "Lo sentimos, el chequeo de espasmos de espalda no pudo cargarse. Si es una emergencia, llame al " + s.number + " ahora."
      : "Sorry, the back spasm check could not load. If this is an emergency, call " + s.number + " now.";
  }

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

  // Resolves once the first screens are on screen: after the next paint (a frame, then a task), or
  // after a moment where no frame comes (a tab in the background).
  var painted = new Promise(function (resolve) {
    requestAnimationFrame(function () {
      setTimeout(resolve);
    });
    setTimeout(resolve, 200);
  });

  // The wasm and the glue are fetched once the first screen is painted, so they never take
  // bandwidth from it on a slow line (and a page's largest paint is the first screen's); the wasm
  // beside the glue, compiled as it arrives.
  function load() {
    return painted.then(fetchWidget);
  }

  function fetchWidget() {
    if (!loading) {
      var wasm = fetch(base + WASM, { credentials: "omit", integrity: WASM_INTEGRITY });
      wasm.catch(function () {}); // reported by the glue's init below, which awaits it
      loading = preload(base + GLUE, GLUE_INTEGRITY)
        .then(function () {
          return import(base + GLUE);
        })
        .then(function (glue) {
          return glue.default({ module_or_path: wasm }).then(function () {
            return glue;
          });
        });
    }
    // Each widget mounts in a task of its own, after the one that compiled and started the wasm:
    // one long task would block a tap on the page for all of them (total blocking time, issue 19).
    return loading.then(function (glue) {
      return new Promise(function (resolve) {
        setTimeout(resolve, 0, glue);
      });
    });
  }

  function style(root) {
    root.adoptedStyleSheets = [CSS, WIDGET_CSS].map(function (text) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  }

  // The host's place among the <spasm-triage> elements without an id of its page (or of the
  // shadow root it is in), in document order: a widget without an id keeps its session under it.
  function place(host) {
    var all = host.getRootNode().querySelectorAll("spasm-triage");
    for (var i = 0, n = 0; all[i] !== host; i++) if (!all[i].id) n++;
    return n;
  }

  // The index of `button` among the buttons in `container`, or -1.
  function indexOf(container, button) {
    return Array.prototype.indexOf.call(container.querySelectorAll("button"), button);
  }

  // Paints the first screen into `container` and mounts the widget there once the wasm has loaded,
  // or leaves the first screen with the could-not-load note. Returns what unmounts the widget, or
  // cancels the mount if the wasm is still loading.
  function start(host, container) {
    var s = settings(host);
    var stopped, stop, tapped = -1;
    if (s.kiosk) host.setAttribute("data-mode", "kiosk"); // the page around gives a kiosk the screen
    container.innerHTML = SCREENS[s.lang + (s.kiosk ? "-kiosk" : "")].split("{number}").join(s.number);
    // A tap on a first-screen button is kept, and done on the live widget's same button.
    function wait(event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (tapped >= 0) container.querySelectorAll("button")[tapped].removeAttribute("data-waiting");
      tapped = indexOf(container, button);
      button.setAttribute("data-waiting", "");
    }
    container.addEventListener("click", wait);
    load()
      .then(function (glue) {
        // Not when it has left the page meanwhile (its disconnectedCallback stops it next).
        if (stopped || !host.isConnected) return;
        container.removeEventListener("click", wait);
        var focused = indexOf(container, container.getRootNode().activeElement);
        container.replaceChildren();
        var page = isPage(host);
        var id = page ? glue.mount_page(host, container) : glue.mount(host, container, base, place(host));
        // The standalone page works offline after one visit: its service worker sits beside it. An
        // embed never registers one (a service worker belongs to the origin that hosts the page).
        if (page && navigator.serviceWorker) navigator.serviceWorker.register(base + "sw.js").catch(function () {});
        stop = function () {
          try {
            glue.unmount(id);
          } catch (error) {
            // After a crash the wasm is stopped: nothing is left running to unmount.
          }
        };
        // The widget renders in a microtask queued by mount, before this one: then the tap is done
        // (or the focus put back where it was), before anything is painted.
        queueMicrotask(function () {
          var button = container.querySelectorAll("button")[tapped >= 0 ? tapped : focused];
          if (button) tapped >= 0 ? button.click() : button.focus();
        });
      })
      .catch(function (error) {
        if (stopped) return;
        container.removeEventListener("click", wait);
        // The first screen stays, without what cannot work (its buttons), and says why.
        var screen = container.firstElementChild || container;
        screen.removeAttribute("aria-busy");
        container.querySelectorAll(".st-toolbar,button").forEach(function (node) {
          node.remove();
        });
        var note = document.createElement("p");
        note.className = "st-error";
        note.setAttribute("role", "alert");
        note.textContent = sorry(s);
        var heading = container.querySelector("h1");
        heading ? heading.after(note) : container.append(note);
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
