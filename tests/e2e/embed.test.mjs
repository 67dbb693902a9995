// One script tag on any practice website: isolation both ways, a strict CSP, several widgets,
// launcher mode's lazy load, bad attributes, and the result event.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { serve, launch, openPage, assertAccessible, scanQr, mounted, launcherClosed, DIST } from "./harness.mjs";
import { headline, toResult, pressStart } from "./journey.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, strict, browser;
before(async () => {
  server = await serve();
  strict = await serve(undefined, { headers: { "content-security-policy": CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await strict?.close();
});

async function withPage(origin, path, body) {
  const page = await openPage(browser, origin);
  try {
    await page.goto(origin + path);
    await body(page);
  } finally {
    await page.context().close();
  }
}

async function toSoonResult(page) {
  assert.equal(await toResult(page, { answers: { "How long": "More than 2 weeks" } }), "Book a visit with a doctor");
}

test("a plain host page: the widget appears, offers the practice's booking and phone, and tells the page the level only", () =>
  withPage(server.origin, "/hosts/plain.html", async (page) => {
    await page.evaluate(() => {
      window.__results = [];
      document.addEventListener("spasm-triage:result", (e) => window.__results.push(e.detail));
    });
    await toSoonResult(page);
    const book = page.getByRole("link", { name: "Book a visit online" });
    assert.equal(await book.getAttribute("href"), "https://example.org/book");
    const call = page.getByRole("link", { name: "Call Riverside Family Practice: +1 (555) 010-2000" });
    assert.equal(await call.getAttribute("href"), "tel:+15550102000");
    assert.deepEqual(await page.evaluate(() => window.__results), [{ level: "soon" }]);
    await assertAccessible(page, "the embedded result");
    assert.deepEqual(page.foreign(), []);
    assert.deepEqual(page.errors(), []);
  }));

test("the tag's fallback text shows only when the loader never runs", async () => {
  const fallback = "If this box stays empty and it is an emergency, call 911.";
  await withPage(server.origin, "/hosts/plain.html", async (page) => {
    await page.getByRole("button", { name: "Start the check" }).waitFor();
    // innerText is what the page renders: the element's own text is not, once the widget is there.
    const shown = await page.evaluate(() => document.body.innerText);
    assert.ok(!shown.includes(fallback), "the fallback shows beside the widget");
  });
  const page = await openPage(browser, server.origin);
  try {
    await page.route("**/spasm-triage.js", (route) => route.abort());
    await page.goto(server.origin + "/hosts/plain.html");
    await page.getByText(fallback).waitFor();
    assert.ok((await page.evaluate(() => document.body.innerText)).includes(fallback));
  } finally {
    await page.context().close();
  }
});

test("a kiosk embed offers the practice's booking and phone as QR codes that scan to the right places, and no links", () =>
  withPage(server.origin, "/hosts/kiosk.html", async (page) => {
    await toSoonResult(page);
    const book = page.locator(".st-qr", { has: page.getByRole("img", { name: "Scan to book a visit online" }) });
    assert.equal(await scanQr(book), "https://example.org/book?from=kiosk&visit=back");
    const call = page.locator(".st-qr", { has: page.getByRole("img", { name: "Scan to call Riverside Family Practice, or call +1 (555) 010-2000" }) });
    assert.equal(await scanQr(call), "tel:+15550102000");
    assert.equal(await page.locator("a[href]").count(), 0, "a kiosk result links out of the page");
    await assertAccessible(page, "a kiosk result with QR codes");
    assert.deepEqual(page.foreign(), []);
    assert.deepEqual(page.errors(), []);
  }));

test("a hostile host page cannot reach in, and the widget's styles do not leak out", () =>
  withPage(server.origin, "/hosts/hostile.html", async (page) => {
    // The live widget's styles (first-screen.test.mjs compares the loader's first screen with it).
    await mounted(page);
    const start = page.getByRole("button", { name: "Start the check" });
    await start.waitFor({ state: "visible" });
    const heading = page.getByRole("heading", { level: 1, name: "Back spasm check" });
    const style = await heading.evaluate((h) => {
      const s = getComputedStyle(h);
      return { size: s.fontSize, color: s.color, family: s.fontFamily, spacing: s.letterSpacing, visibility: s.visibility };
    });
    assert.notEqual(style.size, "31px");
    assert.notEqual(style.color, "rgb(255, 0, 255)");
    assert.doesNotMatch(style.family, /Comic/);
    assert.equal(style.visibility, "visible");
    assert.equal(style.spacing, "normal");
    // The host's own elements keep the host's styles: nothing of the widget's leaked out.
    const host = await page.locator("#host-text").evaluate((p) => [getComputedStyle(p).color, getComputedStyle(p).fontSize]);
    assert.deepEqual(host, ["rgb(255, 0, 255)", "31px"]);
    assert.equal(await page.locator("#host-button").isVisible(), false);
    // And the widget still works.
    await start.click();
    await page.getByRole("button", { name: "Yes", exact: true }).click();
    assert.equal(await headline(page), "Call 911 now");
    assert.deepEqual(page.errors(), []);
  }));

test("under a strict Content-Security-Policy the widget loads and works, articles too, with no violation", () =>
  withPage(strict.origin, "/hosts/plain.html", async (page) => {
    const violations = [];
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await toSoonResult(page);
    // Styled (from the adopted stylesheet, which the CSP allows): the headline has its border.
    const border = await page.locator(".st-headline").evaluate((h) => getComputedStyle(h).borderLeftWidth);
    assert.equal(border, "8px");
    // An article's text downloads from beside the loader (not beside this page, in /hosts/).
    await page.locator(".st-library").getByRole("button").first().click();
    await page.getByRole("heading", { name: "Sources" }).waitFor();
    assert.ok(page.requests().some((u) => u.startsWith(strict.origin + "/articles-en-")), page.requests().join("\n"));
    assert.deepEqual(violations, []);
    assert.deepEqual(page.errors(), []);
  }));

test("two widgets on one page work independently, with their own configuration", () =>
  withPage(server.origin, "/hosts/two.html", async (page) => {
    const first = page.locator("#first");
    const second = page.locator("#second");
    await pressStart(first);
    await first.getByRole("button", { name: "Yes", exact: true }).click();
    assert.equal((await first.getByRole("heading", { level: 2 }).innerText()).trim(), "Call 112 now");
    // The second is untouched, and has its own number.
    await second.getByRole("heading", { level: 1, name: "Back spasm check" }).waitFor();
    assert.equal(await second.getByRole("link", { name: "call 999 now" }).getAttribute("href"), "tel:999");
    const wasm = page.requests().filter((u) => u.endsWith(".wasm"));
    assert.equal(wasm.length, 1, "the wasm loaded once for both");
    assert.deepEqual(page.errors(), []);
  }));

test("launcher mode requests no wasm until the button is pressed", () =>
  withPage(server.origin, "/hosts/launcher.html", async (page) => {
    const button = page.getByRole("button", { name: "Check my back spasm" });
    await button.waitFor();
    // Everything the page would fetch on its own has been fetched.
    await page.waitForLoadState("networkidle");
    assert.equal(page.requests().filter((u) => u.endsWith(".wasm")).length, 0, "wasm requested before opening");
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    await button.click();
    await page.getByRole("heading", { level: 1, name: "Back spasm check" }).waitFor();
    await mounted(page); // the first screen paints at once; the wasm comes after it
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    assert.equal(page.requests().filter((u) => u.endsWith(".wasm")).length, 1);
    // Closing and opening again keeps the patient's place, without loading again.
    await pressStart(page);
    await page.getByRole("button", { name: "Close" }).click();
    await launcherClosed(page);
    await button.click();
    assert.match(await headline(page), /^Do you have pain, pressure, or tightness in your chest/);
    assert.equal(page.requests().filter((u) => u.endsWith(".wasm")).length, 1);
    assert.deepEqual(page.errors(), []);
  }));

test("bad attributes: one warning each, naming the attribute, and the widget works with defaults", () =>
  withPage(server.origin, "/hosts/bad-attributes.html", async (page) => {
    await mounted(page);
    const warned = page.warnings().join("\n");
    for (const name of ["data-booking-url", "data-accent", "data-emergency-number", "data-mode"]) {
      assert.equal(page.warnings().filter((w) => w.includes(name)).length, 1, `${name}: ${warned}`);
    }
    assert.equal(page.warnings().filter((w) => w.includes("data-phone")).length, 0);
    assert.equal(await page.getByRole("link", { name: "call 911 now" }).getAttribute("href"), "tel:911");
    await toSoonResult(page);
    assert.equal(await page.getByRole("link", { name: "Book a visit online" }).count(), 0, "a javascript: link was kept");
    assert.deepEqual(page.errors(), []);
  }));

test("a booking address the browser cannot open (a port past 65535) is dropped with one warning, never a dead link", () =>
  withPage(server.origin, "/hosts/bad-booking.html", async (page) => {
    await mounted(page);
    const warned = page.warnings().filter((w) => w.includes("data-booking-url"));
    assert.equal(warned.length, 1, page.warnings().join("\n"));
    assert.match(warned[0], /the browser cannot open this address/);
    await toSoonResult(page);
    assert.equal(await page.getByRole("link", { name: "Book a visit online" }).count(), 0, "a dead booking link was shown");
    assert.deepEqual(page.errors(), []);
  }));

test("the build prints the snippet the README shows, with the loader's integrity hash", async () => {
  // The hash pins the whole release (the loader carries the glue's and the wasm's hashes), so it
  // changes with every build: the README shows where it goes.
  const snippet = (await readFile(join(DIST, "embed-snippet.html"), "utf8")).trim();
  assert.match(snippet, /integrity="sha384-[A-Za-z0-9+/]{64}"/);
  const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
  const shown = snippet.replace(/integrity="sha384-[^"]+"/, 'integrity="sha384-…"');
  assert.ok(readme.includes(shown), `README's Embedding snippet is out of date with dist/embed-snippet.html:\n${shown}`);
  // Under 5 kB as a host sends it (brotli), the prerendered first screens and the stylesheet in it.
  const loader = brotliCompressSync(await readFile(join(DIST, "spasm-triage.js")), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  assert.ok(loader.length <= 5000, `the loader is ${loader.length} bytes of brotli`);
});
