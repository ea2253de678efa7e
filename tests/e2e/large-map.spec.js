// A phase with many cards builds in full only those near the screen (src/ui/on_screen.rs); these
// tests check that a person never notices: cards are there when scrolled to, keep focus, folds
// and typing, the keyboard reaches every one in order, and printing shows them all.
import { test, expect, openApp, saved, seedMaps, storedMap, phase, touchpoint } from "./fixtures.js";

const CARDS = 60;

/** A map with one phase of `CARDS` touchpoints ("Card 1" …), opened. */
async function openLargePhase(page) {
  await openApp(page);
  const touchpoints = Array.from({ length: CARDS }, (_, i) => ({ id: `tp${i + 1}`, name: `Card ${i + 1}` }));
  await seedMaps(page, [{ id: "large", title: "Large phase", phases: [{ id: "p1", name: "Think", color: "#123456", touchpoints }] }]);
  await page.getByRole("link", { name: "Large phase" }).click();
  // On a short screen the first card starts below it.
  await page.locator("#tp-tp1").scrollIntoViewIfNeeded();
  await expect(touchpoint(page, "Card 1").getByRole("textbox", { name: "Touchpoint name" })).toBeVisible();
}

const builtCards = (page) => phase(page, 1).getByRole("group", { name: /^Touchpoint: / });

test("cards far below are built when scrolled to, and edits there are stored", async ({ page }) => {
  await openLargePhase(page);
  const built = await builtCards(page).count();
  expect(built).toBeGreaterThan(0);
  expect(built).toBeLessThan(CARDS);
  // Far below, the card keeps its place with its name.
  const last = page.locator("#tp-tp60");
  await expect(last).toHaveText("Touchpoint: Card 60");

  await last.scrollIntoViewIfNeeded();
  const name = touchpoint(page, "Card 60").getByRole("textbox", { name: "Touchpoint name" });
  await name.fill("Card 60, renamed");
  await saved(page);
  expect((await storedMap(page, "large")).map.phases[0].touchpoints[59].name).toBe("Card 60, renamed");
  // The first card, built again on the way back, is as it was.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(touchpoint(page, "Card 1").getByRole("textbox", { name: "Touchpoint name" })).toHaveValue("Card 1");
});

test("the card being typed in stays, with its open fold, however far the page scrolls", async ({ page }) => {
  await openLargePhase(page);
  const first = touchpoint(page, "Card 1");
  await first.getByText("Description").click();
  const name = first.getByRole("textbox", { name: "Touchpoint name" });
  await name.click();
  await name.press("End");
  await page.evaluate(() => document.getElementById("tp-tp60").scrollIntoView());
  await expect(page.locator("#tp-tp60")).toBeInViewport();
  await expect(page.locator("#tp-tp60").getByRole("textbox", { name: "Touchpoint name" })).toBeVisible();
  await page.keyboard.type(" typed far away");
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(touchpoint(page, "Card 1 typed far away").getByRole("textbox", { name: "Description" })).toBeVisible();

  // A card with no focus is taken down far from the screen, and its fold is kept for its return.
  await page.getByRole("textbox", { name: "Map title" }).focus();
  await page.evaluate(() => document.getElementById("tp-tp60").scrollIntoView());
  await expect(page.locator("#tp-tp1")).toHaveText("Touchpoint: Card 1 typed far away");
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(touchpoint(page, "Card 1 typed far away").getByRole("textbox", { name: "Description" })).toBeVisible();
});

test("Tab walks through every card in order", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await openLargePhase(page);
  await touchpoint(page, "Card 1").getByRole("textbox", { name: "Touchpoint name" }).focus();
  const visited = [];
  for (let i = 0; i < CARDS * 12 && visited.at(-1) !== `tp-tp${CARDS}`; i++) {
    await page.keyboard.press("Tab");
    const card = await page.evaluate(() => document.activeElement.closest(".touchpoint")?.id ?? null);
    if (card && card !== visited.at(-1)) visited.push(card);
  }
  expect(visited).toEqual(Array.from({ length: CARDS }, (_, i) => `tp-tp${i + 1}`));
});

test("printing shows every card in full", async ({ page }) => {
  await openLargePhase(page);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await expect(builtCards(page)).toHaveCount(CARDS);
  await expect(touchpoint(page, "Card 60").getByRole("textbox", { name: "Touchpoint name" })).toHaveValue("Card 60");
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect.poll(() => builtCards(page).count()).toBeLessThan(CARDS);
});
