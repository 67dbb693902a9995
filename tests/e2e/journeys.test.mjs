// One full journey to each of the five levels of care, in the release build, by role and name.
// Each also checks that nothing was requested from another origin and nothing was logged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, assertAccessible } from "./harness.mjs";
import { start, answerAll, headline } from "./journey.mjs";

const site = useSite();

async function journey(t, steps) {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await start(page, site.server.origin + "/");
    await steps(page);
    await assertAccessible(page, `result of "${t.name}"`);
    assert.deepEqual(page.foreign(), [], "requests left the page's origin");
    assert.deepEqual(page.errors(), [], "console errors");
  } finally {
    await page.context().close();
  }
}

test("chest pain: call emergency services, with the number to dial first", (t) =>
  journey(t, async (page) => {
    await answerAll(page, { warning: { "Do you have chest pain": "Yes" } });
    assert.equal(await headline(page), "Call 911 now");
    const call = page.getByRole("link", { name: "Call 911" });
    assert.equal(await call.getAttribute("href"), "tel:911");
    await page.getByText("You said you have chest pain, chest tightness, or trouble breathing.").waitFor();
  }));

test("bladder control lost: go to an emergency department, the interview ends at once", (t) =>
  journey(t, async (page) => {
    await answerAll(page, { warning: { "Have you lost control of your bladder": "Yes" } });
    assert.equal(await headline(page), "Go to an emergency department now");
    assert.equal(await page.getByRole("heading", { name: "Check your answers" }).count(), 0);
    assert.equal(await page.getByRole("link", { name: "Call 911" }).getAttribute("href"), "tel:911");
  }));

test("fever: speak to a doctor today, after the review", (t) =>
  journey(t, async (page) => {
    await answerAll(page, { answers: { "Do you have a fever": "Yes" } });
    await page.getByRole("button", { name: "See my result" }).click();
    assert.equal(await headline(page), "Speak to a doctor today");
    assert.equal(await page.locator(".st-time").innerText(), "When: Today, within the next few hours.");
    await page.getByText("You said you have a fever, chills, or night sweats.").waitFor();
  }));

test("more than two weeks: book a visit in the next few days", (t) =>
  journey(t, async (page) => {
    await answerAll(page, { answers: { "How long": "More than 2 weeks" } });
    await page.getByRole("button", { name: "See my result" }).click();
    assert.equal(await headline(page), "Book a visit with a doctor");
    assert.equal(await page.locator(".st-time").innerText(), "When: In the next few days.");
  }));

test("lifted something heavy, nothing else: care at home, with a safety net and causes", (t) =>
  journey(t, async (page) => {
    await answerAll(page, { factors: ["I lifted something heavy or bent over a lot"] });
    await page.getByRole("button", { name: "See my result" }).click();
    assert.equal(await headline(page), "Care for your back at home");
    await page.getByRole("heading", { name: "Get help if things change" }).waitFor();
    await page.getByText("Your back is not better in 2 weeks").waitFor();
    await page.getByRole("heading", { name: "Muscles guarding a strain or injury" }).waitFor();
    await page.getByText("Lifting or bending may have strained your back muscles.").waitFor();
    // The self-care guide opens from this result and passes the accessibility rules too.
    await page.getByRole("button", { name: "Open the self-care guide" }).click();
    assert.equal(await headline(page), "Caring for your back at home");
    await page.getByRole("img", { name: /lying on their back/ }).waitFor();
    await page.getByRole("button", { name: "Start an ice round" }).waitFor();
    await assertAccessible(page, "the self-care guide");
    await page.getByRole("button", { name: "Back to my result" }).click();
    // Start over clears everything.
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("heading", { level: 1, name: "Back spasm check" }).waitFor();
  }));

test("keyboard only: Tab and Enter reach a result, and focus follows each new question", (t) =>
  journey(t, async (page) => {
    // `start` clicked Start; from here on, only the keyboard.
    // The widget lives in a shadow root: follow focus into it.
    const focusedText = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.textContent?.trim();
      });
    assert.match(await focusedText(), /^Do you have chest pain/);
    await page.keyboard.press("Tab"); // Yes
    await page.keyboard.press("Tab"); // No
    await page.keyboard.press("Enter");
    assert.match(await focusedText(), /^Did numbness or weakness start suddenly/);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter"); // Yes
    assert.equal(await focusedText(), "Call 911 now");
  }));

test("every kind of question screen and the review pass axe-core's WCAG 2.2 AA rules", (t) =>
  journey(t, async (page) => {
    await assertAccessible(page, "a warning-sign question");
    for (let i = 0; i < 10; i++) await page.getByRole("button", { name: "No", exact: true }).click();
    await page.getByRole("heading", { name: "How long and how it started" }).waitFor();
    await assertAccessible(page, "a grouped page");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("alert").waitFor();
    await assertAccessible(page, "a grouped page asking for missing answers");
    await answerAll(page);
    await assertAccessible(page, "the review");
    await page.getByRole("button", { name: "See my result" }).click();
  }));
