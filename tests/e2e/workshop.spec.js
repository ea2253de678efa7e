// In the workshop room: presentation mode (keyboard only, clicks, read-only, axe), the timer,
// and the reminder to keep a copy of the maps outside the browser.
import { readFileSync } from "node:fs";
import { test, expect, templateMap, openApp, seedMaps, pixels, saved, storedMap, expectNoViolations } from "./fixtures.js";

const slide = (page) => page.getByRole("status").filter({ hasText: /^(The whole journey|De hele klantreis|Phase \d|Fase \d)/ });

test("presentation mode works by keyboard only and edits nothing", async ({ page }) => {
  const id = await templateMap(page);
  await saved(page);
  const before = await storedMap(page, id);
  expect(before.map.phases).toHaveLength(4);

  await page.getByRole("link", { name: "Present" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "See – Think – Do – Care" })).toBeVisible();
  await expect(slide(page)).toHaveText("The whole journey");
  // The whole journey is the map's grid: phases side by side, their cards, the curve under them.
  const grid = page.getByRole("region", { name: "Phases of the journey" });
  await expect(grid.getByRole("group", { name: "Care" }).getByRole("group", { name: "KPIs" })).toContainText("Number of reviews");
  await expect(grid.getByRole("img", { name: /^Experience curve \(average\):/ })).toBeVisible();
  const columns = await grid.locator(".phase").evaluateAll((phases) => phases.map((p) => Math.round(p.getBoundingClientRect().top)));
  expect(new Set(columns).size).toBe(1);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName)).toBe("HTML");
  // Nothing to edit: no text fields, no editor controls, no undo.
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);

  await page.keyboard.press("ArrowRight");
  await expect(slide(page)).toHaveText("Phase 1 / 4: See");
  await expect(page.getByRole("heading", { level: 2, name: "See" })).toBeVisible();
  await expect(page.getByText("Be seen by everyone who could ever buy from us")).toBeVisible();
  await expect(page.getByText("Inspiring posts")).toBeVisible();
  await expect(page.getByText("Buying guides")).toHaveCount(0);
  expect((await pixels(page, "Experience curve")).ink).toBeGreaterThan(500);

  await page.keyboard.press("PageDown");
  await expect(slide(page)).toHaveText("Phase 2 / 4: Think");
  await page.keyboard.press("End");
  await expect(slide(page)).toHaveText("Phase 4 / 4: Care");
  await page.keyboard.press("ArrowRight");
  await expect(slide(page)).toHaveText("Phase 4 / 4: Care");
  await page.keyboard.press("ArrowLeft");
  await expect(slide(page)).toHaveText("Phase 3 / 4: Do");
  await page.keyboard.press("Home");
  await expect(slide(page)).toHaveText("The whole journey");

  // The editor's shortcuts are gone too: undo would have removed the map.
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Escape");
  await expect(page.getByLabel("Map title")).toHaveValue("See – Think – Do – Care");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  expect(await storedMap(page, id)).toEqual(before);
});

test("clicks move between phases in presentation mode", async ({ page }) => {
  await templateMap(page);
  await page.getByRole("link", { name: "Present" }).click();
  await page.getByRole("navigation", { name: "Slides" }).getByRole("button", { name: "3. Do" }).click();
  await expect(slide(page)).toHaveText("Phase 3 / 4: Do");
  await expect(page.getByRole("button", { name: "3. Do" })).toHaveAttribute("aria-current", "step");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(slide(page)).toHaveText("Phase 4 / 4: Care");
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(slide(page)).toHaveText("Phase 3 / 4: Do");
  await page.getByRole("button", { name: "Leave presentation (Esc)" }).click();
  await expect(page.getByLabel("Map title")).toBeVisible();
});

test("axe finds nothing in presentation mode, in both languages", async ({ page }) => {
  await templateMap(page);
  await page.getByRole("link", { name: "Present" }).click();
  await expect(slide(page)).toHaveText("The whole journey");
  await expectNoViolations(page);
  await page.keyboard.press("ArrowRight");
  await expect(slide(page)).toHaveText("Phase 1 / 4: See");
  await expectNoViolations(page);
  await page.keyboard.press("Escape");
  await page.getByLabel("Language").selectOption("nl");
  await page.getByRole("link", { name: "Presenteren" }).click();
  await expect(slide(page)).toHaveText("De hele klantreis");
  await page.keyboard.press("ArrowRight");
  await expectNoViolations(page);
});

test("the workshop timer counts down, pauses, resets and says when time is up", async ({ page }) => {
  await page.clock.install();
  await templateMap(page);
  const timer = page.getByRole("group", { name: "Workshop timer" });
  const clock = timer.getByRole("timer");
  await timer.getByRole("spinbutton", { name: "Minutes" }).fill("1");
  await timer.getByRole("spinbutton", { name: "Minutes" }).press("Enter");
  await expect(clock).toHaveText("1:00");

  await timer.getByRole("button", { name: "Start" }).click();
  await page.clock.runFor(30_000);
  await expect(clock).toHaveText("0:30");
  await expect(timer.getByRole("spinbutton", { name: "Minutes" })).toBeDisabled();
  await timer.getByRole("button", { name: "Pause" }).click();
  await page.clock.runFor(60_000);
  await expect(clock).toHaveText("0:30");

  // It keeps running while the consultant switches to presentation mode, shown large there.
  await timer.getByRole("button", { name: "Resume" }).click();
  await page.getByRole("link", { name: "Present" }).click();
  const big = page.getByRole("group", { name: "Workshop timer" });
  await page.clock.runFor(10_000);
  await expect(big.getByRole("timer")).toHaveText("0:20");
  await expect(big.getByRole("status")).toBeEmpty();
  await page.clock.runFor(21_000);
  await expect(big.getByRole("timer")).toHaveText("0:00");
  await expect(big.getByRole("status")).toHaveText("Time is up.");

  await big.getByRole("button", { name: "Reset" }).click();
  await expect(big.getByRole("timer")).toHaveText("1:00");
  await expect(big.getByRole("status")).toBeEmpty();
});

test("maps left unexported for days bring a reminder; one click downloads them all", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-11-23T10:00:00Z") });
  await openApp(page);
  const old = { created_at: "2026-11-02T09:00:00Z", updated_at: "2026-11-12T09:00:00Z", phases: [] };
  await seedMaps(page, [
    { id: "kept", title: "Brand journey", ...old },
    { id: "fresh", title: "Made yesterday", created_at: "2026-11-22T09:00:00Z", updated_at: "2026-11-22T09:00:00Z", phases: [] },
  ]);
  const reminder = page.getByRole("status").filter({ hasText: "Browsers can clear stored data" });
  await expect(reminder).toBeVisible();
  await expect(reminder.getByRole("listitem")).toHaveText(["“Brand journey”"]);
  await expectNoViolations(page);

  const [file] = await Promise.all([
    page.waitForEvent("download"),
    reminder.getByRole("button", { name: "Export all maps" }).click(),
  ]);
  const bundle = JSON.parse(readFileSync(await file.path(), "utf8"));
  expect(bundle.maps.map((m) => m.title).sort()).toEqual(["Brand journey", "Made yesterday"]);
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("link", { name: "Brand journey" })).toBeVisible();
  await expect(reminder).toHaveCount(0);

  // Changed after that export, and three days on: reminded again, and "tomorrow" means tomorrow.
  await page.getByRole("link", { name: "Brand journey" }).click();
  await page.getByLabel("Map title").fill("Brand journey 2027");
  await saved(page);
  await page.clock.setSystemTime(new Date("2026-11-26T11:00:00Z"));
  await page.reload();
  await expect(reminder.getByRole("listitem")).toHaveText(["“Brand journey 2027”"]);
  await reminder.getByRole("button", { name: "Remind me tomorrow" }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Map title")).toHaveValue("Brand journey 2027");
  await expect(reminder).toHaveCount(0);
  await page.clock.setSystemTime(new Date("2026-11-27T11:30:00Z"));
  await page.reload();
  await expect(reminder).toBeVisible();
});
