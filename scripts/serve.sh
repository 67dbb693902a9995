#!/usr/bin/env bash
# Serves the demo page (index.html) with the widget at http://127.0.0.1:8080/, or the practice's
# set-up page. Installs what is missing first (see scripts/setup.sh).
#
#   scripts/serve.sh [ARGS]            # `trunk serve`: a debug build, rebuilt on every change; ARGS
#                                      # go to trunk serve, e.g. `scripts/serve.sh --port 9000`
#   scripts/serve.sh --setup [ARGS]    # the set-up page instead (its own wasm), a debug build at
#                                      # http://127.0.0.1:8080/, without the loader's integrity hash
#                                      # (a debug build has none); one at a time, so a change
#                                      # rebuilds one wasm, not two
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
if [ "${1:-}" = "--setup" ]; then
  shift
  exec trunk serve setup.html --dist target/dist-setup-debug "$@"
fi
exec trunk serve "$@"
