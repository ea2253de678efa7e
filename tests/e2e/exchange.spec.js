// JSON files in and out through the interface: export, import by picker and by drop, preview,
// copy or replace, and every kind of bad file refused with its own message, storage untouched.
import AxeBuilder from "@axe-core/playwright";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { test, expect, openApp, createMap, addPhase, saved, phaseNames, exportFile } from "./fixtures.js";

const schema = JSON.parse(readFileSync("public/schema/journey-map.v4.schema.json", "utf8"));

const exportCurrentMap = (page) => exportFile(page, "Export as JSON");

async function pick(page, name, contents) {
  await page.getByLabel("Import JSON file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(contents) });
}

async function storage(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.includes("/map/")).map((k) => [k, localStorage.getItem(k)])));
}

test("a map goes out as JSON and comes back as a copy or as a replacement that can be undone", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Start from").selectOption({ label: "See – Think – Do – Care" });
  await page.getByLabel("Title of a new map").fill("Webshop <b>2027</b>");
  await page.getByRole("button", { name: "Create map" }).click();
  await addPhase(page, "Loyalty");
  await saved(page);
  const exported = await exportCurrentMap(page);
  expect(exported.name).toMatch(/^webshop-b-2027-b-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(exported.text);
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  expect(ajv.validate(schema, doc), JSON.stringify(ajv.errors)).toBe(true);

  await page.getByRole("link", { name: "All maps" }).click();
  await pick(page, exported.name, exported.text);
  const panel = page.getByRole("region", { name: "Import JSON file" });
  await expect(panel).toContainText("Webshop <b>2027</b>");
  await expect(panel).toContainText("5 phases · 13 touchpoints · 12 KPIs");
  await expect(panel.getByRole("radio", { name: "Add it as a copy" })).toBeChecked();
  await panel.getByRole("button", { name: "Import" }).click();
  await expect(page.locator(".map-row")).toHaveCount(2);
  await page.getByRole("button", { name: "Close" }).click();

  // The copy is the same map under a new id.
  await page.locator(".map-row a").first().click();
  expect(await phaseNames(page)).toEqual(["See", "Think", "Do", "Care", "Loyalty"]);
  const copy = await exportCurrentMap(page);
  const copied = JSON.parse(copy.text).map;
  expect(copied.id).not.toBe(doc.map.id);
  expect({ ...copied, id: doc.map.id, updated_at: undefined }).toEqual({ ...doc.map, updated_at: undefined });

  // Replacing: the original changes back to the file's version, and undo restores it.
  await page.getByRole("link", { name: "All maps" }).click();
  const older = structuredClone(doc);
  older.map.title = "Webshop, as exported";
  await pick(page, "older.json", JSON.stringify(older));
  await panel.getByRole("radio", { name: "Replace my map with it (can be undone)" }).check();
  await panel.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("link", { name: "Webshop, as exported" })).toBeVisible();
  await expect(page.locator(".map-row")).toHaveCount(2);
  await page.getByRole("button", { name: "Undo" }).first().click();
  await expect(page.getByRole("link", { name: "Webshop, as exported" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Webshop <b>2027</b>" })).toHaveCount(2);
});

test("a file dropped on the page is offered for import, and cancelling changes nothing", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Already here");
  await saved(page);
  const before = await storage(page);
  const bundle = {
    format: "journey-map-bundle",
    version: 1,
    maps: [
      { id: "a", title: "First dropped", phases: [], extra: 1 },
      { id: "b", title: "Second dropped", phases: [] },
    ],
  };
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "two-maps.json", { type: "application/json" }));
    return data;
  }, JSON.stringify(bundle));
  await page.dispatchEvent("main", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("main", "drop", { dataTransfer: transfer });
  const panel = page.getByRole("region", { name: "Import JSON file" });
  await expect(panel).toContainText("First dropped");
  await expect(panel).toContainText("Second dropped");
  await panel.getByText(/^Warnings/).click();
  await expect(panel).toContainText("maps[0].extra: unknown field, ignored");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel).toHaveCount(0);
  expect(await storage(page)).toEqual(before);

  await page.dispatchEvent("main", "drop", { dataTransfer: transfer });
  await panel.getByRole("button", { name: "Import" }).click();
  await page.getByRole("button", { name: "Close" }).click();
  await page.getByRole("link", { name: "All maps" }).click();
  await expect(page.locator(".map-row")).toHaveCount(3);
});

const valid = (map) => JSON.stringify({ format: "journey-map", version: 1, map });
const badFiles = [
  ["empty.json", "", ["the file is empty"]],
  ["truncated.json", valid({ id: "x", title: "Cut off", phases: [] }).slice(0, 40), ["this is not valid JSON"]],
  ["binary.png", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", ["This is not a text file"]],
  ["deep.json", "[".repeat(5000) + "]".repeat(5000), ["nested far too deeply"]],
  ["newer.json", JSON.stringify({ format: "journey-map", version: 5, map: {} }), ["made by a newer version of the app"]],
  ["other.json", JSON.stringify({ name: "package", version: "1.0.0" }), ["format", "missing"]],
  [
    "wrong-types.json",
    valid({ id: "x", title: 7, phases: [{ id: "p", name: "See", color: "red", kpis: [{ id: "k", name: "K", direction: "up", target: "abc" }] }] }),
    ["expected text, found 7", "expected a colour as #rrggbb, found \"red\"", "expected a number or null, found \"abc\"", "map.phases[0].kpis[0].target"],
  ],
  [
    "duplicate-ids.json",
    valid({ id: "x", title: "Dup", phases: [{ id: "same", name: "A", color: "#000000" }, { id: "same", name: "B", color: "#000000" }] }),
    ["the id \"same\" is already used at map.phases[0].id"],
  ],
];

test("bad files are refused with their own message and stored maps stay exactly as they were", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Precious");
  await addPhase(page, "See");
  await saved(page);
  await page.getByRole("link", { name: "All maps" }).click();
  const before = await storage(page);
  const panel = page.getByRole("region", { name: "Import JSON file" });
  for (const [name, contents, messages] of badFiles) {
    await pick(page, name, contents);
    await expect(panel.getByRole("heading")).toHaveText("This file was not imported. Nothing has changed.");
    for (const message of messages) await expect(panel, name).toContainText(message);
    await panel.getByRole("button", { name: "Close" }).click();
  }
  // Over 10 MB: refused before it is read.
  await pick(page, "huge.json", " ".repeat(10 * 1024 * 1024 + 1));
  await expect(panel).toContainText("larger than 10 MB");
  await panel.getByRole("button", { name: "Close" }).click();
  expect(await storage(page)).toEqual(before);
});

test("script tags in an imported file stay plain text", async ({ page }) => {
  await openApp(page);
  const hostile = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
  await pick(page, "hostile.json", valid({ id: "h", title: hostile, phases: [{ id: "p", name: hostile, color: "#123456" }] }));
  const panel = page.getByRole("region", { name: "Import JSON file" });
  await expect(panel).toContainText(hostile);
  await panel.getByRole("button", { name: "Import" }).click();
  await page.getByRole("button", { name: "Close" }).click();
  await page.getByRole("link", { name: hostile }).click();
  expect(await phaseNames(page)).toEqual([hostile]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator("main img, main script, .import-panel img").count()).toBe(0);
});

test("import messages are in Dutch too", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Language").selectOption("nl");
  await page.getByLabel("JSON-bestand importeren").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"format":"journey-map","version":9}') });
  const panel = page.getByRole("region", { name: "JSON-bestand importeren" });
  await expect(panel.getByRole("heading")).toHaveText("Dit bestand is niet geïmporteerd. Er is niets veranderd.");
  await expect(panel).toContainText("gemaakt met een nieuwere versie van de app");
});
