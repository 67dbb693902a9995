#!/usr/bin/env sh
# Trunk post-build hook: writes spasm-triage.json (the hashed wasm and glue names the loader reads),
# sw.js (the service worker, with the list of every built file and a version from their contents),
# and embed-snippet.html (the tag to paste, with the loader's Subresource Integrity hash), and
# prints the snippet; first it minifies the wasm-bindgen glue and the loader with terser. The
# loader's own name and content are stable, so its hash changes only when loader/spasm-triage.js
# (or the pinned terser) does.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
glue="$(cd "$dir" && ls spasm-triage-*.js | head -n 1)"
wasm="$(cd "$dir" && ls spasm-triage-*_bg.wasm | head -n 1)"

# The wasm-bindgen glue, minified (about 1.7 kB less brotli on every first load; Trunk's own
# minifier cannot read this glue). index.html preloads it with an integrity hash, which is
# recomputed for the minified file.
command -v terser >/dev/null || { echo "post-build: terser is missing: run scripts/setup.sh" >&2; exit 1; }
sha384() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }
before="$(sha384 "$dir/$glue")"
terser "$dir/$glue" --module --compress --mangle --output "$dir/$glue.min"
mv "$dir/$glue.min" "$dir/$glue"
after="$(sha384 "$dir/$glue")"
if grep -q "$before" "$dir/index.html"; then
  sed -i "s|$before|$after|" "$dir/index.html"
fi
# The manifest the loader reads: the glue's and the wasm's names and integrity hashes, which the
# loader checks before it runs either (a changed file on a CDN is refused, never run). The loader
# carries the manifest's own hash, so the tag's integrity hash pins every file of the release.
printf '{"glue":"%s","glueIntegrity":"%s","wasm":"%s","wasmIntegrity":"%s"}\n' \
  "$glue" "$after" "$wasm" "$(sha384 "$dir/$wasm")" > "$dir/spasm-triage.json"
sed -i "s|__MANIFEST_INTEGRITY__|$(sha384 "$dir/spasm-triage.json")|" "$dir/spasm-triage.js"
grep -q "__MANIFEST_INTEGRITY__" "$dir/spasm-triage.js" && { echo "post-build: the loader has no manifest hash" >&2; exit 1; }
# The embed loader, minified too (its comments stay in loader/spasm-triage.js): its integrity hash
# below is the minified file's.
terser "$dir/spasm-triage.js" --compress --mangle --output "$dir/spasm-triage.js.min"
mv "$dir/spasm-triage.js.min" "$dir/spasm-triage.js"

root="$(cd "$(dirname "$0")/.." && pwd)"
# The articles' data files (fetched when the library first opens), under names with a hash of
# their content: the spasm-articles tool parses content/ and writes them here, named by the same
# function (spasm_content::build_library) as the names build.rs builds into the wasm.
# scripts/check-budgets.sh checks that the two agree.
cargo run --locked --quiet --manifest-path "$root/Cargo.toml" -p spasm-content --features parse --bin spasm-articles -- "$dir"

# The service worker caches every built file once (never the .br/.gz copies, which are the same
# files compressed); its version changes whenever any file does.
files="$(cd "$dir" && find . -type f ! -name sw.js ! -name embed-snippet.html ! -name '.*' ! -name '*.br' ! -name '*.gz' | sed 's|^\./||' | sort)"
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
