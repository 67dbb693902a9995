#!/usr/bin/env bash
# Serves the demo page (index.html) with the widget at http://127.0.0.1:8080/, and the practice's
# set-up page. Installs what is missing first (see scripts/setup.sh).
#
#   scripts/serve.sh [ARGS]            # `trunk serve`: a debug build, rebuilt on every change; ARGS
#                                      # go to trunk serve, e.g. `scripts/serve.sh --port 9000`. The
#                                      # set-up page is a second `trunk serve` (its own wasm) at
#                                      # http://127.0.0.1:8081/ (SPASM_SETUP_PORT), without the
#                                      # loader's integrity hash (a debug build has none)
#   scripts/serve.sh --release [ARGS]  # the release build as a patient gets it: scripts/build.sh
#                                      # (the widget, then the set-up page into dist/setup/), then
#                                      # scripts/static-server.mjs serves dist/ with its .br/.gz
#                                      # copies and cache headers (no rebuild on change); the set-up
#                                      # page is http://127.0.0.1:8080/setup/; ARGS go to the
#                                      # server, e.g. `--port 9000`
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SPASM_SKIP_BROWSER=1 scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if [ "${1:-}" = "--release" ]; then
  shift
  scripts/build.sh
  # The server prints the address it listens on; a later --port or --host in ARGS wins.
  exec node scripts/static-server.mjs --dir dist --port 8080 "$@"
fi
# The set-up page in debug mode: its own trunk serve, into a folder of its own, stopped with this one.
setup_port="${SPASM_SETUP_PORT:-8081}"
trunk serve setup.html --port "$setup_port" --dist target/dist-setup-debug --no-autoreload &
setup_pid=$!
trap 'kill "$setup_pid" 2>/dev/null || true' EXIT INT TERM
echo "serve: the set-up page (debug) at http://127.0.0.1:$setup_port/"
trunk serve "$@"
