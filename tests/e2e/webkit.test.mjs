// The journeys in WebKit (issue 21: most patients use an iPhone, and every iPhone browser is
// WebKit): the all-clear journey and an emergency journey on the standalone page, and the embed on
// a practice's page, in WebKitGTK driven through Debian's WebKitWebDriver (see webdriver.mjs) on a
// private Xvfb display. Elements are found by role and accessible name, as in the Chromium tests.
//
// A machine without WebKitWebDriver or Xvfb fails here, naming scripts/setup.sh (which installs
// them); SPASM_NO_WEBKIT=1 leaves these tests out instead.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./harness.mjs";
import { launchWebKit, NO_WEBKIT } from "./webdriver.mjs";

const skip = NO_WEBKIT && "SPASM_NO_WEBKIT=1: WebKit tests left out";
const site = {};

before(async () => {
  if (skip) return;
  site.server = await serve();
  site.driver = await launchWebKit();
});
after(async () => {
  await site.driver?.close();
  await site.server?.close();
});

/** An iPhone's window, as near as MiniBrowser goes (447 CSS px wide: see webdriver.mjs). */
const PHONE = { width: 390, height: 844 };

/**
 * Runs `journey(webkit, origin)` in a new WebKit session (a new patient, a window of `size`),
 * closed after.
 */
async function inWebKit(journey, size) {
  const webkit = await site.driver.session(size);
  try {
    await journey(webkit, site.server.origin);
  } finally {
    await webkit.close();
  }
}

/** The patient's answers on pages of one question; "No" to everything else. */
const MILD = { "How old are you?": "20 to 50", "How long have you had these back spasms?": "Less than 1 day" };

/**
 * Answers the interview as an all-clear adult (see MILD), one tap a page as in
 * interview.test.mjs: "No" on a page of one question, "None of these" on a page of several, "See
 * my result" on the contributing factors. Returns the result screen and the number of taps.
 */
async function answerAllClear(webkit) {
  let taps = 0;
  let screen = await webkit.screenWhere("the first question", (s) => !s.result && s.heading !== "Back spasm check");
  while (!screen.result) {
    const question = screen.heading;
    if (screen.grouped.length) {
      await webkit.click("button", "None of these");
    } else if (screen.checkboxes) {
      await webkit.click("button", "See my result");
    } else {
      await webkit.click("button", MILD[question] ?? "No", { within: { role: "group", name: question } });
    }
    taps++;
    assert.ok(taps <= 40, "the interview never ended");
    screen = await webkit.screenWhere(`the page after "${question}"`, (s) => s.result || s.heading !== question);
  }
  return [screen, taps];
}

test("WebKit: an all-clear adult aged 20 to 50 reaches \"Care for your back at home\"", { skip }, () =>
  inWebKit(async (webkit, origin) => {
    await webkit.goto(origin + "/?lang=en");
    await webkit.mounted();
    await webkit.click("button", "Start the check");
    const [result, taps] = await answerAllClear(webkit);
    assert.equal(result.heading, "Care for your back at home");
    assert.ok(taps <= 28, `${taps} taps after "Start the check"`);
    // At a phone's width, nothing scrolls sideways.
    const [scroll, width] = await webkit.run(() => [document.documentElement.scrollWidth, innerWidth]);
    assert.ok(scroll <= width, `the result page scrolls sideways: ${scroll} px wide in a ${width} px window`);
    // The result's first action is there and works in WebKit too.
    await webkit.click("button", "Change an answer");
    await webkit.screenWhere("the review", (s) => s.heading === "Check your answers");
    assert.deepEqual(await webkit.errors(), []);
  }, PHONE));

test("WebKit: chest pain (the first question) gives \"Call 911 now\"", { skip }, () =>
  inWebKit(async (webkit, origin) => {
    await webkit.goto(origin + "/?lang=en");
    await webkit.mounted();
    await webkit.click("button", "Start the check");
    const first = await webkit.screenWhere("the first question", (s) => /chest/.test(s.heading));
    await webkit.click("button", "Yes", { within: { role: "group", name: first.heading } });
    const result = await webkit.screenWhere("the result", (s) => s.result);
    assert.match(result.heading, /^Call 911 now/);
    assert.ok(await webkit.count("link", { prefix: "Call 911" }), "a link that calls 911");
    assert.deepEqual(await webkit.errors(), []);
  }, PHONE));

test("WebKit: the widget embedded on a practice's page starts and reaches the first question", { skip }, () =>
  inWebKit(async (webkit, origin) => {
    await webkit.goto(origin + "/hosts/plain.html");
    await webkit.mounted();
    const welcome = await webkit.screen();
    assert.equal(welcome.heading, "Back spasm check");
    await webkit.click("button", "Start the check");
    const first = await webkit.screenWhere("the first question", (s) => /chest/.test(s.heading));
    for (const answer of ["Yes", "No", "Not sure"]) {
      assert.equal(await webkit.count("button", answer, { within: { role: "group", name: first.heading } }), 1, answer);
    }
    assert.deepEqual(await webkit.errors(), []);
  }));
