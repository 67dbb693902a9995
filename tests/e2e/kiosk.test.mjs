// Kiosk mode on a waiting-room tablet: the idle prompt and reset, nothing stored, no way back to
// the previous patient's answers, and nothing that leaves the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, assertAccessible, mounted } from "./harness.mjs";
import { answerAll, headline, toResult, pressStart, openGuide } from "./journey.mjs";

const site = useSite();

/** Everything the page could have stored. */
async function stored(page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).length,
  }));
}
const NOTHING = { local: 0, session: 0, cookie: "", indexedDB: 0 };

test("kiosk: attract screen, idle prompt, 'I'm still here', then a full reset that keeps nothing", async () => {
  const page = await openPage(site.browser, site.server.origin, { viewport: { width: 800, height: 1280 }, hasTouch: true });
  try {
    // The shortest times a practice may set (30 s quiet, a 10 s prompt), run on the page's own
    // clock, which the test moves on instead of waiting.
    await page.clock.install();
    await page.goto(site.server.origin + "/?mode=kiosk&idle-seconds=30&prompt-seconds=10");
    await page.getByRole("heading", { level: 1, name: "Back spasms?" }).waitFor();
    const historyAtLoad = await page.evaluate(() => history.length);
    // The attract screen fills the tablet's screen and no more: nothing to scroll.
    const { scroll, screen } = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, screen: innerHeight }));
    assert.equal(scroll, screen, "the kiosk page scrolls");
    await assertAccessible(page, "the kiosk attract screen");
    // Touch targets of at least 44 by 44 pixels.
    const start = page.getByRole("button", { name: "Start the check" });
    const box = await start.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, JSON.stringify(box));
    // The welcome drawing, with its words, between the words and the Start button.
    const art = await page.getByRole("img", { name: "A person with a hand on their sore lower back taps a tablet." }).boundingBox();
    assert.ok(art.height >= 100 && art.y + art.height <= box.y, `the drawing ${JSON.stringify(art)}, Start ${JSON.stringify(box)}`);
    await start.tap();
    await page.getByRole("button", { name: "Not sure", exact: true }).tap();
    assert.match(await headline(page), /^Did any of these start suddenly/);

    // Idle: the prompt comes, with a countdown, not before 30 s of quiet.
    const prompt = page.getByRole("alertdialog", { name: "Still there?" });
    await page.clock.runFor(25_000);
    assert.equal(await prompt.count(), 0, "the prompt came before 30 s of quiet");
    await page.clock.runFor(5_500);
    await prompt.waitFor();
    await assertAccessible(page, "the kiosk idle prompt");
    // Someone walking up sees the prompt, not the last patient's question and answers.
    assert.equal(await page.locator("[data-focus-heading]").isVisible(), false, "the question shows behind the prompt");
    await page.getByRole("button", { name: "I'm still here" }).tap();
    await prompt.waitFor({ state: "detached" });
    assert.match(await headline(page), /^Did any of these start suddenly/, "the patient's place was lost");
    assert.equal(await page.locator("[data-focus-heading]").isVisible(), true);


    // Finish the journey: not sure about chest pain is the emergency department once the other
    // call-now questions are answered. Still nothing stored.
    for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "No", exact: true }).tap();
    assert.equal(await headline(page), "Go to an emergency department now");
    assert.deepEqual(await stored(page), NOTHING);
    // The language and text size a patient chose are theirs alone: the reset brings back the default.
    await page.getByRole("button", { name: "Español" }).tap();
    await page.getByRole("button", { name: "Letra más grande" }).tap();
    assert.equal(await headline(page), "Vaya a una sala de emergencias ahora");

    // Walk away: the prompt, then the reset to the attract screen (an emergency result stays for the
    // whole idle time and countdown after it appeared).
    await page.clock.runFor(31_000);
    await page.getByRole("alertdialog").waitFor(); // in Spanish now
    assert.equal(await page.locator(".st-headline").textContent(), "Vaya a una sala de emergencias ahora", "the result went before the prompt");
    await page.clock.runFor(10_500);
    await page.getByRole("heading", { level: 1, name: "Back spasms?" }).waitFor();
    assert.equal(await page.locator(".st-root").getAttribute("lang"), "en");
    assert.equal(await page.getByRole("button", { name: "Larger text" }).getAttribute("aria-pressed"), "false");
    assert.deepEqual(await stored(page), NOTHING);
    assert.equal(await page.evaluate(() => history.length), historyAtLoad, "the widget added browser history");
    // The next patient finds no trace: no Back, no old answer pressed.
    await page.getByRole("button", { name: "Start the check" }).tap();
    const pressed = await page.locator("button[aria-pressed=true]").allInnerTexts();
    assert.deepEqual(pressed, [], `after the reset, ${await headline(page)} shows an old answer`);
    await page.getByRole("button", { name: "Back", exact: true }).tap();
    await page.getByRole("heading", { level: 1, name: "Back spasms?" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Back", exact: true }).count(), 0);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

for (const [width, height, large] of [[800, 1280], [1280, 800], [1280, 800, "larger text"], [768, 1024, "larger text"]]) {
  test(`kiosk at ${width} x ${height}${large ? `, ${large}` : ""}: the attract screen's heading, drawing and Start button fit the screen`, async () => {
    const page = await openPage(site.browser, site.server.origin, { viewport: { width, height }, hasTouch: true });
    try {
      await page.goto(site.server.origin + "/?mode=kiosk");
      const start = page.getByRole("button", { name: "Start the check" });
      await start.waitFor();
      if (large) await page.getByRole("button", { name: "Larger text" }).tap();
      assert.equal(await page.evaluate(() => document.documentElement.scrollHeight), height, "the attract screen scrolls");
      for (const [what, box] of [
        ["heading", await page.getByRole("heading", { level: 1, name: "Back spasms?" }).boundingBox()],
        ["drawing", await page.getByRole("img", { name: /sore lower back/ }).boundingBox()],
        ["Start", await start.boundingBox()],
      ]) {
        assert.ok(box.y >= 0 && box.y + box.height <= height, `the ${what} is off the screen: ${JSON.stringify(box)}`);
      }
      const sizes = await page.evaluate(() => {
        const root = document.querySelector("spasm-triage").shadowRoot;
        const size = (s) => parseFloat(getComputedStyle(root.querySelector(s)).fontSize);
        return [size("h1"), size(".st-primary"), size(".st-attract-lead"), size(".st-attract p:not(.st-attract-lead)")];
      });
      // The heading is the largest text, then the big Start button, the lead, the rest.
      assert.ok(sizes[0] > sizes[1] && sizes[1] > sizes[2] && sizes[2] > sizes[3], `font sizes ${sizes}`);
    } finally {
      await page.context().close();
    }
  });
}

test("kiosk: emergency advice without links, and the self-care guide stores nothing", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/?mode=kiosk");
    await pressStart(page);
    await page.getByRole("button", { name: "Yes", exact: true }).click();
    assert.equal(await headline(page), "Call 911 now");
    await page.getByText("Tell the front desk now, or call 911").waitFor();
    assert.equal(await page.locator("a[href]").count(), 0, "a kiosk result links out of the page");
    await assertAccessible(page, "a kiosk emergency result");
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("button", { name: "Yes, clear them" }).click();
    assert.equal(await toResult(page), "Care for your back at home");
    await openGuide(page, ["Use ice now"]);
    await page.getByRole("button", { name: "Start an ice round" }).click();
    await page.getByRole("button", { name: "Pause" }).waitFor();
    assert.deepEqual(await stored(page), NOTHING);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

test("a tampered URL is ignored with a warning, and the widget works", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/?mode=%3Cscript%3E&idle-seconds=-4");
    await page.getByRole("heading", { level: 1, name: "Back spasm check" }).waitFor();
    await mounted(page); // the widget read the page's address (not only the loader's first screen)
    assert.equal(page.warnings().filter((w) => w.includes("data-mode")).length, 1);
    assert.equal(page.warnings().filter((w) => w.includes("data-idle-seconds")).length, 1);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});
