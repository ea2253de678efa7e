// Versions of a map: one kept by name, one a day before the first change, one before an import
// or a restore replaces the map; each opened read-only, compared, restored (undoably),
// downloaded and deleted, as a person would through the Versions page.
import { readFileSync } from "node:fs";
import { test, expect, templateMap, saved, addPhase, seedMaps, openApp, phaseNames, expectNoViolations } from "./fixtures.js";

const versionKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("journey-mapper/version/")));

const rows = (page) => page.locator(".version-list tbody tr");

async function openVersions(page, title) {
  await page.getByRole("link", { name: "Versions", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Versions of ${title}` })).toBeVisible();
}

test("a named version is opened, compared, restored with undo, downloaded and deleted", async ({ page }) => {
  await templateMap(page, "See – Think – Do – Care", "Webshop");
  await saved(page);
  await openVersions(page, "Webshop");
  await expect(page.getByText("No versions yet.")).toBeVisible();
  await page.getByLabel("Name for this version").fill("Before the workshop");
  await page.getByRole("button", { name: "Keep this version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version kept." })).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("“Before the workshop”");
  expect(await versionKeys(page)).toHaveLength(1);

  // The workshop changes the map.
  await page.getByRole("link", { name: "← Webshop" }).click();
  await page.getByLabel("Map title").fill("Webshop after");
  await page.getByLabel("Map title").press("Tab");
  await addPhase(page, "Loyalty");
  await saved(page);
  await openVersions(page, "Webshop after");

  // Compared with the map now (the page's first choice): what was added and changed, KPIs side
  // by side, both curves in one chart.
  const compare = page.getByRole("region", { name: "Compare" });
  const differences = compare.getByRole("table", { name: "Differences" });
  await expect(differences.getByRole("row", { name: /Phase\s+Loyalty\s+Added/ })).toBeVisible();
  await expect(differences.getByRole("row", { name: /Map\s+Webshop after\s+Changed: Map title/ })).toBeVisible();
  await expect(compare.getByRole("table", { name: "KPI values side by side" }).getByRole("row")).toHaveCount(13);
  const chart = compare.getByRole("img", { name: /^Experience curves compared:/ });
  await expect(chart).toBeVisible();
  const ink = await chart.evaluate((canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 250) n++;
    return n;
  });
  expect(ink).toBeGreaterThan(1000);
  // On a phone the page keeps to the screen: the wide tables scroll inside their boxes.
  await page.setViewportSize({ width: 412, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
  await page.setViewportSize({ width: 1280, height: 720 });
  // The same on both sides: nothing differs.
  await compare.getByLabel("From").selectOption({ label: "Webshop after (now)" });
  await expect(compare.getByText("No differences.")).toBeVisible();

  // Opened read-only: the map as it was, with no field to edit.
  await page.getByRole("button", { name: /^Open: version of / }).click();
  const shown = page.getByRole("region", { name: /^The version of .*, read only$/ });
  await expect(shown.getByRole("heading", { name: "Webshop", exact: true })).toBeVisible();
  await expect(shown).not.toContainText("Loyalty");
  await expect(shown.getByRole("textbox")).toHaveCount(0);
  await expectNoViolations(page);
  await shown.getByRole("button", { name: "Close" }).click();
  await expect(shown).toHaveCount(0);

  // Downloaded as an exchange-format file.
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /^Download: version of / }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^webshop-version-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(readFileSync(await file.path(), "utf8"));
  expect(doc.format).toBe("journey-map");
  expect(doc.map.title).toBe("Webshop");

  // Restored: the map as it was, the map it replaced kept as a version, and undo takes it back.
  await page.getByRole("button", { name: /^Restore: version of / }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version restored." })).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText("Before a version was restored");
  await page.getByRole("link", { name: "← Webshop" }).click();
  await expect(page.getByLabel("Map title")).toHaveValue("Webshop");
  expect(await phaseNames(page)).toEqual(["See", "Think", "Do", "Care"]);
  await page.getByRole("button", { name: "Undo" }).first().click();
  await expect(page.getByLabel("Map title")).toHaveValue("Webshop after");
  expect(await phaseNames(page)).toEqual(["See", "Think", "Do", "Care", "Loyalty"]);
  await saved(page);

  // Deleted after asking; the other stays.
  await openVersions(page, "Webshop after");
  page.once("dialog", (dialog) => dialog.accept());
  await rows(page).first().getByRole("button", { name: /^Delete: version of / }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("“Before the workshop”");
  expect(await versionKeys(page)).toHaveLength(1);
  // Deleting the version a comparison stands on puts this map now in its place.
  const from = page.getByRole("region", { name: "Compare" }).getByLabel("From");
  await from.selectOption({ index: 1 });
  await expect(from).toHaveValue(/^version:/);
  await expect(page.getByRole("table", { name: "Differences" })).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await rows(page).first().getByRole("button", { name: /^Delete: version of / }).click();
  await expect(page.getByText("No versions yet.")).toBeVisible();
  await expect(from).toHaveValue(/^map:/);
  await expect(page.getByRole("region", { name: "Compare" }).getByText("No differences.")).toBeVisible();
});

test("the day's first change and an import that replaces the map each keep the map as it was", async ({ page }) => {
  await openApp(page);
  const yesterday = {
    id: "kept",
    title: "As stored yesterday",
    description: "",
    updated_at: "2026-01-01T10:00:00Z",
    phases: [{ id: "p1", name: "See", description: "", goal: "", color: "#1f77b4", touchpoints: [], kpis: [] }],
  };
  await seedMaps(page, [yesterday], { schema: 4 });
  await page.getByRole("link", { name: "As stored yesterday" }).click();
  await page.getByLabel("Map title").fill("Changed today");
  await page.getByLabel("Map title").press("Tab");
  await saved(page);
  // Kept when the page is next idle, not by the save itself (nor by opening the versions page).
  const versionKept = () => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("journey-mapper/version/")));
  await expect.poll(versionKept).toBe(true);
  await openVersions(page, "Changed today");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("Before the day's first change");
  // A second change the same day keeps no second one.
  await page.getByRole("link", { name: "← Changed today" }).click();
  await addPhase(page, "Think");
  await saved(page);
  await openVersions(page, "Changed today");
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole("button", { name: /^Open: version of / }).click();
  await expect(page.getByRole("heading", { name: "As stored yesterday" })).toBeVisible();

  // An import that replaces the map.
  await page.getByRole("link", { name: "All maps" }).click();
  const file = { format: "journey-map", version: 1, map: { ...yesterday, title: "From the file" } };
  await page.getByLabel("Import JSON file").setInputFiles({
    name: "replacement.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const panel = page.getByRole("region", { name: "Import JSON file" });
  await panel.getByRole("radio", { name: "Replace my map with it (can be undone)" }).check();
  await panel.getByRole("button", { name: "Import" }).click();
  await page.getByRole("button", { name: "Close" }).click();
  await page.getByRole("link", { name: "From the file" }).click();
  await openVersions(page, "From the file");
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText("Before an import replaced it");
  await page.getByRole("button", { name: /^Open: version of / }).first().click();
  await expect(page.getByRole("heading", { name: "Changed today" })).toBeVisible();

  // In Dutch, every word of the page.
  await page.getByLabel("Language").selectOption("nl");
  await expect(page.getByRole("heading", { name: "Versies van From the file" })).toBeVisible();
  await expect(rows(page).first()).toContainText("Vóór een import die hem verving");
  await expect(rows(page).nth(1)).toContainText("Vóór de eerste wijziging van de dag");
  await expect(page.getByRole("button", { name: /^Terugzetten: versie van / })).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Vergelijken" }).getByRole("table", { name: "Verschillen" })).toBeVisible();
  await expectNoViolations(page);
});
