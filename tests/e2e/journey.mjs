// Helpers that walk the interview the way a patient does, finding everything by role and name.

/** Opens the widget and presses Start. */
export async function start(page, url) {
  await page.goto(url);
  await pressStart(page);
}

/**
 * Presses Start in `scope` (a page, or the locator of one widget) and waits until the check has
 * begun: a Start pressed on the first screen the loader painted is done once the widget has
 * mounted, so until then the first screen stays.
 */
export async function pressStart(scope) {
  const button = scope.getByRole("button", { name: "Start the check" });
  await button.click();
  await button.waitFor({ state: "detached" });
}

export const MILD = [
  [/^How long/, "Less than 1 day"],
  [/^How old/, "20 to 50"],
];

/** The progress line every question page shows, "Question 7 of about 24". */
export const PROGRESS = /^Question \d+ of about \d+$/;

/**
 * Answers the interview as a patient does, one tap per question where it can: each question on a
 * page of its own gets "No" (or the mild answer of `MILD`) unless `warning` or `answers` maps the
 * start of its question to another answer; a page of several questions gets "None of these" unless
 * one of them is mapped (then each is answered and Next pressed); the contributing factors get
 * `factors` ticked. Stops at the result. Returns the number of taps after Start.
 */
export async function answerAll(page, { warning = {}, answers = {}, factors = [] } = {}) {
  const chosen = { ...answers, ...warning };
  const pick = (question) => Object.entries(chosen).find(([start]) => question.startsWith(start))?.[1];
  let taps = 0;
  for (let guard = 0; guard < 40; guard++) {
    const heading = page.locator("[data-focus-heading]");
    await heading.waitFor();
    const title = (await heading.innerText()).trim();
    if (title === "Check your answers" || (await page.locator(".st-headline").count())) return taps;
    const checkboxes = page.getByRole("checkbox");
    const none = page.getByRole("button", { name: "None of these", exact: true });
    if (!(await checkboxes.count()) && !(await none.count())) {
      // One question: its answers are a group named by the question.
      const answer = pick(title) ?? MILD.find(([re]) => re.test(title))?.[1] ?? "No";
      await page.getByRole("group", { name: title }).getByRole("button", { name: answer, exact: true }).click();
      taps++;
    } else {
      const items = await page.locator(".st-item").all();
      const mapped = [];
      for (const item of items) {
        const question = (await item.locator(".st-item-question").innerText()).trim();
        mapped.push([item, pick(question)]);
      }
      if (items.length && mapped.every(([, answer]) => answer === undefined)) {
        await none.click();
        taps++;
        continue;
      }
      for (const [item, answer] of mapped) {
        await item.getByRole("button", { name: answer ?? "No", exact: true }).click();
        taps++;
      }
      for (const f of factors) {
        await page.getByRole("checkbox", { name: f }).check();
        taps++;
      }
      await page.locator(".st-nav .st-primary").click();
      taps++;
    }
    await heading.filter({ hasNotText: title }).or(page.locator(".st-headline")).first().waitFor();
  }
  throw new Error("never reached the result");
}

/** The result's headline text. */
export async function headline(page) {
  const h = page.getByRole("heading", { level: 2 });
  await h.waitFor();
  return (await h.innerText()).trim();
}

/** Presses Start, answers as `answerAll` does, and returns the result's headline. */
export async function toResult(page, answers) {
  await pressStart(page);
  await answerAll(page, answers);
  return headline(page);
}

/** Opens the part of the self-care guide `guide` whose heading is `title` (each part is closed under
 * its heading until opened), unless it is open. */
export async function openPart(guide, title) {
  const part = guide.locator("details", { has: guide.page().locator("summary", { hasText: title }) });
  if (!(await part.evaluate((d) => d.open))) await part.locator("summary").click();
}

/** From an English result that offers it, opens the self-care guide, then its parts named
 * `parts`; returns the guide. */
export async function openGuide(page, parts = []) {
  await page.getByRole("button", { name: "Open the self-care guide" }).click();
  const guide = page.locator(".st-coach");
  await guide.getByRole("heading", { level: 2, name: "Caring for your back at home" }).waitFor();
  for (const title of parts) await openPart(guide, title);
  return guide;
}
