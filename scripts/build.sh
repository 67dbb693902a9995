#!/usr/bin/env bash
# The release build, in two steps (Trunk builds one wasm per HTML file and empties its dist on each
# build):
#   1. the widget: `trunk build --release` into dist/ (its post-build hook completes the loader,
#      writes sw.js, the embed snippet and the compressed copies);
#   2. the practice's set-up page (setup.html, its own wasm: src/bin/spasm-setup.rs) into
#      target/dist-setup, then merged into dist/setup/ with the loader's integrity hash written into
#      its page, and its own .br/.gz copies. After step 1 on purpose: the service worker never lists
#      or caches a set-up file, and no patient's page ever asks for one.
#
#   scripts/build.sh [TRUNK ARGS]   # e.g. SPASM_EMBED_BASE=https://cdn.example/2026.12.1/ scripts/build.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
trunk build --release "$@"
trunk build setup.html --release --dist target/dist-setup
sri="$(grep -o 'integrity="sha384-[^"]*"' dist/embed-snippet.html | head -n 1 | sed 's/integrity="\(.*\)"/\1/')"
[ -n "$sri" ] || { echo "build: no integrity hash in dist/embed-snippet.html" >&2; exit 1; }
rm -rf dist/setup
mkdir -p dist/setup
cp -R target/dist-setup/. dist/setup/
page=dist/setup/index.html
[ -f "$page" ] || mv dist/setup/setup.html "$page"
sed -i "s|__LOADER_INTEGRITY__|$sri|" "$page"
grep -q "content=\"$sri\"" "$page" || { echo "build: the set-up page did not get the loader's hash" >&2; exit 1; }
bash scripts/compress.sh dist/setup
echo "spasm-triage: the set-up page is dist/setup/ (for staff; no patient's page or service worker asks for it)"
