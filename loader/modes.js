/*
 * spasm-triage's modes that only some pages need, in one module the loader imports on demand,
 * checked against the one hash it carries (each hash in the loader is bytes every page with the tag
 * downloads, so one module, not two). Inline widgets and the standalone page never download it.
 *
 * The kiosk's first screens (data-mode="kiosk", the waiting-room tablet): its attract screen, with
 * its drawing, prerendered by the build like the other first screens (src/bin/spasm-prerender.rs),
 * which the loader paints from here. Only a kiosk needs them, so no other page's loader carries
 * them; a kiosk's first paint waits for this module (from the service worker's cache after its
 * first visit).
 *
 * The floating launcher (data-mode="launcher", issue 21): a button fixed at a corner of the page
 * that opens the widget in a panel. The button and the panel are in the browser's top layer (the
 * button a manual popover, the panel a modal <dialog>), above anything of the host page however
 * high its z-index (cookie bars, chat buttons). While the panel is open the page behind is inert,
 * so focus stays inside; Escape, the close button and a tap beside the panel close it, and focus
 * goes back to the button. On a phone it fills the screen. The widget is mounted the first time it
 * opens (the wasm loads only then), and closing keeps it as it is. The page may move the button
 * and the panel with custom properties on the element, which reach into the shadow root:
 * `spasm-triage { --st-launcher-right: 96px; --st-launcher-bottom: 24px; }`.
 *
 * The isolation mode (data-isolation="frame", issue 22), for a practice whose site carries
 * analytics, session-replay or tag-manager scripts: the widget runs in an iframe of frame.html,
 * served from where the widget's files are hosted. On another origin (a CDN, a subdomain) no
 * script of the host page can reach its document, its storage or its events, the way payment forms
 * keep card numbers from the shop's page. Both sides are here:
 * - in the host page, the loader calls `frame(host, container, base)`: it makes the iframe beside
 *   the first screen the loader painted, and resolves once the frame has painted its own, with what
 *   the loader then calls to swap them (`mount`) and to stop (`unmount`), as it calls the wasm
 *   glue's. The frame's height follows its content, and its result and error events are sent again
 *   from the host's element, as an inline widget sends them (the level or the reason only);
 * - in frame.html (the standalone page's twin, which scripts/post-build.sh writes), this module
 *   runs first: it copies the host's settings from the address's query onto the element, only when
 *   framed (a link to frame.html cannot change a number a patient sees), and reports the height,
 *   the events and Escape to the host page.
 */

// ---- The kiosk's first screens, by language (written in by the build). ----

export const KIOSK = "__KIOSK_SCREENS__";

// ---- The floating launcher. ----

const WORDS = {
  en: { label: "Check my back spasm", close: "Close", title: "Back spasm check" },
  es: { label: "Revisar mi espasmo de espalda", close: "Cerrar", title: "Chequeo de espasmos de espalda" },
};

// Sizes in px, not rem: the host page's root font size must not change them (as the widget's).
const CSS = `
.st-launch {
  position: fixed; inset: auto var(--st-launcher-right, 16px) var(--st-launcher-bottom, 16px) auto; margin: 0;
  display: flex; align-items: center; gap: 10px; min-height: 56px; max-width: calc(100vw - 32px);
  padding: 12px 22px 12px 16px; border: 2px solid #fff; border-radius: 999px;
  background: #0b5d55; color: #fff; font: 600 17px/1.2 system-ui, sans-serif; cursor: pointer;
  box-shadow: 0 4px 14px rgb(0 0 0 / 0.3); z-index: 2147483647;
}
.st-launch svg { flex: none; width: 26px; height: 26px; }
.st-launch:focus-visible, .st-close:focus-visible { outline: 3px solid #1a4fd6; outline-offset: 2px; }
.st-panel {
  position: fixed; inset: auto var(--st-launcher-right, 16px) calc(var(--st-launcher-bottom, 16px) + 72px) auto;
  width: min(440px, calc(100vw - 32px)); max-height: calc(100dvh - var(--st-launcher-bottom, 16px) - 96px);
  margin: 0; padding: 0; border: 0; border-radius: 12px; overflow: auto; overscroll-behavior: contain;
  background: #fff; color: #1b1f1e; box-shadow: 0 8px 32px rgb(0 0 0 / 0.35);
}
.st-panel::backdrop { background: rgb(0 0 0 / 0.3); }
.st-panel-head {
  position: sticky; top: 0; z-index: 1; display: flex; align-items: center; justify-content: space-between;
  gap: 8px; padding: 6px 6px 6px 18px; background: #0b5d55; color: #fff; font: 600 17px/1.3 system-ui, sans-serif;
}
.st-close {
  min-width: 48px; min-height: 48px; border: 0; border-radius: 8px; background: none; color: inherit;
  font: 400 30px/1 system-ui, sans-serif; cursor: pointer;
}
.st-panel .st-root { box-shadow: none; border-radius: 0; }
@media (max-width: 600px) {
  .st-panel { inset: 0; width: 100vw; max-width: none; height: 100dvh; max-height: none; border-radius: 0; }
}
@media (forced-colors: active) {
  .st-launch, .st-panel { border: 2px solid ButtonText; }
}
`;

// A speech bubble with a cross: "ask about your health", drawn for this project.
const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2C6.5 2 2 5.9 2 10.7c0 2.6 1.3 4.9 3.4 6.5L4.6 22l4.7-2.6c.9.2 1.8.3 2.7.3 5.5 0 10-3.9 10-8.9S17.5 2 12 2z"/><path fill="#0b5d55" d="M10.7 6.5h2.6v3h3v2.6h-3v3h-2.6v-3h-3V9.5h3z"/></svg>';

/**
 * Draws the launcher of `host` into its shadow `root`, in the widget's language `lang`; `start`
 * paints and mounts the widget into a container (the loader's own). Returns what unmounts it.
 */
export function launcher(host, root, start, lang) {
  const words = WORDS[lang] ?? WORDS.en;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  const button = document.createElement("button");
  button.type = "button";
  button.className = "st-launch";
  button.innerHTML = ICON;
  button.append(host.getAttribute("data-launcher-label")?.trim() || words.label);
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-expanded", "false");

  // The panel: a header with the practice's name (or the check's) and a close button, then the
  // widget. Its name is the header's text.
  const panel = document.createElement("dialog");
  panel.className = "st-panel";
  panel.setAttribute("lang", lang);
  const head = document.createElement("div");
  head.className = "st-panel-head";
  const title = document.createElement("span");
  title.id = "st-panel-title";
  title.textContent = host.getAttribute("data-practice-name")?.trim() || words.title;
  panel.setAttribute("aria-labelledby", title.id);
  const close = document.createElement("button");
  close.type = "button";
  close.className = "st-close";
  close.setAttribute("aria-label", words.close);
  close.textContent = "\u00d7";
  head.append(title, close);
  const body = document.createElement("div");
  panel.append(head, body);

  let stop;
  button.addEventListener("click", () => {
    if (!stop) stop = start(host, body);
    panel.showModal();
    button.setAttribute("aria-expanded", "true");
    // The screen's heading, as when the widget moves to a new screen (not the close button).
    body.querySelector("[data-focus-heading]")?.focus();
  });
  close.addEventListener("click", () => panel.close());
  // A tap on the backdrop (outside the panel's box) closes it too.
  panel.addEventListener("click", (event) => {
    if (event.target !== panel) return;
    const box = panel.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) panel.close();
  });
  // Closed by Escape, the close button or the backdrop: focus back on the button.
  panel.addEventListener("close", () => {
    button.setAttribute("aria-expanded", "false");
    button.focus();
  });
  root.append(button, panel);
  // In the top layer too, where the browser has it (the Popover API): above a host page's cookie
  // bar whatever its z-index. Elsewhere the highest z-index does what it can.
  if (button.showPopover) {
    button.popover = "manual";
    button.showPopover();
  }
  return () => {
    if (panel.open) panel.close();
    if (stop) stop();
  };
}

// ---- The isolation mode. ----

const page = new URL("frame.html", import.meta.url);

/** The events a widget sends its host page: the level, or the reason it could not load. */
const EVENTS = ["spasm-triage:result", "spasm-triage:error"];

/**
 * Host side: resolves, once the frame's first screen is painted, with `mount()` (shows the frame in
 * place of the host's first screen, and has the frame do the tap the patient made on it meanwhile)
 * and `unmount()`. Never resolves if the frame never answers: the loader's note shows after 10 s.
 */
export function frame(host, container, base) {
  const url = new URL("frame.html", base);
  for (const { name, value } of host.attributes) {
    // The frame's widget is inline in its own page: the launcher (if any) is the host's.
    if (name.startsWith("data-") && name !== "data-isolation" && !(name === "data-mode" && value === "launcher")) {
      url.searchParams.set(name.slice(5), value);
    }
  }
  if (url.origin === location.origin) {
    console.warn("spasm-triage: data-isolation=\"frame\" keeps the page's scripts out only when the widget's files are on another origin");
  }
  const iframe = document.createElement("iframe");
  iframe.title = container.querySelector("h1")?.textContent || "Back spasm check";
  iframe.allow = "clipboard-write"; // the summary's "Copy as text"
  // Styled through the CSSOM, which a strict Content-Security-Policy allows; no height until the
  // frame says its own.
  Object.assign(iframe.style, { display: "block", width: "100%", height: "0", border: "0" });
  iframe.src = url.href;
  return new Promise((resolve) => {
    function listen(event) {
      if (event.source !== iframe.contentWindow || event.origin !== url.origin || !event.data) return;
      const { height, type, detail } = event.data;
      if (height > 0) {
        iframe.style.height = Math.ceil(height) + "px";
        resolve({ mount, unmount });
      }
      // Escape pressed in the frame closes the launcher's panel the frame is in, as outside it.
      if (event.data.escape) iframe.closest("dialog")?.close();
      if (EVENTS.includes(type)) {
        host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: { ...detail } }));
      }
    }
    function mount() {
      const kept = container.querySelector("[data-waiting]");
      const tap = [...container.querySelectorAll("button")].indexOf(kept);
      for (const node of [...container.childNodes]) if (node !== iframe) node.remove();
      if (kept) iframe.contentWindow.postMessage({ tap, text: kept.textContent }, url.origin);
      return 0;
    }
    function unmount() {
      removeEventListener("message", listen);
    }
    addEventListener("message", listen);
    container.append(iframe);
  });
}

// Frame side: in frame.html beside this file, inside a frame.
if (location.pathname === page.pathname && top !== window) {
  const host = document.querySelector("spasm-triage");
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (/^[a-z][a-z-]*$/.test(key)) host.setAttribute("data-" + key, value);
  }
  // No page around the widget: the host page's own shows through.
  document.documentElement.style.background = "none";
  document.body.style.padding = "0";
  host.style.maxWidth = "none";
  const post = (message) => parent.postMessage(message, "*");
  // Once the loader here has painted the first screen (into the shadow root).
  const size = () => host.shadowRoot?.firstChild && post({ height: host.getBoundingClientRect().height });
  // The first report does not wait for a paint: a frame the host keeps at no height yet may not
  // be painted at all.
  addEventListener("DOMContentLoaded", size);
  addEventListener("load", size);
  new ResizeObserver(size).observe(host);
  for (const type of EVENTS) addEventListener(type, (event) => post({ type, detail: event.detail }));
  // (In the capture phase: the loader here stops the widget's key events at its shadow root.)
  addEventListener("keydown", (event) => event.key === "Escape" && post({ escape: true }), true);
  // The tap the patient made on the host's first screen, done on this one's same button (the
  // loader here keeps it until the widget runs, as on any page).
  addEventListener("message", (event) => {
    if (event.source !== parent || !event.data) return;
    const button = host.shadowRoot?.querySelectorAll("button")[event.data.tap];
    if (button && button.textContent === event.data.text) button.click();
  });
}
