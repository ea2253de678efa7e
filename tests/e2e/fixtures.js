// Shared test setup: every page fails its test on any script error or console error (CSP
// violations included), and a few helpers that act as a person would.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // Except the browser's own report of a live session's server being down, which the
    // live tests bring about on purpose (the app says so in its own words).
    const expected = (text) => /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed/.test(text);
    page.on("console", (m) => m.type() === "error" && !expected(m.text()) && problems.push(`console error: ${m.text()}`));
    await use(page);
    expect(problems).toEqual([]);
  },
});
export { expect };

/** Opens the app and waits until it has mounted. */
export async function openApp(page, path = "/") {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Opens the app as another tab the user has had open a moment: also waits until its session
 * (a part of the wasm fetched once the first screen is drawn) has read what is stored. For the
 * tests of tabs that meet in storage; not under Playwright's fake clock, which stops the mark. */
export async function openTab(page, path = "/") {
  await openApp(page, path);
  await page.waitForFunction(() => performance.getEntriesByName("journey-mapper:session-ready").length > 0);
}

/** Creates a map through the form and waits for its page. */
export async function createMap(page, title) {
  await page.getByLabel("Title of a new map").fill(title);
  await page.getByRole("button", { name: "Create map" }).click();
  await expect(page.getByLabel("Map title")).toHaveValue(title);
}

/** Opens the app and creates a map from a template (See – Think – Do – Care unless named),
 * optionally with a title of its own; returns the new map's id. */
export async function templateMap(page, template = "See – Think – Do – Care", title = "") {
  await openApp(page);
  await page.getByLabel("Start from").selectOption({ label: template });
  if (title) await page.getByLabel("Title of a new map").fill(title);
  await page.getByRole("button", { name: "Create map" }).click();
  await expect(phase(page, 1)).toBeVisible();
  return decodeURIComponent(new URL(page.url()).hash.split("/").pop());
}

export async function addPhase(page, name) {
  await page.getByLabel("Name of a new phase").fill(name);
  await page.getByRole("button", { name: "Add phase" }).click();
}

/** Waits until autosave reports that everything is stored. */
export async function saved(page) {
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
}

/** Puts maps straight into localStorage as the app stores them, then reloads. */
/** Stores `maps` as a release stored them: by default the first (schema 1, exchange format 1). */
export async function seedMaps(page, maps, { schema = 1 } = {}) {
  await page.evaluate(([maps, schema]) => {
    for (const map of maps) {
      localStorage.setItem(`journey-mapper/map/${map.id}`, JSON.stringify({ rev: 1, schema, map }));
    }
  }, [maps, schema]);
  await page.reload();
}

export function storedMap(page, id) {
  return page.evaluate((id) => JSON.parse(localStorage.getItem(`journey-mapper/map/${id}`) ?? "null"), id);
}

/** The phase at 1-based position `n`, as the group a screen reader announces ("Phase 2: Think"). */
export function phase(page, n) {
  return page.getByRole("group", { name: new RegExp(`^(Phase|Fase) ${n}:`) });
}

export function phaseName(page, n) {
  return phase(page, n).getByRole("textbox", { name: /^(Phase name|Naam van de fase)$/ }).first();
}

/** A touchpoint card by its name, as announced ("Touchpoint: Newsletter"). */
export function touchpoint(scope, name) {
  return scope.getByRole("group", { name: `Touchpoint: ${name}`, exact: true });
}

/** A compact card's summary: the button that opens it for editing. */
export function cardSummary(card) {
  return card.getByRole("button", { expanded: false });
}

/** Opens a card for editing, as a click on it does; an open card stays open. */
export async function editCard(card) {
  const done = card.getByRole("button", { name: /^(Done|Klaar)$/ });
  if (!(await done.isVisible())) await cardSummary(card).click();
  await expect(done).toBeVisible();
}

export function kpi(scope, name) {
  return scope.getByRole("group", { name: `KPI: ${name}`, exact: true });
}

/** Downloads the open map through a button of the toolbar's Export menu (opened first when
 *  closed), as its file name and text. */
export async function exportFile(page, button) {
  const item = page.getByRole("button", { name: button, exact: true });
  if (!(await item.isVisible())) await page.getByRole("button", { name: /^(Export|Exporteren)$/ }).click();
  const [file] = await Promise.all([page.waitForEvent("download"), item.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

/** Scrolls the page and the map's grid back to their top. */
export async function scrollToTop(page) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector(".journey-grid")?.scrollTo(0, 0);
  });
}

/** Names of the phases, in order. */
export async function phaseNames(page) {
  return page.locator(".phase-name").evaluateAll((inputs) => inputs.map((i) => i.value));
}

/** How many pixels of the chart's canvas are not white, and a fingerprint of its image, once it
 * is in view (a chart is drawn when it comes near the screen, as a person scrolls to it). */
export async function pixels(page, title) {
  const chart = page.getByRole("img", { name: new RegExp(`^${title}:`) });
  await chart.scrollIntoViewIfNeeded();
  // The browser says it came near at its next frame; the drawing follows in that task.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
  return chart.evaluate((canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) ink++;
    return { ink, print: canvas.toDataURL(), width: canvas.width, cssWidth: canvas.getBoundingClientRect().width };
  });
}

/** axe-core finds nothing on the page as it is now. */
export async function expectNoViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

/** The page's heartbeat: a tick every 50 ms that notes the longest gap between two ticks, which
 * is how long the page's thread was stopped. */
function beat() {
  window.__beat = { last: performance.now(), worst: 0 };
  setInterval(() => {
    const now = performance.now();
    window.__beat.worst = Math.max(window.__beat.worst, now - window.__beat.last);
    window.__beat.last = now;
  }, 50);
}

const worstGap = (page) => () => page.evaluate(() => Math.max(window.__beat.worst, performance.now() - window.__beat.last));

/** Starts the heartbeat in the open page; the function it returns gives the longest gap so far. */
export async function heartbeat(page) {
  await page.evaluate(beat);
  return worstGap(page);
}

/** [heartbeat] in every document the page loads from now on, from its first script. */
export async function heartbeatFromStart(page) {
  await page.addInitScript(beat);
  return worstGap(page);
}

// A shop's exports for the loyalty tests.
/** A CSV file to pick or drop. */
export const csv = (name, text) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

// Anna buys in January, February and April; Bram in January and (a refund) March; Cor in February.
export const DUTCH_ORDERS = "Bestelnummer;Klant;Besteldatum;Totaal\r\n"
  + "1;anna@example.nl;03-01-2026;\"€ 1.000,00\"\r\n"
  + "2;bram@example.nl;15-01-2026;20,50\r\n"
  + "3;anna@example.nl;02-02-2026;30\r\n"
  + "4;cor@example.nl;20-02-2026;40,00\r\n"
  + "5;bram@example.nl;01-03-2026;-20,50\r\n"
  + "6;anna@example.nl;01-04-2026;10\r\n";

/** Everything the app keeps in this origin's storage, as one text. */
export const storedText = (page) => page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join("\n"));

/** The map's Loyalty section, scrolled to: its part of the app comes when it nears the screen. */
export async function loyalty(page) {
  const section = page.getByRole("region", { name: "Loyalty", exact: true });
  await section.getByRole("heading", { name: "Loyalty", exact: true }).scrollIntoViewIfNeeded();
  return section;
}
