// Hosting the release build as patients get it: the post-build hook writes .br and .gz copies
// beside the files, scripts/static-server.mjs (what `scripts/serve.sh --release` runs) sends them
// with the right headers, and the service worker caches each file once, never the copies.
//
// Requests go through node:http, not fetch(): fetch decodes a compressed body by itself, so it
// could not show what was actually sent. Traversal requests need the raw path too (fetch and the
// URL parser resolve "..").
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { request } from "node:http";
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { DIST, launch, openPage } from "./harness.mjs";

const SERVER = fileURLToPath(new URL("../../scripts/static-server.mjs", import.meta.url));
const IMMUTABLE = "public, max-age=31536000, immutable";
// The files scripts/compress.sh gives copies, by extension, and the type each must be sent with.
const TYPE_OF = {
  ".wasm": "application/wasm",
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain",
};

/** Starts scripts/static-server.mjs on a free port; resolves once it prints its address. */
function startServer(dir) {
  const child = spawn(process.execPath, [SERVER, "--dir", dir, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const ready = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`static-server did not start: ${output}`)), 15_000);
    const read = (chunk) => {
      output += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`static-server exited (${code}): ${output}`));
    });
  });
  return ready.then((port) => ({
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => {
      child.removeAllListeners("exit");
      child.once("exit", ok);
      child.kill();
    }),
  }));
}

/** One request with a raw path; resolves to the status, headers and the body's bytes as sent. */
function get(server, path, headers = {}, method = "GET") {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync, none: (b) => b };

let server, files, manifest;
before(async () => {
  server = await startServer(DIST);
  files = (await readdir(DIST)).sort();
  manifest = JSON.parse(await readFile(join(DIST, "spasm-triage.json"), "utf8"));
});
after(async () => {
  await server?.close();
});

test("the wasm is sent as brotli, gzip or as it is, as the request allows, and always decodes to the file", async () => {
  const onDisk = await readFile(join(DIST, manifest.wasm));
  for (const [acceptEncoding, expected] of [["br, gzip", "br"], ["gzip, deflate", "gzip"], ["identity", "none"], [undefined, "none"]]) {
    const res = await get(server, "/" + manifest.wasm, acceptEncoding ? { "accept-encoding": acceptEncoding } : {});
    const label = `accept-encoding: ${acceptEncoding ?? "(none)"}`;
    assert.equal(res.status, 200, label);
    assert.equal(res.headers["content-encoding"], expected === "none" ? undefined : expected, label);
    assert.equal(res.headers["content-type"], "application/wasm", label);
    assert.match(res.headers.vary ?? "", /accept-encoding/i, label);
    assert.equal(Number(res.headers["content-length"]), res.body.length, label);
    if (expected !== "none") assert.ok(res.body.length < onDisk.length / 2, `${label}: ${res.body.length} bytes sent, not compressed`);
    assert.ok(decode[expected](res.body).equals(onDisk), `${label}: the body does not decode to ${manifest.wasm}`);
  }
});

test("every text file is sent compressed, with its own file's type", async () => {
  const compressible = files.filter((f) => TYPE_OF[extname(f)] && f !== "embed-snippet.html");
  assert.ok(compressible.length >= 10, `only ${compressible}`);
  for (const f of compressible) {
    const onDisk = await readFile(join(DIST, f));
    for (const coding of ["br", "gzip"]) {
      const res = await get(server, "/" + f, { "accept-encoding": coding });
      assert.equal(res.status, 200, f);
      assert.equal(res.headers["content-encoding"], coding, `${f} was not sent as ${coding}`);
      assert.ok(res.headers["content-type"].startsWith(TYPE_OF[extname(f)]), `${f}: ${res.headers["content-type"]}`);
      assert.ok(decode[coding](res.body).equals(onDisk), `${f}: the ${coding} body does not decode to the file`);
    }
  }
});

test("hashed files are immutable; the page, service worker, loader and manifest are revalidated with ETags", async () => {
  const hashed = [
    manifest.wasm,
    manifest.glue,
    ...files.filter((f) => /^articles-[a-z]{2}-[0-9a-f]{16}\.txt$/.test(f)),
    ...files.filter((f) => /^(page|favicon)-[0-9a-f]+\.(css|svg)$/.test(f)),
  ];
  assert.ok(hashed.length >= 6, `hashed files: ${hashed}`);
  for (const f of hashed) {
    const res = await get(server, "/" + f, { "accept-encoding": "br" }, "HEAD");
    assert.equal(res.status, 200, f);
    assert.equal(res.headers["cache-control"], IMMUTABLE, f);
  }
  for (const path of ["/", "/index.html", "/sw.js", "/spasm-triage.js", "/spasm-triage.json", "/manifest.webmanifest", "/icon.svg"]) {
    const res = await get(server, path, { "accept-encoding": "br" });
    assert.equal(res.status, 200, path);
    assert.equal(res.headers["cache-control"], "no-cache", path);
    assert.match(res.headers.etag ?? "", /^"[^"]+"$/, `${path} has no ETag`);
    // The browser's copy is still good: 304, no body, the same ETag.
    const again = await get(server, path, { "accept-encoding": "br", "if-none-match": res.headers.etag });
    assert.equal(again.status, 304, `${path} with If-None-Match`);
    assert.equal(again.body.length, 0, path);
    assert.equal(again.headers.etag, res.headers.etag, path);
    assert.equal(again.headers["cache-control"], "no-cache", path);
    // A changed file (another ETag): the whole file again.
    const changed = await get(server, path, { "accept-encoding": "br", "if-none-match": '"an-older-build"' });
    assert.equal(changed.status, 200, `${path} with an old ETag`);
  }
  // Each encoding is its own representation with its own ETag.
  const br = await get(server, "/index.html", { "accept-encoding": "br" });
  const plain = await get(server, "/index.html");
  assert.notEqual(br.headers.etag, plain.headers.etag);
  assert.equal((await get(server, "/index.html", { "if-none-match": br.headers.etag })).status, 200);
});

test("HEAD sends the headers of GET and no body", async () => {
  const getRes = await get(server, "/" + manifest.wasm, { "accept-encoding": "br" });
  const headRes = await get(server, "/" + manifest.wasm, { "accept-encoding": "br" }, "HEAD");
  assert.equal(headRes.status, 200);
  assert.equal(headRes.body.length, 0);
  for (const h of ["content-type", "content-length", "content-encoding", "cache-control", "etag", "vary"]) {
    assert.equal(headRes.headers[h], getRes.headers[h], h);
  }
});

test("nothing outside the folder, no dot file and no .br/.gz copy is served as a file", async () => {
  // A folder of our own, with a secret beside it and a link from inside pointing at it.
  const work = await mkdtemp(join(tmpdir(), "spasm-hosting-"));
  const site = join(work, "site");
  const secret = "the secret beside the site";
  await mkdir(join(site, "sub"), { recursive: true });
  await writeFile(join(site, "index.html"), "<!DOCTYPE html><title>site</title>");
  await writeFile(join(site, "sub", "index.html"), "<!DOCTYPE html><title>sub</title>");
  await writeFile(join(site, ".hidden"), secret);
  await writeFile(join(work, "secret.txt"), secret);
  await symlink(join(work, "secret.txt"), join(site, "link.txt"));
  const other = await startServer(site);
  try {
    for (const path of ["/../secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/sub/..%2f..%2fsecret.txt", "/%2e%2e/secret.txt", "/link.txt", "/.hidden"]) {
      const res = await get(other, path);
      assert.ok([400, 403, 404].includes(res.status), `${path}: ${res.status}`);
      assert.ok(!res.body.toString().includes(secret), `${path} sent the secret`);
    }
    // A folder is its index.html (without the slash: a redirect to it, so relative URLs work).
    assert.match((await get(other, "/sub/")).body.toString(), /<title>sub</);
    const redirect = await get(other, "/sub?x=1");
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, "/sub/?x=1");
  } finally {
    await other.close();
    await rm(work, { recursive: true, force: true });
  }
  // The copies exist, but only ever as the encoding of their file.
  assert.ok(files.includes(manifest.wasm + ".br"), "dist has no .br copy of the wasm");
  for (const copy of [manifest.wasm + ".br", manifest.wasm + ".gz", "index.html.gz"]) {
    const res = await get(server, "/" + copy, { "accept-encoding": "br, gzip" });
    assert.equal(res.status, 404, copy);
    assert.match(res.headers["content-type"], /^text\/plain/, copy);
  }
  const missing = await get(server, "/no-such-file.js");
  assert.equal(missing.status, 404);
  assert.match(missing.headers["content-type"], /^text\/plain/);
});

test("the service worker caches every built file once, never a .br or .gz copy", async () => {
  const sw = await readFile(join(DIST, "sw.js"), "utf8");
  const listed = JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(sw)[1]);
  // Not vacuous: the copies are there to leave out.
  assert.ok(files.some((f) => f.endsWith(".br")) && files.some((f) => f.endsWith(".gz")), "dist has no .br/.gz copies");
  assert.deepEqual(listed.filter((f) => /\.(br|gz)$/.test(f)), [], "the service worker lists compressed copies");
  assert.equal(listed.filter((f) => f === manifest.wasm).length, 1, "the wasm is not listed exactly once");
  // Never the practice's set-up page (dist/setup/, merged after the worker was written: staff only).
  assert.deepEqual(listed.filter((f) => f.startsWith("setup/")), [], "the service worker lists a set-up file");
  const built = files.filter((f) => !/\.(br|gz)$/.test(f) && f !== "sw.js" && f !== "embed-snippet.html" && f !== "setup");
  assert.deepEqual([...listed].sort(), built);
});

test("the standalone page, served compressed, works in Chromium", async () => {
  const browser = await launch();
  try {
    const page = await openPage(browser, server.origin);
    const encodings = {};
    page.on("response", (r) => (encodings[new URL(r.url()).pathname] = r.headers()["content-encoding"] ?? "none"));
    await page.goto(server.origin + "/");
    // Pressing Start leads to the first question only once the wasm runs.
    await page.getByRole("button", { name: "Start the check" }).click({ timeout: 20_000 });
    await page.locator(".st-progress").getByText(/^Question 1 of about \d+$/).waitFor({ timeout: 20_000 });
    assert.equal(encodings["/"], "br", "the page");
    assert.equal(encodings["/" + manifest.wasm], "br", "the wasm");
    assert.equal(encodings["/" + manifest.glue], "br", "the glue");
    assert.deepEqual(page.foreign(), [], "requests left the page's origin");
    assert.deepEqual(page.errors(), [], "console errors");
    await page.context().close();
  } finally {
    await browser.close();
  }
});
