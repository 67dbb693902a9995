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

const MILD = [
  [/^How long/, "Less than 1 day"],
  [/^How old/, "20 to 50"],
];

/**
 * Answers the warning-sign questions ("No" unless `warning` maps a question's start to an answer),
 * then every page with mild answers unless `answers` maps a question's start to another, ticks
 * `factors`, and stops at the review, or at the result when the interview ends early.
 */
export async function answerAll(page, { warning = {}, answers = {}, factors = [] } = {}) {
  for (let guard = 0; guard < 40; guard++) {
    const heading = page.locator("[data-focus-heading]");
    await heading.waitFor();
    const title = (await heading.innerText()).trim();
    if (title === "Check your answers" || (await page.locator(".st-headline").count())) return;
    if (await page.getByText(/^Warning sign \d+ of \d+$/).count()) {
      const pick = Object.entries(warning).find(([start]) => title.startsWith(start))?.[1] ?? "No";
      await page.getByRole("button", { name: pick, exact: true }).click();
      continue;
    }
    // Each question is a group with a legend (the toolbar is a group too, without one).
    for (const group of await page.getByRole("group").filter({ has: page.locator("legend") }).all()) {
      const legend = (await group.locator("legend").innerText()).trim();
      if (legend.startsWith("Did any of these happen")) {
        for (const f of factors) await group.getByRole("checkbox", { name: f }).check();
        continue;
      }
      const override = Object.entries(answers).find(([start]) => legend.startsWith(start))?.[1];
      const pick = override ?? MILD.find(([re]) => re.test(legend))?.[1] ?? "No";
      await group.getByRole("radio", { name: pick, exact: true }).check();
    }
    await page.getByRole("button", { name: "Next" }).click();
  }
  throw new Error("never reached the review");
}

/** The result's headline text. */
export async function headline(page) {
  const h = page.getByRole("heading", { level: 2 });
  await h.waitFor();
  return (await h.innerText()).trim();
}

/** Presses Start, answers as `answerAll` does, and opens the result (from the review, if reached). */
export async function toResult(page, answers) {
  await pressStart(page);
  await answerAll(page, answers);
  const see = page.getByRole("button", { name: "See my result" });
  if (await see.count()) await see.click();
  return headline(page);
}
