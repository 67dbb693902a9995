#!/usr/bin/env bash
# Installs everything spasm-triage needs, skipping what is already there at the right version.
# Fetches only from package registries (crates.io, npm, Debian). Safe to run again and again.
#
#   wasm32-unknown-unknown target   rustup
#   trunk 0.21.14                   cargo install (into ~/.cargo/bin)
#   wasm-bindgen-cli = Cargo.lock   cargo install (into ~/.cargo/bin)
#   wasm-opt (binaryen 132)         npm, linked into ~/.cargo/bin so Trunk finds it on PATH
#   terser 5.51.4                   npm, linked into ~/.cargo/bin (scripts/post-build.sh minifies the
#                                   wasm-bindgen glue with it)
#   chromium + chromium-driver      apt (browser test tiers); brotli (size report); poppler-utils (PDF text)
#   webkit2gtk-driver + xvfb        apt: WebKitWebDriver drives WebKitGTK (the engine of every iPhone
#                                   browser) for tests/e2e/webkit.test.mjs, on a virtual X display;
#                                   left out with SPASM_NO_WEBKIT=1
#   playwright-core, axe-core,      npm, in tests/e2e (drive Debian's Chromium; accessibility rules;
#   jsqr, pngjs                     read the QR codes the widget draws)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
TERSER_VERSION="5.51.4"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
tools_dir="${SPASM_TOOLS_DIR:-$HOME/.local/share/spasm-triage-tools}"

say() { printf 'setup: %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  # Not --locked: the CLI's own lock file pins a yanked webpki-roots.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock)"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! "$cargo_bin/wasm-opt" --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
  # Debian's binaryen (108) cannot read current rustc output; npm's binaryen ships a working one.
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  mkdir -p "$tools_dir"
  npm install --prefix "$tools_dir" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
  ln -sf "$tools_dir/node_modules/.bin/wasm-opt" "$cargo_bin/wasm-opt"
fi

if [ "$("$cargo_bin/terser" --version 2>/dev/null)" != "terser $TERSER_VERSION" ]; then
  say "installing terser $TERSER_VERSION from npm (minifies the wasm-bindgen glue)"
  mkdir -p "$tools_dir"
  npm install --prefix "$tools_dir" --no-audit --no-fund --loglevel=error "terser@$TERSER_VERSION"
  ln -sf "$tools_dir/node_modules/.bin/terser" "$cargo_bin/terser"
fi

if [ "${SPASM_SKIP_BROWSER:-0}" != 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  if [ "${SPASM_NO_WEBKIT:-0}" != 1 ]; then
    command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
    command -v Xvfb >/dev/null || missing+=(xvfb)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# End-to-end test driver: playwright-core only (it never downloads a browser; Debian's is used).
if [ "${SPASM_SKIP_BROWSER:-0}" != 1 ]; then
  e2e="$root/tests/e2e"
  want="$(sha256sum "$e2e/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$e2e/node_modules/.spasm-lock" 2>/dev/null)" != "$want" ]; then
    say "installing the end-to-end test packages (playwright-core, axe-core, jsqr, pngjs)"
    (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$e2e/node_modules/.spasm-lock"
  fi
fi

say "ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION, $("$cargo_bin/wasm-opt" --version 2>/dev/null | head -1), $("$cargo_bin/terser" --version)"
