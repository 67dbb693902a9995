// The self-care guide's pictures (issue 21, "pictures that teach"): each stretch is one drawing of
// its start and end poses, whose text alternative tells the movement from one to the other, in
// both languages; a rest position is one pose; all of them fit a 320 px screen without sideways
// scrolling, at one scale, and nothing in them moves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, useSite, mounted } from "./harness.mjs";
import { openGuide, openPart, toResult } from "./journey.mjs";

const site = useSite();

// Each stretch: its name, the words under its two poses, and what its text alternative must say
// (the start pose, then the movement to the end pose).
const STRETCHES = {
  en: [
    ["Seated spinal twist", ["Start", "End"], /sits tall on a chair.*Then they turn the upper body to the left, with the right hand on the left knee/],
    ["Cat-cow", ["Cat", "Cow"], /hands and knees.*Cat: the back rounds up and the head drops\. Cow: the back dips down and the head lifts/],
    ["Cobra", ["Start", "End"], /lies face down.*Then they press up to lift the chest a little, hips still on the floor/],
    ["Child's pose", ["Start", "End"], /kneels and sits back on the heels\. Then they bend forward.*arms out on the floor/],
  ],
  es: [
    ["Giro de columna sentado", ["Inicio", "Final"], /sentada derecha en una silla.*Luego gira el torso a la izquierda, con la mano derecha en la rodilla izquierda/],
    ["Gato y vaca", ["Gato", "Vaca"], /a gatas.*Gato: la espalda se redondea hacia arriba y la cabeza baja\. Vaca: la espalda se hunde y la cabeza sube/],
    ["La cobra", ["Inicio", "Final"], /boca abajo.*Luego empuja para alzar un poco el pecho, con la cadera en el piso/],
    ["Postura del niño", ["Inicio", "Final"], /sobre los talones\. Luego se inclina al frente.*brazos en el piso/],
  ],
};

/** Checks every stretch's picture in the open guide against `expected`. */
async function checkStretches(guide, expected) {
  const stretches = guide.locator(".st-stretch");
  assert.equal(await stretches.count(), expected.length);
  for (const [i, [name, words, movement]] of expected.entries()) {
    const stretch = stretches.nth(i);
    assert.equal((await stretch.getByRole("heading", { level: 4 }).innerText()).trim(), name);
    assert.equal(await stretch.getByRole("img").count(), 1, `${name}: one picture`);
    const label = await stretch.getByRole("img").getAttribute("aria-label");
    assert.match(label, movement, `${name}: the picture's name "${label}" tells the movement`);
    await stretch.getByRole("img", { name: movement }).waitFor();
    assert.deepEqual(await stretch.locator("svg text").allTextContents(), words, `${name}: the poses' words`);
  }
}

test("each stretch has one picture of its start and end poses named by the movement, and every picture fits 320 px", async () => {
  const page = await openPage(site.browser, site.server.origin, { viewport: { width: 320, height: 640 }, reducedMotion: "reduce" });
  try {
    await page.goto(site.server.origin + "/?lang=en");
    await mounted(page);
    assert.equal(await toResult(page), "Care for your back at home");
    const guide = await openGuide(page, ["Rest in a comfortable position", "Gentle stretches"]);
    await checkStretches(guide, STRETCHES.en);
    // The rest positions: one pose each (no movement), no words under it.
    const rests = guide.locator(".st-positions li");
    assert.equal(await rests.count(), 2);
    await rests.nth(0).getByRole("img", { name: /lying on their back.*pillow under the knees/ }).waitFor();
    await rests.nth(1).getByRole("img", { name: /recliner/ }).waitFor();
    assert.equal(await rests.locator("svg text").count(), 0);

    // Every picture on the screen, none wider than it; the page does not scroll sideways.
    const boxes = await guide.locator("svg.st-figure").evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().toJSON()));
    assert.equal(boxes.length, 6);
    for (const b of boxes) assert.ok(b.left >= 0 && b.right <= 320, `a picture from ${b.left} to ${b.right} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `the page scrolls ${overflow} px sideways`);
    // Big enough to see the poses, and one scale: a rest position is half a stretch's width.
    const [rest, , stretch] = boxes;
    assert.ok(stretch.width >= 240, `a stretch's picture is ${stretch.width} px wide`);
    assert.ok(Math.abs(2 * rest.width - stretch.width) <= 1, `rest ${rest.width} px, stretch ${stretch.width} px`);
    // The words under the poses are as readable as the text (axe cannot tell inside a picture):
    // their colour against the widget's background, at least 4.5 : 1.
    const ratio = await guide.locator("svg.st-figure text").first().evaluate((text) => {
      const rgb = (c) => c.match(/[\d.]+/g).map(Number);
      let el = text;
      let bg = "rgb(255, 255, 255)";
      while (el) {
        const c = getComputedStyle(el).backgroundColor;
        if (rgb(c)[3] !== 0) { bg = c; break; }
        el = el.parentElement ?? el.getRootNode().host;
      }
      const lum = (c) => rgb(c).slice(0, 3).map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4).reduce((l, v, i) => l + v * [0.2126, 0.7152, 0.0722][i], 0);
      const [a, b] = [lum(getComputedStyle(text).fill), lum(bg)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    });
    assert.ok(ratio >= 4.5, `the poses' words have a contrast of ${ratio.toFixed(2)} : 1`);
    // Nothing moves (reduced motion is asked for here, and respected because there is no motion).
    assert.equal(await guide.locator("svg.st-figure").evaluateAll((svgs) => svgs.flatMap((s) => s.getAnimations({ subtree: true })).length), 0);
    assert.equal(await guide.locator("svg.st-figure :is(animate, animateTransform, animateMotion, set)").count(), 0);

    // The same in Spanish.
    await page.getByRole("button", { name: "Español" }).click();
    await guide.getByRole("heading", { level: 2, name: "Cómo cuidar su espalda en casa" }).waitFor();
    await openPart(guide, "Estiramientos suaves");
    await checkStretches(guide, STRETCHES.es);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    assert.deepEqual(page.errors(), []);
  } finally {
    await page.context().close();
  }
});
