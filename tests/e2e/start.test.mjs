// The built demo page loads, shows the widget, asks nothing of any other origin and logs no error
// or warning.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, assertAccessible, mounted } from "./harness.mjs";

const site = useSite();

test("the demo page shows the widget's start screen", async () => {
  const page = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + "/");
  const heading = page.getByRole("heading", { level: 1, name: "Back spasm check" });
  await heading.waitFor({ timeout: 15000 });
  await page.getByText("This is not a diagnosis. It does not replace a doctor.").waitFor();
  // The way out for an emergency is on the very first screen.
  assert.equal(await page.getByRole("link", { name: "call 911 now" }).getAttribute("href"), "tel:911");
  await assertAccessible(page, "the start screen");
  assert.deepEqual(page.foreign(), [], "requests left the page's origin");
  assert.deepEqual(page.errors(), [], "console errors");
  // The widget read its element's attributes (data-remember) without a warning.
  await mounted(page);
  assert.deepEqual(page.warnings(), [], "console warnings");
  await page.context().close();
});
