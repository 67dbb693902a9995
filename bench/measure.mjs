// The browser half of scripts/bench.sh: loads the built widget (dist/), the same widget embedded
// in a host page with the loader snippet, and the hello-world baseline (bench/hello/dist/) in
// headless Chromium with 4x CPU throttling, a fresh browser context (empty cache) for every run,
// and prints JSON with
//   - the files each first visit downloaded before it was interactive (recorded network responses),
//   - per run: navigation start -> first interactive question (the widget's "Start the check"
//     button, or the hello world's <h1>, in the DOM, visible and enabled), first contentful paint,
//   - per run (widget only): the click on "See my result" on the review page -> the result heading
//     on screen, walking the questionnaire the way tests/e2e/journey.mjs does (its defaults: "No"
//     to every warning sign, mild answers elsewhere) to the self-care result.
// Times are taken inside the page (performance.now(), relative to navigation start, and the click
// event's own timeStamp), not from node's clock.
//
//   node bench/measure.mjs --dist dist --hello bench/hello/dist [--runs 7] [--cpu 4] > out.json
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { loadavg } from "node:os";
import { readFileSync } from "node:fs";
import { chromium } from "../tests/e2e/node_modules/playwright-core/index.mjs";
import { answerAll } from "../tests/e2e/journey.mjs";
import { TYPES } from "../tests/e2e/content-types.mjs";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string", default: "dist" },
    hello: { type: "string", default: "bench/hello/dist" },
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "7" },
    cpu: { type: "string", default: "4" },
    // For debugging: only these pages (comma-separated: widget,embed,hello).
    only: { type: "string", default: "widget,embed,hello" },
  },
});
const RUNS = Number(args.runs);
const ONLY = new Set(args.only.split(","));
const CPU_RATE = Number(args.cpu);
if (!(Number.isInteger(RUNS) && RUNS > 0)) throw new Error(`--runs must be a positive integer, got ${args.runs}`);

const START_LABEL = "Start the check"; // src/components/start_screen.rs
const SEE_RESULT = "See my result"; // src/components/review_answers.rs
const SELF_CARE_HEADLINE = "Care for your back at home"; // tests/e2e/journeys.test.mjs
const HELLO_TEXT = "Hello world"; // bench/hello/src/main.rs
const TIMEOUT = 60_000;

const log = (...m) => console.error("measure:", ...m);

// ---------------------------------------------------------------------------------------------
// A static server like tests/e2e/harness.mjs: no compression, no caching headers. It also serves
// /__bench/embed.html (a host page with dist/embed-snippet.html's tag, pointed at this server) and
// /__bench/blank.html, and logs every request it answers.

async function serve(root, extra = {}) {
  const served = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (extra[url.pathname] !== undefined) {
      res.writeHead(200, { "content-type": TYPES[".html"] }).end(extra[url.pathname]);
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      served.push({ path: path.slice(root.length + 1).split(sep).join("/"), status: 200, bytes: body.length });
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      served.push({ path: url.pathname, status: 404, bytes: 0 });
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** Every request answered since the last call, then forgets them. */
    take: () => served.splice(0),
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation, injected before any of the page's scripts. It watches the document and
// every shadow root (attachShadow is wrapped so the widget's roots are observed from their start)
// with MutationObservers, which run right after each DOM change, and stamps performance.now():
//   interactive: the first moment the target (the live widget's button with the start label, not
//                the loader's first screen's, or the hello h1) is in the DOM, visible
//                (checkVisibility, which forces style and layout) and enabled;
//   result:      once armed with a headline, the first moment a visible h2 with that text exists;
//                the start is the armed click's event.timeStamp (same time base).
// `*Frame` is performance.now() in the next animation frame after each, for reference.

function instrument({ kind, label }) {
  const b = (window.__bench = { interactive: null, interactiveFrame: null, click: null, result: null, resultFrame: null, expect: null });
  const roots = [];
  const visible = (el) =>
    el.isConnected && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
    el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
  const find = (selector, text, enabled) => {
    for (const root of roots) {
      for (const el of root.querySelectorAll(selector)) {
        if (el.textContent.trim() === text && (!enabled || !el.disabled) && visible(el)) return el;
      }
    }
    return null;
  };
  const check = () => {
    if (b.interactive === null) {
      // The live widget's button: the first screen the loader paints before the wasm has the same
      // button, marked busy (issue 19), which does not count as interactive.
      const found = kind === "hello" ? find("h1", label, false) : find(".st-root:not([aria-busy]) button", label, true);
      if (found) {
        b.interactive = performance.now();
        requestAnimationFrame(() => (b.interactiveFrame = performance.now()));
      }
    }
    if (b.expect !== null && b.click !== null && b.result === null && find("h2", b.expect, false)) {
      b.result = performance.now();
      requestAnimationFrame(() => (b.resultFrame = performance.now()));
    }
  };
  const observe = (root) => {
    roots.push(root);
    new MutationObserver(check).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    check();
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observe(root);
    return root;
  };
  observe(document);
  // The click that should lead to the result: its own timestamp (when the input event was made).
  window.addEventListener("click", (event) => {
    if (b.expect !== null && b.click === null) b.click = event.timeStamp;
  }, true);
  window.__benchArm = (expect) => {
    b.expect = expect;
    b.click = null;
    b.result = null;
    b.resultFrame = null;
  };
}

// ---------------------------------------------------------------------------------------------

async function launch() {
  // The flags of tests/e2e/harness.mjs.
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
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
 * One first visit in a fresh context with CPU throttling: loads `url`, waits until it is
 * interactive, returns the in-page timings and every response the context recorded with its
 * request's start (epoch ms) so it can be placed before or after that moment.
 */
async function visit(browser, server, path, { kind, label, then }) {
  const context = await browser.newContext();
  const responses = [];
  // Context-level: includes the service worker's own requests where Chromium reports them.
  context.on("requestfinished", async (request) => {
    const response = await request.response().catch(() => null);
    responses.push({
      url: request.url(),
      status: response?.status() ?? 0,
      resourceType: request.resourceType(),
      fromServiceWorker: request.serviceWorker() !== null || (response?.fromServiceWorker() ?? false),
      start: request.timing().startTime,
    });
  });
  context.on("requestfailed", (request) =>
    responses.push({ url: request.url(), status: 0, failed: request.failure()?.errorText, start: request.timing().startTime }),
  );
  await context.addInitScript(instrument, { kind, label });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    // Land on a blank page of the same origin first, so the throttled renderer is the one that
    // then loads the page (a cross-origin navigation could swap processes).
    await page.goto(server.origin + "/__bench/blank.html");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
    server.take();
    responses.length = 0;
    await page.goto(server.origin + path, { waitUntil: "commit", timeout: TIMEOUT });
    await page.waitForFunction(() => window.__bench?.interactive !== null && window.__bench?.interactiveFrame !== null, null, { timeout: TIMEOUT, polling: 50 });
    // Cross-check from outside, by role and name, like the e2e tests.
    if (kind === "hello") {
      await page.getByRole("heading", { level: 1, name: label }).waitFor({ state: "visible", timeout: TIMEOUT });
    } else {
      const start = page.getByRole("button", { name: label });
      await start.waitFor({ state: "visible", timeout: TIMEOUT });
      if (!(await start.isEnabled())) throw new Error("start button not enabled");
    }
    const timing = await page.evaluate(() => {
      const paint = Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]));
      const resources = performance.getEntriesByType("resource").map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd }));
      const nav = performance.getEntriesByType("navigation")[0];
      return {
        timeOrigin: performance.timeOrigin, ...window.__bench, fcp: paint["first-contentful-paint"] ?? null,
        domContentLoaded: nav?.domContentLoadedEventStart ?? null, resources,
      };
    });
    const result = then ? await then(page) : null;
    // Let late requests (the service worker's install) land before closing, so they are listed.
    await page.waitForTimeout(500);
    return { timing, result, responses: [...responses], served: server.take(), errors };
  } finally {
    await context.close();
  }
}

/** Walks to the self-care result and measures the last click -> result heading, in the page. */
async function toSelfCare(page) {
  await page.getByRole("button", { name: START_LABEL }).click();
  await answerAll(page); // journey.mjs defaults: "No" to each warning sign, mild answers, to the review
  await page.evaluate((h) => window.__benchArm(h), SELF_CARE_HEADLINE);
  await page.getByRole("button", { name: SEE_RESULT }).click();
  await page.waitForFunction(() => window.__bench.result !== null && window.__bench.resultFrame !== null, null, { timeout: TIMEOUT, polling: 50 });
  const b = await page.evaluate(() => window.__bench);
  const headline = (await page.getByRole("heading", { level: 2 }).first().innerText()).trim();
  if (headline !== SELF_CARE_HEADLINE) throw new Error(`expected the self-care result, got "${headline}"`);
  return { click: b.click, result: b.result, resultFrame: b.resultFrame, ms: b.result - b.click, frameMs: b.resultFrame - b.click, headline };
}

/**
 * Splits the recorded responses for this server's files at the interactive moment: the page's own
 * requests started before it (the first load), the service worker's requests started before it
 * (its install caching every file, racing the first render), and everything later.
 */
function firstLoad(run, origin) {
  const interactiveEpoch = run.timing.timeOrigin + run.timing.interactive;
  const rel = (u) => decodeURIComponent(new URL(u).pathname.slice(1)) || "index.html";
  const out = { before: [], swBefore: [], after: [], other: [] };
  for (const r of run.responses) {
    if (r.url.startsWith(origin + "/__bench/")) continue;
    if (!r.url.startsWith(origin + "/")) {
      out.other.push(r);
      continue;
    }
    const entry = { file: rel(r.url), status: r.status, resourceType: r.resourceType, fromServiceWorker: r.fromServiceWorker, startMs: r.start - run.timing.timeOrigin };
    const early = r.start <= interactiveEpoch;
    (early ? (r.fromServiceWorker ? out.swBefore : out.before) : out.after).push(entry);
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.startMs - b.startMs);
  return out;
}

function summarize(runs, origin) {
  const loads = runs.map((run) => firstLoad(run, origin));
  const fileSet = (list) => [...new Set(list.filter((e) => e.status === 200).map((e) => e.file))].sort();
  const sets = loads.map((l) => fileSet(l.before));
  const consistent = sets.every((s) => JSON.stringify(s) === JSON.stringify(sets[0]));
  const runsOf = {};
  for (const set of sets) for (const f of set) runsOf[f] = (runsOf[f] ?? 0) + 1;
  return {
    // Every file any run downloaded before it was interactive, and in how many runs each was.
    firstLoadFiles: Object.keys(runsOf).sort(),
    firstLoadFileRuns: runsOf,
    firstLoadConsistent: consistent,
    firstLoadPerRun: sets,
    // The request lists below are the first run's.
    firstLoadRequests: loads[0].before,
    serviceWorkerBeforeInteractive: loads[0].swBefore,
    serviceWorkerBeforeInteractiveFiles: fileSet(loads[0].swBefore),
    serviceWorkerBeforeInteractiveRuns: loads.filter((l) => l.swBefore.length > 0).length,
    afterInteractive: loads[0].after,
    otherOrigins: loads[0].other,
    // What the static server answered during the first run (including 404s and the service worker's).
    servedFirstRun: runs[0].served,
    interactiveMs: runs.map((r) => r.timing.interactive),
    interactiveFrameMs: runs.map((r) => r.timing.interactiveFrame),
    fcpMs: runs.map((r) => r.timing.fcp),
    domContentLoadedMs: runs.map((r) => r.timing.domContentLoaded),
    wasmResponseEndMs: runs.map((r) => r.timing.resources.find((x) => x.name.endsWith(".wasm"))?.end ?? null),
    resultMs: runs.every((r) => r.result) ? runs.map((r) => r.result.ms) : undefined,
    resultFrameMs: runs.every((r) => r.result) ? runs.map((r) => r.result.frameMs) : undefined,
    resultHeadline: runs[0].result?.headline,
    errors: [...new Set(runs.flatMap((r) => r.errors))],
  };
}

const dist = resolve(args.dist);
const helloDist = resolve(args.hello);
const snippet = await readFile(join(dist, "embed-snippet.html"), "utf8");
// A data: icon, so Chromium does not ask for /favicon.ico.
const blank = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>blank</title></head></html>';
// The snippet as printed by the build, with its base URL replaced by this server's root.
const embedPage = (snippetHtml) =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host page</title></head>\n<body>\n<h1>A practice website</h1>\n` +
  snippetHtml.replace(/src="[^"]*spasm-triage\.js"/, 'src="/spasm-triage.js"') +
  "</body></html>\n";

const widgetServer = await serve(dist, { "/__bench/blank.html": blank, "/__bench/embed.html": embedPage(snippet) });
const helloServer = await serve(helloDist, { "/__bench/blank.html": blank });
/** The machine's CPU time counters (Linux /proc/stat, in ticks): total, idle, and stolen by the hypervisor. */
function cpuTicks() {
  try {
    const [, ...f] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest times are already in user and nice)
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { total, idle: f[3] + f[4], steal: f[7] ?? 0 };
  } catch {
    return null;
  }
}
const loadBefore = loadavg();
const ticksBefore = cpuTicks();
const browser = await launch();
const chromiumVersion = browser.version();
const runs = { widget: [], embed: [], hello: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    const line = [];
    if (ONLY.has("widget")) {
      const w = await visit(browser, widgetServer, "/", { kind: "widget", label: START_LABEL, then: toSelfCare });
      runs.widget.push(w);
      line.push(`widget interactive ${w.timing.interactive.toFixed(0)} ms, result ${w.result.ms.toFixed(0)} ms`);
    }
    if (ONLY.has("embed")) {
      const e = await visit(browser, widgetServer, "/__bench/embed.html", { kind: "widget", label: START_LABEL });
      runs.embed.push(e);
      line.push(`embed interactive ${e.timing.interactive.toFixed(0)} ms`);
    }
    if (ONLY.has("hello")) {
      const h = await visit(browser, helloServer, "/", { kind: "hello", label: HELLO_TEXT });
      runs.hello.push(h);
      line.push(`hello world h1 ${h.timing.interactive.toFixed(0)} ms`);
    }
    log(`run ${i + 1}/${RUNS}: ${line.join("; ")}`);
  }
} finally {
  await browser.close();
  await widgetServer.close();
  await helloServer.close();
}

console.log(JSON.stringify({
  chromium: chromiumVersion,
  runs: RUNS,
  cpuThrottlingRate: CPU_RATE,
  // The machine's load average (1, 5, 15 min) before and after: other work on it skews the times.
  loadAverage: { before: loadBefore, after: loadavg() },
  // Over the whole measurement, the share of all cores' time that was busy (this and anything else
  // running) and that the hypervisor took for other machines (steal): both skew the times.
  cpu: (() => {
    const after = cpuTicks();
    if (!ticksBefore || !after) return null;
    const total = after.total - ticksBefore.total;
    return { busyPercent: (100 * (total - (after.idle - ticksBefore.idle))) / total, stealPercent: (100 * (after.steal - ticksBefore.steal)) / total };
  })(),
  embedSnippet: snippet,
  widget: runs.widget.length ? summarize(runs.widget, widgetServer.origin) : undefined,
  embed: runs.embed.length ? summarize(runs.embed, widgetServer.origin) : undefined,
  hello: runs.hello.length ? summarize(runs.hello, helloServer.origin) : undefined,
}, null, 2));
