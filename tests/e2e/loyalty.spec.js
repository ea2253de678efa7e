// KPIs measured from the shop's own exports, on the release build: an order export and a survey
// export dropped on the Care phase's KPIs, in English and Dutch formats, their columns mapped
// and remembered, counts per period added with their samples, nothing of the raw file stored.
import { test, expect, templateMap, phase, kpi, editCard, saved, heartbeat, csv, DUTCH_ORDERS, storedText, loyalty } from "./fixtures.js";

test("an order export measures the repeat-purchase rate per month, and next month's export is one drop", async ({ page }) => {
  await templateMap(page);
  const care = phase(page, 4);
  const card = kpi(care, "Repeat purchase ratio");
  await editCard(card);
  await expect(card.getByLabel("Measured as")).toHaveValue("repeat_purchase_rate");
  const zone = card.getByRole("region", { name: "Measure from data" });
  await expect(zone).toContainText("never leaves it");
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles(csv("bestellingen.csv", DUTCH_ORDERS));
  // The columns are guessed from the Dutch headers, the first rows shown.
  await expect(zone.getByText("Which column holds what?")).toBeVisible();
  await expect(zone.getByLabel("Order id")).toHaveValue("Bestelnummer");
  await expect(zone.getByLabel("Customer id or e-mail")).toHaveValue("Klant");
  await expect(zone.getByLabel("Date", { exact: true })).toHaveValue("Besteldatum");
  await expect(zone.getByLabel("Order total")).toHaveValue("Totaal");
  await expect(zone.getByRole("table", { name: "The file's first rows" })).toContainText("anna@example.nl");
  await zone.getByRole("button", { name: "Measure" }).click();
  const preview = zone.getByRole("status");
  await expect(preview).toContainText("6 orders by 3 customers, 2026-01-03 to 2026-04-01");
  await expect(preview).toContainText("4 periods measured");
  // February: Anna's second order of two customers.
  await expect(preview.getByRole("row", { name: /2026-02-01/ })).toContainText("50");
  await expect(preview.getByRole("row", { name: /2026-02-01/ })).toContainText("2 customers (small sample)");
  await zone.getByRole("button", { name: "Add measurements" }).click();
  await expect(card.getByText("Measurements (4)")).toBeVisible();
  // The map's loyalty scorecard judges buying behaviour by it: April's value, its sample, the trend.
  const buying = (await loyalty(page)).getByRole("region", { name: "Loyalty scorecard" }).getByRole("listitem").filter({ hasText: "Buying behaviour" });
  await expect(buying).toContainText("Care · Repeat purchase ratio");
  await expect(buying).toContainText("100 %");
  await expect(buying).toContainText("1 customer (small sample)");
  await expect(buying).toContainText("Since 2026-01-01: 0 → 50 → 100 → 100");
  await saved(page);
  let stored = await storedText(page);
  expect(stored).not.toContain("example.nl");
  expect(stored).toContain("\"repeat_customers\"");
  expect(stored).toContain("\"Besteldatum\"");

  // Next month's export, with the same columns: no mapping step.
  const may = DUTCH_ORDERS + "7;cor@example.nl;05-05-2026;25\r\n";
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles(csv("bestellingen-mei.csv", may));
  await expect(preview).toContainText("5 periods measured");
  await expect(zone.getByText("Which column holds what?")).toHaveCount(0);
  await zone.getByRole("button", { name: "Add measurements" }).click();
  await expect(card.getByText("Measurements (5)")).toBeVisible();
  await card.getByText("Measurements (5)").click();
  await expect(card.getByRole("row", { name: /2026-05-01/ })).toContainText("1 customer (small sample)");
  // A computed value is not typed: no value field to type it in.
  await expect(card.getByRole("button", { name: "Add measurement" })).toHaveCount(0);
  await saved(page);
  stored = await storedText(page);
  expect(stored).not.toContain("example.nl");
});

test("a survey export gives NPS per quarter with its answers, on a KPI made NPS", async ({ page }) => {
  await templateMap(page);
  const card = kpi(phase(page, 4), "Number of reviews");
  await editCard(card);
  await expect(card.getByRole("combobox", { name: "Unit" })).toHaveValue("count");
  await card.getByLabel("Measured as").selectOption("nps");
  // An NPS is no count: the unit goes with the kind.
  await expect(card.getByRole("combobox", { name: "Unit" })).toHaveValue("");
  await expect(card.getByText("the percentage of promoters (9 and 10) minus", { exact: false })).toBeAttached();
  const zone = card.getByRole("region", { name: "Measure from data" });
  const answers = ["Submitted At,How likely are you to recommend us to a friend?,Comments"];
  // Q1: 20 promoters, 5 passives, 5 detractors → 50. Q2: 10 answers, 4 promoters, 4 detractors → 0.
  for (let i = 0; i < 30; i++) answers.push(`2026-0${1 + (i % 3)}-1${i % 10}T10:00:00Z,${i < 20 ? 9 + (i % 2) : i < 25 ? 8 : 3},"fine, thanks"`);
  for (let i = 0; i < 10; i++) answers.push(`2026-05-0${1 + (i % 9)} 09:00,${i < 4 ? 10 : i < 8 ? 2 : 7},`);
  await zone.getByLabel("Choose a survey export (CSV)").setInputFiles(csv("survey.csv", answers.join("\n")));
  await expect(zone.getByLabel("Score")).toHaveValue("How likely are you to recommend us to a friend?");
  await zone.getByLabel("Per").selectOption("quarter");
  await zone.getByRole("button", { name: "Measure" }).click();
  const preview = zone.getByRole("status");
  await expect(preview.getByRole("row", { name: /2026-01-01/ })).toContainText("30 answers");
  await expect(preview.getByRole("row", { name: /2026-01-01/ })).toContainText("50");
  await expect(preview.getByRole("row", { name: /2026-04-01/ })).toContainText("10 answers (small sample)");
  await zone.getByRole("button", { name: "Add measurements" }).click();
  await expect(card.getByText("Measurements (2)")).toBeVisible();
});

test("bad exports are named by line and column, in time, and change nothing @heavy", async ({ page }) => {
  await templateMap(page);
  const card = kpi(phase(page, 4), "Repeat purchase ratio");
  await editCard(card);
  const zone = card.getByRole("region", { name: "Measure from data" });
  const input = zone.getByLabel("Choose an order export (CSV)");
  await saved(page);
  const before = await storedText(page);
  const worst = await heartbeat(page);
  const said = async (file, text) => {
    const start = Date.now();
    await input.setInputFiles(file);
    await expect(zone).toContainText(text);
    expect(Date.now() - start).toBeLessThan(2000);
  };
  await said(csv("empty.csv", ""), "This file is empty.");
  await said(csv("map.json", '{"format": "journey-map"}'), "This is not a table");
  await said({ name: "photo.csv", mimeType: "text/csv", buffer: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]) }, "not a text file");
  // Text where numbers belong, dates that do not read, dates in the future, a repeated order.
  const bad = "order,customer,date,total\n1,a,2026-01-05,10\n2,b,yesterday,10\n3,c,2026-01-06,ten\n1,a,2026-01-05,10\n4,d,2999-01-01,5\n";
  await input.setInputFiles(csv("bad.csv", bad));
  await zone.getByRole("button", { name: "Measure" }).click();
  const preview = zone.getByRole("status");
  await expect(preview).toContainText("line 3, column “date”: “yesterday” is not a date");
  await expect(preview).toContainText("line 4, column “total”: “ten” is not a number");
  await expect(preview).toContainText("line 5, column “order”: this order was read before, on line 2");
  await expect(preview).toContainText("line 6, column “date”: 2999-01-01 is after today");
  await zone.getByRole("button", { name: "Cancel" }).click();
  // A million rows, dropped on the KPI: read as far as the limit (or the time limit), and said.
  // Made in the page in slices, as handing Playwright's file of 25 MB over stalls the page.
  await zone.evaluate(async (zone) => {
    const parts = ["order,customer,date,total\n"];
    for (let slice = 0; slice < 10; slice++) {
      const rows = [];
      for (let i = slice * 100_000; i < (slice + 1) * 100_000; i++) rows.push(`${i},c${i % 5000},2026-01-0${1 + (i % 9)},1\n`);
      parts.push(rows.join(""));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const transfer = new DataTransfer();
    transfer.items.add(new File(parts, "million.csv", { type: "text/csv" }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await zone.getByRole("button", { name: "Measure" }).click();
  await expect(zone).toContainText("file goes on past 500000 rows", { timeout: 30000 });
  expect(await worst()).toBeLessThan(1000);
  expect(await storedText(page)).toEqual(before);
});

// A shop's first order, in both languages: "1 orders by 1 customers" read as a slip.
test("an export of one order is summed up as one order by one customer, in English and Dutch", async ({ page }) => {
  await templateMap(page);
  const card = kpi(phase(page, 4), "Repeat purchase ratio");
  await editCard(card);
  const zone = card.getByRole("region", { name: "Measure from data" });
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles(csv("eerste.csv", "Bestelnummer;Klant;Besteldatum;Totaal\n1;anna@example.nl;03-01-2026;25\n"));
  await zone.getByRole("button", { name: "Measure" }).click();
  await expect(zone.getByRole("status")).toContainText("1 order by 1 customer, 2026-01-03 to 2026-01-03");
  await page.getByLabel("Language").selectOption("nl");
  await expect(card.getByRole("region", { name: "Meten uit data" }).getByRole("status")).toContainText("1 bestelling van 1 klant, 2026-01-03 tot 2026-01-03");
});

test("a file Excel saved in Windows-1252 reads, its columns can be changed from the preview, and another kind clears it", async ({ page }) => {
  await templateMap(page);
  const card = kpi(phase(page, 4), "Repeat purchase ratio");
  await editCard(card);
  const zone = card.getByRole("region", { name: "Measure from data" });
  // "René" and "€" as Windows-1252 bytes, as Excel on Windows saves "CSV (comma delimited)".
  const latin = (text) => Buffer.from([...text].map((c) => (c === "€" ? 0x80 : c.charCodeAt(0))));
  const file = latin("Bestelnummer;Klant;Besteldatum;Totaal\r\n1;René;05-01-2026;€ 1.234\r\n2;René;05-02-2026;€ 2.500\r\n3;Ans;05-04-2026;10\r\n");
  await zone.getByLabel("Choose an order export (CSV)").setInputFiles({ name: "excel.csv", mimeType: "text/csv", buffer: file });
  await expect(zone.getByRole("table", { name: "The file's first rows" })).toContainText("René");
  await zone.getByRole("button", { name: "Measure" }).click();
  const preview = zone.getByRole("status");
  await expect(preview).toContainText("3 orders by 2 customers");
  // Thousands in a Dutch file: 1.234 is one thousand two hundred and thirty-four.
  await expect(preview).toContainText("revenue 3744");
  // March, without orders, has no repeat-purchase rate: no customers to take a share of.
  await expect(preview).toContainText("3 periods measured");
  // Focus moved on with the step, into the zone, not back to the page's start.
  expect(await page.evaluate(() => document.activeElement.closest("section.measure-from-data") !== null)).toBe(true);
  await zone.getByRole("button", { name: "Change columns" }).click();
  await zone.getByLabel("Per").selectOption("quarter");
  await zone.getByRole("button", { name: "Measure" }).click();
  await expect(preview).toContainText("2 periods measured");
  // Measured for the repeat-purchase rate, the preview is no preview for another kind.
  await card.getByLabel("Measured as").selectOption("average_order_value");
  await expect(zone.getByRole("button", { name: "Add measurements" })).toHaveCount(0);
  await expect(card.getByRole("combobox", { name: "Unit" })).toHaveValue("EUR");
  // One step to undo: kind and unit come back together.
  await page.keyboard.press("Control+z");
  await expect(card.getByLabel("Measured as")).toHaveValue("repeat_purchase_rate");
  await expect(card.getByRole("combobox", { name: "Unit" })).toHaveValue("%");
});
