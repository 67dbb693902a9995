// The journeys in WebKit (issue 21: most patients use an iPhone, and every iPhone browser is
// WebKit): the all-clear journey and an emergency journey on the standalone page, the embed on a
// practice's page, and the floating launcher, in WebKitGTK driven through Debian's WebKitWebDriver (see webdriver.mjs) on a
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

test("WebKit: the floating launcher opens a full-window panel; Escape closes it, focus goes back, the place is kept", { skip }, () =>
  inWebKit(async (webkit, origin) => {
    await webkit.goto(origin + "/hosts/launcher-page.html");
    await webkit.click("button", "Check my back spasm");
    const panel = { role: "dialog", name: "Riverside Family Practice" };
    await webkit.find(panel.role, panel.name);
    // On a phone the panel fills the window.
    const [rect, size] = await webkit.run(() => {
      const r = document.querySelector("spasm-triage").shadowRoot.querySelector("dialog").getBoundingClientRect();
      return [[r.x, r.y, Math.round(r.width), Math.round(r.height)], [innerWidth, innerHeight]];
    });
    assert.deepEqual(rect, [0, 0, ...size], "the panel does not fill the window");
    await webkit.mounted();
    await webkit.click("button", "Start the check", { within: panel });
    const first = await webkit.screenWhere("the first question", (s) => /chest/.test(s.heading));
    await webkit.click("button", "No", { within: { role: "group", name: first.heading } });
    const second = await webkit.screenWhere("the second question", (s) => s.heading !== first.heading);
    /** What has focus: the launcher's button, something in the panel, or something else. */
    const focus = () =>
      webkit.run(() => {
        const active = document.querySelector("spasm-triage").shadowRoot.activeElement;
        if (active?.closest("dialog")) return "panel";
        return active?.getAttribute("aria-haspopup") === "dialog" ? "button" : String(active?.outerHTML ?? document.activeElement?.localName);
      });
    assert.equal(await focus(), "panel");
    await webkit.press("Escape");
    await webkit.waitFor("the panel to close", () => !document.querySelector("spasm-triage").shadowRoot.querySelector("dialog")?.open);
    assert.equal(await focus(), "button", "focus did not go back to the launcher");
    await webkit.press("Enter");
    await webkit.find(panel.role, panel.name);
    assert.equal((await webkit.screen()).heading, second.heading, "the panel lost the patient's place");
    assert.deepEqual(await webkit.errors(), []);
  }, PHONE));
