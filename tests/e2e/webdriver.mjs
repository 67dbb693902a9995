// A small W3C WebDriver client (plain HTTP and JSON through Node's fetch, no npm package) that
// drives WebKitGTK through Debian's WebKitWebDriver (package webkit2gtk-driver), so the journeys
// also run in WebKit, the engine of every iPhone browser. Playwright's own WebKit cannot be
// downloaded here; playwright-core drives Chromium only.
//
// WebKitGTK 2.50's MiniBrowser (the browser WebKitWebDriver starts) has no headless mode, so it
// draws into a private virtual X display: `launchWebKit` starts Xvfb on a free display number
// (`-displayfd`), then WebKitWebDriver on a free loopback port with DISPLAY set to it, and closes
// both with the session. Nothing shows on a desktop, and nothing needs xvfb-run.
//
// Elements are found as a patient finds them, by role and accessible name, inside the widget's
// open shadow root (a script run in the page walks into it); clicks are WebDriver's element
// clicks, which scroll the element into view and fail if something covers it.
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createServer } from "node:net";

const DRIVER = process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver";
const XVFB = process.env.XVFB ?? "/usr/bin/Xvfb";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** True when the test machine has opted out of the WebKit tier (`SPASM_NO_WEBKIT=1`). */
export const NO_WEBKIT = process.env.SPASM_NO_WEBKIT === "1";

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why WebKit cannot run on this machine, or null when it can: a missing WebKitWebDriver or Xvfb
 * names scripts/setup.sh (which installs both), so the tier fails loudly instead of skipping.
 */
export function webkitMissing() {
  const missing = [];
  if (!executable(DRIVER)) missing.push(`${DRIVER} (Debian package webkit2gtk-driver)`);
  if (!executable(XVFB)) missing.push(`${XVFB} (Debian package xvfb)`);
  if (!missing.length) return null;
  return (
    `WebKit tests cannot run: missing ${missing.join(" and ")}. Run scripts/setup.sh to install them, ` +
    "or set SPASM_NO_WEBKIT=1 to leave the WebKit tests out on a machine that cannot have them."
  );
}

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// Every process started here, killed if Node exits without closing them (a failing hook).
const children = new Set();
process.on("exit", () => children.forEach((child) => child.kill("SIGKILL")));

/** Starts a process whose output is kept (the last 4 kB) for error messages. */
function start(command, args, options) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe", ...(options.extra ?? [])], env: options.env });
  children.add(child);
  child.once("exit", () => children.delete(child));
  let log = "";
  const keep = (chunk) => (log = (log + chunk).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.log = () => log;
  child.exited = new Promise((ok) => child.once("exit", ok));
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const gone = await Promise.race([child.exited.then(() => true), sleep(3000).then(() => false)]);
  if (!gone) child.kill("SIGKILL");
}

/** Starts Xvfb on the first free display and returns [process, ":N"]. */
async function startXvfb() {
  const xvfb = start(XVFB, ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { extra: ["pipe"] });
  const display = await new Promise((ok, fail) => {
    let out = "";
    xvfb.stdio[3].on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) ok(":" + out.trim());
    });
    xvfb.once("exit", (code) => fail(new Error(`Xvfb exited (${code}) before it opened a display:\n${xvfb.log()}`)));
    setTimeout(() => fail(new Error(`Xvfb opened no display in 10 s:\n${xvfb.log()}`)), 10_000);
  });
  return [xvfb, display];
}

/**
 * Starts WebKitWebDriver on a private Xvfb display; its `session()` opens WebKit (WebKitGTK's
 * MiniBrowser) in a new WebDriver session. Throws with the fix (scripts/setup.sh) when either is
 * not installed.
 */
export async function launchWebKit() {
  const why = webkitMissing();
  if (why) throw new Error(why);
  const [xvfb, display] = await startXvfb();
  let driver;
  try {
    const port = await freePort();
    driver = start(DRIVER, [`--port=${port}`, "--host=local"], { env: { ...process.env, DISPLAY: display, WAYLAND_DISPLAY: "" } });
    const base = `http://127.0.0.1:${port}`;
    for (let waited = 0; ; waited += 100) {
      const ready = await fetch(`${base}/status`).then((r) => r.json()).then((j) => j.value?.ready, () => false);
      if (ready) break;
      if (driver.exitCode !== null || waited > 10_000) throw new Error(`WebKitWebDriver did not start:\n${driver.log()}`);
      await sleep(100);
    }
    return new WebKitDriver(base, [driver, xvfb]);
  } catch (e) {
    await stop(driver);
    await stop(xvfb);
    throw e;
  }
}

/** A running WebKitWebDriver (one session at a time). */
export class WebKitDriver {
  constructor(base, processes) {
    this.base = base;
    this.processes = processes;
  }

  /**
   * A new browser in a new session: its own window and its own storage, so a test starts as a new
   * patient (as a new Playwright context does).
   */
  async session({ width, height } = {}) {
    const session = await request(this.base, "POST", "/session", {
      capabilities: { alwaysMatch: { browserName: "MiniBrowser", pageLoadStrategy: "normal" } },
    }).catch((e) => {
      throw new Error(`${e.message}\n${this.processes[0].log()}`);
    });
    const webkit = new WebKit(this.base, session);
    // MiniBrowser's window is 1024 x 768 by default, and no narrower than about 447 px (its
    // toolbar): asked for a phone's 390, the page gets 447 CSS px.
    if (width || height) await webkit.command("POST", "/window/rect", { width, height });
    return webkit;
  }

  /** Stops WebKitWebDriver and Xvfb. */
  async close() {
    for (const child of this.processes) await stop(child);
  }
}

async function request(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok || json.value?.error) {
    throw new Error(`WebDriver ${method} ${path}: ${json.value?.error ?? response.status} ${json.value?.message ?? ""}`.trim());
  }
  return json.value;
}

// Runs in the page. Finds the visible elements of `role` named `name` (a string, exact after
// white space is collapsed, or {prefix}) inside the shadow roots of the <spasm-triage> elements
// (or of `host`, a CSS selector), optionally within a container of `within.role` named
// `within.name`. Computes roles and names the way the widget's markup needs: explicit role, or
// the implicit role of button, checkbox, fieldset, dialog, heading, link; aria-labelledby,
// aria-label, <label for>, <legend>, then the text content.
const FIND = function find(query) {
  const squash = (s) => (s ?? "").replace(/\s+/g, " ").trim();
  const roots = [...document.querySelectorAll(query.host ?? "spasm-triage")].map((h) => h.shadowRoot).filter(Boolean);
  const roleOf = (el) => {
    const explicit = el.getAttribute("role");
    if (explicit) return explicit;
    const tag = el.localName;
    if (tag === "button") return "button";
    if (tag === "input") return { checkbox: "checkbox", radio: "radio", button: "button", submit: "button" }[el.type] ?? "textbox";
    if (tag === "fieldset") return "group";
    if (tag === "dialog") return "dialog";
    if (/^h[1-6]$/.test(tag)) return "heading";
    if (tag === "a" && el.hasAttribute("href")) return "link";
    return null;
  };
  const nameOf = (el) => {
    const root = el.getRootNode();
    const ids = el.getAttribute("aria-labelledby");
    if (ids) return squash(ids.split(/\s+/).map((id) => root.getElementById(id)?.textContent).join(" "));
    if (el.hasAttribute("aria-label")) return squash(el.getAttribute("aria-label"));
    if (el.localName === "input") {
      const label = (el.id && root.querySelector(`label[for="${el.id}"]`)) || el.closest("label");
      return squash(label?.textContent);
    }
    if (el.localName === "fieldset") return squash(el.querySelector(":scope > legend")?.textContent);
    return squash(el.textContent);
  };
  const hidden = (el) => !el.getClientRects().length || el.closest("[hidden], [aria-hidden='true'], [inert]");
  const matches = (el, role, name) =>
    roleOf(el) === role &&
    !hidden(el) &&
    (name === undefined || (typeof name === "string" ? nameOf(el) === name : nameOf(el).startsWith(name.prefix)));
  const all = (role, name, scopes) => scopes.flatMap((s) => [...s.querySelectorAll("*")].filter((el) => matches(el, role, name)));
  const scopes = query.within ? all(query.within.role, query.within.name, roots) : roots;
  return all(query.role, query.name, scopes);
};

// Runs in the page: the state of the widget a journey needs at each step.
const SCREEN = function screen(host) {
  const root = document.querySelector(host ?? "spasm-triage")?.shadowRoot;
  const heading = root?.querySelector(".st-root:not([aria-busy]) [data-focus-heading]");
  return heading && {
    heading: heading.textContent.replace(/\s+/g, " ").trim(),
    result: heading.matches(".st-headline"),
    grouped: [...root.querySelectorAll(".st-item-question")].map((q) => q.textContent.replace(/\s+/g, " ").trim()),
    checkboxes: root.querySelectorAll("input[type=checkbox]").length,
  };
};

/** One WebDriver session in WebKit. */
export class WebKit {
  constructor(base, session) {
    this.base = base;
    this.path = `/session/${session.sessionId}`;
    this.capabilities = session.capabilities;
  }

  command(method, path, body) {
    return request(this.base, method, this.path + path, body);
  }

  /** Loads `url` and waits for its load event. */
  async goto(url) {
    await this.command("POST", "/url", { url });
    await this.recordErrors();
  }

  /**
   * Runs `fn` (a function, or a function's source) in the page with `args`, returns its result (elements come
   * back as WebDriver references).
   */
  run(fn, ...args) {
    return this.command("POST", "/execute/sync", { script: `return (${fn}).apply(null, arguments);`, args });
  }

  /** Polls `fn(...args)` in the page until it returns something truthy; returns that. */
  async waitFor(what, fn, ...args) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await this.run(fn, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`WebKit: timed out waiting for ${what}; the page: ${await this.describe()}`);
      await sleep(50);
    }
  }

  /** Where the page is and what its first widget shows, for error messages. */
  describe() {
    return this.run(() => {
      const root = document.querySelector("spasm-triage")?.shadowRoot;
      const text = root ? root.textContent.replace(/\s+/g, " ").slice(0, 300) : "no <spasm-triage> shadow root";
      return JSON.stringify({ url: location.href, readyState: document.readyState, widget: text, errors: window.__spasmErrors });
    }).catch((e) => e.message);
  }

  /** Waits until every widget on the page runs (the loader's first screen is `aria-busy`). */
  mounted() {
    return this.waitFor("the widget to mount", () => {
      const hosts = [...document.querySelectorAll("spasm-triage")];
      return hosts.length > 0 && hosts.every((w) => w.shadowRoot?.querySelector(".st-root:not([aria-busy])"));
    });
  }

  /** What the widget (`host`, a CSS selector; the first by default) shows: see SCREEN. */
  screen(host) {
    return this.run(SCREEN, host ?? null);
  }

  /** Waits until the widget shows a screen `test` accepts, and returns it. */
  async screenWhere(what, test, host) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const screen = await this.screen(host);
      if (screen && test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`WebKit: timed out waiting for ${what}; on screen: ${JSON.stringify(screen)}`);
      await sleep(50);
    }
  }

  /**
   * The element of `role` named `name` (see FIND) in the widget's shadow root, waited for; fails if
   * there are several.
   */
  async find(role, name, { within, host } = {}) {
    const query = { role, name, within, host };
    const what = `${role} ${JSON.stringify(name)}${within ? ` in ${within.role} ${JSON.stringify(within.name)}` : ""}`;
    // A script is sent as source, so FIND is pasted into it (no eval in the page: its CSP).
    const found = await this.waitFor(what, `function (q) { const hits = (${FIND})(q); return hits.length ? hits : null; }`, query);
    if (found.length > 1) throw new Error(`WebKit: ${found.length} ${role}s named ${JSON.stringify(name)}`);
    return found[0];
  }

  /** How many elements of `role` named `name` the widget shows now (no waiting). */
  async count(role, name, { within, host } = {}) {
    return (await this.run(FIND, { role, name, within, host })).length;
  }

  /** Clicks the element of `role` named `name` with WebDriver's element click. */
  async click(role, name, options) {
    const element = await this.find(role, name, options);
    await this.command("POST", `/element/${element[ELEMENT]}/click`, {});
  }

  /** Presses and releases `key` ("Escape", "Enter", "Tab") on whatever has focus. */
  press(key) {
    const value = { Escape: "\uE00C", Enter: "\uE007", Tab: "\uE004" }[key] ?? key;
    return this.command("POST", "/actions", {
      actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }],
    });
  }

  /** Records console.error calls and uncaught errors from now on (WebDriver classic has no log). */
  recordErrors() {
    return this.run(() => {
      if (window.__spasmErrors) return;
      const errors = (window.__spasmErrors = []);
      const error = console.error.bind(console);
      console.error = (...args) => {
        errors.push(args.map(String).join(" "));
        error(...args);
      };
      window.addEventListener("error", (e) => errors.push(String(e.error ?? e.message)));
      window.addEventListener("unhandledrejection", (e) => errors.push(String(e.reason)));
    });
  }

  /** The errors recorded since the page loaded (see recordErrors). */
  errors() {
    return this.run(() => window.__spasmErrors ?? []);
  }

  /** Ends the session (closes the browser). */
  close() {
    return this.command("DELETE", "");
  }
}
