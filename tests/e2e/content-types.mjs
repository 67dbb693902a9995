// The content type of each file the built site serves, shared by the test harness and the benchmark.
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  // The articles' data files (articles-xx-<hash>.txt).
  ".txt": "text/plain; charset=utf-8",
};
