// The self-care guide's top (issue 21): "Back to my result" first, the short advice to keep moving,
// then the guide's other parts as an overview, each closed under its heading until opened.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, useSite, mounted } from "./harness.mjs";
import { openGuide, openPart, toResult } from "./journey.mjs";

const site = useSite();
const PARTS = ["Rest in a comfortable position", "Use ice now", "Gentle stretches", "Drink and eat well", "Medicine you can buy"];

test("the self-care guide opens to an overview: Back to my result, keep moving, and its parts to open one by one", async () => {
  const page = await openPage(site.browser, site.server.origin, { viewport: { width: 390, height: 844 } });
  try {
    await page.goto(site.server.origin + "/?lang=en");
    await mounted(page);
    assert.equal(await toResult(page), "Care for your back at home");
    const guide = await openGuide(page);
    assert.equal((await guide.getByRole("button").first().innerText()).trim(), "Back to my result");
    await guide.getByRole("heading", { level: 3, name: "Keep moving" }).waitFor();
    // Less than a day: ice (spec section 6). Each part is closed: its heading shows, not its body.
    assert.deepEqual(await guide.locator("summary").allInnerTexts(), PARTS);
    assert.equal(await guide.getByRole("button", { name: "Start an ice round" }).isVisible(), false);
    // The overview is short: the last part's heading is on the first screen of a phone, or nearly.
    const last = await guide.locator("summary").last().boundingBox();
    assert.ok(last.y + last.height <= 844 * 1.6, `the overview runs to ${last.y}px`);
    // A part opens by keyboard too, and its timer works.
    await guide.locator("summary", { hasText: "Use ice now" }).focus();
    await page.keyboard.press("Enter");
    await guide.getByRole("button", { name: "Start an ice round" }).waitFor();
    await openPart(guide, "Gentle stretches");
    await guide.getByRole("heading", { level: 4, name: "Cat-cow" }).waitFor();
    await guide.getByRole("button", { name: "Back to my result" }).first().click();
    await page.getByRole("heading", { level: 2, name: "Care for your back at home" }).waitFor();
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});
