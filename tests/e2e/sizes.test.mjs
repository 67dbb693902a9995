// The widget's type scale (issue 21): the same whatever the host page's root font size; the result's
// headline the largest text on its page; in kiosk mode every heading larger than the text below it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, useSite, mounted } from "./harness.mjs";
import { pressStart } from "./journey.mjs";

const site = useSite();

/** The computed font sizes (px) in the widget: its body text, and each heading and paragraph. */
function sizes(page) {
  return page.evaluate(() => {
    const root = document.querySelector("spasm-triage").shadowRoot.querySelector(".st-root");
    const px = (el) => parseFloat(getComputedStyle(el).fontSize);
    const texts = [...root.querySelectorAll("h1, h2, h3, h4, p, li, button, a")].filter((el) => el.checkVisibility() && el.textContent.trim());
    return {
      body: px(root),
      headings: [...root.querySelectorAll("h1, h2, h3, h4")].filter((h) => h.checkVisibility()).map((h) => [h.textContent.trim().slice(0, 30), px(h)]),
      largest: Math.max(...texts.map(px)),
      headline: root.querySelector(".st-headline") ? px(root.querySelector(".st-headline")) : null,
    };
  });
}

test("a host page's root font size (62.5 % or 24 px) neither shrinks nor swells the widget", async () => {
  const seen = [];
  for (const size of ["", "62.5%25", "24px"]) {
    const page = await openPage(site.browser, site.server.origin);
    try {
      await page.goto(`${site.server.origin}/hosts/root-size.html?${size}`);
      await mounted(page);
      const { body, headings } = await sizes(page);
      seen.push(JSON.stringify({ body, headings }));
      assert.ok(body >= 16, `body text ${body} px on a page with root font size ${size || "default"}`);
    } finally {
      await page.context().close();
    }
  }
  assert.equal(new Set(seen).size, 1, `sizes differ:\n${seen.join("\n")}`);
});

test("the result's headline is the largest text on its page", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/");
    await pressStart(page);
    await page.getByRole("button", { name: "Yes", exact: true }).click();
    await page.locator("spasm-triage .st-headline").waitFor();
    const { largest, headline } = await sizes(page);
    assert.equal(headline, largest, `the headline is ${headline} px, but text of ${largest} px is on the page`);
    assert.ok(headline >= 33, `the headline is ${headline} px`);
  } finally {
    await page.context().close();
  }
});

test("in kiosk mode every heading is larger than the body text", async () => {
  const page = await openPage(site.browser, site.server.origin, { viewport: { width: 1024, height: 768 } });
  try {
    await page.goto(site.server.origin + "/?mode=kiosk");
    await mounted(page);
    for (const step of ["attract screen", "first question", "result"]) {
      const { body, headings } = await sizes(page);
      assert.ok(headings.length > 0, step);
      for (const [text, px] of headings) assert.ok(px > body, `${step}: "${text}" is ${px} px, the body text ${body} px`);
      if (step === "attract screen") await pressStart(page);
      if (step === "first question") {
        await page.getByRole("button", { name: "Yes", exact: true }).click();
        await page.locator("spasm-triage .st-headline").waitFor();
      }
    }
  } finally {
    await page.context().close();
  }
});
