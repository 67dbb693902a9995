// The Lighthouse half of scripts/bench.sh: serves the widget's build and the Yew hello world's
// with scripts/static-server.mjs (their .br copies, cache headers), runs Lighthouse (npm, pinned in
// bench/package.json) on each page in turn with Debian's Chromium, and prints a markdown table of
// the medians: performance score, FCP, LCP, TBT, Speed Index and CLS, with the widget / hello
// world ratios. Lighthouse runs as its own command line, once per run, so each run gets a fresh
// browser and profile (no cache, no service worker).
//
//   node bench/lighthouse.mjs --dist dist --hello bench/hello/dist [--runs 3] \
//     [--out-json lighthouse.json] [--out-md lighthouse.md] [--reports dir]
//
// --reports keeps each run's full Lighthouse report (JSON) for a closer look.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { lighthouseMarkdown, METRICS } from "./lighthouse-table.mjs";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string", default: "dist" },
    hello: { type: "string", default: "bench/hello/dist" },
    runs: { type: "string", default: process.env.BENCH_LIGHTHOUSE_RUNS ?? "3" },
    "out-json": { type: "string" },
    "out-md": { type: "string" },
    reports: { type: "string" },
  },
});
const RUNS = Number(args.runs);
if (!(Number.isInteger(RUNS) && RUNS > 0)) throw new Error(`--runs must be a positive integer, got ${args.runs}`);
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const LIGHTHOUSE = fileURLToPath(new URL("./node_modules/lighthouse/cli/index.js", import.meta.url));
const SERVER = fileURLToPath(new URL("../scripts/static-server.mjs", import.meta.url));
const log = (...m) => console.error("lighthouse:", ...m);

/** Starts scripts/static-server.mjs on a free port; resolves once it prints its address. */
function startServer(dir) {
  const child = spawn(process.execPath, [SERVER, "--dir", dir, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((ok, fail) => {
    const read = (chunk) => {
      output += chunk;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (m) ok({ url: m[0], close: () => child.kill() });
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => fail(new Error(`static-server exited (${code}): ${output}`)));
  });
}

/** One Lighthouse run on `url` (a fresh Chromium); returns its report (LHR). */
function lighthouse(url) {
  const out = execFileSync(process.execPath, [
    LIGHTHOUSE, url,
    "--only-categories=performance",
    // The defaults, named so a change of default cannot change the figures unnoticed.
    "--form-factor=mobile",
    "--throttling-method=simulate",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    "--no-enable-error-reporting",
  ], { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.toString());
}

const AUDITS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  si: "speed-index",
  cls: "cumulative-layout-shift",
};

/** The figures of one report; a run Lighthouse could not measure fails the benchmark. */
function figures(lhr, label) {
  const f = { score: lhr.categories.performance.score, benchmarkIndex: lhr.environment.benchmarkIndex };
  for (const [key, id] of Object.entries(AUDITS)) f[key] = lhr.audits[id]?.numericValue;
  const missing = METRICS.map(([key]) => key).filter((key) => typeof f[key] !== "number");
  if (missing.length) {
    throw new Error(`${label}: Lighthouse measured no ${missing.join(", ")}: ${lhr.runtimeError?.message ?? ""} ${(lhr.runWarnings ?? []).join("; ")}`);
  }
  if (lhr.runWarnings?.length) log(`${label}: ${lhr.runWarnings.join("; ")}`);
  return f;
}

/** Bytes on the wire against bytes of the files, from the report's network requests. */
function transfer(lhr, dir) {
  const items = (lhr.audits["network-requests"]?.details?.items ?? []).filter((i) => i.url.startsWith(lhr.finalDisplayedUrl));
  const wasm = items.find((i) => i.url.endsWith(".wasm"));
  const file = wasm ? decodeURIComponent(new URL(wasm.url).pathname.slice(1)) : null;
  return {
    transfer: items.reduce((t, i) => t + (i.transferSize ?? 0), 0),
    resource: items.reduce((t, i) => t + (i.resourceSize ?? 0), 0),
    wasm: {
      file,
      transfer: wasm?.transferSize ?? null,
      resource: wasm?.resourceSize ?? null,
      brotliFile: file ? statSync(join(dir, file + ".br")).size : null,
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });

const pages = { widget: resolve(args.dist), hello: resolve(args.hello) };
for (const [name, dir] of Object.entries(pages)) {
  try {
    statSync(join(dir, "index.html"));
  } catch {
    throw new Error(`${name}: ${dir} has no index.html (build it first)`);
  }
}
if (args.reports) mkdirSync(args.reports, { recursive: true });
const chromium = (() => {
  try {
    // Debian's wrapper script says more than the version (and warns on stderr): keep the number.
    return /\d+(\.\d+)+/.exec(execFileSync(CHROME, ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString())?.[0] ?? null;
  } catch {
    return null;
  }
})();

const servers = {};
const runs = { widget: [], hello: [] };
const transfers = {};
const loadBefore = loadavg();
try {
  for (const [name, dir] of Object.entries(pages)) servers[name] = await startServer(dir);
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so a change in the machine's load falls on both pages alike.
    for (const name of Object.keys(pages)) {
      const lhr = lighthouse(servers[name].url);
      const f = figures(lhr, `${name} run ${i + 1}`);
      runs[name].push(f);
      if (i === 0) transfers[name] = transfer(lhr, pages[name]);
      if (args.reports) writeFileSync(join(args.reports, `${name}-${i + 1}.json`), JSON.stringify(lhr));
      log(`${name} run ${i + 1}/${RUNS}: score ${f.score}, FCP ${Math.round(f.fcp)} ms, LCP ${Math.round(f.lcp)} ms, TBT ${Math.round(f.tbt)} ms, SI ${Math.round(f.si)} ms, CLS ${f.cls.toFixed(3)}`);
    }
  }
} finally {
  for (const s of Object.values(servers)) s.close();
}

const version = JSON.parse(readFileSync(fileURLToPath(new URL("./node_modules/lighthouse/package.json", import.meta.url)), "utf8")).version;
const summary = {
  generated: new Date().toISOString(),
  lighthouse: version,
  chromium,
  runs: RUNS,
  settings: { formFactor: "mobile", throttlingMethod: "simulate", onlyCategories: ["performance"], chromeFlags: "--headless=new --no-sandbox --disable-gpu" },
  loadAverage: { before: loadBefore, after: loadavg() },
  benchmarkIndex: { widget: median(runs.widget.map((r) => r.benchmarkIndex)), hello: median(runs.hello.map((r) => r.benchmarkIndex)) },
  transfer: transfers,
};
for (const name of Object.keys(pages)) {
  summary[name] = Object.fromEntries(METRICS.map(([key]) => [key, stats(runs[name].map((r) => r[key]))]));
}
summary.ratio = Object.fromEntries(
  METRICS.map(([key]) => [key, summary.hello[key].median === 0 ? null : summary.widget[key].median / summary.hello[key].median]),
);

const markdown = lighthouseMarkdown(summary).join("\n");
if (args["out-json"]) writeFileSync(args["out-json"], JSON.stringify(summary, null, 2) + "\n");
if (args["out-md"]) writeFileSync(args["out-md"], markdown + "\n");
process.stdout.write(markdown + "\n");
