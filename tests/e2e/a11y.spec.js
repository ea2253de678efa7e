import { test, expect, openApp, openTab, createMap, addPhase, seedMaps, expectNoViolations, editCard } from "./fixtures.js";

test("axe finds nothing on the empty library", async ({ page }) => {
  await openApp(page);
  await expectNoViolations(page);
});

test("axe finds nothing on a library with maps and on a map, in both languages", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Accessible journey");
  await addPhase(page, "See");
  await addPhase(page, "Think");
  await expectNoViolations(page);
  await page.getByRole("link", { name: "All maps" }).click();
  await expectNoViolations(page);
  await page.getByLabel("Language").selectOption("nl");
  await expectNoViolations(page);
});

test("axe finds nothing with storage notices showing", async ({ page }) => {
  await openTab(page);
  await page.evaluate(() => localStorage.setItem("journey-mapper/map/bad", "garbage"));
  await seedMaps(page, []);
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoViolations(page);
});

test("axe finds nothing in the editor on a full template map, with progress shown, in both languages", async ({ page }) => {
  // Four runs of axe over a map with its lanes take longer than one test's default.
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByLabel("Start from").selectOption({ label: "See – Think – Do – Care" });
  await page.getByRole("button", { name: "Create map" }).click();
  const care = page.getByRole("group", { name: /^Phase 4:/ });
  const kpi = care.getByRole("group", { name: "KPI: Repeat purchase ratio" });
  // axe looks at the map, not at the moment between the library and the editor's page.
  await expect(kpi).toBeVisible();
  await expectNoViolations(page);
  await editCard(kpi);
  await kpi.getByRole("textbox", { name: "Target" }).fill("30");
  await kpi.getByRole("textbox", { name: "Target" }).press("Enter");
  // Measured from an order export: the mapping step and the preview are checked too.
  const zone = kpi.getByRole("region", { name: "Measure from data" });
  const orders = "Bestelnummer;Klant;Besteldatum;Totaal\n1;anna;03-01-2026;10\n2;bram;15-01-2026;20\n3;anna;02-02-2026;30\n";
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(orders) });
  await expect(zone.getByRole("button", { name: "Measure" })).toBeVisible();
  await expectNoViolations(page);
  await zone.getByRole("button", { name: "Measure" }).click();
  await expect(zone.getByRole("button", { name: "Add measurements" })).toBeVisible();
  await expectNoViolations(page);
  await zone.getByRole("button", { name: "Add measurements" }).click();
  await expect(kpi).toContainText("On track");
  await expect(kpi).toContainText("1 customer (small sample)");
  await kpi.getByText(/^Measurements/).click();
  const email = care.getByRole("group", { name: /^Touchpoint: E-mail with labels/ });
  await editCard(email);
  await email.getByText("Description").click();
  await expectNoViolations(page);
  await page.getByRole("button", { name: "Larger text" }).click();
  await page.getByLabel("Language").selectOption("nl");
  await expectNoViolations(page);
});
