// WCAG 2.2 AA on every screen, in English and in Spanish: axe-core finds nothing; every control is
// big enough to touch; and Chromium's accessibility tree (what a screen reader reads) names every
// control and ties every question to its answers. Then forced colours, reduced motion and the
// text-size control.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openPage, assertAccessible } from "./harness.mjs";
import { pressStart } from "./journey.mjs";

const site = useSite();

/** The words each language's walk needs, as the patient sees them. */
const WORDS = {
  en: {
    locale: "en-US", start: "Start the check", yes: "Yes", no: "No", notSure: "Not sure", next: "Next",
    review: "Check your answers", see: "See my result", coach: "Open the self-care guide",
    summary: "Summary for my doctor", backToResult: "Back to my result", library: "Read about back spasms",
    back: "Back", stillHere: "I'm still here", larger: "Larger text", none: "None of these", change: "Change an answer",
  },
  es: {
    locale: "es-MX", start: "Empezar el chequeo", yes: "Sí", no: "No", notSure: "No sé", next: "Siguiente",
    review: "Revise sus respuestas", see: "Ver mi resultado", coach: "Abrir la guía para cuidarse en casa",
    summary: "Resumen para mi médico", backToResult: "Volver a mi resultado", library: "Leer sobre los espasmos de espalda",
    back: "Atrás", stillHere: "Sigo aquí", larger: "Letra más grande", none: "Ninguna de estas", change: "Cambiar una respuesta",
  },
};

const heading = async (page) => {
  const h = page.locator("[data-focus-heading]");
  await h.waitFor();
  return (await h.innerText()).trim();
};

/**
 * Walks from Start to the result. Each page of one question: `warning[i]` for the i-th (default
 * No; "20 to 50" for the age, the first choice for how long), until the result shows (a Yes, or a
 * "not sure" that nothing later could raise, ends the interview). Pages of several questions:
 * "None of these", except with `soonYes` the first question of the first such page (a higher risk
 * of infection: book a visit) "Yes" and the others "No". Then the factors' page, none ticked.
 */
async function walk(page, w, { warning = [], soonYes = false, check = async () => {} } = {}) {
  await page.getByRole("button", { name: w.start }).click();
  const done = async () => (await page.locator(".st-headline").count()) > 0;
  let i = 0;
  let grouped = 0;
  for (let guard = 0; guard < 40; guard++) {
    const title = await heading(page);
    if (await done()) return;
    const items = page.locator(".st-item");
    if (await page.locator("#st-question").count()) {
      if (i === 0) await check("a warning-sign question");
      const answers = page.getByRole("group", { name: title }).getByRole("button");
      const count = await answers.count();
      if (count === 6) await check("the age question");
      const choice = warning[i] ? answers.getByText(warning[i], { exact: true }) : count === 3 ? answers.getByText(w.no, { exact: true }) : answers.nth(count === 6 ? 2 : 0);
      await choice.click();
      i++;
    } else if (await items.count()) {
      if (grouped === 0) await check("a page of several questions");
      if (soonYes && grouped === 0) {
        for (const [n, item] of (await items.all()).entries()) {
          await item.getByRole("button", { name: n === 0 ? w.yes : w.no, exact: true }).click();
        }
        await page.locator(".st-nav .st-primary").click();
      } else {
        await page.getByRole("button", { name: w.none, exact: true }).click();
      }
      grouped++;
    } else {
      await check("the factors");
      await page.locator(".st-nav .st-primary").click();
    }
    await page.locator("[data-focus-heading]").filter({ hasNotText: title }).first().waitFor();
  }
}

/** Every control at least `min` CSS pixels in both directions (inline links in text excepted). */
async function assertTargets(page, label, min) {
  const small = await page.locator(".st-root").evaluate((root, min) => {
    const controls = root.querySelectorAll("button:not(.st-inline-link), a:not(p a), label.st-option, input[type=search]");
    return [...controls]
      .filter((el) => el.getClientRects().length)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < min - 0.5 || r.height < min - 0.5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" ${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
  }, min);
  assert.deepEqual(small, [], `${label}: controls smaller than ${min} px`);
}

/**
 * Reads Chromium's accessibility tree, as a screen reader gets it, and checks that every control
 * has a name and every answer belongs to a group named by its question.
 */
async function assertScreenReaderTree(page, label) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const role = (n) => n.role?.value;
  const name = (n) => (n.name?.value ?? "").trim();
  const live = nodes.filter((n) => !n.ignored);
  const problems = [];
  const controls = live.filter((n) => ["button", "link", "radio", "checkbox", "textbox", "searchbox", "combobox"].includes(role(n)));
  if (!controls.length) problems.push("no controls at all");
  for (const c of controls) {
    if (!name(c)) problems.push(`a ${role(c)} without a name`);
  }
  const groupOf = (n) => {
    for (let p = byId.get(n.parentId); p; p = byId.get(p.parentId)) {
      if (["group", "radiogroup"].includes(role(p))) return p;
    }
    return null;
  };
  // Each question: its answers (radios, checkboxes, or the warning-sign answer buttons) sit in a
  // group whose name is the question's text.
  const questions = new Set();
  for (const answer of live.filter((n) => ["radio", "checkbox"].includes(role(n)))) {
    const group = groupOf(answer);
    if (!group || !name(group)) problems.push(`the answer "${name(answer)}" is not in a named group`);
    else questions.add(name(group));
  }
  const legends = await page.locator("legend").allInnerTexts();
  for (const legend of legends) {
    if (![...questions].some((q) => q.startsWith(legend.trim()))) problems.push(`the question "${legend}" is not the name of its answers' group`);
  }
  if (await page.locator("#st-question").isVisible()) {
    const question = (await page.locator("#st-question").innerText()).trim();
    const buttons = live.filter((n) => role(n) === "button" && groupOf(n) && name(groupOf(n)) === question);
    if (buttons.length < 3) problems.push(`the answers are not a group named "${question}" (${buttons.length} found)`);
  }
  assert.deepEqual(problems, [], `${label}: ${problems.join("; ")}`);
}

/** All three checks on the screen now shown. */
async function audit(page, label, { min = 24 } = {}) {
  await assertAccessible(page, label);
  await assertTargets(page, label, min);
  await assertScreenReaderTree(page, label);
}

for (const lang of ["en", "es"]) {
  const w = WORDS[lang];
  const fresh = async () => {
    const page = await openPage(site.browser, site.server.origin, { locale: w.locale });
    await page.goto(site.server.origin + "/");
    assert.equal(await page.locator(".st-root").getAttribute("lang"), lang);
    return page;
  };

  test(`${lang}: start, every kind of question, each level's result and the review pass every check`, async () => {
    const levels = [
      ["call_emergency", { warning: [w.yes] }],
      ["emergency_department", { warning: [w.no, w.no, w.no, w.no, w.no, w.yes] }],
      ["urgent", { warning: [w.no, w.no, w.no, w.no, w.no, w.no, w.no, w.notSure] }],
      // The first question of several on a page: a higher risk of infection (book a visit).
      ["soon", { soonYes: true }],
      ["self_care", {}],
    ];
    for (const [level, answers] of levels) {
      const page = await fresh();
      try {
        if (level === "self_care") await audit(page, `${lang} start`);
        const check = level === "self_care" ? (what) => what && audit(page, `${lang} ${what}`) : async () => {};
        await walk(page, w, { ...answers, check });
        assert.ok(await page.locator(`.st-level-${level}`).count(), `${lang}: expected a ${level} result`);
        await audit(page, `${lang} ${level} result`);
        if (level === "self_care") {
          assert.equal(await page.getByRole("button", { name: w.next }).count(), 0, "the result has no Next");
          await page.getByRole("button", { name: w.change }).click();
          assert.equal(await heading(page), w.review);
          await audit(page, `${lang} review`);
          await page.getByRole("button", { name: w.see }).click();
          await page.locator(".st-headline").waitFor();
          await page.getByRole("button", { name: w.coach }).click();
          await heading(page);
          // Every part of the guide open, so each is checked.
          for (const part of await page.locator(".st-coach summary").all()) await part.click();
          await audit(page, `${lang} self-care coach`);
          await page.getByRole("button", { name: w.backToResult }).first().click();
          await page.getByRole("button", { name: w.summary }).click();
          await heading(page);
          await audit(page, `${lang} summary`);
        }
        assert.deepEqual(page.errors(), []);
      } finally {
        await page.context().close();
      }
    }
  });

  test(`${lang}: the library, an article and the kiosk prompts pass every check`, async () => {
    const page = await fresh();
    try {
      await page.getByRole("button", { name: w.library }).click();
      await heading(page);
      await audit(page, `${lang} library`);
      await page.locator(".st-library .st-article-link").first().click();
      await heading(page);
      await audit(page, `${lang} article`);
      await page.clock.install();
      await page.goto(site.server.origin + "/?mode=kiosk&idle-seconds=30&prompt-seconds=30");
      await heading(page);
      await audit(page, `${lang} kiosk attract screen`, { min: 44 });
      await page.getByRole("button", { name: w.start }).click();
      await heading(page);
      await audit(page, `${lang} kiosk question`, { min: 44 });
      await page.clock.runFor(31_000);
      await page.getByRole("alertdialog").waitFor();
      await audit(page, `${lang} kiosk "still there?" prompt`, { min: 44 });
      await page.getByRole("button", { name: w.stillHere }).click();
    } finally {
      await page.context().close();
    }
  });
}

test("forced colours: a chosen answer and a pressed switch still stand out", async () => {
  const page = await openPage(site.browser, site.server.origin, { locale: "en-US" });
  try {
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(site.server.origin + "/");
    await pressStart(page);
    await page.getByRole("button", { name: "No", exact: true }).click();
    await page.getByRole("button", { name: "Back", exact: true }).click();
    const look = (name) => page.getByRole("button", { name, exact: true }).evaluate((b) => {
      const s = getComputedStyle(b);
      return `${s.backgroundColor} ${s.color} ${s.borderTopWidth}`;
    });
    assert.notEqual(await look("No"), await look("Yes"), "the chosen answer looks like the others");
    const larger = page.getByRole("button", { name: "Larger text" });
    const before = await larger.evaluate((b) => getComputedStyle(b).backgroundColor);
    await larger.click();
    assert.notEqual(await larger.evaluate((b) => getComputedStyle(b).backgroundColor), before);
    await assertAccessible(page, "forced colours");
  } finally {
    await page.context().close();
  }
});

test("reduced motion: nothing in the widget moves", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(site.server.origin + "/");
    await pressStart(page);
    await heading(page);
    const moving = await page.locator(".st-root").evaluate((root) =>
      [root, ...root.querySelectorAll("*")]
        .map((el) => getComputedStyle(el))
        .filter((s) => s.animationName !== "none" || s.transitionDuration.split(",").some((d) => parseFloat(d) > 0)).length,
    );
    assert.equal(moving, 0);
  } finally {
    await page.context().close();
  }
});

test("larger text: everything grows by 30 %, fits a 320 px phone without sideways scrolling, and is kept on reload", async () => {
  const page = await openPage(site.browser, site.server.origin, { viewport: { width: 320, height: 640 } });
  try {
    await page.goto(site.server.origin + "/");
    await pressStart(page);
    const size = () => page.locator("#st-question").evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    const normal = await size();
    const larger = page.getByRole("button", { name: "Larger text" });
    assert.equal(await larger.getAttribute("aria-pressed"), "false");
    await larger.click();
    assert.equal(await larger.getAttribute("aria-pressed"), "true");
    assert.ok(Math.abs((await size()) / normal - 1.3) < 0.02, `${normal} px to ${await size()} px`);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, `the page scrolls sideways by ${await overflow()} px`);
    await assertTargets(page, "larger text", 24);
    await page.reload();
    assert.equal(await page.getByRole("button", { name: "Larger text" }).getAttribute("aria-pressed"), "true");
    // The result screen, with its longest words, still fits.
    await page.getByRole("button", { name: "Yes", exact: true }).click();
    await heading(page);
    assert.ok((await overflow()) <= 0, `the result scrolls sideways by ${await overflow()} px`);
    await assertAccessible(page, "larger text result");
  } finally {
    await page.context().close();
  }
});
