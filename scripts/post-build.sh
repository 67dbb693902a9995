#!/usr/bin/env sh
# Trunk post-build hook: writes spasm-triage.json (the hashed wasm and glue names the loader reads)
# and embed-snippet.html (the tag to paste, with the loader's Subresource Integrity hash), and
# prints the snippet. The loader's own name and content are stable, so its hash changes only when
# loader/spasm-triage.js does.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
glue="$(cd "$dir" && ls spasm-triage-*.js | head -n 1)"
wasm="$(cd "$dir" && ls spasm-triage-*_bg.wasm | head -n 1)"
printf '{"glue":"%s","wasm":"%s"}\n' "$glue" "$wasm" > "$dir/spasm-triage.json"
sri="sha384-$(openssl dgst -sha384 -binary "$dir/spasm-triage.js" | openssl base64 -A)"
base="${SPASM_EMBED_BASE:-http://127.0.0.1:8080/}"
cat > "$dir/embed-snippet.html" <<SNIPPET
<script src="${base}spasm-triage.js" integrity="${sri}" crossorigin="anonymous" defer></script>
<spasm-triage data-practice-name="Riverside Family Practice" data-phone="+1 555 010 2000"
  data-booking-url="https://example.org/book" data-emergency-number="911"></spasm-triage>
SNIPPET
echo "spasm-triage: paste this where the widget should appear:"
cat "$dir/embed-snippet.html"
