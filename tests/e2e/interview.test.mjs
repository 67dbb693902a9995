// The interview as a patient taps through it (issue 21): an all-clear adult reaches a home-care
// result in at most 28 taps, every question page says where the patient is, and the browser's
// Back and forward buttons move between questions on the standalone page (not in kiosk mode).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage } from "./harness.mjs";
import { pressStart, headline, PROGRESS } from "./journey.mjs";

const site = useSite();

/** The progress line of the page on screen, as [n, about]. */
async function progress(page) {
  const text = (await page.locator(".st-root .st-progress").innerText()).trim();
  assert.match(text, PROGRESS);
  const [, n, about] = text.match(/(\d+) of about (\d+)/);
  const bar = page.locator("progress.st-bar");
  assert.equal(await bar.getAttribute("value"), n, "the bar shows the same place");
  assert.equal(await bar.getAttribute("max"), about);
  return [Number(n), Number(about)];
}

test("an all-clear adult aged 20 to 50 reaches a home-care result in at most 28 taps, told where they are on every page", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/");
    await pressStart(page);
    // The patient's answers: "No" to every sign, 20 to 50, a day or less; "None of these" where a
    // page asks several things; no contributing factor.
    const MILD = { "How old are you?": "20 to 50", "How long have you had these back spasms?": "Less than 1 day" };
    let taps = 0;
    const seen = [];
    while (!(await page.locator(".st-headline").count())) {
      const question = await headline(page);
      const [n, about] = await progress(page);
      seen.push([n, about]);
      const none = page.getByRole("button", { name: "None of these", exact: true });
      if (await none.count()) {
        await none.click();
      } else if (await page.getByRole("checkbox").count()) {
        // The last page: its button goes straight to the result.
        assert.equal(await page.getByRole("button", { name: "Next" }).count(), 0);
        await page.getByRole("button", { name: "See my result" }).click();
      } else {
        await page.getByRole("group", { name: question }).getByRole("button", { name: MILD[question] ?? "No", exact: true }).click();
      }
      taps++;
      assert.ok(taps <= 40, "the interview never ended");
      await page.locator("[data-focus-heading]").filter({ hasNotText: question }).first().waitFor();
    }
    assert.equal(await headline(page), "Care for your back at home");
    assert.ok(taps <= 28, `${taps} taps after "Start the check"`);
    assert.equal(taps, 28, "14 emergency-section pages, 4 about you, 7 urgent, 2 of soon questions, the factors");
    // "Question n of about N": n grows, and "about" stays put when no answer changes the path
    // (spasms under 2 days old take "not better after a few days" off it once answered).
    assert.deepEqual(seen[0], [1, 35]);
    assert.ok(seen.every(([n], i) => i === 0 || n > seen[i - 1][0]), JSON.stringify(seen));
    assert.deepEqual([...new Set(seen.map(([, about]) => about))], [35, 34]);
    assert.equal(seen.at(-1)[0], seen.at(-1)[1], "the last question is the last");
    // No review on the way; it opens from the result.
    await page.getByRole("button", { name: "Change an answer" }).click();
    assert.equal(await headline(page), "Check your answers");
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

test("browser Back and forward move between questions on the widget's own page, answers kept", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/");
    const url = page.url();
    await pressStart(page);
    const first = await headline(page);
    await page.getByRole("button", { name: "No", exact: true }).click();
    const second = await headline(page);
    await page.getByRole("button", { name: "No", exact: true }).click();
    assert.deepEqual(await progress(page), [3, 35]);

    await page.goBack();
    await page.getByRole("heading", { name: second }).waitFor();
    assert.deepEqual(await progress(page), [2, 35]);
    assert.equal(await page.locator("button[aria-pressed=true]").innerText(), "No", "the answer given is shown");
    await page.goBack();
    await page.getByRole("heading", { name: first }).waitFor();
    assert.equal(await page.locator("button[aria-pressed=true]").innerText(), "No");
    await page.goForward();
    await page.getByRole("heading", { name: second }).waitFor();
    await page.goForward();
    assert.deepEqual(await progress(page), [3, 35]);
    assert.equal(page.url(), url, "still on the widget's page");

    // The widget's own Back takes the browser's place back with it: browser Back then goes one
    // question further back, never out of the check.
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await page.getByRole("heading", { name: second }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: first }).waitFor();

    // An emergency answer: the result; browser Back returns to its question.
    await page.getByRole("button", { name: "Yes", exact: true }).click();
    assert.equal(await headline(page), "Call 911 now");
    await page.goBack();
    await page.getByRole("heading", { name: first }).waitFor();
    assert.equal(page.url(), url);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

test("in kiosk mode the questions add no browser history", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/?mode=kiosk");
    const before = await page.evaluate(() => history.length);
    await pressStart(page);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "No", exact: true }).click();
    assert.deepEqual(await progress(page), [4, 35]);
    assert.equal(await page.evaluate(() => history.length), before);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});
