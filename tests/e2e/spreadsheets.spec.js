// CSV for spreadsheets and Mermaid for documentation, as a person downloads and uploads them.
import { test, expect, templateMap, phase, kpi, touchpoint, editCard, exportFile } from "./fixtures.js";

const download = exportFile;

test("touchpoints and KPIs export as CSV with a BOM, in the chosen separator", async ({ page }) => {
  await templateMap(page);
  const comma = await download(page, "Touchpoints as CSV");
  expect(comma.name).toMatch(/^see-think-do-care-touchpoints-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(comma.text.startsWith("\ufeffPhase,Touchpoint,Channel,Emotion,Owner,Description,Cost per month,Currency,Contacts per customer per month,Reach,Triggered by (lifecycle event)\r\n")).toBe(true);
  expect(comma.text).toContain("Care,E-mail with labels and personalised content,E-mail,1,,,150,EUR,2,Personal (below the line),\r\n");
  expect(comma.text.trim().split("\r\n")).toHaveLength(1 + 13);

  await page.getByRole("button", { name: "Export", exact: true }).click();
  await page.getByLabel("CSV separator").selectOption("semicolon");
  const kpis = await download(page, "KPIs as CSV");
  expect(kpis.text.startsWith("\ufeffPhase;KPI;Unit;Better when;Baseline;Target;Date;Value;Sample;Counts;Measured as\r\n")).toBe(true);
  expect(kpis.text).toContain("Do;Cart abandonment;%;lower;;;;;;;A number\r\n");
  expect(kpis.text).toContain("Care;Repeat purchase ratio;%;higher;;;;;;;Repeat-purchase rate\r\n");

  // The pain points and opportunities, most votes first, for a backlog.
  const backlog = await download(page, "Pain points and opportunities as CSV");
  expect(backlog.name).toMatch(/^see-think-do-care-backlog-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(backlog.text.startsWith("\ufeffPhase;Kind;Text;Severity;Votes;Value to the customer (1–5);Value to the business (1–5);Effort (1–5);Quadrant;Owner;Due date\r\n")).toBe(true);
  expect(backlog.text).toContain("Care;Pain points;Review request arrives before the parcel;3;0;;;;;;\r\n");
  expect(backlog.text.trim().split("\r\n")).toHaveLength(1 + 8);
});

test("measurements come in from a spreadsheet file after a preview, bad rows named", async ({ page }) => {
  await templateMap(page);
  const card = kpi(phase(page, 3), "Conversion rate");
  await editCard(card);
  await card.getByRole("textbox", { name: "Target" }).fill("3");
  await card.getByRole("textbox", { name: "Target" }).press("Enter");
  await card.getByText(/^Measurements/).click();
  await card.getByLabel("Import measurements from CSV").setInputFiles({
    name: "conversion.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("\ufeffDatum;Waarde\r\n31-01-2026;2,5\r\n2026-02-28;3,25\r\n2026-02-30;1\r\n2026-03-31;veel\r\n"),
  });
  const preview = card.getByRole("status");
  await expect(preview).toContainText("2 measurements ready to add");
  await expect(preview).toContainText("row 4: “2026-02-30” is not a date");
  await expect(preview).toContainText("row 5: “veel” is not a number");
  await expect(card).toContainText("Measurements (0)");
  // A date named twice counts once, and that is said; a file of no rows says so.
  const input = card.getByLabel("Import measurements from CSV");
  await input.setInputFiles({ name: "twice.csv", mimeType: "text/csv", buffer: Buffer.from("date;value\n2026-01-31;1\n2026-01-31;2\n2026-01-31;3\n") });
  await expect(preview).toContainText("1 measurement ready to add");
  await expect(preview).toContainText("2 rows name a date another row names too: of each date, the last row counts.");
  await input.setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("date;value\n" + "\n".repeat(100_000)) });
  await expect(preview).toContainText("The file holds no rows of a date and a value: nothing to add.");
  await expect(preview.getByRole("button", { name: "Add measurements" })).toBeHidden();
  // A file too large to be measurements is refused before it is read.
  await input.setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, "2026-01-01;1\n") });
  await expect(card.getByRole("alert")).toContainText("larger than 10 MB");
  await expect(preview).toBeHidden();
  await input.setInputFiles({
    name: "conversion.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("\ufeffDatum;Waarde\r\n31-01-2026;2,5\r\n2026-02-28;3,25\r\n2026-02-30;1\r\n2026-03-31;veel\r\n"),
  });
  await expect(card.getByRole("alert")).toBeHidden();
  await preview.getByRole("button", { name: "Add measurements" }).click();
  await expect(card).toContainText("Measurements (2)");
  await expect(card).toContainText("On track: target reached");
  await expect(card.getByRole("textbox", { name: "Value 2026-02-28" })).toHaveValue("3.25");
  // One undo takes the whole import back (the click on Undo, outside the card, closes it).
  await page.getByRole("button", { name: "Undo" }).first().click();
  await expect(card).toContainText("No data");
  await editCard(card);
  await expect(card).toContainText("Measurements (0)");

  // And out again, with the values as they came in.
  await page.getByRole("button", { name: "Redo" }).click();
  const out = await download(page, "KPIs as CSV");
  expect(out.text).toContain("Do,Conversion rate,%,higher,,3,2026-01-31,2.5,,,A number\r\n");
  expect(out.text).toContain("Do,Conversion rate,%,higher,,3,2026-02-28,3.25,,,A number\r\n");
});

test("the Mermaid export is accepted by Mermaid's own parser", async ({ page, context }) => {
  await templateMap(page);
  await page.getByLabel("Map title").fill("Webshop: the journey; #1 %% draft");
  await phase(page, 1).getByRole("textbox", { name: "Phase name" }).fill("See: be seen");
  // Names that start like Mermaid's own lines.
  for (const [from, to] of [["Inspiring posts", "section Launch"], ["Display campaign", "Title page"]]) {
    const card = touchpoint(phase(page, 1), from);
    await editCard(card);
    await card.getByRole("textbox", { name: "Touchpoint name" }).fill(to);
    await page.keyboard.press("Escape");
  }
  const diagram = await download(page, "Mermaid diagram");
  expect(diagram.name.endsWith(".mmd")).toBe(true);
  expect(diagram.text.split("\n").filter((l) => l.startsWith("      "))).toHaveLength(13);

  const checker = await context.newPage();
  await checker.addScriptTag({ path: "node_modules/mermaid/dist/mermaid.min.js" });
  const parse = (text) => checker.evaluate(async (text) => {
    try {
      return Boolean(await window.mermaid.parse(text));
    } catch (e) {
      return `refused: ${e.message}`;
    }
  }, text);
  expect(await parse(diagram.text)).toBe(true);
  // Every touchpoint is a task of its phase's section, the keyword-like names too.
  const tasks = await checker.evaluate(async (text) => {
    const diagram = await window.mermaid.mermaidAPI.getDiagramFromText(text);
    return diagram.db.getTasks().map((t) => t.task.replace(/\u200d/g, ""));
  }, diagram.text);
  expect(tasks).toHaveLength(13);
  expect(tasks.slice(0, 2)).toEqual(["section Launch", "Title page"]);
  // The template's persona is each task's actor, with its own score.
  const people = await checker.evaluate(async (text) => {
    const diagram = await window.mermaid.mermaidAPI.getDiagramFromText(text);
    return diagram.db.getTasks()[0].people;
  }, diagram.text);
  expect(people).toEqual(["Sanne online shopper"]);
  // The parser is strict enough to notice a broken diagram.
  expect(await parse("journey\n    section A\n      task without score\n")).toMatch(/^refused/);
});
