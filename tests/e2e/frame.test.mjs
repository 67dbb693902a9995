// The isolation mode (issue 22): data-isolation="frame" runs the widget in an iframe served from
// where the widget's files are hosted, so on another origin no script of the host page can reach
// the patient's answers at all. Two loopback servers give two origins: the host page
// (hosts/isolated.html, with an analytics-like script) on one, the widget's files on the other.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage } from "./harness.mjs";

const CORS = { "access-control-allow-origin": "*" };
let files, host, strict, browser;
before(async () => {
  files = await serve(undefined, { headers: CORS });
  host = await serve();
  // A practice's page with a strict policy: the widget's origin allowed for scripts and frames,
  // no inline style (the frame is styled through the CSSOM, which a policy allows).
  const csp = `default-src 'self'; script-src 'self' 'unsafe-inline' ${files.origin}; frame-src ${files.origin}; style-src 'self'`;
  strict = await serve(undefined, { headers: { "content-security-policy": csp } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([files?.close(), host?.close(), strict?.close()]);
});

/** Opens hosts/isolated.html (`query` added to its address) on `origin`, the widget's files on the
 * other server; runs `body(page, frame)` with a FrameLocator of the widget's frame. `setup(page)`
 * runs before the page opens (to intercept a file). */
async function isolated(query, body, { origin = host.origin, setup } = {}) {
  const page = await openPage(browser, origin);
  try {
    await setup?.(page);
    await page.goto(`${origin}/hosts/isolated.html?widget=${files.origin}/${query}`);
    await body(page, page.frameLocator("#check iframe"));
  } finally {
    await page.context().close();
  }
}

/** The widget in the frame has mounted: its first screen is no longer the loader's. */
async function frameMounted(frame) {
  await frame.locator(".st-root:not([aria-busy])").waitFor();
}

/** The iframe's height in the host page, and the height of the widget's element inside it. */
async function heights(page, frame) {
  const outer = await page.evaluate(() => document.getElementById("check").shadowRoot.querySelector("iframe").getBoundingClientRect().height);
  const inner = await frame.locator("spasm-triage").evaluate((element) => element.getBoundingClientRect().height);
  return { outer, inner };
}

/** Waits until the iframe is as tall as the widget inside it (to the pixel), and returns it. */
async function fits(page, frame) {
  for (let i = 0; i < 50; i++) {
    const { outer, inner } = await heights(page, frame);
    if (Math.abs(outer - Math.ceil(inner)) < 1) return outer;
    await page.waitForTimeout(100);
  }
  assert.fail(`the frame never fitted its content: ${JSON.stringify(await heights(page, frame))}`);
}

test("frame mode: the widget runs in a frame the host page's scripts cannot reach, and they see none of the answers", () =>
  isolated("", async (page, frame) => {
    await frameMounted(frame);
    // The practice's settings reached the widget in the frame.
    assert.equal(await frame.getByRole("link", { name: "call 999 now" }).getAttribute("href"), "tel:999");
    await frame.getByRole("button", { name: "Start the check" }).click();
    const asked = [];
    for (const answer of ["No", "No", "Not sure"]) {
      asked.push((await frame.locator("[data-focus-heading]").innerText()).trim());
      await frame.getByRole("button", { name: answer, exact: true }).click();
    }
    await frame.getByText(/^Question 4 of about \d+$/).first().waitFor();
    // Every way in is closed: the frame's document and storage belong to another origin.
    assert.deepEqual(await page.evaluate(() => window.reach()), ["contentDocument: null", "document: SecurityError", "storage: SecurityError"]);
    await page.evaluate(() => window.snoop());
    const seen = await page.locator("#seen").textContent();
    for (const question of asked) assert.ok(!seen.includes(question.slice(0, 40)), `the page saw "${question}":\n${seen}`);
    for (const words of ["Not sure", "Question 4", "spasm-triage-session", "Start the check"]) {
      assert.ok(!seen.includes(words), `the page saw "${words}":\n${seen}`);
    }
    // What crosses to the host page is the frame's height, and nothing else so far.
    for (const line of seen.split("\n").filter((l) => l.startsWith("message: "))) assert.match(line, /^message: \{"height":[\d.]+\}$/);
    assert.match(seen, /^shadow: $/m, "the host's shadow root holds the frame only");
    assert.deepEqual(page.errors(), []);
  }));

test("frame mode: the frame is as tall as the widget on every screen, with no scrollbar of its own", () =>
  isolated("", async (page, frame) => {
    await frameMounted(frame);
    const first = await fits(page, frame);
    await frame.getByRole("button", { name: "Start the check" }).click();
    await frame.getByText(/^Question 1 of about \d+$/).first().waitFor();
    await fits(page, frame);
    await frame.getByRole("button", { name: "Yes", exact: true }).click();
    await frame.getByRole("heading", { level: 2, name: /^Call 999 now/ }).waitFor();
    const result = await fits(page, frame);
    assert.ok(result > first, `the result (${result}px) is taller than the first screen (${first}px)`);
    const scrolls = await frame.locator("html").evaluate((html) => html.scrollHeight > innerHeight + 1);
    assert.equal(scrolls, false, "the frame scrolls inside itself");
  }));

test("frame mode: the result and a failure reach the host page from the widget's element, with the level or reason only", () =>
  isolated("", async (page, frame) => {
    await frameMounted(frame);
    await frame.getByRole("button", { name: "Start the check" }).click();
    await frame.getByRole("button", { name: "Yes", exact: true }).click();
    await frame.getByRole("heading", { level: 2, name: /^Call 999 now/ }).waitFor();
    await page.waitForFunction(() => window.events.length > 0);
    assert.deepEqual(await page.evaluate(() => window.events), [{ type: "spasm-triage:result", detail: { level: "call_emergency" }, from: "check" }]);
  }));

test("frame mode: a widget that cannot load inside the frame says so there, and the host page hears why", () =>
  isolated(
    "",
    async (page, frame) => {
      await frame.getByRole("alert").filter({ hasText: "could not load" }).waitFor();
      assert.equal(
        (await frame.getByRole("alert").innerText()).trim(),
        "Sorry, the back spasm check could not load. If this is an emergency, call 999 now.",
      );
      await page.waitForFunction(() => window.events.length > 0);
      assert.deepEqual(await page.evaluate(() => window.events), [{ type: "spasm-triage:error", detail: { reason: "failed" }, from: "check" }]);
    },
    { setup: (page) => page.route(/_bg\.wasm$/, (route) => route.abort()) },
  ));

test("frame mode: Spanish, and a tap on the first screen before the frame is ready is done in the frame", () =>
  isolated(
    "&lang=es",
    async (page, frame) => {
      // The host's own first screen, painted at once; the frame is not there yet.
      const start = page.locator("#check").getByRole("button", { name: "Empezar el chequeo" });
      await start.click();
      await frame.getByText(/^Pregunta 1 de unas \d+$/).first().waitFor();
      assert.equal(await page.locator("#check iframe").getAttribute("title"), "Chequeo de espasmos de espalda");
      assert.equal(await page.locator("#check").getByRole("button").count(), 0, "the host's first screen is gone");
    },
    {
      // modes.js held back a moment, so the tap lands on the host's first screen.
      setup: (page) =>
        page.route(/\/modes\.js$/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await route.continue();
        }),
    },
  ));

test("frame mode behind the launcher: the button opens a panel with the widget's frame", () =>
  isolated("&launcher", async (page, frame) => {
    const button = page.getByRole("button", { name: "Check my back spasm" });
    await button.click();
    await frameMounted(frame);
    await frame.getByRole("button", { name: "Start the check" }).click();
    await frame.getByText(/^Question 1 of about \d+$/).first().waitFor();
    // The frame's widget is inline in its frame: no second launcher in there.
    assert.equal(await frame.getByRole("button", { name: "Check my back spasm" }).count(), 0);
    // Closed and opened again, it keeps the patient's place.
    await page.keyboard.press("Escape");
    await button.click();
    await frame.getByText(/^Question 1 of about \d+$/).first().waitFor();
  }));

test("frame mode under a strict Content-Security-Policy on the host page", () =>
  isolated(
    "",
    async (page, frame) => {
      await frameMounted(frame);
      await fits(page, frame);
      await frame.getByRole("button", { name: "Start the check" }).click();
      await frame.getByText(/^Question 1 of about \d+$/).first().waitFor();
      assert.deepEqual(page.errors(), []);
    },
    { origin: strict.origin },
  ));

test("frame mode: a changed modes.js from the CDN is refused, never run, and the note shows with the number", () =>
  isolated(
    "",
    async (page) => {
      const note = page.locator("#check").getByRole("alert");
      await note.waitFor();
      assert.equal((await note.innerText()).trim(), "Sorry, the back spasm check could not load. If this is an emergency, call 999 now.");
      assert.equal(await page.locator("#check iframe").count(), 0, "the changed module made a frame");
      assert.deepEqual(await page.evaluate(() => window.events), [{ type: "spasm-triage:error", detail: { reason: "failed" }, from: "check" }]);
    },
    {
      setup: (page) =>
        page.route(/\/modes\.js$/, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, body: (await response.text()) + "\n// changed on the CDN\n" });
        }),
    },
  ));

test("frame mode: frame.html pins its scripts: a changed loader served to the frame is refused there, and the note shows", () =>
  isolated(
    "",
    async (page, frame) => {
      const note = page.locator("#check").getByRole("alert");
      await note.waitFor({ timeout: 15000 });
      assert.equal((await note.innerText()).trim(), "Sorry, the back spasm check could not load. If this is an emergency, call 999 now.");
      // Nothing of the changed loader ran in the frame (it would have made the widget's shadow
      // root), and the frame stays out of sight.
      assert.equal(await frame.locator("spasm-triage").evaluate((element) => !!element.shadowRoot), false);
      assert.equal(await page.locator("#check iframe").evaluate((iframe) => iframe.getBoundingClientRect().height), 0);
    },
    {
      // The host page takes the changed loader (it pins nothing: see isolated.html); the frame's
      // page pins it, and refuses it.
      setup: (page) =>
        page.route(/\/spasm-triage\.js$/, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, body: (await response.text()) + "\n// changed on the CDN\n" });
        }),
    },
  ));

test("frame mode: a frame that never answers leaves the note after 10 seconds", () =>
  isolated(
    "",
    async (page) => {
      const note = page.locator("#check").getByRole("alert");
      await note.waitFor({ timeout: 15000 });
      assert.equal((await note.innerText()).trim(), "Sorry, the back spasm check could not load. If this is an emergency, call 999 now.");
      assert.deepEqual(await page.evaluate(() => window.events), [{ type: "spasm-triage:error", detail: { reason: "timeout" }, from: "check" }]);
    },
    { setup: (page) => page.route(/\/frame\.html/, (route) => route.fulfill({ status: 404, body: "not found" })) },
  ));

test("frame.html opened as a page of its own takes no settings from its address", async () => {
  const page = await openPage(browser, files.origin);
  try {
    await page.goto(`${files.origin}/frame.html?emergency-number=123&lang=es`);
    await page.locator(".st-root:not([aria-busy])").waitFor();
    assert.equal(await page.getByRole("link", { name: "call 911 now" }).getAttribute("href"), "tel:911");
  } finally {
    await page.context().close();
  }
});
