#!/usr/bin/env bash
# Measures the widget's size and speed against a Yew hello world built the same way, and prints a
# markdown report (also written to target/bench/report.md, with target/bench/report.json):
#   - every file of dist/: raw, gzip -9 and brotli -q 11 bytes;
#   - the first load (brotli bytes of what a first visit downloads before the first question is
#     interactive), recorded in Chromium for the standalone page, the embed and the hello world,
#     and its ratio to the hello world's;
#   - the median of BENCH_RUNS runs (default 7) with 4x CPU throttling: navigation -> Start button,
#     and "See my result" -> the result on screen;
#   - Lighthouse (npm lighthouse, pinned in bench/package.json, with Debian's Chromium: CHROME_PATH,
#     default /usr/bin/chromium), mobile preset with simulated throttling, performance only, on the
#     widget's standalone page and the hello world, both served compressed by
#     scripts/static-server.mjs: BENCH_LIGHTHOUSE_RUNS runs each (default 3), interleaved; the
#     medians of score, FCP, LCP, TBT, Speed Index and CLS with the widget / hello world ratios;
#   - the top 20 contributors to the wasm (twiggy, on a copy of the release build with names kept);
#   - scripts/check-budgets.sh's verdict (not fatal here).
# It also updates bench/hello-world-bytes.txt, the hello world's first load that
# scripts/check-budgets.sh compares with (commit it when it changes).
#
#   scripts/bench.sh                 # BENCH_RUNS=5 scripts/bench.sh for a quicker run
#   scripts/bench.sh --lighthouse-only
#       builds both, runs only the Lighthouse part (a few minutes) and prints its table, also
#       written to target/bench/lighthouse.md and lighthouse.json (report.md stays as it was)
set -euo pipefail
lighthouse_only=0
if [ "${1:-}" = "--lighthouse-only" ]; then lighthouse_only=1; shift; fi
[ $# -eq 0 ] || { echo "usage: scripts/bench.sh [--lighthouse-only]" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh >&2 # stdout is the report
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# twiggy 0.7.0 cannot read this wasm (it panics on it, and on bulk-memory opcodes); 0.8.0 can.
TWIGGY_VERSION="0.8.0"
runs="${BENCH_RUNS:-7}"
lighthouse_runs="${BENCH_LIGHTHOUSE_RUNS:-3}"
out="$root/target/bench"
named="$out/named"

say() { printf 'bench: %s\n' "$*" >&2; }

# Lighthouse goes into bench/node_modules, from bench/package-lock.json, like the e2e packages in
# tests/e2e: only this script needs it, so scripts/setup.sh (and the test run) never installs it.
# Installed again only when the lock file changes.
lock="$(sha256sum bench/package-lock.json | cut -d' ' -f1)"
if [ "$(cat bench/node_modules/.spasm-lock 2>/dev/null)" != "$lock" ]; then
  say "installing Lighthouse from npm (bench/package-lock.json)"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error) >&2 # stdout is the report
  echo "$lock" >bench/node_modules/.spasm-lock
fi
mkdir -p "$out"

say "building the widget (scripts/build.sh: trunk build --release, then the set-up page)"
scripts/build.sh >"$out/trunk-widget.log" 2>&1 || { cat "$out/trunk-widget.log" >&2; exit 1; }
say "building the hello world (bench/hello, trunk build --release)"
(cd bench/hello && trunk build --release) >"$out/trunk-hello.log" 2>&1 || { cat "$out/trunk-hello.log" >&2; exit 1; }
# The hello world has no post-build hook: give it the widget's .br/.gz copies too, so Lighthouse
# gets both pages compressed alike.
scripts/compress.sh bench/hello/dist

# Lighthouse on both pages, served as a host would (a few minutes; the timing runs below use their
# own uncompressed test server and are unchanged).
run_lighthouse() {
  say "Lighthouse: $lighthouse_runs runs each of the widget and the hello world, served compressed"
  CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" node bench/lighthouse.mjs --dist dist --hello bench/hello/dist \
    --runs "$lighthouse_runs" --out-json "$out/lighthouse.json" --out-md "$out/lighthouse.md" --reports "$out/lighthouse"
}
if [ "$lighthouse_only" = 1 ]; then
  run_lighthouse
  say "written: target/bench/lighthouse.md, target/bench/lighthouse.json (each run's report in target/bench/lighthouse/)"
  exit 0
fi

if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  say "installing twiggy $TWIGGY_VERSION"
  cargo install --locked twiggy --version "$TWIGGY_VERSION"
fi

# A copy of the release wasm with its names, for twiggy: the same profile but not stripped, then
# wasm-bindgen and wasm-opt as Trunk runs them (level and flags from index.html), plus -g to keep
# the name section. Its own target dir, so the real release build's cache stays valid.
opt_level="$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html | head -n 1)"
read -r -a opt_params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | head -n 1)"
say "building a named copy of the release wasm for twiggy (target/bench/named)"
CARGO_TARGET_DIR="$named" CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_DEBUG=false \
  cargo build --release --locked --target wasm32-unknown-unknown --bin spasm-triage >"$out/cargo-named.log" 2>&1 \
  || { cat "$out/cargo-named.log" >&2; exit 1; }
wasm-bindgen --target=web --out-dir="$named/bindgen" --out-name=spasm-triage --no-typescript \
  "$named/wasm32-unknown-unknown/release/spasm-triage.wasm"
wasm-opt --output="$named/spasm-triage-named_bg.wasm" "-O$opt_level" -g "$named/bindgen/spasm-triage_bg.wasm" "${opt_params[@]}"
# Enough rows that 20 remain once the name section's own rows are left out.
twiggy top -n 40 -f json "$named/spasm-triage-named_bg.wasm" >"$out/twiggy-top.json"
twiggy top -n 40 -f json "$named/bindgen/spasm-triage_bg.wasm" >"$out/twiggy-top-pre-wasm-opt.json"

say "measuring in Chromium: $runs runs each, 4x CPU throttling"
node bench/measure.mjs --dist dist --hello bench/hello/dist --runs "$runs" --cpu 4 >"$out/measure.json"
# After the timing runs, so the two never share the machine.
run_lighthouse >/dev/null

# The hello world's first load, for scripts/check-budgets.sh (which must not need this build).
hello_bytes="$(node -e '
  const m = require(process.argv[1]);
  const { execFileSync } = require("node:child_process");
  const br = (f) => execFileSync("brotli", ["-q", "11", "-c", require("node:path").join(process.argv[2], f)]).length;
  console.log(m.hello.firstLoadFiles.reduce((t, f) => t + br(f), 0));
' "$out/measure.json" "$root/bench/hello/dist")"
hello_files="$(node -e 'console.log(require(process.argv[1]).hello.firstLoadFiles.join(" + "))' "$out/measure.json")"
cat >bench/hello-world-bytes.txt <<EOF
# The Yew hello world's first load, in brotli -q 11 bytes: the files a first visit to
# bench/hello's release build downloaded before its <h1> showed, as recorded in Chromium:
#   $hello_files
# Written by scripts/bench.sh; read by scripts/check-budgets.sh ("first load <= 2.1 x hello world").
$hello_bytes
EOF

set +e
scripts/check-budgets.sh >"$out/budgets.txt" 2>&1
set -e

node bench/report.mjs --measure "$out/measure.json" --dist dist --hello bench/hello/dist \
  --twiggy-opt "$out/twiggy-top.json" --twiggy-pre "$out/twiggy-top-pre-wasm-opt.json" \
  --named-wasm "$named/spasm-triage-named_bg.wasm" --pre-wasm "$named/bindgen/spasm-triage_bg.wasm" \
  --budgets "$out/budgets.txt" --lighthouse "$out/lighthouse.json" --out-md "$out/report.md" --out-json "$out/report.json"
say "written: target/bench/report.md, target/bench/report.json, bench/hello-world-bytes.txt"
