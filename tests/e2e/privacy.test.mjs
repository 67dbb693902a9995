// Private from the host page (issue 22): a practice's site may carry analytics or session-replay
// scripts. hosts/snoop.html has one that listens to every event on the page and reads its storage
// and cookies. By default it finds none of the patient's answers: the embed keeps them in memory
// only, and the events the patient makes inside the widget stop at its shadow root. A practice can
// opt in to keeping the answers across a reload (data-remember="session"), with that trade-off.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, useSite, mounted } from "./harness.mjs";
import { pressStart } from "./journey.mjs";

const site = useSite();

/** Answers three warning signs ("No", "No", "Not sure"), searches the library, and returns what
 * the host page's script saw. */
async function beWatched(page) {
  await mounted(page);
  await pressStart(page);
  const asked = [];
  for (const answer of ["No", "No", "Not sure"]) {
    asked.push((await page.locator("spasm-triage [data-focus-heading]").innerText()).trim());
    await page.getByRole("button", { name: answer, exact: true }).click();
  }
  await page.getByText(/^Question 4 of about \d+$/).first().waitFor();
  await page.evaluate(() => window.snoop());
  return { asked, seen: await page.locator("#seen").textContent() };
}

test("a host-page script that listens to every event and reads storage finds none of the answers", async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/hosts/snoop.html");
    const { asked, seen } = await beWatched(page);
    for (const question of asked) assert.ok(!seen.includes(question.slice(0, 40)), `the page saw "${question}":\n${seen}`);
    for (const words of ["Not sure", "Question 4 of about", "spasm-triage-session", "Start the check"]) {
      assert.ok(!seen.includes(words), `the page saw "${words}":\n${seen}`);
    }
    assert.equal(seen.trim(), "cookie=", `the page saw:\n${seen}`);
    // Memory only: a reload starts afresh.
    await page.reload();
    await mounted(page);
    await page.getByRole("button", { name: "Start the check" }).waitFor();
  } finally {
    await page.context().close();
  }
});

test('data-remember="session": the answers survive a reload, in this tab\'s storage (the opted-in trade-off)', async () => {
  const page = await openPage(site.browser, site.server.origin);
  try {
    await page.goto(site.server.origin + "/hosts/snoop.html?remember");
    const { seen } = await beWatched(page);
    assert.match(seen, /^spasm-triage-session#check=/m);
    await page.reload();
    await page.getByText(/^Question 4 of about \d+$/).first().waitFor();
  } finally {
    await page.context().close();
  }
});
