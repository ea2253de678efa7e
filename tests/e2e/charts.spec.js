// The charts on canvas: drawn, following edits, downloadable as PNG, with their data as text.
import { readFileSync } from "node:fs";
import { test, expect, templateMap, openApp, phase, pixels, saved, touchpoint, editCard } from "./fixtures.js";

test("all four charts are drawn on canvas at device resolution", async ({ page }) => {
  await templateMap(page);
  for (const title of ["Experience curve", "KPI progress", "KPI trend", "Channels per phase"]) {
    await expect(page.getByRole("img", { name: new RegExp(`^${title}:`) })).toBeVisible();
    const drawn = await pixels(page, title);
    expect(drawn.ink, title).toBeGreaterThan(500);
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    expect(Math.abs(drawn.width - drawn.cssWidth * ratio), title).toBeLessThan(2);
  }
});

test("charts follow an edit at once", async ({ page }) => {
  await templateMap(page);
  const before = await pixels(page, "Experience curve");
  const display = touchpoint(phase(page, 1), "Display campaign");
  await editCard(display);
  await display.getByRole("combobox", { name: "Emotion" }).selectOption("-2");
  await expect.poll(async () => (await pixels(page, "Experience curve")).print).not.toBe(before.print);
  // The data behind it changed with it.
  const curve = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Experience curve" }) });
  await curve.getByText("The data in this chart").click();
  await expect(curve.getByRole("row", { name: "See Display campaign −2" })).toBeVisible();

  const coverage = await pixels(page, "Channels per phase");
  const search = touchpoint(phase(page, 2), "Search ads");
  await editCard(search);
  await search.getByRole("combobox", { name: "Channel" }).fill("Podcast");
  await expect.poll(async () => (await pixels(page, "Channels per phase")).print).not.toBe(coverage.print);
});

test("chart data is worked out again only when what the chart shows changed", async ({ page }) => {
  await templateMap(page);
  // The app records each working-out of a chart's data as a User Timing measure; only the latest
  // of each name is kept, so its start time says when it last happened.
  const lastWorkedOut = () =>
    page.evaluate(() =>
      Object.fromEntries(
        ["experience", "progress", "coverage", "kpis"].map((chart) => {
          const [entry] = performance.getEntriesByName(`journey-mapper:chart-data:${chart}`);
          return [chart, entry ? entry.startTime : null];
        }),
      ),
    );
  const card = touchpoint(phase(page, 1), "Display campaign");
  const start = await lastWorkedOut();
  for (const chart of Object.keys(start)) expect(start[chart], chart).not.toBeNull();

  // What no chart shows: the owner and the description.
  await editCard(card);
  await card.getByRole("textbox", { name: "Owner" }).fill("Someone else");
  await card.getByText("Description").click();
  await card.getByRole("textbox", { name: "Description" }).fill("Seen on news sites");
  await saved(page);
  expect(await lastWorkedOut()).toEqual(start);

  // The emotion: the experience curve alone.
  await card.getByRole("combobox", { name: "Emotion" }).selectOption("-2");
  await expect.poll(async () => (await lastWorkedOut()).experience).toBeGreaterThan(start.experience);
  const after = await lastWorkedOut();
  expect({ ...after, experience: start.experience }).toEqual(start);
});

test("a chart downloads as a valid PNG", async ({ page }) => {
  await templateMap(page);
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download PNG: Experience curve" }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^see-think-do-care-experience-\d{4}-\d{2}-\d{2}\.png$/);
  const png = readFileSync(await file.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  expect(png.readUInt32BE(16)).toBeGreaterThan(300);
  expect(png.length).toBeGreaterThan(2000);
});

test("an empty map shows friendly empty charts", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Title of a new map").fill("Empty");
  await page.getByRole("button", { name: "Create map" }).click();
  for (const title of ["Experience curve", "KPI progress", "KPI trend", "Channels per phase"]) {
    expect((await pixels(page, title)).ink, title).toBeGreaterThan(50);
  }
});

test("a chart far below the screen is drawn when printing starts, without scrolling to it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await templateMap(page);
  const trend = page.getByRole("img", { name: /^KPI trend:/ });
  const ink = () => trend.evaluate((canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) n++;
    return n;
  });
  // Far from the screen it is not drawn at all: nothing is spent on it.
  expect(await trend.evaluate((c) => c.getBoundingClientRect().top > innerHeight * 2)).toBe(true);
  expect(await ink()).toBe(0);
  // The browser says it is about to print (as Ctrl+P does): every chart is drawn for the paper.
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await expect.poll(ink).toBeGreaterThan(500);
});

test("the KPI trend shows the KPI chosen", async ({ page }) => {
  await templateMap(page);
  const trend = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "KPI trend" }) });
  await trend.scrollIntoViewIfNeeded();
  await trend.getByText("The data in this chart").click();
  const before = await trend.getByRole("table").textContent();
  await page.getByRole("combobox", { name: "KPI to show" }).selectOption({ label: "Do · Cart abandonment" });
  await expect.poll(() => trend.getByRole("table").textContent()).not.toBe(before);
});
