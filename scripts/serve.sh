#!/usr/bin/env bash
# Serves the demo page (index.html) with the widget at http://127.0.0.1:8080/, rebuilding on change.
# Installs what is missing first (see scripts/setup.sh). Extra arguments go to `trunk serve`,
# e.g. `scripts/serve.sh --release --port 9000`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SPASM_SKIP_BROWSER=1 scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
exec trunk serve "$@"
