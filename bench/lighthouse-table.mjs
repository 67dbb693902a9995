// The Lighthouse table of the benchmark, as markdown lines, from the summary bench/lighthouse.mjs
// writes: printed by that script and by `scripts/bench.sh --lighthouse-only`, and part of
// bench/report.mjs's report.

/** The metrics reported, in order: the summary's key, the label, a value's number and its unit. */
export const METRICS = [
  ["score", "Performance score", (x) => x.toFixed(2), ""],
  ["fcp", "First Contentful Paint", (x) => (x / 1000).toFixed(2), " s"],
  ["lcp", "Largest Contentful Paint", (x) => (x / 1000).toFixed(2), " s"],
  ["tbt", "Total Blocking Time", (x) => String(Math.round(x)), " ms"],
  ["si", "Speed Index", (x) => (x / 1000).toFixed(2), " s"],
  ["cls", "Cumulative Layout Shift", (x) => x.toFixed(3), ""],
];

const n = (x) => x.toLocaleString("en-US");

/** Markdown lines: a short note on how it was measured, the table, and the transfer check. */
export function lighthouseMarkdown(s) {
  const out = [];
  const la = s.loadAverage;
  out.push(
    `Lighthouse ${s.lighthouse}, mobile preset (the default form factor: a Moto G Power's screen; simulated ` +
      `throttling, Lighthouse's "slow 4G": 150 ms round trips, 1.6 Mbit/s, CPU 4x slower), performance category only, ` +
      `in headless Chromium ${s.chromium ?? "?"} ` +
      `(\`--no-sandbox\`); ${s.runs} runs of each page, interleaved (widget, hello world, widget, …), each in a fresh ` +
      `browser. Both pages are served compressed by \`scripts/static-server.mjs\` (brotli copies from ` +
      `\`scripts/compress.sh\`, cache headers) from loopback: the widget's standalone page (\`dist/index.html\`) and the ` +
      `Yew hello world (\`bench/hello/dist/\`). Medians, with the runs' range in brackets; the ratio is of the medians. ` +
      `Lighthouse's CPU benchmark index (median): widget runs ${n(Math.round(s.benchmarkIndex.widget))}, hello world runs ` +
      `${n(Math.round(s.benchmarkIndex.hello))}; load average before/after ${la.before.map((x) => x.toFixed(2)).join(", ")} / ` +
      `${la.after.map((x) => x.toFixed(2)).join(", ")}. Simulated throttling scales the tasks this machine ran, so other ` +
      `work on it moves TBT most; compare figures from one run.`,
    "",
  );
  out.push("| metric | widget | hello world | widget / hello world |", "| --- | ---: | ---: | ---: |");
  for (const [key, label, show, unit] of METRICS) {
    const w = s.widget[key];
    const h = s.hello[key];
    const cell = (m) => `${show(m.median)}${unit} (${show(m.min)}–${show(m.max)})`;
    const ratio = h.median === 0 ? (w.median === 0 ? "–" : "– (hello world 0)") : `${(w.median / h.median).toFixed(2)}×`;
    out.push(`| ${label} | ${cell(w)} | ${cell(h)} | ${ratio} |`);
  }
  out.push("");
  const t = s.transfer;
  const wire = (x) =>
    `${n(x.wasm.transfer)} bytes on the wire for its ${n(x.wasm.resource)} (its .br copy is ${n(x.wasm.brotliFile)} bytes); ` +
    `the whole page ${n(x.transfer)} bytes for ${n(x.resource)}`;
  out.push(`Sent compressed, as Lighthouse recorded it in the first run: the widget's wasm ${wire(t.widget)}; the hello world's wasm ${wire(t.hello)}.`, "");
  return out;
}
