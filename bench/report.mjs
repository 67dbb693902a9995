// The report half of scripts/bench.sh: sizes every built file (raw, gzip -9 -n, brotli -q 11, with
// the command-line tools), prices the first-load sets bench/measure.mjs recorded in Chromium,
// adds the Lighthouse table (bench/lighthouse.mjs's summary), the timings and twiggy's top
// contributors, and writes markdown and JSON.
//
//   node bench/report.mjs --measure m.json --dist dist --hello bench/hello/dist \
//     --twiggy-opt top-opt.json --twiggy-pre top-pre.json --named-wasm named_bg.wasm \
//     --lighthouse lighthouse.json --out-md report.md --out-json report.json
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { lighthouseMarkdown } from "./lighthouse-table.mjs";

const { values: args } = parseArgs({
  options: {
    measure: { type: "string" },
    dist: { type: "string", default: "dist" },
    hello: { type: "string", default: "bench/hello/dist" },
    "twiggy-opt": { type: "string" },
    "twiggy-pre": { type: "string" },
    "named-wasm": { type: "string" },
    "pre-wasm": { type: "string" },
    budgets: { type: "string" },
    lighthouse: { type: "string" },
    "out-md": { type: "string" },
    "out-json": { type: "string" },
  },
});

const TOP = 20;
const SKIP = new Set(["embed-snippet.html"]); // a text snippet for people, never downloaded
// The .br/.gz copies scripts/compress.sh writes beside each file: the same files compressed, whose
// sizes are the gzip and brotli columns.
const COPY = /\.(br|gz)$/;

// ---------------------------------------------------------------------------------------------
// Sizes, with the same tools and levels as scripts/check-budgets.sh.

const run = (cmd, argv) => execFileSync(cmd, argv, { maxBuffer: 1 << 30 });
const tryRun = (cmd, argv) => {
  try {
    return run(cmd, argv).toString().trim().split("\n")[0];
  } catch {
    return null;
  }
};
const sizeCache = new Map();
function sizes(path) {
  if (!sizeCache.has(path)) {
    sizeCache.set(path, {
      raw: statSync(path).size,
      gzip: run("gzip", ["-9", "-n", "-c", path]).length,
      brotli: run("brotli", ["-q", "11", "-c", path]).length,
    });
  }
  return sizeCache.get(path);
}

function filesOf(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesOf(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function sizeTable(dir) {
  const rows = filesOf(dir)
    .map((path) => ({ file: relative(dir, path).split("\\").join("/"), ...sizes(path) }))
    .filter((r) => !SKIP.has(r.file) && !COPY.test(r.file))
    .sort((a, b) => b.brotli - a.brotli || a.file.localeCompare(b.file));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

/** The brotli bytes of a list of files of `dir`, each counted once. */
function priced(dir, files, runsOf) {
  const rows = [...new Set(files)].map((file) => ({
    file, brotli: sizes(join(dir, file)).brotli, raw: sizes(join(dir, file)).raw, ...(runsOf ? { runs: runsOf[file] } : {}),
  }));
  return { files: rows, brotli: rows.reduce((t, r) => t + r.brotli, 0), raw: rows.reduce((t, r) => t + r.raw, 0) };
}

/** The first-load sets computed from dist/ alone, the way scripts/check-budgets.sh does. */
function computedSets(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "spasm-triage.json"), "utf8"));
  const index = readFileSync(join(dir, "index.html"), "utf8");
  const css = [...index.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map((m) => /href="(?:\.\/)?([^"]+)"/.exec(m[0])?.[1])
    .filter(Boolean);
  return {
    standalone: ["index.html", ...css, manifest.glue, manifest.wasm],
    embed: ["spasm-triage.js", "spasm-triage.json", manifest.glue, manifest.wasm],
  };
}

// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const stats = (xs) => (xs ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs } : null);

const NAME_SECTION = /^"[a-z ]+" subsection$|^custom section 'name'( headers)?$/;
function twiggyTop(file, base) {
  if (!file) return null;
  const all = JSON.parse(readFileSync(file, "utf8"));
  const names = all.filter((i) => NAME_SECTION.test(i.name));
  const nameBytes = names.reduce((t, i) => t + i.shallow_size, 0);
  const items = all.filter((i) => !NAME_SECTION.test(i.name)).slice(0, TOP);
  return { nameSectionBytes: nameBytes, base, items: items.map((i) => ({ name: i.name, bytes: i.shallow_size })) };
}

const dist = resolve(args.dist);
const hello = resolve(args.hello);
const m = JSON.parse(readFileSync(args.measure, "utf8"));
const distSizes = sizeTable(dist);
const helloSizes = sizeTable(hello);
const computed = computedSets(dist);
const manifest = JSON.parse(readFileSync(join(dist, "spasm-triage.json"), "utf8"));
const shippedWasm = sizes(join(dist, manifest.wasm)).raw;

const firstLoad = {
  standalone: { ...priced(dist, m.widget.firstLoadFiles, m.widget.firstLoadFileRuns), consistentAcrossRuns: m.widget.firstLoadConsistent },
  embed: { ...priced(dist, m.embed.firstLoadFiles, m.embed.firstLoadFileRuns), consistentAcrossRuns: m.embed.firstLoadConsistent },
  hello: { ...priced(hello, m.hello.firstLoadFiles, m.hello.firstLoadFileRuns), consistentAcrossRuns: m.hello.firstLoadConsistent },
  computedFromDist: { standalone: priced(dist, computed.standalone), embed: priced(dist, computed.embed) },
  serviceWorkerBeforeInteractive: {
    ...priced(dist, m.widget.serviceWorkerBeforeInteractiveFiles),
    requests: m.widget.serviceWorkerBeforeInteractive.length,
    runsWithIt: m.widget.serviceWorkerBeforeInteractiveRuns,
  },
};
const ratio = {
  standalone: firstLoad.standalone.brotli / firstLoad.hello.brotli,
  embed: firstLoad.embed.brotli / firstLoad.hello.brotli,
};
const timings = {
  standaloneInteractive: stats(m.widget.interactiveMs),
  standaloneInteractiveNextFrame: stats(m.widget.interactiveFrameMs),
  standaloneFcp: stats(m.widget.fcpMs),
  standaloneWasmResponseEnd: stats(m.widget.wasmResponseEndMs),
  embedInteractive: stats(m.embed.interactiveMs),
  embedWasmResponseEnd: stats(m.embed.wasmResponseEndMs),
  helloInteractive: stats(m.hello.interactiveMs),
  helloFcp: stats(m.hello.fcpMs),
  helloWasmResponseEnd: stats(m.hello.wasmResponseEndMs),
  result: stats(m.widget.resultMs),
  resultNextFrame: stats(m.widget.resultFrameMs),
};
const twiggy = {
  optimized: twiggyTop(args["twiggy-opt"]),
  beforeWasmOpt: twiggyTop(args["twiggy-pre"]),
  namedWasmBytes: args["named-wasm"] ? statSync(args["named-wasm"]).size : null,
  preWasmBytes: args["pre-wasm"] ? statSync(args["pre-wasm"]).size : null,
  shippedWasmBytes: shippedWasm,
};
const tools = {
  rustc: tryRun("rustc", ["--version"]),
  trunk: tryRun("trunk", ["--version"]),
  wasmBindgen: tryRun("wasm-bindgen", ["--version"]),
  wasmOpt: tryRun("wasm-opt", ["--version"]),
  twiggy: tryRun("twiggy", ["--version"]),
  brotli: tryRun("brotli", ["--version"]),
  gzip: tryRun("gzip", ["--version"]),
  node: process.version,
  chromium: m.chromium,
};
const git = {
  commit: tryRun("git", ["rev-parse", "--short=12", "HEAD"]),
  dirty: (tryRun("git", ["status", "--porcelain", "--untracked-files=no"]) ?? "") !== "",
};

// ---------------------------------------------------------------------------------------------
// Markdown.

const n = (x) => (x === null || x === undefined ? "–" : x.toLocaleString("en-US"));
const kB = (x) => `${(x / 1000).toFixed(1)} kB`;
const ms = (x) => (x === null || x === undefined ? "–" : `${Math.round(x)} ms`);
const code = (s) => "`" + s.replaceAll("|", "\\|") + "`";
const out = [];
const p = (...lines) => out.push(...lines);

p("# spasm-triage performance report", "");
p(`Commit ${git.commit ?? "?"}${git.dirty ? " (with uncommitted changes)" : ""}, ${new Date().toISOString()}. ` +
  `${tools.rustc}; ${tools.trunk}; ${tools.wasmBindgen}; wasm-opt ${tools.wasmOpt}; Chromium ${tools.chromium}; ${tools.twiggy}.`, "");
p("Sizes are bytes of the files on disk: raw, `gzip -9 -n` and `brotli -q 11` (the timing runs' test server sends them " +
  "uncompressed; the Lighthouse runs get the `.br` copies, as a real host would send them). kB = 1000 bytes.", "");

const sizeRows = (t) => {
  p("| file | raw | gzip -9 | brotli -q 11 |", "| --- | ---: | ---: | ---: |");
  for (const r of t.rows) p(`| ${code(r.file)} | ${n(r.raw)} | ${n(r.gzip)} | ${n(r.brotli)} |`);
  p(`| **total** | **${n(t.total.raw)}** | **${n(t.total.gzip)}** | **${n(t.total.brotli)}** |`, "");
};
p("## Sizes: the widget's `dist/`", "", "Every file except `embed-snippet.html` (text for people to copy, never downloaded) " +
  "and the `.br`/`.gz` copies beside the files (their sizes are the gzip and brotli columns).", "");
sizeRows(distSizes);
p("## Sizes: the hello-world baseline (`bench/hello/dist/`)", "");
sizeRows(helloSizes);

p("## First load", "");
p(`What a first visit downloads before the first question is interactive, recorded in Chromium (network ` +
  `responses for the served files, requests started before the "Start the check" button was in the DOM, visible ` +
  `and enabled; for the hello world, before its \`<h1>\` was visible), priced at the brotli size of each file ` +
  `on disk, each file once. Every file that any of the ${m.runs} runs downloaded is listed, with the number of runs ` +
  `that downloaded it before that moment.`, "");
const setTable = (label, set, note) => {
  p(`### ${label}`, "");
  if (note) p(note, "");
  p("| file | runs | raw | brotli |", "| --- | ---: | ---: | ---: |");
  for (const f of set.files) p(`| ${code(f.file)} | ${f.runs}/${m.runs} | ${n(f.raw)} | ${n(f.brotli)} |`);
  p(`| **total** | | **${n(set.raw)}** | **${n(set.brotli)}** (${kB(set.brotli)}) |`, "");
  if (set.consistentAcrossRuns === false) {
    const always = set.files.filter((f) => f.runs === m.runs).reduce((t, f) => t + f.brotli, 0);
    p(`The set differed between runs: the files downloaded in every run make ${n(always)} bytes brotli ` +
      "(each run's set is in report.json, `measure.*.firstLoadPerRun`).", "");
  }
};
setTable("Standalone page (`index.html`)", firstLoad.standalone);
const sw = firstLoad.serviceWorkerBeforeInteractive;
if (sw.requests > 0) {
  const wasmServed = m.widget.servedFirstRun.filter((x) => x.path === manifest.wasm && x.status === 200).length;
  p(`Not counted above: in ${sw.runsWithIt} of ${m.runs} runs the service worker (registered by the page as it mounts, ` +
    `before the first render) had already started caching the built files before the Start button appeared. In the ` +
    `first run, ${sw.requests} of its requests started before that moment, for ${sw.files.map((f) => code(f.file)).join(", ")} ` +
    `(${n(sw.brotli)} bytes brotli): such requests compete with the first render but are not needed for it. Over the whole first ` +
    `run (the load, the walk to the result and 0.5 s more) the server sent the wasm ${wasmServed} time(s)` +
    (wasmServed > 1 ? ": the service worker caches its own copy, a second download from this test server, which sends no cache validators" : "") +
    ".", "");
} else {
  p(`The service worker's caching of every file started only after the Start button appeared, in every run.`, "");
}
setTable("Embed (a host page with the tag from `dist/embed-snippet.html`)", firstLoad.embed);
setTable("Hello world (`bench/hello/`)", firstLoad.hello);
const c = firstLoad.computedFromDist;
p(`Computed from \`dist/\` alone (as \`scripts/check-budgets.sh\` does): standalone ` +
  `${c.standalone.files.map((f) => code(f.file)).join(" + ")} = ${n(c.standalone.brotli)} bytes; embed ` +
  `${c.embed.files.map((f) => code(f.file)).join(" + ")} = ${n(c.embed.brotli)} bytes.`, "");
for (const [label, measured, comp] of [["standalone", firstLoad.standalone, c.standalone], ["embed", firstLoad.embed, c.embed]]) {
  const mf = measured.files.map((f) => f.file);
  const cf = comp.files.map((f) => f.file);
  const extra = mf.filter((f) => !cf.includes(f));
  const missing = cf.filter((f) => !mf.includes(f));
  if (extra.length || missing.length) {
    p(`The measured ${label} set differs from the computed one: ` +
      [extra.length ? `measured also ${extra.map(code).join(", ")}` : "", missing.length ? `not measured ${missing.map(code).join(", ")}` : ""]
        .filter(Boolean).join("; ") + ".", "");
  }
}
p(`**First load, brotli: standalone ${n(firstLoad.standalone.brotli)} bytes (${kB(firstLoad.standalone.brotli)}), ` +
  `embed ${n(firstLoad.embed.brotli)} bytes (${kB(firstLoad.embed.brotli)}); hello world ${n(firstLoad.hello.brotli)} bytes ` +
  `(${kB(firstLoad.hello.brotli)}). Ratio to hello world: standalone ${ratio.standalone.toFixed(2)}×, embed ${ratio.embed.toFixed(2)}×.**`, "");

const lighthouse = args.lighthouse ? JSON.parse(readFileSync(args.lighthouse, "utf8")) : null;
if (lighthouse) {
  p(`## Lighthouse: mobile, served compressed (median of ${lighthouse.runs} runs)`, "");
  p(...lighthouseMarkdown(lighthouse));
}

p(`## Timings (median of ${m.runs} runs)`, "");
const la = m.loadAverage;
p(`Headless Chromium ${m.chromium}, CPU throttled ${m.cpuThrottlingRate}× (CDP \`Emulation.setCPUThrottlingRate\`), ` +
  `a fresh browser context (empty cache, no service worker) per run, files from a loopback server without compression. ` +
  `Times from \`performance.now()\` in the page (0 = navigation start); the result time runs from the click event's ` +
  `\`timeStamp\` on "See my result" (the review page, after "No" to every warning sign and mild answers, as ` +
  `\`tests/e2e/journey.mjs\` answers) to the result heading ("${m.widget.resultHeadline}") in the DOM and visible. ` +
  `Load average before/after: ${la.before.map((x) => x.toFixed(2)).join(", ")} / ${la.after.map((x) => x.toFixed(2)).join(", ")} ` +
  `(${tryRun("nproc", []) ?? "?"} cores)` +
  (m.cpu ? `; during the runs the cores were ${m.cpu.busyPercent.toFixed(0)}% busy (this benchmark and anything else), ` +
    `and ${m.cpu.stealPercent.toFixed(0)}% of their time was stolen by the hypervisor` : "") +
  `. Other work on the machine inflates these times; compare medians from one quiet machine.`, "");
p("| page | from → to | median | min | max |", "| --- | --- | ---: | ---: | ---: |");
const trow = (page, what, s) => s && p(`| ${page} | ${what} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} |`);
trow("standalone", "navigation → Start button visible and enabled", timings.standaloneInteractive);
trow("standalone", "navigation → first contentful paint", timings.standaloneFcp);
trow("standalone", "navigation → wasm downloaded (responseEnd)", timings.standaloneWasmResponseEnd);
trow("embed", "navigation → Start button visible and enabled", timings.embedInteractive);
trow("embed", "navigation → wasm downloaded (responseEnd)", timings.embedWasmResponseEnd);
trow("hello world", "navigation → `<h1>` visible", timings.helloInteractive);
trow("hello world", "navigation → first contentful paint", timings.helloFcp);
trow("standalone", "click on \"See my result\" → result heading visible", timings.result);
p("");
p(`Ratio of medians, time to interactive: standalone ${(timings.standaloneInteractive.median / timings.helloInteractive.median).toFixed(2)}× ` +
  `the hello world, embed ${(timings.embedInteractive.median / timings.helloInteractive.median).toFixed(2)}×.`, "");
for (const [label, page] of [["standalone", m.widget], ["embed", m.embed], ["hello world", m.hello]]) {
  const missing = page.servedFirstRun.filter((x) => x.status !== 200).map((x) => x.path);
  if (page.errors.length) p(`Console errors (${label}): ${page.errors.map(code).join("; ")}`, "");
  if (missing.length) p(`Not found (${label}, first run): ${missing.map(code).join(", ")}`, "");
  if (page.otherOrigins.length) p(`Requests to other origins (${label}): ${page.otherOrigins.map((x) => code(x.url)).join(", ")}`, "");
}
p("## Largest contributors to the wasm (twiggy)", "");
const opt = twiggy.optimized;
if (opt) {
  p(`The shipped wasm (\`${manifest.wasm}\`, ${n(shippedWasm)} bytes) has no names (the release profile strips them), ` +
    `so twiggy would show only \`code[N]\` and \`data[N]\`. This table is \`twiggy top\` on a copy built the same way ` +
    `but with names kept: \`CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_DEBUG=false cargo build --release\`, ` +
    `\`wasm-bindgen --target=web\`, then \`wasm-opt -Oz -g\` with the flags of \`index.html\` ` +
    `(\`-g\` keeps the name section). That copy is ${n(twiggy.namedWasmBytes)} bytes, ${n(opt.nameSectionBytes)} of them ` +
    `names; without those, ${n(twiggy.namedWasmBytes - opt.nameSectionBytes)} bytes against the shipped ${n(shippedWasm)}, ` +
    `so the item sizes are those of the shipped file. The name section rows are left out; % is of the shipped wasm.`, "");
  p("| # | bytes | % | item |", "| ---: | ---: | ---: | --- |");
  opt.items.forEach((i, k) => p(`| ${k + 1} | ${n(i.bytes)} | ${((100 * i.bytes) / shippedWasm).toFixed(2)}% | ${code(i.name)} |`));
  const sum = opt.items.reduce((t, i) => t + i.bytes, 0);
  p(`| | ${n(sum)} | ${((100 * sum) / shippedWasm).toFixed(1)}% | top ${opt.items.length} together |`, "");
}
const pre = twiggy.beforeWasmOpt;
if (pre) {
  const base = twiggy.preWasmBytes - pre.nameSectionBytes;
  p(`Before wasm-opt (the wasm-bindgen output of the same named build, ${n(base)} bytes without names): wasm-opt's ` +
    `inlining has not yet merged the components' \`run\` functions into Yew's generic \`view\`, so the names say which ` +
    `component the code is, and rustc's one \`.rodata\` segment is still whole. Sizes here are before optimisation.`, "");
  p("| # | bytes | % | item |", "| ---: | ---: | ---: | --- |");
  pre.items.forEach((i, k) => p(`| ${k + 1} | ${n(i.bytes)} | ${((100 * i.bytes) / base).toFixed(2)}% | ${code(i.name)} |`));
  p("");
}
if (args.budgets) {
  p("## Budgets (`scripts/check-budgets.sh`)", "", "```", readFileSync(args.budgets, "utf8").trimEnd(), "```", "");
}

const markdown = out.join("\n");
const json = {
  generated: new Date().toISOString(),
  git,
  tools,
  sizes: { dist: distSizes, hello: helloSizes },
  firstLoad,
  ratio,
  lighthouse,
  timings: { runs: m.runs, cpuThrottlingRate: m.cpuThrottlingRate, loadAverage: m.loadAverage, cpu: m.cpu, ms: timings, resultHeadline: m.widget.resultHeadline },
  twiggy,
  measure: { widget: m.widget, embed: m.embed, hello: m.hello },
};
if (args["out-md"]) writeFileSync(args["out-md"], markdown + "\n");
if (args["out-json"]) writeFileSync(args["out-json"], JSON.stringify(json, null, 2) + "\n");
process.stdout.write(markdown + "\n");
