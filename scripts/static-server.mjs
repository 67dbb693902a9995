#!/usr/bin/env node
// Serves a built site the way a well-set-up host does, so what developers measure is what patients
// get. Node 20, no npm packages.
//
//   node scripts/static-server.mjs --dir dist --port 8080 [--host 127.0.0.1]
//
// - Compression: the .br and .gz copies that scripts/compress.sh writes beside each file are sent
//   in its place when the request's Accept-Encoding allows (br first, then gzip, else the file as
//   it is), with Content-Encoding, the original file's Content-Type and "Vary: Accept-Encoding".
//   Nothing is compressed on the fly: a file without copies is sent as it is.
// - Caching: a file whose name carries a content hash (Trunk's "name-<hex>.ext" and
//   "name-<hex>_bg.wasm", the articles' "articles-xx-<hex>.txt") never changes under that name, so
//   it is "public, max-age=31536000, immutable". Every other file (index.html, sw.js, the loader
//   spasm-triage.js, its manifest spasm-triage.json, manifest.webmanifest, icon.svg) is "no-cache":
//   the browser may keep it but asks each time, and gets 304 Not Modified when its ETag (a hash of
//   the bytes sent, so each encoding has its own) still matches.
// - A folder's URL serves its index.html (without the trailing slash: a redirect to it, so the
//   page's relative URLs work). GET and HEAD only.
// - Refused: any path that leaves --dir (also through a symbolic link), dot files, and direct
//   requests for the .br/.gz copies (404: a copy is only ever sent as the encoding of its file,
//   never as a file of its own under a wrong type). Not found: 404 with a plain-text body.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import { basename, extname, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { TYPES } from "../tests/e2e/content-types.mjs";

const USAGE = "usage: node scripts/static-server.mjs --dir DIR [--port 8080] [--host 127.0.0.1]";

// Trunk names hashed files "<name>-<hex>" where <hex> is a 64-bit hash printed without leading
// zeros, so usually 16 digits and sometimes fewer (the wasm's is 15 in some builds). Eight or more
// hex digits right before the extension (or before "_bg.wasm"): no unhashed file of the build
// ends like that, and a hash shorter than 8 digits happens once in 4 billion builds.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[A-Za-z0-9]+$/;
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
// The encodings scripts/compress.sh writes, in order of preference, with their file suffix.
const ENCODINGS = [["br", ".br"], ["gzip", ".gz"]];

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      dir: { type: "string" },
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
    },
  }));
} catch (e) {
  console.error(`static-server: ${e.message}\n${USAGE}`);
  process.exit(2);
}
const port = Number(args.port);
if (!args.dir || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(USAGE);
  process.exit(2);
}
const root = await realpath(resolve(args.dir)).catch(() => {
  console.error(`static-server: ${args.dir} does not exist (build first: trunk build --release)`);
  process.exit(2);
});

/**
 * The encodings the client accepts, of those we have, in our order of preference (br, then gzip).
 * RFC 9110, 12.5.3: a coding with q=0 is refused; "*" stands for every coding not named.
 */
function acceptedEncodings(header) {
  const weights = new Map();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*([0-9.]+)$/.exec(p);
      if (m) q = Number(m[1]);
    }
    weights.set(name === "x-gzip" ? "gzip" : name, q);
  }
  const ok = (coding) => (weights.has(coding) ? weights.get(coding) > 0 : (weights.get("*") ?? 0) > 0);
  return ENCODINGS.filter(([coding]) => ok(coding));
}

/** Does an If-None-Match header name this ETag (weak comparison, as RFC 9110 13.1.2 asks)? */
function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const bare = (t) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

const isFile = (path) => stat(path).then((s) => s.isFile(), () => false);

// Each file's bytes and ETag, read again only when its size or time changes (a new build).
const cache = new Map();
async function load(path) {
  const s = await stat(path);
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === s.mtimeMs && hit.size === s.size) return hit;
  const body = await readFile(path);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const entry = { mtimeMs: s.mtimeMs, size: s.size, body, etag };
  cache.set(path, entry);
  return entry;
}

function plain(res, status, text, headers = {}) {
  const body = Buffer.from(text + "\n");
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": body.length,
    "cache-control": REVALIDATE,
    ...headers,
  });
  res.end(body);
}

async function handle(req, res) {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) return plain(res, 405, "method not allowed", { allow: "GET, HEAD" });
  const url = new URL(req.url, "http://localhost");
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return plain(res, 400, "bad request");
  }
  const segments = pathname.split("/");
  // The URL parser already resolved plain "..", but an encoded slash ("..%2f") only becomes one here.
  if (pathname.includes("\0") || segments.includes("..")) return plain(res, 403, "forbidden");
  if (segments.some((s) => s.startsWith("."))) return plain(res, 404, "not found");
  let path = resolve(root, "." + pathname);
  if (path !== root && !path.startsWith(root + sep)) return plain(res, 403, "forbidden");

  let info;
  try {
    info = await stat(path);
  } catch {
    return plain(res, 404, "not found");
  }
  if (info.isDirectory()) {
    if (!pathname.endsWith("/")) {
      return plain(res, 301, "moved", { location: url.pathname + "/" + url.search });
    }
    path = resolve(path, "index.html");
  }
  // A symbolic link inside the folder may point outside it.
  const real = await realpath(path).catch(() => null);
  if (real === null || !(await isFile(real))) return plain(res, 404, "not found");
  if (real !== root && !real.startsWith(root + sep)) return plain(res, 403, "forbidden");
  if ([".br", ".gz"].includes(extname(real))) return plain(res, 404, "not found");

  // The copy to send: the first accepted encoding that has one, else the file itself.
  let encoding = null;
  let file = real;
  const variants = [];
  for (const [coding, suffix] of ENCODINGS) if (await isFile(real + suffix)) variants.push(coding);
  for (const [coding, suffix] of acceptedEncodings(req.headers["accept-encoding"])) {
    if (variants.includes(coding)) {
      encoding = coding;
      file = real + suffix;
      break;
    }
  }
  const { body, etag } = await load(file);
  const headers = {
    "cache-control": HASHED.test(basename(real)) ? IMMUTABLE : REVALIDATE,
    etag,
    // The answer depends on Accept-Encoding whenever a compressed copy exists, even when the file
    // itself was sent: a shared cache must not hand the plain file to a client asking for br.
    ...(variants.length ? { vary: "Accept-Encoding" } : {}),
  };
  if (matches(req.headers["if-none-match"], etag)) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, {
    ...headers,
    "content-type": TYPES[extname(real)] ?? "application/octet-stream",
    "content-length": body.length,
    "x-content-type-options": "nosniff",
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  res.end(head ? undefined : body);
}

const server = createServer((req, res) => {
  handle(req, res).catch((e) => {
    console.error("static-server:", e);
    if (!res.headersSent) plain(res, 500, "internal server error");
    else res.destroy();
  });
});
server.on("error", (e) => {
  console.error(`static-server: ${e.message}`);
  process.exit(1);
});
server.listen(port, args.host, () => {
  const { port: actual } = server.address();
  const host = args.host.includes(":") ? `[${args.host}]` : args.host;
  // tests/e2e/hosting.test.mjs reads the address from this line.
  console.log(`static-server: serving ${args.dir} at http://${host}:${actual}/ (precompressed .br/.gz, cache headers; Ctrl-C stops)`);
});
