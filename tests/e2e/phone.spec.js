// A participant on a phone (issue 37, part 5): the map a phase at a time, swiped or stepped
// through, cards added and dots given with a thumb, comments; axe-clean in both languages.
import { test, expect, templateMap, phase, editCard, expectNoViolations } from "./fixtures.js";

test.use({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });

const steps = (page) => page.getByRole("navigation", { name: /^(Phases of the journey|Fases van de klantreis)$/ });
const grid = (page) => page.locator(".journey-grid");
/** How much of phase `n` the grid shows, as a share of the grid's width. */
const shown = (page, n) =>
  phase(page, n).evaluate((body) => {
    const g = body.closest(".journey-grid").getBoundingClientRect();
    const r = body.closest(".phase").getBoundingClientRect();
    return Math.max(0, Math.min(r.right, g.right) - Math.max(r.left, g.left)) / g.width;
  });

test("a phone shows one phase at a time, stepped through by buttons and swiping, each lane named in its cell", async ({ page }) => {
  await templateMap(page);
  await expect(page.locator(".lane-names")).toBeHidden();
  await expect(steps(page).getByText("Phase 1 of 4: See")).toBeVisible();
  await expect.poll(() => shown(page, 1)).toBeGreaterThan(0.95);
  // Each lane says its name where it is.
  await expect(phase(page, 1).getByRole("heading", { name: "Pain points", exact: true })).toBeVisible();
  await expect(steps(page).getByRole("button", { name: "Previous" })).toBeDisabled();

  await steps(page).getByRole("button", { name: "Next phase: Think" }).click();
  await expect(steps(page).getByText("Phase 2 of 4: Think")).toBeVisible();
  await expect.poll(() => shown(page, 2)).toBeGreaterThan(0.95);
  // A swipe sideways (the grid scrolled a little way) snaps to the next phase.
  await grid(page).evaluate((g) => g.scrollBy({ left: g.clientWidth * 0.6 }));
  await expect(steps(page).getByText("Phase 3 of 4: Do")).toBeVisible();
  await expect.poll(() => shown(page, 3)).toBeGreaterThan(0.95);
  await steps(page).getByRole("button", { name: "Next phase: Care" }).click();
  await expect(steps(page).getByRole("button", { name: "Next" })).toBeDisabled();
  await steps(page).getByRole("button", { name: "Previous phase: Do" }).click();
  await expect(steps(page).getByText("Phase 3 of 4: Do")).toBeVisible();

  // Fitted to the screen, the whole map again, with its column of lane names.
  await page.getByRole("button", { name: "Fit to screen" }).click();
  await expect(page.locator(".lane-names")).toBeVisible();
  await page.getByRole("button", { name: "Fit to screen" }).click();
});

test("on a phone a card is added, a dot given and a comment written with a thumb; axe finds nothing in either language", async ({ page }) => {
  await templateMap(page);
  const third = phase(page, 3);
  await steps(page).getByRole("button", { name: "Next phase: Think" }).click();
  await steps(page).getByRole("button", { name: "Next phase: Do" }).click();
  const add = third.getByRole("button", { name: "Add a card to Opportunities" });
  const box = await add.boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await add.tap();
  await page.keyboard.type("Pay by phone");
  await page.keyboard.press("Escape");
  const card = third.getByRole("group", { name: "Opportunities: Pay by phone", exact: true });
  await expect(card).toBeVisible();

  // A round, and a dot from the thumb.
  await page.locator(".workshop-panel > summary").tap();
  const round = page.locator(".round-panel");
  await round.locator(":scope > summary").tap();
  await round.getByLabel("Time limit in minutes (empty: none)").fill("");
  await round.getByRole("button", { name: "Start round" }).tap();
  const dots = round.getByRole("group", { name: "Your dots: Pay by phone", exact: true });
  const dot = dots.getByRole("button", { name: "Add a dot" });
  const dotBox = await dot.boundingBox();
  expect(dotBox.width).toBeGreaterThanOrEqual(44);
  expect(dotBox.height).toBeGreaterThanOrEqual(44);
  await dot.tap();
  await expect(dots).toContainText("1 dot");

  // A comment in the card.
  await editCard(card);
  const thread = card.getByRole("region", { name: /^Comments: / });
  await thread.getByLabel("New comment").fill("Most of our visitors are on a phone.");
  await thread.getByLabel("Your name").fill("Sam");
  await thread.getByRole("button", { name: "Post comment" }).tap();
  await expect(thread.locator(".comment-text")).toHaveText(["Most of our visitors are on a phone."]);
  // Nothing of the card runs past the phone's width.
  const cardBox = await card.boundingBox();
  expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(412);
  await expectNoViolations(page);

  await page.getByRole("combobox", { name: "Language" }).selectOption("nl");
  await expect(steps(page).getByText("Fase 3 van 4: Do")).toBeVisible();
  await expectNoViolations(page);
});
