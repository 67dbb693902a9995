// Layout on the smallest phones (issue 21): at 320 px with larger text, no screen of the check
// scrolls sideways (the review's "Change" buttons overflowed before), and on a page of several
// questions an unanswered one is marked where it is when the patient tries to go on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, useSite, mounted, assertAccessible } from "./harness.mjs";
import { answerAll, pressStart, MILD } from "./journey.mjs";

const site = useSite();

async function noSidewaysScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
  assert.ok(scroll <= width, `${what}: the page is ${scroll}px wide in a ${width}px window`);
}

/** Answers single-question pages mildly until the first page of several questions. */
async function toFirstGroupedPage(page) {
  for (let i = 0; i < 40 && !(await page.getByRole("button", { name: "None of these", exact: true }).count()); i++) {
    const title = (await page.locator("[data-focus-heading]").innerText()).trim();
    const mild = MILD.find(([start]) => start.test(title))?.[1] ?? "No";
    await page.getByRole("group", { name: title }).getByRole("button", { name: mild, exact: true }).click();
    await page.locator("[data-focus-heading]").filter({ hasNotText: title }).waitFor();
  }
}

test("at 320 px with larger text, no screen scrolls sideways: questions, a grouped page, the result, the review", async () => {
  const page = await openPage(site.browser, site.server.origin, { viewport: { width: 320, height: 640 } });
  try {
    await page.goto(site.server.origin + "/?lang=en");
    await mounted(page);
    await page.getByRole("button", { name: "Larger text" }).click();
    await noSidewaysScroll(page, "the start screen");
    await pressStart(page);
    await noSidewaysScroll(page, "a question");
    await toFirstGroupedPage(page);
    await noSidewaysScroll(page, "a page of several questions");
    await answerAll(page);
    await noSidewaysScroll(page, "the result");
    await page.getByRole("button", { name: "Change an answer" }).click();
    await page.getByRole("heading", { level: 2, name: "Check your answers" }).waitFor();
    await noSidewaysScroll(page, "the review");
    // Each Change button holds its word.
    for (const change of await page.getByRole("button", { name: /^Change:/ }).all()) {
      const fits = await change.evaluate((b) => b.scrollWidth <= b.clientWidth);
      assert.ok(fits, "a Change button's word overflows it");
    }
  } finally {
    await page.context().close();
  }
});

test("on a page of several questions, each question left unanswered is marked where it is", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/?lang=en");
    await mounted(page);
    await pressStart(page);
    await toFirstGroupedPage(page);
    const items = page.locator(".st-item");
    const count = await items.count();
    assert.ok(count >= 2);
    await items.first().getByRole("button", { name: "No", exact: true }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("alert").filter({ hasText: "Please answer every question." }).waitFor();
    assert.equal(await items.first().getByText("Please answer this question.").count(), 0, "an answered question is marked");
    for (let i = 1; i < count; i++) {
      await items.nth(i).getByText("Please answer this question.").waitFor();
    }
    await assertAccessible(page, "a page with unanswered questions marked");
    // Answered, the mark goes.
    await items.nth(1).getByRole("button", { name: "Not sure", exact: true }).click();
    assert.equal(await items.nth(1).getByText("Please answer this question.").count(), 0);
  } finally {
    await page.context().close();
  }
});

test("the host page sizes and places the widget; the standalone page keeps a readable line length on a desktop", async () => {
  const page = await openPage(site.browser, site.server.origin, { viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(site.server.origin + "/?lang=en");
    await mounted(page);
    // About 40 em of text: the page's own rule (styles/page.css), which the widget no longer resets.
    const standalone = await page.locator("spasm-triage").boundingBox();
    assert.ok(standalone.width <= 660 && standalone.width >= 600, `the standalone widget is ${standalone.width}px wide`);
    assert.ok(Math.abs(standalone.x - (1280 - standalone.width) / 2) < 2, "the standalone widget is not centred");

    await page.goto(site.server.origin + "/hosts/plain.html");
    await page.addStyleTag({ content: "spasm-triage { max-width: 480px; margin: 24px 0 0 120px; }" });
    await mounted(page);
    const box = await page.locator("spasm-triage").boundingBox();
    assert.equal(box.width, 480);
    const body = await page.evaluate(() => document.body.getBoundingClientRect().x);
    assert.equal(box.x - body, 120);
    // What the host element would pass on by inheritance still stops at the widget.
    await page.addStyleTag({ content: "spasm-triage { color: magenta; letter-spacing: 9px; visibility: hidden; font: italic 30px serif; }" });
    const style = await page.getByRole("heading", { level: 1, name: "Back spasm check" }).evaluate((h) => {
      const s = getComputedStyle(h);
      return [s.color === "rgb(255, 0, 255)", s.letterSpacing, s.visibility, s.fontStyle, s.fontSize];
    });
    assert.deepEqual(style, [false, "normal", "visible", "normal", "25.6px"]);
  } finally {
    await page.context().close();
  }
});
