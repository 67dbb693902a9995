// The article library: open an article from a result's "Read more", and search the library.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, assertAccessible } from "./harness.mjs";
import { headline, toResult, pressStart } from "./journey.mjs";

const site = useSite();

test("a result suggests articles from what the patient reported, and one opens with its sources", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/");
    assert.equal(await toResult(page, { factors: ["I have not been drinking much water"] }), "Care for your back at home");
    const readMore = page.getByRole("heading", { name: "Read more" });
    await readMore.waitFor();
    const first = page.locator(".st-library").getByRole("button").first();
    const title = (await first.innerText()).trim();
    await first.click();
    assert.equal(await headline(page), title);
    await page.getByRole("heading", { name: "Sources" }).waitFor();
    await assertAccessible(page, "an article");
    // Its review date in words, in the patient's language (issue 21).
    assert.match(await page.locator(".st-sources").innerText(), /Last reviewed (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\./);
    // Each source is a citation a patient can look up ("Back pain. NHS, no date."), never an internal note.
    const sources = await page.locator(".st-sources li").allInnerTexts();
    assert.ok(sources.length > 0);
    for (const source of sources) {
      assert.match(source.trim(), /^.+[.?!] .+, (\d{4}|no date)\.$/);
      assert.doesNotMatch(source, /reference article/i);
    }
    // Back returns to the result, unchanged.
    await page.getByRole("button", { name: "Back" }).click();
    assert.equal(await headline(page), "Care for your back at home");
    assert.deepEqual(page.foreign(), []);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

test("the library searches titles and text offline", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/");
    await page.getByRole("button", { name: "Read about back spasms" }).click();
    assert.equal(await headline(page), "Read about back spasms");
    await assertAccessible(page, "the library");
    const all = await page.locator(".st-library li").count();
    assert.ok(all >= 8, `only ${all} articles listed`);
    const search = page.getByRole("searchbox", { name: "Search the articles" });
    await search.fill("kidney stones");
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    const hits = await page.locator(".st-library li").count();
    assert.ok(hits >= 1 && hits < all, `${hits} of ${all} matched`);
    await search.fill("zzzz");
    await page.getByRole("status").filter({ hasText: "No articles match your search." }).waitFor();
    assert.equal(await page.locator(".st-library li").count(), 0);
    await search.fill("ice heat");
    await page.locator(".st-library").getByRole("button").first().click();
    await page.getByRole("heading", { name: "Sources" }).waitFor();
    assert.deepEqual(page.foreign(), []);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

test("the articles download only when the library opens; a failed download says so and can be retried", async () => {
  // Without the service worker, which caches every file after the page has loaded (the offline
  // tests cover that) and answers requests where this test's route cannot see them.
  const page = await openPage(site.browser, site.server.origin, { serviceWorkers: "block" });
  try {
    const articleFiles = () => page.requests().filter((u) => /articles-(en|es)-[0-9a-f]{16}\.txt$/.test(u));
    let refuse = true;
    await page.route(/articles-en-[0-9a-f]{16}\.txt$/, (route) => (refuse ? route.abort("internetdisconnected") : route.continue()));
    await page.goto(site.server.origin + "/");
    await pressStart(page);
    await page.getByRole("button", { name: "Back" }).click();
    assert.deepEqual(articleFiles(), [], "the first screens need no article text");
    await page.getByRole("button", { name: "Read about back spasms" }).click();
    await page.getByRole("status").filter({ hasText: "We could not get the articles." }).waitFor();
    assert.equal(await page.getByRole("searchbox").count(), 0);
    await assertAccessible(page, "the library when the articles could not be downloaded");
    refuse = false;
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("status").filter({ hasText: /^\d+ articles$/ }).waitFor();
    assert.ok(await page.locator(".st-library li").count() >= 8);
    assert.equal(articleFiles().length, 2, "one failed download and one retry");
    // Downloaded once: an article and the library again need no new request.
    await page.locator(".st-library").getByRole("button").first().click();
    await page.getByRole("heading", { name: "Sources" }).waitFor();
    await page.getByRole("button", { name: "Back" }).click();
    await page.locator(".st-library li").first().waitFor();
    assert.equal(articleFiles().length, 2);
    assert.deepEqual(page.foreign(), []);
  } finally {
    await page.context().close();
  }
});
