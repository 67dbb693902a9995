// Loading that fails safe (issue 22): a host page that breaks the widget one way or another never
// leaves a blank box. Each widget shows, within 10 seconds, a plain note in its language with its
// emergency number (and the first screen's heading and emergency line where it has one), tells the
// host page with a `spasm-triage:error` event that carries a reason and nothing else, and the
// other widgets of the page are not stopped by it. hosts/broken.html breaks the page as `?case=`
// says, before the loader runs; it has a Spanish widget with 112 and an English one with 999.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertFirstScreensKept, openPage, serve, useSite } from "./harness.mjs";

const site = useSite();

const NOTE = {
  es: "Lo sentimos, el chequeo de espasmos de espalda no pudo cargarse. Si es una emergencia, llame al 112 ahora.",
  en: "Sorry, the back spasm check could not load. If this is an emergency, call 999 now.",
};

/** Opens hosts/broken.html broken as `which` says, with `route` set up first if given. */
async function open(which, route) {
  const page = await openPage(site.browser, site.server.origin, { serviceWorkers: "block" });
  if (route) await route(page);
  await page.goto(`${site.server.origin}/hosts/broken.html?case=${which}`);
  return page;
}

/** The error events the host page heard, as [widget id, detail], read through the DOM. */
async function heard(page) {
  const text = await page.locator("#events").textContent();
  return text.split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf(" ")), line.slice(line.indexOf(" ") + 1)]);
}

/** The note each widget shows (within `ms`), and the error events the host page heard. */
async function notes(page, ms = 12_000) {
  const es = page.locator("#es").getByRole("alert");
  const en = page.locator("#en").getByRole("alert");
  await es.waitFor({ timeout: ms });
  await en.waitFor({ timeout: ms });
  return {
    es: (await es.innerText()).trim(),
    en: (await en.innerText()).trim(),
    events: await heard(page),
  };
}

for (const [which, what] of [
  ["fetch-throws", "the page's fetch throws at once"],
  ["then-polluted", "the page polluted Object.prototype.then, so nothing it awaits settles"],
  ["bundled", "the loader was copied into the page's own script, so it cannot tell where its files are"],
]) {
  test(`${what}: every widget keeps its first screen and says it could not load, with its number`, async () => {
    const page = await open(which);
    try {
      const started = Date.now();
      const { es, en, events } = await notes(page);
      assert.ok(Date.now() - started < 11_000, `the notes took ${Date.now() - started} ms`);
      assert.deepEqual([es, en], [NOTE.es, NOTE.en]);
      await assertFirstScreensKept(page);
      // One event per widget, with a reason and nothing else.
      assert.deepEqual(events.map(([id]) => id).sort(), ["en", "es"]);
      for (const [, detail] of events) assert.match(detail, /^\{"reason":"(failed|timeout)"\}$/);
      assert.equal((await page.locator("body").innerText()).trim(), "The practice's own page.");
    } finally {
      await page.context().close();
    }
  });
}

test("a wasm that never arrives: the note within 10 seconds, then the widget replaces it when it does arrive", async () => {
  let release;
  const held = new Promise((ok) => (release = ok));
  const page = await open("none", (page) => page.route(/_bg\.wasm$/, async (route) => (await held, route.continue())));
  try {
    const { es, en, events } = await notes(page);
    assert.deepEqual([es, en], [NOTE.es, NOTE.en]);
    assert.deepEqual(events.map(([, detail]) => detail), ['{"reason":"timeout"}', '{"reason":"timeout"}']);
    release();
    // The widget keeps trying: once the wasm arrives, it replaces the note and works.
    await page.locator("#en").getByRole("button", { name: "Start the check" }).click();
    await page.locator("#en").locator(".st-progress").getByText(/^Question 1 of about \d+$/).waitFor();
    assert.equal(await page.locator("#es").getByRole("alert").count(), 0);
  } finally {
    await page.context().close();
  }
});

for (const [which, what] of [
  ["no-attach-shadow", "the browser (or the page) has no attachShadow"],
  ["attach-shadow-throws", "attachShadow throws"],
]) {
  test(`${what}: each widget says it could not load, in its language and number, in its own element`, async () => {
    const page = await open(which);
    try {
      const { es, en, events } = await notes(page);
      assert.deepEqual([es, en], [NOTE.es, NOTE.en]);
      assert.equal(events.length, 2);
    } finally {
      await page.context().close();
    }
  });
}

test("a widget whose element already has someone else's shadow root says so there, and the other widget still works", async () => {
  const page = await open("shadow-taken");
  try {
    const note = page.locator("#es").getByRole("alert");
    await note.waitFor();
    assert.equal((await note.innerText()).trim(), NOTE.es);
    await page.locator("#en").getByRole("button", { name: "Start the check" }).click();
    await page.locator("#en").locator(".st-progress").getByText(/^Question 1 of about \d+$/).waitFor();
    assert.deepEqual((await heard(page)).map(([id]) => id), ["es"]);
  } finally {
    await page.context().close();
  }
});

test("the loader loaded as a module finds its files and works", async () => {
  const page = await open("module");
  try {
    await page.locator("#en").getByRole("button", { name: "Start the check" }).click();
    await page.locator("#en").locator(".st-progress").getByText(/^Question 1 of about \d+$/).waitFor();
    await page.locator("#es").getByText("Chequeo de espasmos de espalda").waitFor();
    assert.deepEqual(await heard(page), []);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

test("the standalone page whose glue cannot load keeps its first screen and says so, with the emergency line", async () => {
  const page = await openPage(site.browser, site.server.origin, { serviceWorkers: "block" });
  try {
    await page.route(/spasm-triage-[0-9a-f]+\.js$/, (route) => route.abort());
    await page.goto(site.server.origin + "/?lang=es");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.equal((await alert.innerText()).trim(), "Lo sentimos, el chequeo de espasmos de espalda no pudo cargarse. Si es una emergencia, llame al 911 ahora.");
    await page.getByRole("heading", { level: 1, name: "Chequeo de espasmos de espalda" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "llame al 911 ahora" }).getAttribute("href"), "tel:911");
  } finally {
    await page.context().close();
  }
});

test("a kiosk whose first screens cannot load (modes.js refused) says it could not load, and no wasm runs", async () => {
  const page = await openPage(site.browser, site.server.origin, { serviceWorkers: "block" });
  const wasm = [];
  try {
    await page.route(/\/modes\.js$/, (route) => route.abort());
    page.on("request", (r) => r.url().endsWith("_bg.wasm") && wasm.push(r.url()));
    await page.goto(site.server.origin + "/?mode=kiosk&lang=es");
    const alert = page.locator("spasm-triage").getByRole("alert");
    await alert.waitFor({ timeout: 12_000 });
    assert.equal((await alert.innerText()).trim(), "Lo sentimos, el chequeo de espasmos de espalda no pudo cargarse. Si es una emergencia, llame al 911 ahora.");
    // The kiosk paints its screen before it loads the widget: without one, the wasm is not fetched.
    assert.deepEqual(wasm, []);
    assert.equal(await page.getByRole("button").count(), 0);
  } finally {
    await page.context().close();
  }
});

test("the standalone page works under a strict Content-Security-Policy (it has no inline script)", async () => {
  const strict = await serve(undefined, {
    headers: { "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
  });
  const page = await openPage(site.browser, strict.origin);
  const violations = [];
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  try {
    await page.goto(strict.origin + "/?mode=kiosk");
    await page.getByRole("button", { name: "Start the check" }).click();
    await page.locator(".st-progress").getByText(/^Question 1 of about \d+$/).waitFor();
    assert.deepEqual(violations, []);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
    await strict.close();
  }
});
