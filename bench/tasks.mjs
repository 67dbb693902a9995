// Start-up long tasks of the widget's standalone page (issue 19): loads dist/ in Chromium with 4x
// CPU throttling, records a performance trace, and prints every main-thread task over 50 ms (and
// what ran inside it: script, wasm compile/instantiate, style, layout), plus the total blocking time
// after the first contentful paint. For profiling by hand; scripts/bench.sh reports Lighthouse's TBT.
//
//   node bench/tasks.mjs [--dist dist] [--path /] [--cpu 4] [--runs 3]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "../tests/e2e/node_modules/playwright-core/index.mjs";
import { TYPES } from "../tests/e2e/content-types.mjs";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string", default: "dist" },
    path: { type: "string", default: "/" },
    cpu: { type: "string", default: "4" },
    runs: { type: "string", default: "3" },
  },
});
const root = resolve(args.dist);
const server = createServer(async (req, res) => {
  let path = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  try {
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(await readFile(path));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });

const NAMES = {
  "v8.compile": "compile script",
  EvaluateScript: "evaluate script",
  FunctionCall: "function call",
  "v8.wasm.streamFromResponseCallback": "wasm stream",
  "wasm.SyncInstantiate": "wasm instantiate",
  "wasm.OnCompilationSucceeded": "wasm compiled",
  "wasm.CompileLazy": "wasm lazy compile",
  "v8.wasm.compileConsume": "wasm streaming compile",
  "wasm.FinishStreaming": "wasm finish streaming",
  "CustomElementReactionQueue::invokeReactions": "first screens painted by the loader",
  RunMicrotasks: "microtasks",
  UpdateLayoutTree: "style",
  Layout: "layout",
  Paint: "paint",
  ParseHTML: "parse HTML",
  TimerFire: "timer",
  FireAnimationFrame: "animation frame",
  EventDispatch: "event",
  "V8.GCScavenger": "gc",
  MajorGC: "gc",
  MinorGC: "gc",
};

for (let run = 0; run < Number(args.runs); run++) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(args.cpu) });
  await browser.startTracing(page, { categories: ["devtools.timeline", "v8", "v8.wasm", "blink", "disabled-by-default-devtools.timeline"] });
  await page.goto(origin + args.path);
  // A fixed wait, not a polling one: the test driver's own scripts would show up as page tasks.
  await page.waitForTimeout(4000);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === "thread_name" && e.args.name === "CrRendererMain");
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const fcp = events.find((e) => e.name === "firstContentfulPaint");
  const nav = events.find((e) => e.name === "navigationStart" && e.pid === main.pid);
  const t0 = nav?.ts ?? on[0].ts;
  const tasks = on.filter((e) => e.name === "RunTask" && e.dur > 50_000).sort((a, b) => a.ts - b.ts);
  let tbt = 0;
  console.log(`run ${run + 1}: first contentful paint at ${fcp ? ((fcp.ts - t0) / 1000).toFixed(0) : "?"} ms`);
  for (const task of tasks) {
    const end = task.ts + task.dur;
    if (fcp && task.ts >= fcp.ts) tbt += task.dur / 1000 - 50;
    const inside = {};
    for (const e of on) {
      if (e === task || e.ts < task.ts || e.ts + e.dur > end || !NAMES[e.name]) continue;
      const name = NAMES[e.name] + (e.args?.data?.url ? ` ${e.args.data.url.split("/").pop()}` : "");
      inside[name] = (inside[name] ?? 0) + e.dur / 1000;
    }
    const parts = Object.entries(inside).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${d.toFixed(0)}`).join(", ");
    console.log(`  ${((task.ts - t0) / 1000).toFixed(0).padStart(5)} ms: ${(task.dur / 1000).toFixed(0).padStart(4)} ms  (${parts})`);
  }
  console.log(`  blocking time after FCP (tasks over 50 ms): ${tbt.toFixed(0)} ms`);
  await context.close();
}
await browser.close();
server.close();
