// The map at a glance: the whole template on one projector screen, a laptop's screen scrolling
// the grid one way only, "Fit to screen", and a phone with nothing cut off.
import { test, expect, openApp, templateMap, phase, scrollToTop, expectNoViolations } from "./fixtures.js";

const EN = "See – Think – Do – Care";
const NL = "Kijk – Kies – Koop – Krijg – Koester";
// The Dutch template in English: five phases, the widest map the templates make.
const FIVE = "Look – Choose – Buy – Receive – Cherish";

/** Every card, phase header and the curve: what "the whole map" means on the screen. */
async function expectWholeMapInView(page) {
  const parts = page.locator(".touchpoint, .kpi, .lane-card, .phase-header, .curve-lane");
  const count = await parts.count();
  expect(count).toBeGreaterThan(20);
  for (let i = 0; i < count; i++) await expect(parts.nth(i)).toBeInViewport({ ratio: 1 });
}

/** How far the page and the grid can scroll each way. */
function overflow(page) {
  return page.evaluate(() => {
    const grid = document.querySelector(".journey-grid");
    return {
      pageDown: document.documentElement.scrollHeight > innerHeight,
      pageSideways: document.documentElement.scrollWidth > innerWidth,
      gridDown: grid.scrollHeight > grid.clientHeight,
      gridSideways: grid.scrollWidth > grid.clientWidth,
    };
  });
}

/** Shows or hides every lane from the Lanes panel, as a facilitator would. */
async function showLanes(page, shown) {
  const panel = page.locator(".lanes-panel");
  await panel.locator("summary").click();
  for (const box of await panel.getByRole("checkbox").all()) await box.setChecked(shown);
  await panel.locator("summary").click();
}

/** The scale "Fit to screen" gave the map. */
function zoom(page) {
  return page.locator(".journey-grid").evaluate((g) => Number(getComputedStyle(g).zoom));
}

test("the See–Think–Do–Care map, its lanes, KPIs' status and curve fit one 1920×1080 screen, readably", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await templateMap(page, EN);
  // Its lanes hidden, the map is all but whole as it is, and fitted at nearly full size.
  await showLanes(page, false);
  await expect(page.locator(".lane-card")).toHaveCount(0);
  expect(await overflow(page)).toMatchObject({ gridSideways: false, pageSideways: false });
  await page.getByRole("button", { name: "Fit to screen" }).click();
  await scrollToTop(page);
  await expectWholeMapInView(page);
  expect(await zoom(page)).toBeGreaterThan(0.9);
  // With its five lanes of example cards, fitted, it is whole and still readable.
  await showLanes(page, true);
  await expect(page.locator(".lane-card")).toHaveCount(20);
  await scrollToTop(page);
  await expectWholeMapInView(page);
  expect(await zoom(page)).toBeGreaterThan(0.7);
  // Each phase says how its KPIs are doing, in words.
  await expect(phase(page, 4)).toContainText("KPIs: 0 on track, 0 behind, 7 without data");
  await expect(phase(page, 4).locator(".kpi-chips")).toHaveText("– 7 No data");
});

for (const [template, language] of [[EN, "en"], [NL, "nl"]]) {
  test(`on 1280×720 the ${language} template's grid scrolls down only, its phase names in view`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    if (language === "nl") await page.getByRole("combobox", { name: "Language" }).selectOption("nl");
    await page.locator("#new-map-template").selectOption({ label: template });
    await page.locator(".create-map button[type=submit]").click();
    await expect(phase(page, 1)).toBeVisible();
    expect(await overflow(page)).toMatchObject({ gridSideways: false, pageSideways: false });
    // Scrolled to its last KPI, the grid keeps the phases' headers in view.
    const grid = page.locator(".journey-grid");
    await grid.evaluate((g) => g.scrollIntoView());
    await grid.evaluate((g) => g.scrollTo(0, g.scrollHeight));
    await expect(page.locator(".lane-card").last()).toBeInViewport({ ratio: 1 });
    await expect(page.locator(".phase-name").first()).toBeInViewport({ ratio: 1 });
  });
}

test("Fit to screen shows the whole map on a small screen, is remembered, and can be turned off", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await templateMap(page, FIVE);
  // Five phases and their lanes are more than a laptop's screen can show readably: the lanes
  // are hidden for this one.
  await showLanes(page, false);
  const fit = page.getByRole("button", { name: "Fit to screen" });
  await expect(fit).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator(".curve-lane")).not.toBeInViewport();

  await fit.click();
  await expect(fit).toHaveAttribute("aria-pressed", "true");
  await expectWholeMapInView(page);
  // A new card still fits: the map is fitted again as it grows.
  await phase(page, 1).getByRole("button", { name: "Add touchpoint" }).click();
  await page.keyboard.press("Escape");
  await expectWholeMapInView(page);

  await page.reload();
  await expect(page.getByRole("button", { name: "Fit to screen" })).toHaveAttribute("aria-pressed", "true");
  await expectWholeMapInView(page);

  await page.getByRole("button", { name: "Fit to screen" }).click();
  await expect(page.locator(".curve-lane")).not.toBeInViewport();
  expect(await page.locator(".journey-grid").evaluate((g) => getComputedStyle(g).zoom)).toBe("1");
});

test("the charts are one step from the map", async ({ page }) => {
  await templateMap(page, EN);
  await page.getByRole("button", { name: "Charts" }).click();
  await expect(page.getByRole("heading", { name: "Charts" })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Channels per phase" })).toBeVisible();
});

test("on a phone nothing runs off the screen: the library, the top bar and a map", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 900 });
  await openApp(page);
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);
  await page.getByRole("combobox", { name: "Language" }).selectOption("nl");
  for (const control of [page.getByRole("button", { name: "Grotere tekst" }), page.getByRole("combobox", { name: "Taal" })]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  await page.locator("#new-map-template").selectOption({ label: NL });
  await page.locator(".create-map button[type=submit]").click();
  await expect(phase(page, 1)).toBeVisible();
  expect(await sideways()).toBeLessThanOrEqual(0);
  // A phase at a time: the lanes' names stand in their cells, and the phase has the width.
  await expect(page.locator(".lane-names")).toBeHidden();
  expect((await phase(page, 1).boundingBox()).width).toBeGreaterThan(412 * 0.8);
  for (const name of ["Presenteren", "Exporteren", "Passend op scherm"]) {
    await expect(page.getByRole(name === "Presenteren" ? "link" : "button", { name, exact: true })).toBeInViewport({ ratio: 1 });
  }
  // Contrast and names hold at this width too.
  await expectNoViolations(page);
});

test("the cards are one tab stop; arrow keys move across the grid, Enter edits, Escape leaves", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await templateMap(page, EN);
  const summary = (name) => page.getByRole("button", { name: new RegExp(`^[-+–−0-9 ]*${name}\\b`) });
  const focusedCard = () => page.evaluate(() => document.activeElement.closest("[data-card]")?.querySelector(".card-title")?.textContent ?? document.activeElement.textContent);

  // From the first phase's goal, Tab reaches its first card, and the next Tab leaves the cards.
  await phase(page, 1).getByRole("textbox", { name: "Goal / message" }).focus();
  await page.keyboard.press("Tab"); // the description's fold
  await page.keyboard.press("Tab");
  await expect(summary("Inspiring posts")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(phase(page, 1).getByRole("button", { name: "Add touchpoint" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(phase(page, 1).getByRole("button", { name: "Add KPI" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(summary("Inspiring posts")).toBeFocused();

  // Down a phase through its touchpoints into its KPIs; sideways along a lane.
  const steps = [
    ["ArrowDown", "Display campaign"],
    ["ArrowRight", "Search ads"],
    ["ArrowRight", "Simple checkout"],
    ["ArrowDown", "Cart remarketing"],
    ["ArrowDown", "Conversion rate"],
    ["ArrowLeft", "Returning visitors"],
    ["ArrowLeft", "Reach"],
    ["ArrowUp", "Press coverage"],
  ];
  for (const [key, name] of steps) {
    await page.keyboard.press(key);
    expect(await focusedCard()).toBe(name);
  }
  // At the edge the focus stays.
  await page.keyboard.press("ArrowLeft");
  expect(await focusedCard()).toBe("Press coverage");

  // Enter edits the card in place; Escape closes it, back on the card.
  await page.keyboard.press("Enter");
  const card = phase(page, 1).getByRole("group", { name: "Touchpoint: Press coverage" });
  await expect(card.getByRole("textbox", { name: "Touchpoint name" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(summary("Press coverage")).toBeFocused();

  // The tab stop stays with the card last visited: leaving and coming back lands on it.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(summary("Press coverage")).toBeFocused();
  // Only one card of the map is in the tab order.
  expect(await page.locator(".card-summary[tabindex='0']").count()).toBe(1);
});
