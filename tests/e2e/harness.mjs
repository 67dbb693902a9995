// Shared harness for the end-to-end tests: serves the built site (dist/) from loopback, launches
// Debian's Chromium through playwright-core, and records every request and console error so each
// test can assert that nothing leaves the page's own origin and nothing is logged.
import { createServer } from "node:http";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { TYPES } from "./content-types.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
export const DIST = resolve(process.env.SPASM_DIST ?? join(here, "..", "..", "dist"));

export const HOSTS = join(here, "hosts");

/**
 * Serves `root` on 127.0.0.1 at a free port, and the host-page fixtures under /hosts/.
 * `headers` are added to every response.
 */
export async function serve(root = DIST, { headers = {}, prefix = "/" } = {}) {
  const state = { root };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const inPrefix = url.pathname.startsWith(prefix);
    const [dir, rel] = url.pathname.startsWith("/hosts/")
      ? [HOSTS, url.pathname.slice(6)]
      : [state.root, inPrefix ? "/" + url.pathname.slice(prefix.length) : "/\0missing"];
    let path = normalize(join(dir, decodeURIComponent(rel)));
    if (!path.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Serve another folder from now on (a new build). */
    setRoot: (dir) => (state.root = dir),
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Launches headless Chromium with the flags this offline machine needs. */
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens a page that records requests and console errors. `page.foreign()` lists requests that
 * left `origin`; `page.errors()` lists console errors and uncaught exceptions.
 */
export async function openPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const warnings = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.foreign = () => requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  page.requests = () => requests;
  page.errors = () => errors;
  page.warnings = () => warnings;
  return page;
}

/**
 * Waits until every widget on the page has mounted: the loader paints each first screen before the
 * wasm arrives (marked `aria-busy`), so a button on it is no sign that the widget runs.
 */
export async function mounted(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("spasm-triage")].every((w) => w.shadowRoot?.querySelector(".st-root:not([aria-busy])")),
  );
}

/**
 * Waits until the page's (first) launcher says its panel is closed: the panel's close event, a
 * task after Escape or a click, sets the button's aria-expanded.
 */
export function launcherClosed(page) {
  return page.waitForFunction(() => document.querySelector("spasm-triage").shadowRoot.querySelector(".st-launch").getAttribute("aria-expanded") === "false");
}

/**
 * On a host page with a Spanish widget `#es` (112) and an English one `#en` (999), as
 * hosts/crash.html and hosts/broken.html have: each kept its first screen after failing to load,
 * its heading and its emergency line with its number, and no button that cannot work.
 */
export async function assertFirstScreensKept(page) {
  for (const [id, heading, call, number] of [["es", "Chequeo de espasmos de espalda", "llame al 112 ahora", "112"], ["en", "Back spasm check", "call 999 now", "999"]]) {
    const widget = page.locator(`#${id}`);
    await widget.getByRole("heading", { level: 1, name: heading }).waitFor();
    assert.equal(await widget.getByRole("link", { name: call }).getAttribute("href"), `tel:${number}`);
    assert.equal(await widget.getByRole("button").count(), 0, `${id}: a button that cannot work is left`);
  }
}

const AXE = await readFile(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");

/**
 * Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page and fails with a readable list of any
 * violation. `label` names the screen in the message.
 */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    await page.addScriptTag({ content: AXE });
  }
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
  );
  // axe files contrast it cannot settle (overlapping boxes, large text) as "incomplete"; a real
  // teal-on-red link once hid there, so an unsettled contrast fails too. Except the words drawn in
  // a picture (under a stretch's poses, in an <svg role="img">), whose background axe cannot find
  // inside an image: pictures.test.mjs checks their contrast itself.
  const inPicture = (n) => /svg\[[^\]]*\]( > g)? > text$/.test(n.target.at(-1)) && /contains an image node/.test(n.failureSummary ?? "");
  const unsettled = result.incomplete
    .filter((v) => v.id === "color-contrast")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !inPicture(n)) }))
    .filter((v) => v.nodes.length);
  const problems = [...result.violations, ...unsettled].map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`).slice(0, 5).join("\n    ")}`,
  );
  if (problems.length) throw new Error(`${label}: ${problems.length} accessibility violation(s)\n  ${problems.join("\n  ")}`);
}

/**
 * For a test file: serves the built site and launches Chromium before its tests, closes both after.
 * Returns an object whose `server` and `browser` are set once `before` has run.
 */
export function useSite(options) {
  const site = {};
  before(async () => {
    site.server = await serve(undefined, options);
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * What a phone reads from the QR code in `figure` (a `.st-qr` locator): a screenshot of the drawn
 * code, decoded by jsQR. So a test checks the code a patient scans, not an attribute beside it.
 */
export async function scanQr(figure) {
  return decodePng(await figure.locator("svg").screenshot());
}

/** What a phone reads from a QR code somewhere in a PNG image (raw bytes), or a failed assertion. */
function decodePng(bytes) {
  const png = PNG.sync.read(bytes);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, "the QR code could not be read");
  return code.data;
}

/**
 * Prints `page` to PDF on `format` paper ("A4", "Letter") as the browser's print does (print media),
 * and returns the number of pages, its text (pdftotext, spaces collapsed) and `qr()`: what a phone
 * reads from the QR code on its first page (rendered by pdftoppm at 150 dpi, decoded by jsQR), so a
 * test checks the printed code, not the markup.
 */
export async function printPdf(page, format) {
  const dir = await mkdtemp(join(tmpdir(), "spasm-pdf-"));
  try {
    await page.emulateMedia({ media: "print" });
    const pdf = join(dir, "print.pdf");
    await writeFile(pdf, await page.pdf({ format }));
    await page.emulateMedia({ media: "screen" });
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
    execFileSync("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, join(dir, "page")]);
    const png = await readFile(join(dir, "page.png"));
    return { pages, text, qr: () => decodePng(png) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
