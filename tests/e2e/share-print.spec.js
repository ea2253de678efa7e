// A map shared through a link with no server, and printed as a poster.
import { test, expect, templateMap, openApp, phase, phaseNames, storedMap, saved } from "./fixtures.js";

const sharedMap = (page) => templateMap(page, "Look – Choose – Buy – Receive – Cherish", "Shared <b>webshop</b>");

test("a share link opens the map read-only elsewhere, and saving a copy keeps it", async ({ page, browser }) => {
  await sharedMap(page);
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/share\/[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(32000);

  // Someone else, with their own empty browser.
  const other = await browser.newContext();
  const them = await other.newPage();
  await them.goto(link);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText("Shared <b>webshop</b>");
  await expect(them.getByRole("heading", { level: 2, name: "Look" })).toBeVisible();
  await expect(them.getByText("Costs and delivery time up front")).toBeVisible();
  // The link carries everything: the persona, the lanes and their cards, the plan.
  await expect(them.locator(".persona-strip")).toContainText("Sanne, online shopper");
  await expect(them.getByRole("group", { name: "Pain points" }).first()).toContainText("Sees the same ad too often");
  await expect(them.locator(".phase-plan").first()).toContainText("EUR");
  await expect(them.getByRole("textbox")).toHaveCount(0);
  expect(await them.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("/map/")))).toEqual([]);
  await them.getByRole("button", { name: "Save a copy to my maps" }).click();
  await expect(them.getByLabel("Map title")).toHaveValue("Shared <b>webshop</b>");
  expect(await phaseNames(them)).toEqual(["Look", "Choose", "Buy", "Receive", "Cherish"]);
  await saved(them);
  expect((await storedMap(them, them.url().split("/").pop())).map.phases).toHaveLength(5);
  await other.close();
});

test("a damaged or tampered link says so and changes nothing", async ({ page }) => {
  await sharedMap(page);
  await saved(page);
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  for (const broken of [link.slice(0, link.length - 40), link.replace(/share\/(.{10})/, "share/AAAAAAAAAA"), `${link}!!`]) {
    await page.goto(broken);
    await expect(page.getByRole("alert")).toContainText("This share link is damaged or incomplete. Nothing has changed.");
  }
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

test("a map too large for a link is refused with a pointer to JSON", async ({ page }) => {
  await openApp(page);
  // Long random descriptions compress poorly: about 80,000 characters of them. Few cards, so
  // the page stays small and quick to query.
  const noise = () => Array.from({ length: 100 }, () => Math.random()).join(" ");
  const phases = Array.from({ length: 4 }, (_, p) => ({
    id: `p${p}`, name: `Phase ${p}`, color: "#123456",
    touchpoints: Array.from({ length: 10 }, (_, t) => ({ id: `t${p}-${t}`, name: `T ${p}-${t}`, description: noise() })),
  }));
  await page.evaluate((map) => localStorage.setItem(`journey-mapper/map/${map.id}`, JSON.stringify({ rev: 1, schema: 1, map })), { id: "big", title: "Big", phases });
  await page.reload();
  await page.goto("/#/map/big");
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("alert")).toContainText("too large for a link");
  await expect(page.getByRole("textbox", { name: "Share link" })).toHaveCount(0);
});

test("printing gives a landscape poster without editing controls", async ({ page }) => {
  await sharedMap(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Add touchpoint" }).first()).toBeHidden();
  await expect(page.getByRole("button", { name: "Undo" })).toBeHidden();
  await expect(page.locator(".top-bar")).toBeHidden();
  await expect(phase(page, 5)).toBeVisible();
  await expect(page.getByRole("group", { name: "Touchpoint: Costs and delivery time up front" })).toBeVisible();
  // Its persona by name, and its lanes' cards.
  await expect(page.locator(".personas-panel")).toContainText("Sanne, online shopper");
  await expect(page.locator(".lanes-panel")).toBeHidden();
  await expect(page.getByRole("group", { name: "Pain points: Sees the same ad too often" })).toBeVisible();
  // The map as seen: the grid whole, not a box to scroll, with the curve under the phases.
  const grid = page.locator(".journey-grid");
  expect(await grid.evaluate((g) => g.scrollHeight <= g.clientHeight && g.scrollWidth <= g.clientWidth)).toBe(true);
  await expect(page.getByRole("img", { name: /^Experience curve \(average\):/ })).toBeVisible();
  // The charts come along, without their controls.
  await expect(page.getByRole("img", { name: /^Experience curve:/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Download PNG/ }).first()).toBeHidden();
  await page.screenshot({ path: "test-results/print-preview.png", fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // An A3 landscape page is 1190.55 × 841.89 points (Chromium rounds it to whole pixels).
  const box = pdf.toString("latin1").match(/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
  expect(Math.abs(Number(box[1]) - 1190.55)).toBeLessThan(2);
  expect(Math.abs(Number(box[2]) - 841.89)).toBeLessThan(2);
});
