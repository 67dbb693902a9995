// When the widget fails, each widget's own place says so, in its language with its emergency
// number, and nothing is written over the host page: a crash (a panic in the test-only build that
// scripts/test.sh makes with the cargo feature `crash-test`, in target/dist-crash) and a wasm that
// cannot load (the loader's own note).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve, launch, openPage, assertFirstScreensKept, DIST } from "./harness.mjs";

const CRASH_DIST = resolve(DIST, "..", "target", "dist-crash");
let browser, work;
before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), "spasm-failure-"));
});
after(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

/** Each widget's alert text, and the host page's own text (outside the shadow roots). */
async function notes(page) {
  const es = (await page.locator("#es").getByRole("alert").innerText()).trim();
  const en = (await page.locator("#en").getByRole("alert").innerText()).trim();
  const host = await page.evaluate(() => document.body.innerText);
  return { es, en, host };
}

test("a crash shows the failure note inside every widget, in its language and number, never on the host page", async () => {
  await stat(join(CRASH_DIST, "index.html")).catch(() => {
    throw new Error(`no test-only build in ${CRASH_DIST}: run trunk build --release --features crash-test --dist target/dist-crash`);
  });
  const server = await serve(CRASH_DIST);
  const page = await openPage(browser, server.origin);
  try {
    await page.goto(server.origin + "/hosts/crash.html");
    // The Spanish widget mounted before the English one crashed: both show the note.
    const { es, en, host } = await notes(page);
    assert.equal(es, "Lo sentimos, el chequeo de espasmos de espalda dejó de funcionar. Vuelva a cargar la página. Si es una emergencia, llame al 112 ahora.");
    assert.equal(en, "Sorry, the back spasm check stopped working. Please reload the page. If this is an emergency, call 999 now.");
    assert.equal(host.trim(), "The practice's own page.", "something was written over the host page");
    assert.equal(await page.locator("#es").getByRole("button").count(), 0, "the frozen widget still shows its controls");
    assert.ok(page.errors().some((e) => e.includes("crash-test: a panic on purpose")), "the panic was not logged");
    // The page heard of it: each widget, with the reason only.
    const heard = (await page.locator("#events").textContent()).trim().split("\n").sort();
    assert.deepEqual(heard, ['en {"reason":"crashed"}', 'es {"reason":"crashed"}']);
  } finally {
    await page.context().close();
    await server.close();
  }
});

test("a crash writes its note into the widgets on the page, not into one a single-page app has removed", async () => {
  const server = await serve(CRASH_DIST);
  const page = await openPage(browser, server.origin);
  try {
    await page.goto(server.origin + "/hosts/spa.html");
    const add = (attributes) =>
      page.evaluate((attributes) => {
        const widget = document.createElement("spasm-triage");
        for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
        document.getElementById("app").append(widget);
      }, attributes);
    await add({ id: "removed", "data-emergency-number": "112" });
    // Mounted (not only its first screen painted by the loader).
    await page.waitForFunction(() => document.getElementById("removed").shadowRoot?.querySelector(".st-root:not([aria-busy])"));
    // The host page keeps hold of what the removed widget had drawn.
    await page.evaluate(() => {
      window.__drawn = document.getElementById("removed").shadowRoot.firstElementChild;
      document.getElementById("removed").remove();
    });
    await add({ id: "en", "data-emergency-number": "999", "data-crash-test": "" });
    const note = page.locator("#en").getByRole("alert");
    assert.equal((await note.innerText()).trim(), "Sorry, the back spasm check stopped working. Please reload the page. If this is an emergency, call 999 now.");
    assert.equal(await page.evaluate(() => window.__drawn.textContent), "", "the removed widget got the note");
  } finally {
    await page.context().close();
    await server.close();
  }
});

/** Serves a copy of dist/ with `change(dir, manifest)` made to it, opens `path` and runs `body`. */
async function withChangedCopy(name, change, path, body) {
  const dir = join(work, name);
  await cp(DIST, dir, { recursive: true });
  await change(dir, JSON.parse(await readFile(join(dir, "spasm-triage.json"), "utf8")));
  const server = await serve(dir);
  const page = await openPage(browser, server.origin);
  try {
    await page.goto(server.origin + path);
    await body(page);
  } finally {
    await page.context().close();
    await server.close();
  }
}

/** Each widget of hosts/crash.html keeps its first screen (its heading and its emergency line, in
 * its language and number) with the loader's note, and no button that cannot work; the host page's
 * own text is untouched. */
async function assertLoaderNotes(page) {
  const { es, en, host } = await notes(page);
  assert.equal(es, "Lo sentimos, el chequeo de espasmos de espalda no pudo cargarse. Si es una emergencia, llame al 112 ahora.");
  assert.equal(en, "Sorry, the back spasm check could not load. If this is an emergency, call 999 now.");
  assert.equal(host.trim(), "The practice's own page.");
  await assertFirstScreensKept(page);
}

test("a wasm that cannot load leaves the loader's note inside every widget, in its language and number", () =>
  withChangedCopy("no-wasm", (dir, { wasm }) => rm(join(dir, wasm)), "/hosts/crash.html", assertLoaderNotes));

// A CDN that serves changed files: each is refused before it runs, and the loader's note shows.
// The changes keep every file working (a comment in the glue, a custom section in the wasm), so
// only the integrity check can tell. (The loader carries both hashes; the tag's own integrity hash
// pins the loader: see embed.test.mjs.)
const TAMPERED = {
  "the glue": async (dir, files) => {
    const path = join(dir, files.glue);
    await writeFile(path, (await readFile(path, "utf8")) + "\n// changed on the CDN\n");
  },
  "the wasm": async (dir, files) => {
    // A custom section (id 0) named "x" with one byte: a valid module that is not this build's.
    const path = join(dir, files.wasm);
    await writeFile(path, Buffer.concat([await readFile(path), Buffer.from([0, 3, 1, 0x78, 0])]));
  },
};
for (const [what, tamper] of Object.entries(TAMPERED)) {
  test(`a changed file from the CDN is refused, never run: ${what}`, () =>
    withChangedCopy(`tampered-${what.replace(/\W/g, "")}`, tamper, "/hosts/crash.html", async (page) => {
      // The note shows only when loading failed, so nothing of the changed release ran (a widget
      // that mounted would have replaced its first screen, buttons and all).
      await assertLoaderNotes(page);
    }));
}

test("a changed article file from the CDN is refused: the library says it could not get the articles", () => {
  // Still a well-formed data file with the same articles: only the integrity check can tell.
  const change = async (dir) => {
    const file = (await readdir(dir)).find((f) => /^articles-en-[0-9a-f]{16}\.txt$/.test(f));
    await writeFile(join(dir, file), (await readFile(join(dir, file), "utf8")).replace("Rest", "Rust"));
  };
  return withChangedCopy("tampered-articles", change, "/?lang=en", async (page) => {
    await page.getByRole("button", { name: "Read about back spasms" }).click();
    await page.getByText("We could not get the articles.").waitFor();
    assert.equal(await page.getByRole("button", { name: "Try again" }).count(), 1);
  });
});
