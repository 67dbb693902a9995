// The floating launcher (data-mode="launcher", issue 21): a button fixed at the page's corner, above
// the page's own fixed bars, opening a modal panel with the practice's name and a close button;
// Escape closes it, focus stays inside while it is open and goes back to the button after, the
// panel keeps the patient's place, and on a phone it fills the screen. hosts/launcher-page.html
// has a cookie bar at the highest z-index and a root font size of 62.5 %.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, useSite, mounted, assertAccessible, launcherClosed } from "./harness.mjs";
import { pressStart } from "./journey.mjs";

const site = useSite();

async function withLauncher(query, body, options = {}) {
  const page = await openPage(site.browser, site.server.origin, options);
  try {
    await page.goto(`${site.server.origin}/hosts/launcher-page.html${query}`);
    await body(page);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
}

/** What has focus, seen through the widget's shadow root: "button", "dialog", "page" (something of
 * the host page), or "browser" (nothing in the page: the browser's own controls, between a modal
 * dialog's last control and its first). */
function focusIsIn(page) {
  return page.evaluate(() => {
    const host = document.querySelector("spasm-triage");
    if (document.activeElement === document.body || !document.activeElement) return "browser";
    if (document.activeElement !== host) return "page";
    const active = host.shadowRoot.activeElement;
    if (active?.classList.contains("st-launch")) return "button";
    return active?.closest("dialog") ? "dialog" : "page";
  });
}

test("the launcher floats at the corner above the page's cookie bar, and opens a panel named for the practice", () =>
  withLauncher("", async (page) => {
    const button = page.getByRole("button", { name: "Check my back spasm" });
    await button.waitFor();
    const box = await button.boundingBox();
    const { width, height } = page.viewportSize();
    assert.ok(width - (box.x + box.width) <= 24 && height - (box.y + box.height) <= 24, `not at the corner: ${JSON.stringify(box)}`);
    assert.ok(box.height >= 44, "a target under 44 px");
    // Nothing of the page is over it: the top of the page at its centre is the button itself.
    const top = await page.evaluate(([x, y]) => {
      const host = document.querySelector("spasm-triage");
      return document.elementFromPoint(x, y) === host && host.shadowRoot.elementFromPoint(x, y)?.className;
    }, [box.x + box.width / 2, box.y + box.height / 2]);
    assert.equal(top, "st-launch", "the cookie bar covers the launcher");
    // The page's font size (62.5 %) does not shrink it.
    assert.equal(await button.evaluate((b) => getComputedStyle(b).fontSize), "17px");

    await button.click();
    const panel = page.getByRole("dialog", { name: "Riverside Family Practice" });
    await panel.waitFor();
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    await panel.getByRole("heading", { level: 1, name: "Back spasm check" }).waitFor();
    assert.equal(await focusIsIn(page), "dialog");
    await mounted(page);
    await assertAccessible(page, "the launcher's panel, open");
  }));

test("Escape closes the panel and focus goes back to the button; opened again, the panel is where the patient was", () =>
  withLauncher("", async (page) => {
    const button = page.getByRole("button", { name: "Check my back spasm" });
    await button.click();
    const panel = page.getByRole("dialog", { name: "Riverside Family Practice" });
    await pressStart(panel);
    await panel.getByRole("button", { name: "No", exact: true }).click();
    await panel.getByText(/^Question 2 of about \d+$/).first().waitFor();
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    await launcherClosed(page);
    assert.equal(await focusIsIn(page), "button");
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    await page.keyboard.press("Enter");
    await panel.getByText(/^Question 2 of about \d+$/).first().waitFor();
    // The close button and a tap beside the panel close it too.
    await panel.getByRole("button", { name: "Close" }).click();
    await panel.waitFor({ state: "hidden" });
    await launcherClosed(page);
    assert.equal(await focusIsIn(page), "button");
    await button.click();
    await panel.waitFor();
    await page.mouse.click(10, 10);
    await panel.waitFor({ state: "hidden" });
  }));

test("while the panel is open, Tab never leaves it", () =>
  withLauncher("", async (page) => {
    await page.getByRole("button", { name: "Check my back spasm" }).click();
    await mounted(page);
    // Around the panel's controls twice (six on its first screen), forwards and back.
    const seen = new Set();
    for (const key of [...Array(16).fill("Tab"), ...Array(16).fill("Shift+Tab")]) {
      await page.keyboard.press(key);
      const where = await focusIsIn(page);
      seen.add(where);
      assert.ok(where === "dialog" || where === "browser", `${key} reached the ${where}`);
    }
    assert.ok(seen.has("dialog"));
  }));

test("on a phone the panel fills the screen", () =>
  withLauncher(
    "",
    async (page) => {
      await page.getByRole("button", { name: "Check my back spasm" }).click();
      const panel = page.getByRole("dialog", { name: "Riverside Family Practice" });
      await panel.waitFor();
      assert.deepEqual(await panel.boundingBox(), { x: 0, y: 0, width: 390, height: 844 });
      // The close button stays in reach, at the top.
      const close = await panel.getByRole("button", { name: "Close" }).boundingBox();
      assert.ok(close.y < 20 && close.width >= 44 && close.height >= 44, JSON.stringify(close));
    },
    { viewport: { width: 390, height: 844 } },
  ));

test("in Spanish, the launcher and its panel speak Spanish", () =>
  withLauncher("?lang=es", async (page) => {
    await page.getByRole("button", { name: "Revisar mi espasmo de espalda" }).click();
    const panel = page.getByRole("dialog", { name: "Riverside Family Practice" });
    await panel.getByRole("heading", { level: 1, name: "Chequeo de espasmos de espalda" }).waitFor();
    await panel.getByRole("button", { name: "Cerrar" }).click();
    await panel.waitFor({ state: "hidden" });
  }));
