// English and Spanish: which language the widget starts in, the switch that keeps the answers, and
// a whole Spanish journey. Found by role and name, in the words a Spanish-speaking patient sees.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage } from "./harness.mjs";
import { headline, pressStart } from "./journey.mjs";

const site = useSite();

/** The language of the widget's root, and its first heading. */
async function shown(page) {
  const root = page.locator(".st-root");
  await root.waitFor();
  const h = page.locator("[data-focus-heading]");
  await h.waitFor();
  return { lang: await root.getAttribute("lang"), heading: (await h.innerText()).trim() };
}

test("the browser's language decides, unless the page says otherwise", async () => {
  for (const [locale, query, lang, heading] of [
    ["es-MX", "", "es", "Chequeo de espasmos de espalda"],
    ["fr-FR", "", "en", "Back spasm check"],
    ["en-US", "?lang=es-419", "es", "Chequeo de espasmos de espalda"],
    ["es-ES", "?lang=en", "en", "Back spasm check"],
  ]) {
    const page = await openPage(site.browser, site.server.origin, { locale });
    try {
      await page.goto(site.server.origin + "/" + query);
      assert.deepEqual(await shown(page), { lang, heading }, `${locale} ${query}`);
      assert.deepEqual(page.errors(), []);
    } finally {
      await page.context().close();
    }
  }
});

test("an embed's data-lang wins over the browser, and each widget keeps its own", async () => {
  const page = await openPage(site.browser, site.server.origin, { locale: "en-US" });
  try {
    await page.goto(site.server.origin + "/hosts/languages.html");
    const headings = page.locator("[data-focus-heading]");
    await headings.nth(1).waitFor();
    assert.deepEqual(await headings.allInnerTexts(), ["Chequeo de espasmos de espalda", "Back spasm check"]);
    assert.deepEqual(await page.locator(".st-root").evaluateAll((roots) => roots.map((r) => r.lang)), ["es", "en"]);
    assert.deepEqual(page.foreign(), []);
  } finally {
    await page.context().close();
  }
});

test("switching language keeps every answer, and survives a reload", async () => {
  const page = await openPage(site.browser, site.server.origin, { locale: "en-US" });
  try {
    await page.goto(site.server.origin + "/");
    await pressStart(page);
    await page.getByRole("button", { name: "No", exact: true }).click();
    await page.getByRole("button", { name: "Not sure", exact: true }).click();
    assert.match(await headline(page), /^Are you newly confused/);

    const toSpanish = page.getByRole("button", { name: "Español" });
    assert.equal(await toSpanish.getAttribute("lang"), "es", "the switch is marked as Spanish for screen readers");
    await toSpanish.click();
    assert.deepEqual(await shown(page), { lang: "es", heading: "¿Tiene confusión que antes no tenía, o no sabe bien dónde está?" });
    // The switch keeps focus, so a keyboard user can switch back at once.
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.textContent), "English");
    await page.getByRole("button", { name: "Atrás", exact: true }).click();
    assert.equal(await page.locator("button[aria-pressed=true]").innerText(), "No sé", "the earlier answer is kept");

    await page.reload();
    assert.equal((await shown(page)).lang, "es", "the choice survives a reload");
    assert.equal(await page.locator("button[aria-pressed=true]").innerText(), "No sé");
    await page.getByRole("button", { name: "English" }).click();
    assert.equal(await page.locator("button[aria-pressed=true]").innerText(), "Not sure");
    assert.equal(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.endsWith("-reading")).length), 0,
      "back to the default, nothing is kept for it");
  } finally {
    await page.context().close();
  }
});

test("a whole journey in Spanish through a new question: not sure of new sexual problems gives 'see a doctor today'", async () => {
  const page = await openPage(site.browser, site.server.origin, { locale: "es-US" });
  try {
    await page.goto(site.server.origin + "/");
    await page.getByRole("button", { name: "Empezar el chequeo" }).click();
    assert.match(await headline(page), /^¿Tiene dolor, presión u opresión en el pecho/);
    // Shown above the question, and said in the live region for screen readers.
    assert.equal(await page.locator(".st-progress").innerText(), "Pregunta 1 de unas 35");
    assert.equal(await page.locator("[aria-live=polite]").innerText(), "Pregunta 1 de unas 35");
    assert.match(await page.locator(".st-emergency-note").innerText(), /911/);
    for (let i = 0; i < 7; i++) await page.getByRole("button", { name: "No", exact: true }).click();
    assert.match(await headline(page), /^Desde que empezó el dolor de espalda, ¿ha perdido la sensación en los genitales/);
    await page.getByRole("button", { name: "No sé", exact: true }).click();
    for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "No", exact: true }).click();
    // Then "No" to each question on a page of its own, the third choice (20 to 50) for the age,
    // the first for how long, "Ninguna de estas" on a page of several, until the result (the
    // interview ends once nothing could raise it).
    for (let guard = 0; guard < 20; guard++) {
      if (await page.locator(".st-headline").count()) break;
      const title = await headline(page);
      const none = page.getByRole("button", { name: "Ninguna de estas", exact: true });
      if (await none.count()) await none.click();
      else {
        const answers = page.getByRole("group", { name: title }).getByRole("button");
        const count = await answers.count();
        await (count === 3 ? answers.getByText("No", { exact: true }) : answers.nth(count === 6 ? 2 : 0)).click();
      }
      await page.locator("[data-focus-heading]").filter({ hasNotText: title }).first().waitFor();
    }
    assert.equal(await headline(page), "Hable con un médico hoy");
    assert.equal(await page.locator("[aria-live=polite]").innerText(), "Su resultado: Hable con un médico hoy");
    const text = await page.locator(".st-root").innerText();
    assert.match(text, /Usted dijo que no sabe si tiene pérdida nueva de la sensación en los genitales/);
    assert.match(text, /Llame al 911 ahora si:/);
    assert.match(text, /Versión 2 de las reglas\. Aplicación del \d{4}-\d{2}-\d{2}\./);
    assert.doesNotMatch(text, /\{|You said|Call 911/, "no English and no unfilled placeholder");
    assert.deepEqual(page.foreign(), []);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});

test("the library and an article read in Spanish, and the article follows a language switch", async () => {
  const page = await openPage(site.browser, site.server.origin, { locale: "es" });
  try {
    await page.goto(site.server.origin + "/");
    await page.getByRole("button", { name: "Leer sobre los espasmos de espalda" }).click();
    await page.getByRole("searchbox", { name: "Buscar en los artículos" }).fill("riñones");
    const first = page.locator(".st-library .st-article-link").first();
    const title = (await first.innerText()).trim();
    await first.click();
    assert.equal(await headline(page), title);
    await page.getByRole("heading", { name: "Fuentes" }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    const english = await headline(page);
    assert.notEqual(english, title, "the same article, now in English");
    await page.getByRole("heading", { name: "Sources" }).waitFor();
  } finally {
    await page.context().close();
  }
});
