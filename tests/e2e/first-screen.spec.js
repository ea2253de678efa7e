// The first screen loads its own part of the wasm only: the session (reading the maps, editing,
// saving) is a part fetched once the library is drawn, every other page another, fetched when
// the page is idle (issue 16). A part that cannot be fetched is a message with a way to try
// again, never a dead app.
import { test, expect } from "@playwright/test";
import { createMap, templateMap, saved, loyalty } from "./fixtures.js";

const otherParts = /\/pkg\/(split_|chunk_)[^/]*\.wasm$/;
// Every page's styles but the library's (style/pages.css), fetched with the pages' part.
const pagesStyle = /\/pages-[0-9a-f]+\.css$/;

test("the library shows with none of the other parts; what it is asked waits for the session's part", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const fetched = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && fetched.push(new URL(r.url()).pathname));
  // No network for the other parts: the first screen must not need them.
  await page.route(otherParts, (route) => route.abort("internetdisconnected"));

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your journey maps" })).toBeVisible();
  expect(fetched).toContain("/pkg/app_bg.wasm");
  // The session (reading the maps, editing, saving) is a part of its own, asked for at once:
  // without it, a plain message and a way to try again.
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded" });
  await expect(alert).toContainText("Your maps are safe");
  expect(fetched.some((p) => /split_session\.wasm/.test(p))).toBe(true);

  // A map asked for meanwhile is not forgotten: it is made once the part comes through.
  await page.getByLabel("Title of a new map").fill("Offline first visit");
  await page.getByRole("button", { name: "Create map" }).click();
  await page.unroute(otherParts);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByLabel("Map title")).toHaveValue("Offline first visit");
  await expect(alert).toHaveCount(0);
  // The split loader leaves each cut fetch's rejection unhandled ("Failed to fetch"); nothing
  // else may go wrong.
  expect(errors.filter((e) => e !== "Failed to fetch")).toEqual([]);
});

test("a page whose part cannot be fetched says so, and opens when tried again", async ({ page }) => {
  await page.goto("/");
  await createMap(page, "Offline later");
  await page.getByRole("link", { name: "Journey Mapper" }).click();
  // A fresh page with the session's part cached by the browser, the editor's cut off.
  await page.route(/split_page\.wasm$/, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await page.getByRole("link", { name: "Offline later" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded" });
  await expect(alert).toContainText("Your maps are safe");
  await page.unroute(/split_page\.wasm$/);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByLabel("Map title")).toHaveValue("Offline later");
});

test("the first screen lists the stored maps from their index, before the session's part is there", async ({ page }) => {
  await templateMap(page, "See – Think – Do – Care", "Webshop");
  await page.goto("/");
  await createMap(page, "Workshop Rotterdam");
  await page.goto("/");
  // A fresh page with the session's part cut off: what is listed comes from the index alone.
  await page.route(otherParts, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "This page could not be loaded" })).toBeVisible();
  const rows = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(rows.getByRole("heading", { level: 2 })).toHaveText(["Workshop Rotterdam", "Webshop"]);
  await expect(rows.filter({ hasText: "Webshop" })).toContainText("4 phases");
  await expect(rows.filter({ hasText: "Workshop Rotterdam" })).toContainText("0 phases");
  // Searching works on the index too.
  await page.getByLabel("Search maps by title").fill("rotter");
  await expect(rows.getByRole("heading", { level: 2 })).toHaveText(["Workshop Rotterdam"]);
});

test("in Dutch too, the missing part is said plainly", async ({ page }) => {
  await page.route(otherParts, (route) => route.abort("internetdisconnected"));
  await page.goto("/");
  await page.getByLabel("Language").selectOption("nl");
  await page.getByLabel("Titel van een nieuwe klantreis").fill("Kijk");
  await page.getByRole("button", { name: "Klantreis maken" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Deze pagina kon niet laden" });
  await expect(alert.getByRole("button", { name: "Opnieuw proberen" })).toBeVisible();
  // And once the parts come through, the page opens as always.
  await page.unroute(otherParts);
  await alert.getByRole("button", { name: "Opnieuw proberen" }).click();
  await expect(page.getByLabel("Titel van de klantreis")).toHaveValue("Kijk");
});

test("a file picked while the session's part cannot be fetched says so, stores nothing, and is shown once it comes", async ({ page }) => {
  await page.route(otherParts, (route) => route.abort("internetdisconnected"));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your journey maps" })).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const file = { name: "From a colleague.json", mimeType: "application/json", buffer: Buffer.from('{"format":"journey-map","version":2,"maps":[]}') };
  await page.getByLabel("Import JSON file").setInputFiles(file);
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded" });
  await expect(alert).toContainText("Your maps are safe");
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);

  await page.unroute(otherParts);
  await alert.getByRole("button", { name: "Try again" }).click();
  const panel = page.getByRole("region", { name: "Import JSON file" });
  await expect(panel.getByRole("heading")).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test("a map opened after the first screen has settled waits for nothing: its part is already there", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your journey maps" })).toBeVisible();
  // Once idle, the app fetches the other parts on its own.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType("resource")
    .some((e) => /split_page\.wasm/.test(e.name)))).toBe(true);
  await page.route(otherParts, (route) => route.abort("internetdisconnected"));
  await createMap(page, "Already here");
});

test("the first screen waits for the library's styles only; the pages' come with their part", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your journey maps" })).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName("journey-mapper:parts-loaded").length > 0);
  const { waitedFor, fetched } = await page.evaluate(() => {
    const started = performance.getEntriesByName("journey-mapper:first-screen-code")[0].startTime;
    const resources = performance.getEntriesByType("resource");
    const path = (e) => new URL(e.name).pathname;
    return {
      waitedFor: resources.filter((e) => e.startTime < started).map(path),
      fetched: resources.map(path),
    };
  });
  expect(waitedFor.filter((p) => p.endsWith(".css"))).toEqual([expect.stringMatching(/^\/main-[0-9a-f]+\.css$/)]);
  expect(fetched.filter((p) => pagesStyle.test(p))).toHaveLength(1);
  // Fetched while the library was idle: a map opened offline now is styled all the same.
  await page.route(otherParts, (route) => route.abort("internetdisconnected"));
  await page.route(pagesStyle, (route) => route.abort("internetdisconnected"));
  await createMap(page, "Styled offline");
  // The map's title reads as a heading: bold by pages.css, not a plain field.
  await expect(page.getByLabel("Map title")).toHaveCSS("font-weight", "700");
});

test("a page whose stylesheet cannot be fetched says so, and opens styled when tried again", async ({ page }) => {
  await page.goto("/");
  await createMap(page, "Never unstyled");
  await page.getByRole("link", { name: "Journey Mapper" }).click();
  await page.route(pagesStyle, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await page.getByRole("link", { name: "Never unstyled" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded" });
  await expect(alert).toContainText("Your maps are safe");
  await expect(page.getByLabel("Map title")).toHaveCount(0);
  await page.unroute(pagesStyle);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByLabel("Map title")).toHaveValue("Never unstyled");
  await expect(page.getByLabel("Map title")).toHaveCSS("font-weight", "700");
});

// The build gives the glue a fast path for short plain strings (scripts/glue-short-strings.mjs):
// every length around its limit, plain or not, must reach the page as it was typed.
test("titles short and long, plain and accented, are shown as typed", async ({ page }) => {
  const titles = ["Q", "Webshop 2026", "Sixteen letters!", "Seventeen letters", "Café", "Zo’n reis ☕", "Kijk – Kies – Koop – Krijg – Koester"];
  await page.goto("/");
  for (const title of titles) {
    await createMap(page, title);
    await page.getByRole("link", { name: "All maps" }).click();
  }
  // Read back from storage after a reload: each title crosses from the wasm to the page again.
  await page.reload();
  for (const title of titles) {
    await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  }
});

test("a map opened to vote never fetches the Loyalty part; scrolled to, it comes, or says it cannot", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const fetched = [];
  page.on("request", (r) => fetched.push(r.url()));
  let refuse = true;
  await page.route(/split_loyalty/, (route) => (refuse ? route.abort("internetdisconnected") : route.continue()));
  await templateMap(page);
  await saved(page);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  expect(fetched.filter((u) => u.includes("split_loyalty"))).toEqual([]);
  // Scrolled to, its part is asked for; when it cannot be fetched, the section says so.
  const section = await loyalty(page);
  await expect(section.getByRole("alert")).toContainText("could not be loaded");
  expect(fetched.some((u) => u.includes("split_loyalty"))).toBe(true);
  refuse = false;
  await section.getByRole("button", { name: "Try again" }).click();
  await expect(section.getByRole("region", { name: "Loyalty scorecard" })).toBeVisible();
  expect(errors.filter((e) => e !== "Failed to fetch")).toEqual([]);
});

test("a map opened to add cards never fetches the Workshop part; opened, the fold fetches it, or says it cannot", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const fetched = [];
  page.on("request", (r) => fetched.push(r.url()));
  let refuse = true;
  await page.route(/split_workshop/, (route) => (refuse ? route.abort("internetdisconnected") : route.continue()));
  await templateMap(page);
  await saved(page);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  expect(fetched.filter((u) => u.includes("split_workshop"))).toEqual([]);
  const fold = page.locator(".workshop-panel");
  await fold.locator(":scope > summary").click();
  await expect(fold.getByRole("alert")).toContainText("could not be loaded");
  expect(fetched.some((u) => u.includes("split_workshop"))).toBe(true);
  refuse = false;
  await fold.getByRole("button", { name: "Try again" }).click();
  await expect(fold.locator(".round-panel > summary")).toContainText("Voting round");
  expect(errors.filter((e) => e !== "Failed to fetch")).toEqual([]);
});
