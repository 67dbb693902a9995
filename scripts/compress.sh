#!/usr/bin/env bash
# Writes FILE.br (brotli -q 11) and FILE.gz (gzip -9 -n, or zopfli when it is installed) beside the
# wasm and every text file under DIR, so a host can send the smallest form without compressing on
# each request (nginx brotli_static and gzip_static, Caddy's precompressed, scripts/static-server.mjs).
# The post-build hook runs it last, on the finished dist/; scripts/bench.sh runs it on the hello
# world's dist/ so both are served alike.
#
#   scripts/compress.sh DIR          # writes the copies (again: each run rewrites them all)
#   scripts/compress.sh --list DIR   # only prints the files that get copies, one a line, relative
#
# Skipped: embed-snippet.html (text for people to copy, never downloaded) and files that are
# already .br or .gz. A .br or .gz left over from a file that is gone is removed, so DIR never
# offers a compressed copy of nothing. scripts/check-budgets.sh uses --list to check that every
# copy is there and decompresses to exactly its file.
set -euo pipefail

list_only=0
if [ "${1:-}" = "--list" ]; then list_only=1; shift; fi
dir="${1:?usage: scripts/compress.sh [--list] DIR}"
[ -d "$dir" ] || { echo "compress: $dir is not a folder" >&2; exit 2; }
cd "$dir"

# What gets copies: the wasm and the text formats the build writes (the article data files are
# .txt). Images other than SVG are already compressed, so they would not gain.
exts=(wasm html js mjs json css svg webmanifest txt md)
compressible() {
  local names=() e
  for e in "${exts[@]}"; do names+=(-o -name "*.$e"); done
  find . -type f \( "${names[@]:1}" \) ! -path ./embed-snippet.html -print | sed 's|^\./||' | sort
}

if [ "$list_only" = 1 ]; then
  compressible
  exit 0
fi

command -v brotli >/dev/null || { echo "compress: brotli is missing (scripts/setup.sh installs it)" >&2; exit 1; }
# zopfli makes gzip files a few percent smaller, but it is not worth a new tool: use it only when
# the machine already has it.
if command -v zopfli >/dev/null; then
  gz() { zopfli -c "$1"; }
else
  gz() { gzip -9 -n -c "$1"; }
fi

# Each copy goes to a hidden temporary name first (the service worker's list skips dot files), so
# an interrupted run never leaves a half-written copy that a server would send.
declare -A wanted=()
tmp=""
trap 'rm -f "$tmp"' EXIT
while IFS= read -r f; do
  wanted["$f"]=1
  tmp="$(dirname "$f")/.$(basename "$f").tmp"
  brotli -q 11 -c "$f" > "$tmp"
  mv -f "$tmp" "$f.br"
  gz "$f" > "$tmp"
  mv -f "$tmp" "$f.gz"
done < <(compressible)

# Copies of a file that is gone or no longer gets copies (left by an earlier run in the same
# folder). Only copies of the formats above: any other .gz in DIR is a file of its own.
while IFS= read -r c; do
  base="${c%.*}"
  for e in "${exts[@]}"; do
    if [ "${base##*.}" = "$e" ] && [ -z "${wanted[$base]:-}" ]; then rm -f "$c"; fi
  done
done < <(find . -type f \( -name '*.br' -o -name '*.gz' \) -print | sed 's|^\./||')
