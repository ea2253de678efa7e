// The whole journey (issue 13): personas, lanes of cards, dot voting and the marketer's plan, as
// a consultant and a marketer use them; the stored format of the first release migrating once.
import { test, expect, templateMap, openApp, seedMaps, storedMap, saved, phase, touchpoint, editCard, exportFile, expectNoViolations } from "./fixtures.js";

const lane = (scope, name) => scope.getByRole("group", { name, exact: true });
const laneCard = (scope, lane, text) => scope.getByRole("group", { name: `${lane}: ${text}`, exact: true });

test("a workshop is captured from a template: lane cards added, rated, voted, moved and undone", async ({ page }) => {
  await templateMap(page);
  const see = phase(page, 1);
  const pains = lane(see, "Pain points");
  await expect(laneCard(see, "Pain points", "Sees the same ad too often")).toContainText("severity 2");

  // "+" in the lane adds a card, ready to be typed over; Enter adds the next one.
  await pains.getByRole("button", { name: "Add a card to Pain points" }).click();
  await page.keyboard.type("Cannot find the opening hours");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Prices without VAT");
  const hours = laneCard(see, "Pain points", "Cannot find the opening hours");
  const vat = laneCard(see, "Pain points", "Prices without VAT");
  await expect(hours).toBeVisible();
  await expect(vat.getByRole("textbox", { name: "Text" })).toBeFocused();
  await vat.getByLabel("Severity").selectOption("3");
  await vat.getByRole("button", { name: "Add a vote" }).click();
  await vat.getByRole("button", { name: "Add a vote" }).click();
  await expect(vat.getByText("2 votes")).toBeVisible();
  await vat.getByRole("button", { name: "Done" }).click();
  await expect(vat).toContainText("severity 3");
  await expect(vat).toContainText("2 votes");

  // Moved by keyboard within its lane, and to an idea by the choice of lane.
  await vat.locator(".card-summary").focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(pains.locator(".lane-card").nth(1)).toContainText("Prices without VAT");
  await editCard(vat);
  await vat.getByLabel("Lane").selectOption({ label: "Opportunities" });
  const asIdea = laneCard(see, "Opportunities", "Prices without VAT");
  await expect(asIdea).toBeVisible();
  await expect(asIdea).toContainText("2 votes");
  // One undo takes it back to the pain points, where it was.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(laneCard(see, "Pain points", "Prices without VAT")).toBeVisible();

  // Deleted, and back with Undo.
  await editCard(hours);
  await hours.getByRole("button", { name: "Delete card" }).click();
  await expect(hours).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).first().click();
  await expect(hours).toBeVisible();

  // Everything is stored, and the export is version 2 with the cards in it.
  await saved(page);
  const file = JSON.parse((await exportFile(page, "Export as JSON")).text);
  expect(file.version).toBe(4);
  const painLane = file.map.lanes.find((l) => l.kind === "pain_points").id;
  const texts = file.map.phases[0].cards[painLane].map((c) => c.text);
  expect(texts).toEqual(expect.arrayContaining(["Cannot find the opening hours", "Prices without VAT"]));
  expect(file.map.personas[0].name).toBe("Sanne, online shopper");
});

test("lanes are hidden, reordered, named and deleted from the Lanes panel, with undo", async ({ page }) => {
  await templateMap(page);
  const panel = page.locator(".lanes-panel");
  await panel.locator("summary").click();
  await panel.getByRole("checkbox", { name: "Show Backstage" }).uncheck();
  await expect(lane(phase(page, 1), "Backstage")).toHaveCount(0);
  await expect(panel).toContainText("4 of 5 shown");
  await panel.getByRole("button", { name: "Move Pain points up" }).click();
  await expect(page.locator(".lane-names")).toContainText(/Does\s*Pain points\s*Thinks and asks/);

  await panel.getByRole("button", { name: "Add lane" }).click();
  await page.keyboard.type("Feels");
  await expect(lane(phase(page, 1), "Feels")).toBeVisible();
  await lane(phase(page, 2), "Feels").getByRole("button", { name: "Add a card to Feels" }).click();
  await page.keyboard.type("Unsure");
  await page.keyboard.press("Escape");
  await panel.getByRole("button", { name: "Delete Feels and its cards" }).click();
  await expect(lane(phase(page, 1), "Feels")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).first().click();
  await expect(laneCard(phase(page, 2), "Feels", "Unsure")).toBeVisible();
});

test("personas: the template's example, one more, an emotion of its own, and undo", async ({ page }) => {
  await templateMap(page);
  const panel = page.locator(".personas-panel");
  await expect(panel.locator("summary .persona-badge")).toHaveAttribute("title", "Sanne, online shopper");
  await panel.locator("summary").click();
  await panel.getByRole("button", { name: "Add persona" }).click();
  await page.keyboard.type("Bram de Vries");
  await expect(panel.getByRole("group", { name: "Bram de Vries" })).toBeVisible();
  await expect(panel.locator("summary .initials")).toHaveText(["SO", "BD"]);
  // With two personas a touchpoint asks how each feels where it differs.
  const posts = touchpoint(phase(page, 1), "Inspiring posts");
  await editCard(posts);
  await posts.getByLabel("Emotion of Bram de Vries").selectOption("-2");
  await posts.getByRole("button", { name: "Done" }).click();
  await expect(page.locator(".curve-lane")).toHaveAttribute("aria-label", /Bram de Vries/);
  await saved(page);
  const id = decodeURIComponent(new URL(page.url()).hash.split("/").pop());
  const stored = (await storedMap(page, id)).map;
  const bram = stored.personas[1].id;
  expect(stored.phases[0].touchpoints[0].emotions[bram]).toBe(-2);
  await panel.getByRole("button", { name: "Delete persona" }).last().click();
  await expect(panel.getByRole("group", { name: "Bram de Vries" })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).first().click();
  await editCard(posts);
  await expect(posts.getByLabel("Emotion of Bram de Vries")).toHaveValue("-2");
});

test("the plan: costs and contacts per touchpoint, a phase over its contact limit warns", async ({ page }) => {
  await templateMap(page);
  const see = phase(page, 1);
  const care = phase(page, 4);
  await expect(see.locator(".phase-plan")).toHaveText("2400 EUR · 8.5 contacts a month (limit 12)");
  await expect(care.locator(".phase-plan")).toContainText("Too many contacts:");
  const posts = touchpoint(see, "Inspiring posts");
  await editCard(posts);
  await posts.getByText("Description and plan").click();
  const contacts = posts.getByRole("textbox", { name: "Contacts per customer per month" });
  await contacts.fill("-1");
  await contacts.press("Enter");
  await expect(posts.getByRole("alert")).toHaveText("Enter a number of 0 or more, such as 12.5, or leave it empty.");
  await contacts.fill("8");
  await contacts.press("Enter");
  await expect(see.locator(".phase-plan")).toContainText("Too many contacts: 2400 EUR · 12.5 contacts a month (limit 12)");
  await posts.getByLabel("Reach").selectOption("personal");
  await posts.getByLabel("Triggered by (lifecycle event)").fill("7 days after delivery");
  await posts.getByRole("button", { name: "Done" }).click();
  // The limit is the phase's.
  await see.getByText("Description and plan").click();
  const limit = see.getByRole("textbox", { name: "Most contacts per customer per month" });
  await limit.fill("20");
  await limit.press("Enter");
  await expect(see.locator(".phase-plan")).toHaveText("2400 EUR · 12.5 contacts a month (limit 20)");
  await saved(page);
  const id = decodeURIComponent(new URL(page.url()).hash.split("/").pop());
  const t = (await storedMap(page, id)).map.phases[0].touchpoints[0];
  expect([t.contacts_per_month, t.reach, t.trigger]).toEqual([8, "personal", "7 days after delivery"]);
});

test("votes: the ranking of pain points and ideas, and voting in presentation mode by click and key", async ({ page }) => {
  await templateMap(page);
  await page.locator(".workshop-panel > summary").click();
  const panel = page.locator(".votes-panel");
  await panel.locator("summary").click();
  const rows = panel.locator("tbody tr");
  await expect(rows).toHaveCount(8);
  await rows.filter({ hasText: "Order as a guest" }).getByRole("button", { name: "Add a vote" }).click();
  await panel.getByRole("button", { name: "Sort by votes again" }).click();
  await expect(rows.first()).toContainText("Order as a guest");
  await expect(rows.first()).toContainText("1 vote");

  await page.getByRole("link", { name: "Present" }).click();
  const guest = page.locator(".presentation .lane-card").filter({ hasText: "Order as a guest" });
  await guest.getByRole("button", { name: "Add a vote to Order as a guest" }).click();
  await expect(guest).toContainText("2 votes");
  // Focus stays on the card voted on: + and − keep counting.
  await expect(guest.getByRole("button", { name: "Add a vote to Order as a guest" })).toBeFocused();
  await page.keyboard.press("+");
  await expect(guest).toContainText("3 votes");
  await page.keyboard.press("-");
  await expect(guest).toContainText("2 votes");
  // Only a pain point or an idea takes votes; the phase over its limit warns here too.
  await expect(page.locator(".presentation .lane-card").filter({ hasText: "Pays with iDEAL" }).getByRole("button")).toHaveCount(0);
  await expect(page.locator(".presentation")).toContainText("Too many contacts:");
  await expect(page.locator(".persona-strip")).toContainText("Sanne, online shopper");
  await expectNoViolations(page);
  await page.keyboard.press("Escape");
  await saved(page);
  // Each vote is a step to undo.
  await page.getByRole("button", { name: "Undo" }).first().click();
  await expect(laneCard(phase(page, 3), "Opportunities", "Order as a guest")).toContainText("3 votes");
});

test("axe finds nothing on a map with every lane, persona and plan field shown, in both languages", async ({ page }) => {
  await templateMap(page);
  await page.locator(".personas-panel summary").click();
  await page.locator(".lanes-panel summary").click();
  await page.locator(".workshop-panel > summary").click();
  await page.locator(".votes-panel summary").click();
  const pain = laneCard(phase(page, 1), "Pain points", "Sees the same ad too often");
  await editCard(pain);
  await expectNoViolations(page);
  await page.getByLabel("Language").selectOption("nl");
  await expect(lane(phase(page, 1), "Pijnpunten")).toBeVisible();
  await expectNoViolations(page);
});

test("a map stored by the first release opens as it was, its lanes hidden, kept as a version and migrated once", async ({ page }) => {
  await openApp(page);
  const old = {
    id: "first",
    title: "From the first release",
    description: "",
    phases: [{ id: "p1", name: "See", description: "", goal: "", color: "#1f77b4",
      touchpoints: [{ id: "t1", name: "Ads", channel: "SEA", description: "", emotion: 1, owner: "" }], kpis: [] }],
  };
  await seedMaps(page, [old]);
  await page.getByRole("link", { name: "From the first release" }).click();
  await expect(touchpoint(phase(page, 1), "Ads")).toBeVisible();
  await expect(page.locator(".lane-card")).toHaveCount(0);
  await expect(page.locator(".lanes-panel summary")).toContainText("0 of 5 shown");
  const stored = await storedMap(page, "first");
  expect(stored.schema).toBe(4);
  expect(stored.map.lanes.map((l) => l.shown)).toEqual([false, false, false, false, false]);
  const versions = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("journey-mapper/version/")));
  expect(versions).toHaveLength(1);
  await page.reload();
  await expect(touchpoint(phase(page, 1), "Ads")).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("journey-mapper/version/")).length)).toBe(1);
});
