// The customer base, on the release build: a shop's order export measured at the map's level
// into cohorts, customers per period and the BG/NBD + Gamma-Gamma forecast, whose fitted
// parameters are the published ones; next month's export is one drop; nothing of the raw
// file is stored or exported; the charts draw with their tables; presentation shows them.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { test, expect, templateMap, saved, exportFile, pixels, heartbeat, expectNoViolations, csv, DUTCH_ORDERS, storedText, loyalty } from "./fixtures.js";

const schema = JSON.parse(readFileSync("public/schema/journey-map.v4.schema.json", "utf8"));

// The CDNOW sample's first 39 weeks, on which Fader, Hardie & Lee (2005) fit the BG/NBD model
// and published r = 0.243, α = 4.414, a = 0.793, b = 2.426 (their table 1).
const CDNOW = readFileSync("tests/data/cdnow-sample-orders.csv", "utf8")
  .split("\n")
  .filter((line, i) => i === 0 || (line && line.split(",")[2] <= "1997-09-30"))
  .join("\n");

// The loyalty tests' Dutch shop; Dirk, whose 31 February is no date; a customer id that
// would be a formula in a spreadsheet.
const DUTCH = DUTCH_ORDERS + "7;dirk@example.nl;31-02-2026;10\r\n" + "8;=1+2;10-04-2026;5\r\n";

test("an order export gives the customer base with a forecast whose fit matches the published one", async ({ page }) => {
  await templateMap(page);
  const panel = (await loyalty(page)).getByRole("region", { name: "Customer base" });
  await expect(panel).toContainText("No order export measured yet.");
  await panel.getByRole("textbox", { name: "Margin, % of revenue" }).fill("25");
  await panel.getByRole("textbox", { name: "Margin, % of revenue" }).press("Enter");
  const zone = panel.getByRole("region", { name: "Measure from an order export" });
  await expect(zone).toContainText("never leaves it");
  const worst = await heartbeat(page);
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles(csv("cdnow.csv", CDNOW));
  await expect(zone.getByLabel("Customer id or e-mail")).toHaveValue("customer");
  await zone.getByRole("button", { name: "Measure" }).click();
  const preview = zone.getByRole("status");
  await expect(preview).toContainText("by 2357 customers, 1997-01-01 to 1997-09-30");
  await expect(preview).toContainText("forecast fitted on 2357 customers");
  expect(await worst()).toBeLessThan(1000);
  await zone.getByRole("button", { name: "Keep on the map" }).click();

  const figures = panel.locator(".forecast-figures");
  await expect(figures).toContainText("Customers still buying (expected)");
  await expect(figures).toContainText("of 2357");
  await expect(figures).toContainText("at 25 % margin and 10 % discount a year");
  await panel.getByText("How this was computed").click();
  const how = panel.locator(".how-computed");
  // Table 1 of Fader, Hardie & Lee (2005), at the precision they published.
  const fit = (await how.textContent()).match(/r = ([\d.]+), α = ([\d.]+), a = ([\d.]+), b = ([\d.]+); log-likelihood (-[\d.]+)/);
  expect(fit, "the fitted parameters are shown").not.toBeNull();
  const [r, alpha, a, b, ll] = fit.slice(1).map(Number);
  expect(r).toBeCloseTo(0.243, 3);
  expect(alpha).toBeCloseTo(4.414, 2);
  expect(a).toBeCloseTo(0.793, 3);
  expect(b).toBeCloseTo(2.426, 2);
  expect(ll).toBeCloseTo(-9582.4, 0);
  await expect(how).toContainText("2357 customers with orders from 1997-01-01 to 1997-09-30");
  await expect(how).toContainText("Spend per purchase (Gamma-Gamma): p = ");

  // The charts draw, with their tables: January's 781 new customers first.
  expect((await pixels(page, "Cohort retention")).ink).toBeGreaterThan(5000);
  expect((await pixels(page, "The customer base")).ink).toBeGreaterThan(5000);
  const cohorts = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Cohort retention" }) });
  await cohorts.getByText("The data in this chart").click();
  await expect(cohorts.getByRole("row").nth(1)).toContainText("Jan 1997");
  await expect(cohorts.getByRole("row").nth(1)).toContainText("781");
  await expectNoViolations(page);

  // What travels: counts and the fit, valid against schema 3.
  await saved(page);
  const exported = JSON.parse((await exportFile(page, "Export as JSON")).text);
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  expect(ajv.validate(schema, exported), JSON.stringify(ajv.errors)).toBe(true);
  expect(exported.map.customer_base.forecast.model.params.r).toBeCloseTo(0.243, 2);
  expect(exported.map.customer_base.cohorts.rows[0].customers).toBe(781);

  // The poster: opened again and printed straight away, without scrolling, it has them.
  await page.reload();
  await expect(page.getByLabel("Map title")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("img", { name: /^Cohort retention:/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^The customer base:/ })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // Presentation shows the two charts on the whole journey's slide.
  await page.getByRole("link", { name: "Present" }).click();
  await expect(page.getByRole("heading", { name: "Cohort retention" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The customer base" })).toBeVisible();
});

test("a Dutch export is named row by row, stored without a customer id, and next month's is one drop", async ({ page }) => {
  await templateMap(page);
  const panel = (await loyalty(page)).getByRole("region", { name: "Customer base" });
  const zone = panel.getByRole("region", { name: "Measure from an order export" });
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles(csv("bestellingen.csv", DUTCH));
  await expect(zone.getByLabel("Order total")).toHaveValue("Totaal");
  // The date chosen as the customer too: named, and not measured.
  await zone.getByLabel("Customer id or e-mail").selectOption("Besteldatum");
  await zone.getByRole("button", { name: "Measure" }).click();
  await expect(zone.getByRole("alert")).toContainText("The column “Besteldatum” is chosen for two roles");
  await zone.getByLabel("Customer id or e-mail").selectOption("Klant");
  await zone.getByRole("button", { name: "Measure" }).click();
  const preview = zone.getByRole("status");
  await expect(preview).toContainText("7 orders by 4 customers, 2026-01-03 to 2026-04-10");
  // 31 February is no date: named by its line and column, left out.
  await expect(preview).toContainText("line 8, column “Besteldatum”: “31-02-2026” is not a date");
  // The forecast per customer goes to the marketer's downloads, its ids guarded.
  const [download] = await Promise.all([page.waitForEvent("download"), zone.getByRole("button", { name: "Download the forecast per customer (CSV)" }).click()]);
  const file = readFileSync(await download.path(), "utf8");
  expect(file.startsWith("\u{feff}Customer,")).toBe(true);
  const rows = file.slice(1).trimEnd().split("\r\n");
  expect(rows[0]).toBe("Customer,First order,Last order,Repeat purchases so far,Chance still a customer (%),\"Expected repeat purchases, next 12 months\",\"Predicted value, next 12 months\"");
  expect(rows).toHaveLength(1 + 4);
  expect(rows.find((r) => r.includes("anna@example.nl"))).toMatch(/^anna@example\.nl,2026-01-03,2026-04-01,2,/);
  expect(rows.some((r) => r.startsWith("'=1+2,2026-04-10,2026-04-10,0,"))).toBe(true);
  await zone.getByRole("button", { name: "Keep on the map" }).click();
  await saved(page);
  let stored = await storedText(page);
  expect(stored).toContain("\"customer_base\"");
  expect(stored).not.toContain("example.nl");
  const exported = (await exportFile(page, "Export as JSON")).text;
  expect(exported).not.toContain("example.nl");

  // May's export: the remembered columns, straight to what it measured.
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles(csv("bestellingen-mei.csv", DUTCH + "9;eva@example.nl;05-05-2026;25\r\n"));
  await expect(preview).toContainText("8 orders by 5 customers, 2026-01-03 to 2026-05-05");
  await expect(zone.getByText("Which column holds what?")).toHaveCount(0);
  await expect(preview).toContainText("This replaces the customer base the map has now");
  await zone.getByRole("button", { name: "Keep on the map" }).click();
  const table = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "The customer base" }) });
  await table.getByText("The data in this chart").click();
  // May: Eva, new. Then the twelve months ahead.
  await expect(table.getByRole("row", { name: /May 2026/ }).first().getByRole("cell")).toHaveText(["May 2026", "1", "1", "0", ""]);
  await expect(table.getByRole("img")).toHaveAccessibleName(/^The customer base: 17 rows/);
  // Undo brings April's back; Remove takes it away.
  await page.keyboard.press("Control+z");
  await expect(table.getByRole("img")).toHaveAccessibleName(/^The customer base: 16 rows/);
  await panel.getByRole("button", { name: "Remove the customer base" }).click();
  await expect(panel).toContainText("No order export measured yet.");
  await saved(page);
  stored = await storedText(page);
  expect(stored).not.toContain("\"customer_base\"");
});

test("a file without its header row is refused before its first order could name a column", async ({ page }) => {
  await templateMap(page);
  const zone = (await loyalty(page)).getByRole("region", { name: "Measure from an order export" });
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles(csv("no-header.csv", "1001,anna@example.nl,2024-01-05,10.00\n1002,bram@example.nl,2024-01-06,5\n"));
  await expect(zone.getByRole("alert")).toContainText("The first row holds data (an e-mail address, numbers or dates), not column names.");
  await expect(zone.getByText("Which column holds what?")).toHaveCount(0);
  expect(await storedText(page)).not.toContain("example.nl");
});

test("a hostile customer base in a file is refused by path, in both languages, and nothing is stored", async ({ page }) => {
  await templateMap(page);
  await saved(page);
  const doc = JSON.parse((await exportFile(page, "Export as JSON")).text);
  doc.map.customer_base = { mapping: { source: "orders", period: "month", columns: {} }, terms: { margin: 0.3, discount: 0.1 },
    summary: { orders: 1, customers: 1, first: "2026-01-01", last: "2026-01-01", revenue: 1, repeat_customers: 0 },
    cohorts: { period: "month", starts: Array(1000).fill("2026-01-01"), rows: [], active: [], new: [] }, forecast: null };
  await page.getByRole("link", { name: "All maps" }).click();
  await page.getByLabel("Import JSON file").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
  const importPanel = page.getByRole("region", { name: "Import JSON file" });
  await expect(importPanel).toContainText("expected a customer base as an order export gives it");
  await expect(importPanel).toContainText("map.customer_base");
  await page.getByLabel("Language").selectOption("nl");
  await expect(page.getByText("een klantenbestand zoals een bestelexport het geeft")).toBeVisible();
  await expect(page.locator(".map-row")).toHaveCount(1);
  expect(await storedText(page)).not.toContain("\"customer_base\"");
});

test("leaving the map while its export is read leaves the app working", async ({ page }) => {
  await templateMap(page);
  const zone = (await loyalty(page)).getByRole("region", { name: "Measure from an order export" });
  // 300,000 orders, made in the page: read for a second or more after Measure.
  await zone.evaluate(async (zone) => {
    const rows = ["order,customer,date,total\n"];
    for (let i = 0; i < 300_000; i++) rows.push(`${i},c${i % 40000},2026-0${1 + (i % 9)}-1${i % 10},${1 + (i % 50)}\n`);
    const transfer = new DataTransfer();
    transfer.items.add(new File(rows, "orders.csv", { type: "text/csv" }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await zone.getByRole("button", { name: "Measure" }).click();
  await page.getByRole("link", { name: "All maps" }).click();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 4000)));
  // The library still answers (a page error would fail the test too).
  await page.getByLabel("Title of a new map").fill("After leaving");
  await page.getByRole("button", { name: "Create map" }).click();
  await expect(page.getByLabel("Map title")).toHaveValue("After leaving");
});
