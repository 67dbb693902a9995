#!/usr/bin/env bash
# Runs every test tier, installing what is missing first (see scripts/setup.sh):
#   1. formatting and clippy (host and wasm32), then native: engine unit tests, safety-invariant
#      property tests, vignettes, the spec's tables, the rules table, the articles' tie to the rules;
#   2. component tests of the widget in headless Chromium (wasm-bindgen-test);
#   3. the release build (scripts/build.sh: the widget, then the set-up page) and its byte budgets (scripts/check-budgets.sh), then end-to-end tests of the
#      build served locally, in Chromium, and the main journeys in WebKit too
#      (tests/e2e/webkit.test.mjs, WebKitGTK through WebKitWebDriver on a virtual X display;
#      SPASM_NO_WEBKIT=1 leaves them out).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n==== %s\n' "$*"; }

step "1/3 formatting and lints (cargo fmt --check, clippy -D warnings on the host and on wasm32), then native tests (cargo test)"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# The first-screen prerenderer (the widget crate natively, with Yew's server renderer) too.
cargo clippy -p spasm-triage --features prerender --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p spasm-core -p spasm-triage --lib --bins --test components -- -D warnings
# The practice's set-up page (cargo feature setup: its binary, src/preview.rs, spasm_core::setup).
cargo clippy --workspace --all-targets --features setup -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p spasm-triage --features setup --lib --bins -- -D warnings
# The core is pure by construction: none of the web crates anywhere in its dependency tree.
if cargo tree -p spasm-core -e normal,build --prefix none | grep -E '^(yew|web-sys|js-sys|gloo|wasm-bindgen)'; then
  echo "spasm-core depends on a web crate (above): the core must stay pure" >&2
  exit 1
fi
# The web layer's spine: views read the widget's state from src/state.rs, never from the app
# module (no app <-> components cycle).
if grep -rnE "crate::app\b|super::app\b" src/components src/components.rs src/state.rs src/hooks.rs | grep -vE ":[0-9]+:\s*//"; then
  echo "a view imports the app module (above): views read their state from src/state.rs" >&2
  exit 1
fi
cargo test --workspace
cargo test -p spasm-triage --features prerender --bin spasm-prerender

step "2/3 component tests in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test components

step "3/3 byte budgets and end-to-end tests of the release build (Chromium, and WebKit)"
# The widget into dist/, then the set-up page merged into dist/setup/ (scripts/build.sh).
scripts/build.sh
scripts/check-budgets.sh
# A test-only build whose widget panics on purpose (cargo feature crash-test), for the crash test.
trunk build --release --features crash-test --dist target/dist-crash
# Every tests/e2e/*.test.mjs: Chromium through playwright-core, and webkit.test.mjs in WebKit.
node --test --test-concurrency=1 tests/e2e/
