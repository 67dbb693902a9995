/*
 * spasm-triage isolation mode (data-isolation="frame", issue 22): for a practice whose site carries
 * analytics, session-replay or tag-manager scripts. The widget runs in an iframe of frame.html,
 * served from where the widget's files are hosted: on another origin (a CDN, a subdomain) no script
 * of the host page can reach its document, its storage or its events, the way payment forms keep
 * card numbers from the shop's page. This one module has both sides:
 *
 * - In the host page, the loader imports it (checked against the hash the loader carries) and calls
 *   `frame(host, container, base)`: it makes the iframe beside the first screen the loader painted,
 *   and resolves once the frame has painted its own, with what the loader then calls to swap them
 *   (`mount`) and to stop (`unmount`), as it calls the wasm glue's. The frame's height follows its
 *   content, and its result and error events are sent again from the host's element, as an inline
 *   widget sends them (the level or the reason only, never an answer).
 * - In frame.html (the standalone page's twin, which scripts/post-build.sh writes), it runs first:
 *   it copies the host's settings from the address's query onto the element, only when framed (a
 *   link to frame.html cannot change a number a patient sees), and reports the height and the
 *   events to the host page.
 */
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
