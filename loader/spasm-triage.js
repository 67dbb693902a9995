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
  if (customElements.get("spasm-triage")) return; // the loader is on the page twice: one is enough
  // Its own address, for its files beside it: from its <script src> (a module script has no
  // currentScript, so it is looked for by name). Unknown when a bundler copied it into its own
  // file: then each widget paints its first screen and the could-not-load note.
  var script = document.currentScript || document.querySelector('script[src*="spasm-triage.js"]');
  var base = script && script.src ? new URL(".", script.src).href : "";
  // How long a patient may look at a first screen that is not ready before they are told it did
  // not load (it may still load after, and replace the note).
  var PATIENCE = 10000;

  // Written in by the build (scripts/post-build.sh): the release's glue and wasm with their
  // Subresource Integrity hashes, so nothing runs that this release did not build (a changed file
  // on a CDN fails to load, and the note shows); the tag's own integrity hash pins this file and so
  // every file. Then the first screens (src/bin/spasm-prerender.rs; a kiosk's are in modes.js) and the
  // widget's stylesheet.
  var GLUE = "__GLUE__";
  var GLUE_INTEGRITY = "__GLUE_INTEGRITY__";
  var WASM = "__WASM__";
  var WASM_INTEGRITY = "__WASM_INTEGRITY__";
  var SCREENS = "__FIRST_SCREENS__";
  var WIDGET_CSS = "__WIDGET_CSS__";
  // And the module of the launcher and the isolation mode (modes.js), loaded only for those.
  var MODES_INTEGRITY = "__MODES_INTEGRITY__";
  var loading = null;

  // The standalone page (index.html, whose element has the id spasm-triage: no data-* attribute,
  // which the widget would warn of) beside this file: its address's query may configure it
  // (?lang=es, ?mode=kiosk).
  function isPage(host) {
    return host.id === "spasm-triage" && new URL(".", location.href).href === base;
  }

  // Tells the host page that a widget could not load (a practice can notice a broken install): the
  // reason only, never anything the patient entered.
  function report(host, reason, error) {
    host.dispatchEvent(new CustomEvent("spasm-triage:error", { bubbles: true, composed: true, detail: { reason: reason } }));
    console.error("spasm-triage:", error);
  }

  // The language ("en" or "es") a language tag names, as the widget reads one (Lang::from_tag).
  function langOf(value) {
    var match = /^\s*(en|es)(?:[-_]|\s*$)/i.exec(value || "");
    return match && match[1].toLowerCase();
  }

  // The standalone page's query parameters the widget reads (spasm_core::config::QUERY_PARAMETERS,
  // written in by the build): each one given becomes its attribute on the page's element (the last
  // value given, if several), which the first screen and the widget then read.
  var QUERY = "__QUERY_PARAMETERS__";
  function fromQuery(host) {
    var query = new URLSearchParams(location.search);
    QUERY.forEach(function (key) {
      var values = query.getAll(key);
      if (values.length) host.setAttribute("data-" + key, values[values.length - 1]);
    });
  }

  // What the first screen needs of the widget's configuration, read as the widget reads it
  // (spasm_core::config): an attribute that is not valid counts as not given; the language is else
  // the browser's first that the widget speaks, else English.
  function settings(host) {
    function read(name, valid) {
      return valid((host.getAttribute("data-" + name) || "").trim());
    }
    var lang = read("lang", langOf);
    var browser = navigator.languages.concat(navigator.language); // as the widget: its first, else the one
    for (var i = 0; !lang && i < browser.length; i++) lang = langOf(browser[i]);
    return {
      lang: lang || "en",
      number: read("emergency-number", function (v) {
        return /^[0-9]{2,6}$/.test(v) && v;
      }) || "911",
      kiosk: read("mode", function (v) {
        return v === "kiosk";
      }),
      remember: read("remember", function (v) {
        return v === "session";
      }),
    };
  }

  // Said on the first screen when the widget cannot load, with the emergency number.
  function sorry(s) {
    return s.lang === "es"
      ? "Lo sentimos, el chequeo de espasmos de espalda no pudo cargarse. Si es una emergencia, llame al " + s.number + " ahora."
      : "Sorry, the back spasm check could not load. If this is an emergency, call " + s.number + " now.";
  }

  // Resolves to the module at `href` of this folder, once the browser has fetched it and checked it
  // against `integrity`: the import() then uses that checked module (import() alone checks nothing).
  function module(href, integrity) {
    href = base + href;
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "modulepreload";
      link.crossOrigin = "anonymous";
      link.integrity = integrity;
      link.href = href;
      link.onload = resolve;
      link.onerror = function () {
        reject(href + ": not loaded, or changed");
      };
      document.head.appendChild(link);
    }).then(function () {
      return import(href);
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
  // In isolation mode, modes.js stands in for the glue: it runs the widget in a frame of its own.
  function load(host, container) {
    return painted.then(function () {
      if (!base) throw "no <script src> to find its files by";
      if (host.getAttribute("data-isolation") != "frame") return fetchWidget();
      return module("modes.js", MODES_INTEGRITY).then(function (frame) {
        return frame.frame(host, container, base);
      });
    });
  }

  function fetchWidget() {
    if (!loading) {
      var wasm = fetch(base + WASM, { credentials: "omit", integrity: WASM_INTEGRITY });
      wasm.catch(function () {}); // reported by the glue's init below, which awaits it
      loading = module(GLUE, GLUE_INTEGRITY)
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

  // The widget's stylesheet (the launcher's button and panel too), adopted: allowed under a strict
  // Content-Security-Policy, unlike a <style> element.
  function style(root) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  }

  // What the patient does inside the widget stays there: the events it makes stop at its shadow
  // root, so a host-page script listening on the page (analytics, session replay) never gets one
  // whose path leads to an answer's words (a listener in the capture phase still can: README).
  var EVENTS = "click dblclick auxclick contextmenu mousedown mouseup pointerdown pointerup touchstart touchend keydown keyup keypress beforeinput input focusin focusout";
  function keepEvents(root) {
    EVENTS.split(" ").forEach(function (type) {
      root.addEventListener(type, function (event) {
        event.stopPropagation();
      });
    });
  }

  // The could-not-load note, in the widget's language with its emergency number.
  function note(s) {
    var p = document.createElement("p");
    p.className = "st-error";
    p.setAttribute("role", "alert");
    p.textContent = sorry(s);
    return p;
  }

  // The host's place among the <spasm-triage> elements without an id of its page (or of the
  // shadow root it is in), in document order: a widget without an id keeps its session under it.
  function place(host) {
    var all = host.getRootNode().querySelectorAll("spasm-triage");
    for (var i = 0, n = 0; all[i] !== host; i++) if (!all[i].id) n++;
    return n;
  }

  // The index of `button` among the buttons (and the heading, which a launcher's panel focuses when
  // it opens) in `container`, or -1.
  function indexOf(container, button) {
    return Array.prototype.indexOf.call(container.querySelectorAll("button,h1"), button);
  }

  // The first screen without its buttons (and language and text-size switch): what stays true
  // when the widget cannot load, or is coming back to a check under way.
  function strip(container) {
    container.querySelectorAll(".st-toolbar,button").forEach(function (node) {
      node.remove();
    });
  }

  // Where the widget keeps the patient's answers in this tab (sessionStorage), by something that
  // stays the same across a reload whatever order the widgets mount in (a launcher mounts when
  // first opened): its element's id if it has one, else its place among the elements without one.
  function storageKey(host, page) {
    var id = !page && host.id;
    return "spasm-triage-session" + (id ? "#" + id : "-" + (page ? 0 : place(host)));
  }

  // Whether the widget will open on another screen than the first: a check under way that it kept
  // in this tab, or, on the standalone page, a summary from a hand-off link (in the fragment).
  function resuming(host, page, s) {
    if (page && location.hash.length > 1) return true;
    try {
      return !s.kiosk && s.remember && !!sessionStorage.getItem(storageKey(host, page));
    } catch (error) {
      return false; // no storage: nothing kept
    }
  }

  // Paints the first screen into `container` and mounts the widget there once the wasm has loaded,
  // or leaves the first screen with the could-not-load note. Returns what unmounts the widget, or
  // cancels the mount if the wasm is still loading.
  function start(host, container) {
    var page = isPage(host);
    if (page) fromQuery(host);
    var s = settings(host);
    var stopped, stop, kept, failed; // kept: the first screen's button tapped (or focused) meanwhile
    if (s.kiosk) host.setAttribute("data-mode", "kiosk"); // the page around gives a kiosk the screen
    // The first screen of the widget's language: a kiosk's from modes.js (only a kiosk needs them),
    // once it has come, and not over the could-not-load note; any other's now.
    function paint(screens) {
      if (failed) return;
      container.innerHTML = screens[s.lang].split("{number}").join(s.number);
      if (resuming(host, page, s)) strip(container);
    }
    var painting = s.kiosk
      ? module("modes.js", MODES_INTEGRITY).then(function (modes) {
          paint(modes.KIOSK);
        })
      : Promise.resolve(paint(SCREENS));
    // A tap on a first-screen button is kept, and done on the live widget's same button.
    function wait(event) {
      var button = event.target.closest("[aria-busy] button"); // not the live widget's own
      if (!button) return;
      if (kept) kept.removeAttribute("data-waiting");
      kept = button;
      button.setAttribute("data-waiting", "");
    }
    container.addEventListener("click", wait);
    // The first screen stays, without what cannot work (its buttons), and says why.
    function fail(reason, error) {
      if (stopped || failed) return;
      failed = true;
      kept = null;
      (container.firstElementChild || container).removeAttribute("aria-busy");
      strip(container);
      var heading = container.querySelector("h1");
      heading ? heading.after(note(s)) : container.append(note(s));
      report(host, reason, error);
    }
    var timer = setTimeout(fail, PATIENCE, "timeout", "not loaded in time");
    painting
      .then(function () {
        return load(host, container);
      })
      .then(function (glue) {
        // Not when it has left the page meanwhile (its disconnectedCallback stops it next).
        if (stopped || !host.isConnected) return;
        clearTimeout(timer);
        var tapped = !!kept;
        kept = kept || container.getRootNode().activeElement;
        var index = indexOf(container, kept);
        var id = glue.mount(host, container, base, storageKey(host, page), page);
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
        // The widget replaces the first screen in a task that mount queued, before this one: then
        // the tap kept is done (or the focus put back), on the live button (or heading) in the same
        // place with the same words, if there is one (never on another screen's button).
        setTimeout(function () {
          container.removeEventListener("click", wait);
          var button = container.querySelectorAll(".st-root:not([aria-busy]) :is(button,h1)")[index];
          if (button && kept && button.textContent === kept.textContent) tapped ? button.click() : button.focus();
        });
      })
      .catch(function (error) {
        clearTimeout(timer);
        fail("failed", error);
      });
    return function () {
      stopped = true;
      clearTimeout(timer);
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
        try {
          // Throws where the element already has a shadow root (someone else's), or the page broke
          // attachShadow: then the note below, in the element itself.
          if (!this.#root) keepEvents((this.#root = this.attachShadow({ mode: "open" })));
          style(this.#root);
          if (this.getAttribute("data-mode") === "launcher") {
            // The launcher's button and panel (modes.js): the widget mounts when first opened.
            var host = this, root = this.#root, stopped;
            this.#stop = function () {
              stopped = true;
            };
            module("modes.js", MODES_INTEGRITY).then(
              function (launcher) {
                if (!stopped) host.#stop = launcher.launcher(host, root, start, settings(host).lang);
              },
              function (error) {
                root.append(note(settings(host)));
                report(host, "failed", error);
              }
            );
          } else {
            var container = document.createElement("div");
            this.#root.appendChild(container);
            this.#stop = start(this, container);
          }
        } catch (error) {
          (this.#root || this.shadowRoot || this).replaceChildren(note(settings(this)));
          report(this, "failed", error);
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
