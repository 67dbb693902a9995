// The loader's <spasm-triage> custom element on pages that change: a single-page app adds widgets
// after the page has loaded and removes them again, and several widgets on one page keep their
// own sessions across a reload whatever order they mount in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage } from "./harness.mjs";
import { answerAll, headline, pressStart } from "./journey.mjs";

const site = useSite();

async function withPage(path, body) {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + path);
    await body(page);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
}

/** What a single-page app's route does: adds a region named `label` holding a widget. */
async function addWidget(page, label, attributes) {
  await page.evaluate(([label, attributes]) => {
    const region = document.createElement("section");
    region.setAttribute("aria-label", label);
    const widget = document.createElement("spasm-triage");
    for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
    region.append(widget);
    document.getElementById("app").append(region);
  }, [label, attributes]);
  return page.getByRole("region", { name: label });
}

/** The "Question n of about m" line in `region` (not the live region, which says it too). */
const sign = (region, n = "\\d+") => region.locator(".st-progress", { hasText: new RegExp(`^Question ${n} of about \\d+$`) });

/** Where the patient is in the interview, e.g. "Question 2 of about 35". */
const progress = (region) => sign(region).innerText();

/** Presses Start and answers "No" to the first `count` warning signs; returns where it stopped. */
async function answerWarnings(region, count) {
  await pressStart(region);
  for (let i = 0; i < count; i++) await region.getByRole("button", { name: "No", exact: true }).click();
  await sign(region, count + 1).waitFor();
  return progress(region);
}

test("a widget a single-page app adds after load mounts and works; moved, it keeps going; removed and added back, it resumes", () =>
  withPage("/hosts/spa.html", async (page) => {
    await page.evaluate(() => {
      window.__results = [];
      document.addEventListener("spasm-triage:result", (e) => window.__results.push(e.detail));
    });
    const region = await addWidget(page, "Book a visit", { id: "check", "data-emergency-number": "999", "data-remember": "session" });
    assert.equal(await region.getByRole("link", { name: "call 999 now" }).getAttribute("href"), "tel:999");
    const place = await answerWarnings(region, 1);

    // Moved elsewhere on the page in one go (removed and put back in the same task): the same app
    // carries on, not a new one.
    const moved = await page.evaluate(() => {
      const widget = document.getElementById("check");
      const app = widget.shadowRoot.querySelector(".st-root");
      const aside = document.createElement("aside");
      document.body.append(aside);
      aside.append(widget.parentElement);
      return new Promise((ok) => setTimeout(() => ok(widget.shadowRoot.querySelector(".st-root") === app)));
    });
    assert.ok(moved, "moving the widget mounted a new app");
    assert.equal(await progress(region), place);

    // Removed (another route), then added back: it resumes where the patient was.
    await page.evaluate(() => document.getElementById("check").parentElement.remove());
    await region.waitFor({ state: "detached" });
    const again = await addWidget(page, "Book a visit", { id: "check", "data-emergency-number": "999", "data-remember": "session" });
    assert.equal(await progress(again), place);
    // And it works to the end, telling the page the level.
    await answerAll(page);
    assert.equal(await headline(page), "Care for your back at home");
    assert.deepEqual(await page.evaluate(() => window.__results), [{ level: "self_care" }]);
  }));

test("a widget removed from the page stops: a kiosk's idle prompt and reset never come", () =>
  withPage("/hosts/spa.html", async (page) => {
    const kiosk = { "data-mode": "kiosk", "data-prompt-seconds": "10" };
    // The widget to be removed would prompt and reset first, ten seconds before the one that stays;
    // the page's clock is the test's to move on.
    await page.clock.install();
    const gone = await addWidget(page, "Waiting room A", { id: "gone", "data-idle-seconds": "30", ...kiosk });
    const stays = await addWidget(page, "Waiting room B", { id: "stays", "data-idle-seconds": "40", ...kiosk });
    await pressStart(gone);
    await pressStart(stays);
    await sign(gone, 1).waitFor();
    // The host page keeps hold of the removed element and of what the widget had drawn in it.
    await page.evaluate(() => {
      window.__gone = document.getElementById("gone");
      window.__drawn = window.__gone.shadowRoot.firstElementChild;
      window.__gone.parentElement.remove();
    });
    // The widget that stays prompts, then resets to its attract screen: by then the removed one,
    // had its timers lived on, would have done both.
    await page.clock.runFor(41_000);
    await stays.getByRole("alertdialog", { name: "Still there?" }).waitFor();
    await page.clock.runFor(10_500);
    await stays.getByRole("heading", { level: 1, name: "Back spasms?" }).waitFor();
    const left = await page.evaluate(() => ({
      root: window.__gone.shadowRoot.childNodes.length,
      drawn: window.__drawn.textContent,
      dialog: window.__drawn.querySelector("dialog") !== null,
    }));
    assert.deepEqual(left, { root: 0, drawn: "", dialog: false }, "the removed widget lived on");
  }));

test("two launchers opened in the opposite order each restore their own answers after a reload", () =>
  withPage("/hosts/launchers.html", async (page) => {
    const north = page.getByRole("region", { name: "North clinic" });
    const south = page.getByRole("region", { name: "South clinic" });
    // Each panel is modal: it is closed (Escape) before the other launcher's button is pressed.
    await south.getByRole("button", { name: "Check my back (south)" }).click();
    const southPlace = await answerWarnings(south, 2);
    await page.keyboard.press("Escape");
    await north.getByRole("button", { name: "Check my back (north)" }).click();
    const northPlace = await answerWarnings(north, 1);
    await page.keyboard.press("Escape");

    await page.reload();
    await north.getByRole("button", { name: "Check my back (north)" }).click();
    assert.equal(await progress(north), northPlace);
    assert.equal(await north.getByRole("link", { name: "call 112 now" }).getAttribute("href"), "tel:112");
    await page.keyboard.press("Escape");
    await south.getByRole("button", { name: "Check my back (south)" }).click();
    assert.equal(await progress(south), southPlace);
  }));

test("widgets with ids keep their own sessions whatever order a single-page app adds them in", () =>
  withPage("/hosts/spa.html", async (page) => {
    const first = await addWidget(page, "North clinic", { id: "north", "data-remember": "session" });
    const second = await addWidget(page, "South clinic", { id: "south", "data-remember": "session" });
    const northPlace = await answerWarnings(first, 1);
    const southPlace = await answerWarnings(second, 3);

    await page.reload();
    const south = await addWidget(page, "South clinic", { id: "south", "data-remember": "session" });
    const north = await addWidget(page, "North clinic", { id: "north", "data-remember": "session" });
    assert.equal(await progress(south), southPlace);
    assert.equal(await progress(north), northPlace);
  }));

test("a launcher a single-page app adds opens the widget; removed and added back, it is closed and opens where the patient was", () =>
  withPage("/hosts/spa.html", async (page) => {
    const region = await addWidget(page, "Our practice", { "data-mode": "launcher", "data-remember": "session" });
    const button = region.getByRole("button", { name: "Check my back spasm" });
    await button.click();
    const place = await answerWarnings(region, 2);
    // Removed while its panel is open.
    await page.evaluate(() => document.querySelector("spasm-triage").parentElement.remove());
    await region.waitFor({ state: "detached" });
    const again = await addWidget(page, "Our practice", { "data-mode": "launcher", "data-remember": "session" });
    const reopen = again.getByRole("button", { name: "Check my back spasm" });
    assert.equal(await reopen.getAttribute("aria-expanded"), "false");
    await reopen.click();
    assert.equal(await progress(again), place);
    assert.equal(page.requests().filter((u) => u.endsWith(".wasm")).length, 1, "the wasm loaded again");
  }));
