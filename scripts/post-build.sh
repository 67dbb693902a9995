#!/usr/bin/env sh
# Trunk post-build hook: completes the loader (the hashed glue and wasm names with their integrity
# hashes, the prerendered first screens, the widget's stylesheet), takes Trunk's inline script out of
# index.html (the loader starts the widget there too), writes spasm-triage.json (the same names and
# hashes, for tools), sw.js (the service worker, with the list of every built file and a version
# from their contents), and embed-snippet.html (the tag to paste, with the loader's Subresource
# Integrity hash), and prints the snippet; it minifies the wasm-bindgen glue and the loader with
# terser. The loader carries the hashes of the release's files, so its own hash changes with every
# release (README: "Moving to a new release").
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
# The set-up page's own build (scripts/build.sh: `trunk build --release setup.html`) is none of
# this: it has no loader, no service worker and no articles of its own; scripts/build.sh merges it
# into dist/setup/ after this hook has written the widget's sw.js, so the worker never lists it.
case "${TRUNK_HTML_FILE:-}" in */setup.html|setup.html) echo "post-build: the set-up page, nothing to do"; exit 0 ;; esac
glue="$(cd "$dir" && ls spasm-triage-*.js | head -n 1)"
wasm="$(cd "$dir" && ls spasm-triage-*_bg.wasm | head -n 1)"

command -v terser >/dev/null || { echo "post-build: terser is missing: run scripts/setup.sh" >&2; exit 1; }
# The hashes the loader carries are SHA-256 (as strong a check as SRI's longer ones against a
# changed file, and 20 characters shorter each, which brotli cannot squeeze: every page with the tag
# downloads them).
sri() { printf 'sha256-%s' "$(openssl dgst -sha256 -binary "$1" | openssl base64 -A)"; }
# Only once: a second run on the same folder (tests/e2e/offline.test.mjs does one) finds the glue,
# the wasm and the loader done (the loader has no placeholders left) and leaves them.
fresh=0
if grep -q "__GLUE__" "$dir/spasm-triage.js"; then fresh=1; fi
if [ "$fresh" = 1 ]; then
  # The wasm-bindgen glue, minified (about 1.7 kB less brotli on every first load; Trunk's own
  # minifier cannot read this glue).
  terser "$dir/$glue" --module --compress --mangle --output "$dir/$glue.min"
  mv "$dir/$glue.min" "$dir/$glue"
  # Named by their final bytes: Trunk names them by the compiler's output, before wasm-bindgen,
  # wasm-opt and terser, so a release that changed only those tools would keep the names with new
  # bytes, and a returning visitor's cache (hashed files are served as immutable) would hold the
  # old ones, which the new loader's integrity hashes refuse.
  named() { printf 'spasm-triage-%s' "$(sha256sum "$1" | cut -c1-16)"; }
  new_wasm="$(named "$dir/$wasm")_bg.wasm"
  mv "$dir/$wasm" "$dir/$new_wasm"
  sed -i "s|$wasm|$new_wasm|g" "$dir/$glue" # the glue's default path for the wasm (the loader gives it)
  wasm="$new_wasm"
  new_glue="$(named "$dir/$glue").js"
  mv "$dir/$glue" "$dir/$new_glue"
  glue="$new_glue"
fi
after="$(sri "$dir/$glue")"
root="$(cd "$(dirname "$0")/.." && pwd)"
wasm_sri="$(sri "$dir/$wasm")"
# The standalone page loads the widget through the loader, like any host page (which paints the
# first screen first, then fetches the glue and the wasm, and shows the could-not-load note if they
# never arrive): Trunk's inline module script, which would start the wasm on its own (and which a
# strict Content-Security-Policy blocks), goes, and so do its preload links, which would take the
# first screen's bandwidth.
perl -0pi -e 's|<script type="module">.*?</script>\n?||s; s|<link rel="modulepreload"[^>]*>||g; s|<link rel="preload"[^>]*>||g' "$dir/index.html"
if grep -qE '<script type="module"|rel="(module)?preload"' "$dir/index.html"; then echo "post-build: Trunk's script or preloads are still in index.html" >&2; exit 1; fi
# A record of the release's files and their hashes, for tools and hosts (scripts/check-budgets.sh,
# bench/); the loader carries the same names and hashes itself and never fetches this.
printf '{"glue":"%s","glueIntegrity":"%s","wasm":"%s","wasmIntegrity":"%s"}\n' \
  "$glue" "$after" "$wasm" "$wasm_sri" > "$dir/spasm-triage.json"
# The loader carries the glue's and the wasm's names and hashes and checks each before it runs it
# (a changed file on a CDN is refused, never run), so the tag's integrity hash pins every file of
# the release; then the prerendered first screens and the widget's stylesheet (spasm-prerender).
if [ "$fresh" = 1 ]; then
  sed -i -e "s|__GLUE__|$glue|" -e "s|__GLUE_INTEGRITY__|$after|" -e "s|__WASM__|$wasm|" -e "s|__WASM_INTEGRITY__|$wasm_sri|" \
    "$dir/spasm-triage.js"
  # The first screens and the stylesheet into the loader, the kiosk's screens into modes.js.
  cargo run --locked --quiet --manifest-path "$root/Cargo.toml" -p spasm-triage --features prerender --bin spasm-prerender -- "$dir/spasm-triage.js" "$dir/modes.js"
  # The module the loader imports on demand (the launcher, the isolation mode and the kiosk's first
  # screens), minified, with its hash in the loader.
  terser "$dir/modes.js" --module --compress --mangle --output "$dir/modes.js.min"
  mv "$dir/modes.js.min" "$dir/modes.js"
  sed -i "s|__MODES_INTEGRITY__|$(sri "$dir/modes.js")|" "$dir/spasm-triage.js"
  if grep -qE "__(GLUE|WASM|MODES)[A-Z_]*__" "$dir/spasm-triage.js" || grep -q "__KIOSK_SCREENS__" "$dir/modes.js"; then echo "post-build: the loader misses a file's name or hash" >&2; exit 1; fi
  # The loader, minified too (its comments stay in loader/spasm-triage.js), in ASCII only: a classic
  # script on a host page that does not say UTF-8 would garble the Spanish screen otherwise. Its
  # integrity hash below is the minified file's.
  terser "$dir/spasm-triage.js" --compress --mangle --format ascii_only=true --output "$dir/spasm-triage.js.min"
  mv "$dir/spasm-triage.js.min" "$dir/spasm-triage.js"
fi

# frame.html, the page the isolation mode (data-isolation="frame", loader/modes.js) frames: the
# standalone page's twin whose element is not the page's (so it registers no service worker, reads
# no hand-off link and points its own links at the folder, as an embed does) and keeps the answers
# in its own origin's storage; modes.js runs first (module scripts run in order) to take the host's
# settings from the address. It pins both scripts with their hashes: the browser fetches frame.html
# itself as a page, which nothing can pin (README: the isolation mode).
MODES="$(sri "$dir/modes.js")" LOADER="$(sri "$dir/spasm-triage.js")" perl -0p -e 's|<spasm-triage id="spasm-triage"|<spasm-triage|; s|<script src="spasm-triage.js"></script>|<script type="module" src="modes.js" integrity="$ENV{MODES}"></script>\n  <script type="module" src="spasm-triage.js" integrity="$ENV{LOADER}"></script>|' \
  "$dir/index.html" > "$dir/frame.html"
if ! grep -q 'src="modes.js" integrity="sha256-' "$dir/frame.html" || grep -q 'id="spasm-triage"' "$dir/frame.html"; then echo "post-build: frame.html not made" >&2; exit 1; fi

# The articles' data files (fetched when the library first opens), under names with a hash of
# their content: the spasm-articles tool parses content/ and writes them here, named by the same
# function (spasm_content::build_library) as the names build.rs builds into the wasm.
# scripts/check-budgets.sh checks that the two agree.
cargo run --locked --quiet --manifest-path "$root/Cargo.toml" -p spasm-content --features parse --bin spasm-articles -- "$dir"

# The service worker caches every built file once (never the .br/.gz copies, which are the same
# files compressed); its version changes whenever any file does.
# The set-up page (dist/setup/, merged after this hook) is never listed: no patient needs it.
files="$(cd "$dir" && find . -type f ! -path './setup/*' ! -name sw.js ! -name embed-snippet.html ! -name '.*' ! -name '*.br' ! -name '*.gz' | sed 's|^\./||' | sort)"
version="$(cd "$dir" && printf '%s\n' $files | xargs sha256sum | sha256sum | cut -c1-16)"
list="$(printf '%s\n' $files | sed 's/.*/"&"/' | paste -sd, -)"
sed -e "s/__VERSION__/$version/" -e "s|__FILES__|[$list]|" "$root/loader/sw.template.js" > "$dir/sw.js"

sri="sha384-$(openssl dgst -sha384 -binary "$dir/spasm-triage.js" | openssl base64 -A)"
base="${SPASM_EMBED_BASE:-http://127.0.0.1:8080/}"
cat > "$dir/embed-snippet.html" <<SNIPPET
<script src="${base}spasm-triage.js" integrity="${sri}" crossorigin="anonymous" defer></script>
<spasm-triage data-practice-name="Riverside Family Practice" data-phone="+1 555 010 2000"
  data-booking-url="https://example.org/book" data-emergency-number="911">
  If this box stays empty and it is an emergency, call 911.
</spasm-triage>
SNIPPET
echo "spasm-triage: paste this where the widget should appear:"
cat "$dir/embed-snippet.html"
# Last, so every file above has its .br and .gz copies beside it, for hosts that send them as is.
bash "$root/scripts/compress.sh" "$dir"
