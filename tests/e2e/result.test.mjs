// The result's hierarchy (issue 21): the headline is the largest text; the main action is the
// strongest button (the practice's booking or phone on `soon` and `urgent`, the guide at home; on
// the emergency-department result, going there, with the emergency number a plain action after);
// a `self_care` result first says which warning signs the patient does not have; and on a 390 px
// phone the level, its time frame and the first action are on screen without scrolling.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, useSite, mounted, assertAccessible } from "./harness.mjs";
import { answerAll, headline, pressStart } from "./journey.mjs";

const site = useSite();
const PHONE = { width: 390, height: 844 };
const ACCENT = "rgb(11, 93, 85)";

/** Opens hosts/plain.html (the practice's name, phone and booking link) on a phone, answers as
 * `answers` says, and runs `body` on the result. */
async function result(answers, body) {
  const page = await openPage(site.browser, site.server.origin, { viewport: PHONE });
  try {
    await page.goto(site.server.origin + "/hosts/plain.html");
    await mounted(page);
    await pressStart(page);
    await answerAll(page, answers);
    await body(page, page.locator(".st-result"));
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
}

/** The bottom of `locator` is within the first screen of the phone (the page is at its top: the
 * widget scrolls itself to the top of a new screen only if needed, so scroll there first). */
async function onFirstScreen(page, locator, what) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await locator.boundingBox();
  assert.ok(box && box.y + box.height <= PHONE.height, `${what} is below the first screen (${box && box.y + box.height}px)`);
}

async function largestText(page, result) {
  const sizes = await result.evaluate((root) =>
    [...root.querySelectorAll("*")].filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).map((e) => [e.className || e.tagName, parseFloat(getComputedStyle(e).fontSize)]),
  );
  const headline = sizes.find(([c]) => String(c).includes("st-headline"))[1];
  for (const [what, size] of sizes) assert.ok(size <= headline, `${what} (${size}px) is larger than the headline (${headline}px)`);
}

test("self_care: the good news first, the guide as the main action, all on the first screen", () =>
  result({}, async (page, result) => {
    assert.equal(await headline(page), "Care for your back at home");
    assert.match(await result.locator(".st-reassure").innerText(), /^Good news: you have none of the warning signs of an emergency/);
    const guide = result.getByRole("button", { name: "Open the self-care guide" });
    await onFirstScreen(page, result.locator(".st-headline"), "the headline");
    await onFirstScreen(page, result.locator(".st-time"), "the time frame");
    await onFirstScreen(page, guide, "the self-care guide button");
    assert.equal(await guide.evaluate((b) => getComputedStyle(b).backgroundColor), ACCENT);
    await largestText(page, result);
  }));

test("soon: the practice's booking link is the filled main action, before what to do, on the first screen", () =>
  result({ answers: { "How old": "Under 16" } }, async (page, result) => {
    assert.equal(await headline(page), "Book a visit with a doctor");
    const book = result.getByRole("link", { name: "Book a visit online" });
    const call = result.getByRole("link", { name: /^Call Riverside Family Practice/ });
    assert.equal(await book.evaluate((a) => getComputedStyle(a).backgroundColor), ACCENT);
    assert.notEqual(await call.evaluate((a) => getComputedStyle(a).backgroundColor), ACCENT, "two filled buttons");
    const whatToDo = await result.getByRole("heading", { name: "What to do now" }).boundingBox();
    assert.ok((await book.boundingBox()).y < whatToDo.y, "the booking link comes after what to do");
    await onFirstScreen(page, result.locator(".st-time"), "the time frame");
    await onFirstScreen(page, book, "the booking link");
    assert.equal(await result.locator(".st-reassure").count(), 0);
    await largestText(page, result);
  }));

test("emergency department: going there is the main advice; the emergency number is a plain action after it, not a red bar", () =>
  result({ warning: { "Since your back pain started, is peeing or pooing different?": "Yes" } }, async (page, result) => {
    assert.equal(await headline(page), "Go to an emergency department now");
    assert.equal(await result.locator(".st-call").count(), 0, "a big call bar contradicts 'ask someone to take you'");
    const go = result.locator(".st-do li").first();
    assert.match(await go.innerText(), /^Go to the nearest emergency department now/);
    assert.equal(await go.evaluate((li) => getComputedStyle(li).fontWeight), "700");
    const call = result.getByRole("link", { name: "No one to take you? Call 911" });
    assert.equal(await call.getAttribute("href"), "tel:911");
    assert.ok((await call.boundingBox()).y > (await go.boundingBox()).y, "the call comes before how to go");
    assert.notEqual(await call.evaluate((a) => getComputedStyle(a).backgroundColor), ACCENT, "calling is filled like a main action");
    await onFirstScreen(page, result.locator(".st-time"), "the time frame");
    await onFirstScreen(page, go, "going to the emergency department");
    await largestText(page, result);
    await assertAccessible(page, "the emergency-department result");
  }));

test("call emergency: calling is the strongest thing, right under the headline", () =>
  result({ warning: { "Do you have pain, pressure, or tightness in your chest": "Yes" } }, async (page, result) => {
    assert.equal(await headline(page), "Call 911 now");
    const call = result.locator(".st-call");
    assert.equal(await call.getAttribute("href"), "tel:911");
    await onFirstScreen(page, call, "the call button");
    await largestText(page, result);
  }));
