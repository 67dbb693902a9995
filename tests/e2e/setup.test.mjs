// The practice's set-up page (dist/setup/, its own wasm): the form checked by the widget's own
// parser, the live preview and each result, the tag to paste (which mounts a widget with exactly
// those settings), the kiosk link, the waiting-room poster printed to one page, and the set-up code
// kept out of everything a patient downloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { useSite, openPage, assertAccessible, mounted, scanQr, printPdf, DIST } from "./harness.mjs";
import { pressStart } from "./journey.mjs";

const site = useSite();

async function openSetup(page) {
  await page.goto(site.server.origin + "/setup/");
  await page.getByRole("heading", { level: 1, name: "Set up the back spasm check" }).waitFor();
  // The live preview has mounted the real widget.
  await preview(page).getByRole("button", { name: "Start the check" }).waitFor();
}

const preview = (page) => page.locator(".widget");

/** The text of the elements that describe `field` (aria-describedby), as a screen reader reads it. */
function description(field) {
  return field.evaluate((el) =>
    el.getAttribute("aria-describedby").split(" ").map((id) => document.getElementById(id).textContent).join(" "),
  );
}

async function fill(page, settings) {
  for (const [label, value] of Object.entries(settings)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
}

async function showSample(page, name) {
  const choice = page.getByRole("group", { name: "Show me each result" }).getByRole("button", { name, exact: true });
  await choice.click();
  assert.equal(await choice.getAttribute("aria-pressed"), "true");
}

const headline = (page) => preview(page).locator("h2.st-headline, h2").first().innerText();

test("the form changes the live preview, refuses what the widget refuses with its own words, and shows each result", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await openSetup(page);
    await assertAccessible(page, "the set-up page");
    await fill(page, {
      "Practice name": "Riverside Family Practice",
      "Practice phone": "+1 555 010 2000",
      "After-hours phone": "+1 555 010 2999",
      "Emergency number": "112",
    });

    // A booking address the widget would refuse: its own message, next to the field.
    const booking = page.getByLabel("Booking page address");
    await booking.fill("javascript:alert(1)");
    assert.equal(await booking.getAttribute("aria-invalid"), "true");
    assert.match(await description(booking), /an https: or http: address is expected/);
    await booking.fill("https://riverside.example/book");
    assert.equal(await booking.getAttribute("aria-invalid"), "false");
    assert.doesNotMatch(await description(booking), /expected/);

    // The accent colour: its contrast with white shown, a light one refused.
    const accent = page.getByLabel("Accent colour");
    await accent.fill("#ffff00");
    assert.equal(await accent.getAttribute("aria-invalid"), "true");
    assert.match(await description(accent), /1\.07:1\. Refused: too light/);
    assert.match(await description(accent), /the colour is too light for white text on it \(needs 4\.5:1 contrast\)/);
    await accent.fill("#6a1b9a");
    assert.equal(await accent.getAttribute("aria-invalid"), "false");
    assert.match(await description(accent), /Contrast with white text: \d+\.\d\d:1\. Passes/);
    const start = preview(page).getByRole("button", { name: "Start the check" });
    await page.waitForFunction(() => {
      const button = [...document.querySelector(".widget").shadowRoot.querySelectorAll("button")].find((b) => b.textContent === "Start the check");
      return button && getComputedStyle(button).backgroundColor === "rgb(106, 27, 154)";
    });
    assert.equal(await start.evaluate((b) => getComputedStyle(b).backgroundColor), "rgb(106, 27, 154)");
    // The live preview's first screen has the practice's emergency number.
    assert.equal(await preview(page).getByRole("link", { name: /call 112 now/ }).getAttribute("href"), "tel:112");

    // Each level, as the widget's own result view shows it, with the practice's name and numbers.
    await showSample(page, "Emergency services");
    assert.equal(await headline(page), "Call 112 now");
    assert.equal(await preview(page).getByRole("link", { name: "Call 112", exact: true }).getAttribute("href"), "tel:112");
    await showSample(page, "Emergency department");
    assert.equal(await headline(page), "Go to an emergency department now");
    await showSample(page, "Doctor today");
    assert.equal(await headline(page), "Speak to a doctor today");
    assert.equal(await preview(page).getByRole("link", { name: "Call Riverside Family Practice: +1 555 010 2000" }).getAttribute("href"), "tel:+15550102000");
    assert.equal(await preview(page).getByRole("link", { name: /after-hours/i }).getAttribute("href"), "tel:+15550102999");
    await assertAccessible(page, "the set-up page with the doctor-today result");
    await showSample(page, "Book soon");
    assert.equal(await headline(page), "Book a visit with a doctor");
    assert.equal(await preview(page).getByRole("link", { name: "Book a visit online" }).getAttribute("href"), "https://riverside.example/book");
    await showSample(page, "Self care");
    assert.equal(await headline(page), "Care for your back at home");
    // "Read more" opens an article from this build's own data files (the widget's, beside the page).
    const more = preview(page).locator(".st-library button").first();
    const title = await more.innerText();
    const [data] = await Promise.all([page.waitForResponse((r) => /\/articles-en-[0-9a-f]{16}\.txt$/.test(r.url())), more.click()]);
    assert.equal(data.status(), 200, data.url());
    assert.ok(data.url().startsWith(site.server.origin + "/articles-en-"), data.url());
    await preview(page).getByRole("heading", { level: 2, name: title }).waitFor();
    await preview(page).locator(".st-article p").first().waitFor();
    await showSample(page, "Self-care guide");
    assert.equal(await preview(page).getByRole("heading", { level: 2 }).first().innerText(), "Caring for your back at home");
    // The live widget again.
    await showSample(page, "Start screen (live)");
    await start.waitFor();
    assert.deepEqual(page.foreign(), [], "the set-up page asked another origin");
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

test("the tag copied from the set-up page, pasted into a host page, mounts a widget with exactly those settings", async () => {
  const page = await openPage(site.browser, site.server.origin, { permissions: ["clipboard-read", "clipboard-write"] });
  try {
    await openSetup(page);
    await page.getByLabel("Address where you will host the files").fill(site.server.origin);
    const settings = {
      "data-practice-name": "Smith & Jones Clinic",
      "data-phone": "+1 555 010 2000",
      "data-after-hours-phone": "+1 555 010 2999",
      "data-booking-url": "https://smith.example/book?x=1&y=2",
      "data-emergency-number": "112",
      "data-accent": "#6a1b9a",
      "data-lang": "es",
      "data-remember": "session",
    };
    await fill(page, {
      "Practice name": settings["data-practice-name"],
      "Practice phone": settings["data-phone"],
      "After-hours phone": settings["data-after-hours-phone"],
      "Booking page address": settings["data-booking-url"],
      "Emergency number": settings["data-emergency-number"],
      "Accent colour": settings["data-accent"],
      Language: "es",
      "Keep answers through a reload": "session",
      // Refused by the widget: left out of the tag.
      "Kiosk: countdown seconds": "5",
    });
    await page.getByRole("button", { name: "Copy the tag" }).click();
    await page.getByRole("status").filter({ hasText: "Copied." }).waitFor();
    const tag = await page.evaluate(() => navigator.clipboard.readText());
    // The loader's integrity hash of this build, as the build printed it.
    const snippet = await readFile(join(DIST, "embed-snippet.html"), "utf8");
    const sri = /integrity="(sha384-[^"]+)"/.exec(snippet)[1];
    assert.ok(tag.startsWith(`<script src="${site.server.origin}/spasm-triage.js" integrity="${sri}" crossorigin="anonymous" defer></script>`), tag);
    assert.match(tag, /\n {2}If this box stays empty and it is an emergency, call 112\.\n<\/spasm-triage>/);
    assert.doesNotMatch(tag, /data-prompt-seconds|data-mode/, "a refused or unset setting is not in the tag");

    // The isolation mode, chosen, is the loader's attribute on the tag (frame.test.mjs tests it).
    await fill(page, { "Keep the site's own scripts out": "frame" });
    const framed = await page.getByLabel(/^Tag for /).inputValue();
    assert.match(framed, /<spasm-triage [^>]*data-remember="session" data-isolation="frame">/);
    await fill(page, { "Keep the site's own scripts out": "" });

    const host = await openPage(site.browser, site.server.origin);
    const url = site.server.origin + "/hosts/pasted.html";
    await host.route(url, (route) =>
      route.fulfill({ contentType: "text/html", body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title><link rel="icon" href="/hosts/icon.svg"></head><body><h1>Our practice</h1>\n${tag}</body></html>` }),
    );
    await host.goto(url);
    await mounted(host);
    const widget = host.locator("spasm-triage");
    const attributes = await widget.evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
    assert.deepEqual(attributes, settings, "the element has exactly the settings entered");
    await widget.getByRole("heading", { level: 1, name: "Chequeo de espasmos de espalda" }).waitFor();
    assert.equal(await widget.getByRole("link", { name: /llame al 112 ahora/ }).getAttribute("href"), "tel:112");
    assert.equal(await widget.getByRole("button", { name: "Empezar el chequeo" }).evaluate((b) => getComputedStyle(b).backgroundColor), "rgb(106, 27, 154)");
    assert.deepEqual(host.warnings().filter((w) => w.includes("spasm-triage")), [], "the widget ignored a setting");
    assert.deepEqual(host.errors(), []);
    await host.context().close();

    // The kiosk link and its code: this address, kiosk mode, the language, the after-hours line.
    const kiosk = `${site.server.origin}/?mode=kiosk&lang=es&after-hours-phone=%2B1%20555%20010%202999`;
    const section = page.getByRole("region", { name: "Set up a waiting-room tablet" });
    assert.equal(await section.getByRole("link", { name: kiosk }).getAttribute("href"), kiosk);
    assert.equal(await scanQr(section.locator(".st-qr")), kiosk);
  } finally {
    await page.context().close();
  }
});

test("the poster prints on one page, A4 and Letter, in both languages, its code opening the entered address", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await openSetup(page);
    await page.getByLabel("Address where you will host the files").fill("https://clinic.example/back-check");
    await fill(page, { "Emergency number": "999" });
    await page.getByRole("button", { name: "Print the poster" }).waitFor();
    for (const format of ["A4", "Letter"]) {
      const { pages, text, qr } = await printPdf(page, format);
      assert.equal(pages, 1, `the poster should print on one ${format} page`);
      assert.match(text, /Back spasms\? Scan to check on your own phone\. Nothing you enter leaves your phone\./);
      assert.match(text, /¿Espasmos de espalda\? Escanee para revisarlos en su propio teléfono\. Nada de lo que escriba sale de su teléfono\./);
      assert.match(text, /If you think it is an emergency, call 999 now\./);
      assert.match(text, /Si cree que es una emergencia, llame al 999 ahora\./);
      assert.doesNotMatch(text, /Your settings|Preview|Copy the tag|Print the poster/, "only the poster prints");
      assert.equal(qr(), "https://clinic.example/back-check/");
    }
  } finally {
    await page.context().close();
  }
});

test("the set-up page stores nothing and sends nothing; no patient's page or service worker asks for a set-up file", async () => {
  const sw = await readFile(join(DIST, "sw.js"), "utf8");
  const setupFiles = await readdir(join(DIST, "setup"));
  assert.ok(setupFiles.some((f) => f.endsWith(".wasm")), "the set-up page has its own wasm");
  const listed = JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(sw)[1]);
  assert.ok(listed.includes("index.html"), "not vacuous: the service worker lists the files");
  assert.deepEqual(listed.filter((f) => /setup/.test(f)), [], "the service worker lists a set-up file");

  const setup = await openPage(site.browser, site.server.origin);
  await openSetup(setup);
  await fill(setup, { "Practice name": "Riverside Family Practice" });
  assert.deepEqual(
    await setup.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
    [0, 0, ""],
  );
  assert.deepEqual(setup.foreign(), []);
  // Only its own files: its own wasm carries the widget's views (an article opened in the preview
  // fetches the build's article data file, beside the widget: the first test checks it).
  assert.deepEqual(setup.requests().filter((u) => !u.startsWith(site.server.origin + "/setup/")), []);
  await setup.context().close();

  for (const path of ["/", "/hosts/plain.html"]) {
    const page = await openPage(site.browser, site.server.origin);
    try {
      await page.goto(site.server.origin + path);
      await mounted(page);
      await pressStart(page);
      await page.waitForTimeout(300);
      const asked = page.requests().filter((u) => /\/setup\/|spasm-setup/.test(u));
      assert.deepEqual(asked, [], `${path} asked for a set-up file`);
      assert.ok(page.requests().some((u) => u.endsWith("_bg.wasm")), "not vacuous: the widget's wasm was fetched");
    } finally {
      await page.context().close();
    }
  }
});

test("the set-up page's controls are at least 44 px and show where the keyboard is", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await openSetup(page);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll(".setup button, .setup input, .setup select, .setup textarea")]
        .map((el) => [el.id || el.textContent.trim(), el.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([name, r]) => `${name}: ${r.width}x${r.height}`),
    );
    assert.deepEqual(small, []);
    // Tab from the first field: each control the keyboard reaches shows a clear ring.
    await page.getByLabel("Address where you will host the files").focus();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      // The page's own 3 px ring (the browser's default is a thin "auto" one).
      const { style, width } = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      assert.ok(style === "solid" && width >= 3, `focus ${i}: ${style} ${width}px`);
    }
  } finally {
    await page.context().close();
  }
});
