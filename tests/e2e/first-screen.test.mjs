// The first screen paints before any WebAssembly arrives (issue 19): the loader draws it from HTML
// the build prerendered with the widget's own views, in the widget's language and with its
// emergency number, on the standalone page, in kiosk mode and in an embed. The live widget then
// replaces it with the same markup (compared here), with no layout shift; a tap meanwhile is kept.
// If the wasm never arrives, the first screen stays and says so, with the emergency line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mounted, openPage, useSite } from "./harness.mjs";

const site = useSite();

/** Opens `path` with the wasm held back until `release()` (or refused, with `refuse`). The
 * service worker is blocked, so every request is the page's own and can be held. */
async function openHeld(path, { locale = "en-US", refuse = false } = {}) {
  const page = await openPage(site.browser, site.server.origin, { locale, serviceWorkers: "block" });
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(/_bg\.wasm$/, async (route) => (refuse ? route.abort() : (await held, route.continue())));
  // Every layout shift from the start, as the page's own observer sees it.
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(site.server.origin + path);
  return { page, release };
}

/** The widget's markup in `host`'s shadow root as a canonical string: elements with their
 * attributes sorted (the loading marks left out), and text. */
function markup(page, host = "spasm-triage") {
  return page.evaluate((host) => {
    const tree = (n) =>
      n.nodeType === 3
        ? n.data
        : n.nodeType !== 1
          ? ""
          : `<${n.localName}${[...n.attributes]
              .filter((a) => a.name !== "aria-busy" && a.name !== "data-waiting")
              .map((a) => ` ${a.name}="${a.value}"`)
              .sort()
              .join("")}>${[...n.childNodes].map(tree).join("")}</${n.localName}>`;
    return tree(document.querySelector(host).shadowRoot.querySelector(".st-root"));
  }, host);
}

/** Where the heading and the Start button are on screen. */
function boxes(page) {
  return page.evaluate(() => {
    const root = document.querySelector("spasm-triage").shadowRoot;
    return ["h1", ".st-primary", ".st-emergency-note, .st-attract p"].map((s) => {
      const r = root.querySelector(s).getBoundingClientRect();
      return [s, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(" ");
    });
  });
}

const live = (page) => page.waitForFunction(() => document.querySelector("spasm-triage")?.shadowRoot?.querySelector(".st-root:not([aria-busy])"));

for (const [name, path, locale, heading, call, number] of [
  ["the standalone page", "/", "en-US", "Back spasm check", "call 911 now", "911"],
  ["the standalone page in the browser's Spanish", "/", "es-MX", "Chequeo de espasmos de espalda", "llame al 911 ahora", "911"],
  ["a kiosk", "/?mode=kiosk&lang=es", "en-US", "¿Tiene espasmos de espalda?", null, null],
  ["an embed with its own number", "/hosts/first-screen.html", "en-US", "Back spasm check", "call 112 now", "112"],
]) {
  test(`${name}: the first screen shows before the wasm, and the live widget replaces it with the same markup, in place`, async () => {
    const { page, release } = await openHeld(path, { locale });
    try {
      // Before any wasm: the heading, the emergency line with the configured number, Start.
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      if (call) assert.equal(await page.getByRole("link", { name: call }).getAttribute("href"), `tel:${number}`);
      assert.equal(await page.locator("spasm-triage .st-root").getAttribute("aria-busy"), "true");
      assert.equal(await page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith("_bg.wasm") && r.responseEnd > 0)), false);
      const before = { markup: await markup(page), boxes: await boxes(page) };
      release();
      await live(page);
      assert.equal(await markup(page), before.markup, "the live widget's first screen differs from the prerendered one");
      assert.deepEqual(await boxes(page), before.boxes, "the first screen moved when the widget replaced it");
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], "layout shifted while the widget loaded");
      assert.deepEqual(page.errors(), []);
    } finally {
      await page.context().close();
    }
  });
}

test("the loader reads each embed's language, number and mode as the widget does, odd values included", async () => {
  const { page, release } = await openHeld("/hosts/configs.html", { locale: "es-ES" });
  const read = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("spasm-triage")].map((w) => {
        const root = w.shadowRoot.querySelector(".st-root");
        return `${root.lang} ${root.className} ${root.querySelector(".st-emergency-note a")?.getAttribute("href") ?? "-"}`;
      }),
    );
  try {
    await page.waitForFunction(() => [...document.querySelectorAll("spasm-triage")].every((w) => w.shadowRoot?.querySelector(".st-root")));
    const drawn = await read();
    release();
    await page.waitForFunction(() => [...document.querySelectorAll("spasm-triage")].every((w) => w.shadowRoot.querySelector(".st-root:not([aria-busy])")));
    assert.deepEqual(drawn, await read());
    // And what they read, worked out by hand from spasm_core::config: the browser speaks Spanish.
    assert.deepEqual(drawn, [
      "es st-root tel:112",
      "es st-root tel:911",
      "es st-root tel:911",
      "en st-root st-kiosk -",
      "es st-root tel:000", // "Kiosk" is not a mode (modes are lower case); 000 is 2 to 6 digits
      "es st-root tel:911",
    ]);
  } finally {
    await page.context().close();
  }
});

test("a tap on Start before the wasm arrives is kept: the check starts when the widget is ready", async () => {
  const { page, release } = await openHeld("/");
  try {
    const start = page.getByRole("button", { name: "Start the check" });
    await start.click();
    assert.equal(await start.getAttribute("data-waiting"), "", "the tapped button does not show that it waits");
    release();
    await live(page);
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    assert.equal(await page.getByRole("button", { name: "Start the check" }).count(), 0, "still on the first screen");
    // The first question has the focus, as after any Start, and nothing is answered: the kept tap
    // was done once, on Start only.
    assert.equal(await page.evaluate(() => document.querySelector("spasm-triage").shadowRoot.activeElement?.localName), "h2");
    await page.waitForTimeout(200);
    assert.equal(await page.locator("spasm-triage [aria-pressed=true], spasm-triage [aria-checked=true], spasm-triage input:checked").count(), 0);
    assert.equal(await page.getByRole("button", { name: "Back" }).count(), 1, "not on the first question");
  } finally {
    await page.context().close();
  }
});

test("a hand-off link paints the first screen without its buttons, then opens the summary, with nothing pressed", async () => {
  const { page, release } = await openHeld("/#s1.hrfjr.urgent.fever.chest_pain");
  try {
    await page.getByRole("heading", { level: 1, name: "Back spasm check" }).waitFor();
    assert.equal(await page.getByRole("button").count(), 0, "a Start button over a summary");
    release();
    await mounted(page);
    await page.getByRole("heading", { name: "Summary for your doctor" }).waitFor();
    assert.equal(new URL(page.url()).hash, "#s1.hrfjr.urgent.fever.chest_pain", "something on the summary was pressed");
  } finally {
    await page.context().close();
  }
});

test("a reload in the middle of a check paints the first screen without its buttons, then comes back to the question", async () => {
  const page = await openPage(site.browser, site.server.origin, { serviceWorkers: "block" });
  try {
    await page.goto(site.server.origin + "/");
    await page.getByRole("button", { name: "Start the check" }).click();
    const question = await page.getByRole("heading", { level: 2 }).first().innerText();
    let release;
    const held = new Promise((ok) => (release = ok));
    await page.route(/_bg\.wasm$/, async (route) => (await held, route.continue()));
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Back spasm check" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "call 911 now" }).getAttribute("href"), "tel:911");
    assert.equal(await page.getByRole("button").count(), 0, "a Start button on a check under way");
    release();
    await page.getByRole("heading", { level: 2, name: question }).waitFor();
  } finally {
    await page.context().close();
  }
});

for (const [name, path, heading, note, call, number] of [
  ["the standalone page", "/", "Back spasm check", "Sorry, the back spasm check could not load. If this is an emergency, call 911 now.", "call 911 now", "911"],
  ["a kiosk", "/?mode=kiosk", "Back spasms?", "Sorry, the back spasm check could not load. If this is an emergency, call 911 now.", null, null],
  ["an embed", "/hosts/first-screen.html", "Back spasm check", "Sorry, the back spasm check could not load. If this is an emergency, call 112 now.", "call 112 now", "112"],
]) {
  test(`${name}: when the wasm cannot load, the first screen stays and says so, with the emergency line`, async () => {
    const { page } = await openHeld(path, { refuse: true });
    try {
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.equal((await alert.innerText()).trim(), note);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      if (call) assert.equal(await page.getByRole("link", { name: call }).getAttribute("href"), `tel:${number}`);
      assert.equal(await page.getByRole("button").count(), 0, "a button that cannot work is left");
      assert.equal(await page.locator("spasm-triage .st-root").getAttribute("aria-busy"), null);
    } finally {
      await page.context().close();
    }
  });
}
