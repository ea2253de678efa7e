// A workshop that ends in decisions (issue 37): a facilitator runs dot voting with a budget per
// person, a limit per card, a time limit and hidden totals, reveals it, and compares rounds;
// cards are scored, land on the priority matrix and become actions with owners, exported with
// the backlog; what was decided survives a reload and an export → import.
import { test, expect, templateMap, openApp, saved, storedMap, exportFile, expectNoViolations, phase, editCard } from "./fixtures.js";

const panel = (page) => page.locator(".round-panel");
/** Opens the map's Workshop fold, where the round, the ranking and the priorities are. */
async function workshop(page) {
  const fold = page.locator(".workshop-panel");
  if (!(await fold.evaluate((d) => d.open))) await fold.locator(":scope > summary").click();
}
const summary = (page) => panel(page).locator(":scope > summary");
const dots = (page, card) => panel(page).getByRole("group", { name: `Your dots: ${card}`, exact: true });
const add = (page, card) => dots(page, card).getByRole("button", { name: "Add a dot" }).click();
const takeBack = (page, card) => dots(page, card).getByRole("button", { name: "Take a dot back" }).click();

/** Starts a round from the open panel with the given settings. */
async function startRound(page, { name, dots: perPerson, perCard, minutes, hidden = true, named = false }) {
  const p = panel(page);
  await p.getByLabel("Name (optional)").fill(name);
  await p.getByLabel("Dots per person").fill(String(perPerson));
  await p.getByLabel("At most per card").fill(String(perCard));
  await p.getByLabel("Time limit in minutes (empty: none)").fill(minutes === undefined ? "" : String(minutes));
  await p.getByLabel("Hide the totals until the round ends").setChecked(hidden);
  await p.getByLabel("Keep who gave which dots (else anonymous)").setChecked(named);
  await p.getByRole("button", { name: "Start round" }).click();
  await expect(p.getByRole("heading", { name })).toBeVisible();
}

test("a blind round keeps everyone's budget, reveals its totals at the end, and is compared with the next", async ({ page }) => {
  const id = await templateMap(page);
  await workshop(page);
  await summary(page).click();
  // Only lanes with votes are ticked by default; a round needs at least one.
  await expect(panel(page).getByRole("checkbox", { name: "Opportunities" })).toBeChecked();
  await expect(panel(page).getByRole("checkbox", { name: "Does" })).not.toBeChecked();
  await panel(page).getByRole("checkbox", { name: "Opportunities" }).uncheck();
  await panel(page).getByRole("checkbox", { name: "Pain points" }).uncheck();
  await panel(page).getByRole("button", { name: "Start round" }).click();
  await expect(panel(page).getByRole("alert")).toHaveText("Choose at least one lane to vote on.");
  await panel(page).getByRole("checkbox", { name: "Opportunities" }).check();
  await panel(page).getByRole("checkbox", { name: "Pain points" }).check();
  await panel(page).getByLabel("Dots per person").fill("0");
  await panel(page).getByRole("button", { name: "Start round" }).click();
  await expect(panel(page).getByRole("alert")).toContainText("These settings cannot make a round");

  await startRound(page, { name: "Before the break", dots: 3, perCard: 2, minutes: 5 });
  await expect(summary(page)).toContainText("open");
  // The Start button is gone: focus is on the panel's name, which says the round is open.
  await expect(summary(page)).toBeFocused();
  await expect(panel(page).getByRole("timer")).toHaveText(/^Time left: [45]:\d\d$/);
  // The round's time is the workshop timer's too.
  await expect(page.locator(".map-toolbar .timer-clock")).toHaveText(/^[45]:\d\d$/);
  await expect(panel(page).getByText("Dots left: 3 of 3.")).toBeVisible();

  await add(page, "Order as a guest");
  await add(page, "Order as a guest");
  await expect(dots(page, "Order as a guest")).toContainText("2 dots");
  await add(page, "Order as a guest");
  await expect(panel(page).getByRole("alert")).toHaveText("One person may give a card at most 2 dots.");
  await expect(dots(page, "Order as a guest")).toContainText("2 dots");
  const others = panel(page).locator(".round-cards li").filter({ hasNotText: "Order as a guest" });
  const second = (await others.nth(0).locator(".round-card-text").innerText()).split("\n")[0];
  const third = (await others.nth(1).locator(".round-card-text").innerText()).split("\n")[0];
  await add(page, second);
  await expect(panel(page).getByText("Dots left: 0 of 3.")).toBeVisible();
  await add(page, third);
  await expect(panel(page).getByRole("alert")).toHaveText("Each person has 3 dots in this round: take one back from another card first.");
  // A dot taken back is one to give again.
  await takeBack(page, second);
  await add(page, third);
  await expect(panel(page).getByRole("alert")).toBeHidden();
  await expect(panel(page).getByText("Ballots: 1 · people: 1 · dots given: 3")).toBeVisible();
  // The closed card says how many dots this device gave it.
  await expect(page.locator(".journey-grid .lane-card").filter({ hasText: "Order as a guest" })).toContainText("your dots: 2");

  // Hidden until the end: the ranking says so.
  const ranking = page.locator(".votes-panel");
  await ranking.locator("summary").click();
  await ranking.getByLabel("Votes from").selectOption({ label: "Before the break" });
  await expect(ranking.getByText("The totals of this round are hidden until it ends.")).toBeVisible();
  await expect(ranking.locator("tbody tr")).toHaveCount(0);

  await panel(page).getByRole("button", { name: "End round and reveal" }).click();
  await expect(summary(page)).toContainText("none open");
  await expect(summary(page)).toBeFocused();
  await expect(panel(page).locator(".past-rounds")).toContainText("Before the break");
  await ranking.getByRole("button", { name: "Sort by votes again" }).click();
  const rows = ranking.locator("tbody tr");
  await expect(rows.first()).toContainText("Order as a guest");
  await expect(rows.first().locator("td").first()).toHaveText("2");
  await expect(page.locator(".journey-grid .lane-card").filter({ hasText: "Order as a guest" })).toContainText("2 dots in the last round");

  // After the break: a named round with totals shown, the room's dots clicked in for four.
  await startRound(page, { name: "After the break", dots: 2, perCard: 1, named: true, hidden: false });
  await expect(panel(page).getByText("No time limit: the round is open until it is ended.")).toBeVisible();
  await panel(page).getByLabel("People voting on this device").fill("4");
  await panel(page).getByLabel("People voting on this device").press("Tab");
  await panel(page).getByLabel("Your name").fill("Table 1");
  for (let i = 0; i < 4; i++) await add(page, third);
  await expect(dots(page, third)).toContainText("4 dots");
  await expect(dots(page, third)).toContainText("4 in all");
  await add(page, third);
  await expect(panel(page).getByRole("alert")).toHaveText("One person may give a card at most 1 dot.");
  await expect(panel(page).getByText("Table 1: dots used 4 of 8")).toBeVisible();
  await panel(page).getByRole("button", { name: "End round and reveal" }).click();

  const compare = panel(page).getByRole("group", { name: "Compare two rounds" });
  await expect(compare.getByLabel("First round")).toHaveValue(/.+/);
  const line = compare.locator("tbody tr").filter({ hasText: third });
  await expect(line.locator("td")).toHaveText([third, "1", "4", "+3"]);
  await expect(compare.locator("tbody tr").filter({ hasText: "Order as a guest" }).locator("td")).toHaveText(["Order as a guest", "2", "0", "-2"]);
  await ranking.getByLabel("Votes from").selectOption({ label: "After the break" });
  await expect(ranking.locator("tbody tr").first()).toContainText("Table 1 4");
  await expectNoViolations(page);

  // Kept: after a reload, and in the exported file.
  await saved(page);
  const stored = (await storedMap(page, id)).map.rounds;
  expect(stored.map((r) => [r.name, r.ended_at !== undefined, r.ballots.length])).toEqual([["Before the break", true, 1], ["After the break", true, 1]]);
  await page.reload();
  await workshop(page);
  await summary(page).click();
  await expect(panel(page).locator(".past-rounds li")).toHaveCount(2);
  const file = await exportFile(page, "Export as JSON");
  const doc = JSON.parse(file.text);
  expect(doc.version).toBe(4);
  expect(doc.map.rounds).toEqual(stored);
});

test("a round's time limit closes voting when it runs out, and the round ends by itself", async ({ page }) => {
  await page.clock.install();
  await templateMap(page);
  await workshop(page);
  await summary(page).click();
  await startRound(page, { name: "Quick round", dots: 5, perCard: 5, minutes: 1 });
  await add(page, "Order as a guest");
  await expect(dots(page, "Order as a guest")).toContainText("1 dot");
  await page.clock.runFor(61_000);
  // This tab started it: it ends it, revealing the totals.
  await expect(summary(page)).toContainText("none open");
  await expect(panel(page).locator(".past-rounds")).toContainText("Quick round");
  await expect(page.locator(".journey-grid .lane-card").filter({ hasText: "Order as a guest" })).toContainText("1 dot in the last round");
});

test("dots on a card deleted mid-round are taken back; a refusal in an open card is said there; unnamed rounds are numbered", async ({ page }) => {
  await templateMap(page);
  await workshop(page);
  await summary(page).click();
  await panel(page).getByRole("button", { name: "Start round" }).click();
  await expect(panel(page).getByRole("heading", { name: "Round 1" })).toBeVisible();
  await panel(page).getByRole("button", { name: "End round and reveal" }).click();
  await panel(page).getByLabel("Dots per person").fill("2");
  await panel(page).getByLabel("At most per card").fill("1");
  await panel(page).getByRole("button", { name: "Start round" }).click();
  await expect(panel(page).getByRole("heading", { name: "Round 2" })).toBeVisible();

  // Voted on from the open card with the fold closed: the refusal is said beside its dots.
  const guest = laneCard(phase(page, 3), "Opportunities", "Order as a guest");
  await page.locator(".workshop-panel > summary").click();
  await editCard(guest);
  const inCard = guest.getByRole("group", { name: "Your dots: Order as a guest" });
  await inCard.getByRole("button", { name: "Add a dot" }).click();
  await inCard.getByRole("button", { name: "Add a dot" }).click();
  await expect(guest.getByRole("alert")).toHaveText("One person may give a card at most 1 dot.");

  // Deleted mid-round, the card's dot is not lost to this device: taken back in one click.
  await guest.getByRole("button", { name: "Delete card" }).click();
  await workshop(page);
  await expect(panel(page).getByText("Dots left: 1 of 2.")).toBeVisible();
  await expect(panel(page).getByText("Your dots on cards no longer in this round's lanes: 1.")).toBeVisible();
  await panel(page).getByRole("button", { name: "Take them back" }).click();
  await expect(panel(page).getByText("Dots left: 2 of 2.")).toBeVisible();
  await expect(panel(page).getByRole("button", { name: "Take them back" })).toBeHidden();
});

const laneCard = (scope, lane, text) => scope.getByRole("group", { name: `${lane}: ${text}`, exact: true });

test("cards are scored, land on the priority matrix, and the chosen ones become actions exported with the backlog", async ({ page }) => {
  const id = await templateMap(page);
  const guest = laneCard(phase(page, 3), "Opportunities", "Order as a guest");
  await editCard(guest);
  const scoreOf = (card) => card.getByRole("group", { name: "Score and choice" });
  // One score chosen puts the others in the middle, to be set next.
  await scoreOf(guest).getByLabel("Value to the customer (1–5)").selectOption("5");
  await expect(scoreOf(guest).getByLabel("Effort (1–5)")).toHaveValue("3");
  await scoreOf(guest).getByLabel("Value to the business (1–5)").selectOption("4");
  await scoreOf(guest).getByLabel("Effort (1–5)").selectOption("2");
  await scoreOf(guest).getByLabel("Chosen as an action").check();
  await scoreOf(guest).getByLabel("Owner").fill("=Anna");
  await scoreOf(guest).getByLabel("Owner").press("Tab");
  await scoreOf(guest).getByLabel("Due date").fill("2027-01-15");
  await guest.getByRole("button", { name: "Done" }).click();

  const costs = laneCard(phase(page, 2), "Pain points", "Delivery costs only shown at checkout");
  await editCard(costs);
  await scoreOf(costs).getByLabel("Effort (1–5)").selectOption("5");
  await scoreOf(costs).getByLabel("Value to the customer (1–5)").selectOption("2");
  await scoreOf(costs).getByLabel("Value to the business (1–5)").selectOption("1");
  await scoreOf(costs).getByLabel("Chosen as an action").check();
  await scoreOf(costs).getByLabel("Owner").fill("Bram");
  await scoreOf(costs).getByLabel("Owner").press("Tab");
  await costs.getByRole("button", { name: "Done" }).click();

  await workshop(page);
  const priorities = page.locator(".priorities-panel");
  await priorities.locator(":scope > summary").click();
  const byScore = priorities.getByRole("table", { name: "By score" });
  await expect(byScore.locator("tbody tr").first().locator("td")).toHaveText(["4.5", "2", "Order as a guest", "Quick wins"]);
  await expect(byScore.locator("tbody tr").nth(1).locator("td")).toHaveText(["1.5", "5", "Delivery costs only shown at checkout", "Thankless tasks"]);
  await expect(priorities.getByRole("img", { name: "Priority matrix: 2 rows" })).toBeVisible();
  const actions = priorities.getByRole("table", { name: "Actions" });
  await expect(actions.locator("tbody tr")).toHaveCount(2);
  await expect(actions.locator("tbody tr").first().locator("td")).toHaveText(["Order as a guest", "Do", "=Anna", "2027-01-15"]);
  await expect(actions.locator("tbody tr").nth(1).locator("td")).toHaveText(["Delivery costs only shown at checkout", "Think", "Bram", "no date"]);
  // Unticked, a card leaves the list; undo brings it back.
  await editCard(costs);
  await scoreOf(costs).getByLabel("Chosen as an action").uncheck();
  await expect(actions.locator("tbody tr")).toHaveCount(1);
  await page.keyboard.press("Control+z");
  await expect(actions.locator("tbody tr")).toHaveCount(2);
  await expectNoViolations(page);

  // The backlog holds the scores and the actions, its cells no formula.
  const backlog = await exportFile(page, "Pain points and opportunities as CSV");
  expect(backlog.text).toContain("Do,Opportunities,Order as a guest,,0,5,4,2,Quick wins,'=Anna,2027-01-15\r\n");
  expect(backlog.text).toContain("Think,Pain points,Delivery costs only shown at checkout,3,0,2,1,5,Thankless tasks,Bram,\r\n");

  await saved(page);
  const card = (await storedMap(page, id)).map.phases[2].cards[(await storedMap(page, id)).map.lanes[3].id][0];
  expect(card.score).toEqual({ customer: 5, business: 4, effort: 2 });
  expect(card.action).toEqual({ owner: "=Anna", due: "2027-01-15" });
  await page.reload();
  await editCard(guest);
  await expect(scoreOf(guest).getByLabel("Value to the customer (1–5)")).toHaveValue("5");
  await expect(scoreOf(guest).getByLabel("Owner")).toHaveValue("=Anna");
});

test("a file with a score out of range or an impossible round is refused by path, storage untouched", async ({ page }) => {
  const id = await templateMap(page);
  await saved(page);
  const file = JSON.parse((await exportFile(page, "Export as JSON")).text);
  const lanes = file.map.lanes;
  const ideas = lanes.find((l) => l.kind === "opportunities").id;
  file.map.phases[2].cards[ideas][0].score = { customer: 9, business: 1, effort: 1 };
  file.map.rounds = [{ id: "r", name: "", started_at: "2026-12-06T10:00:00Z", voted_lanes: [ideas], dots: 3, per_card: 2, hidden: true, named: false,
    ballots: [{ id: "b", name: "", people: 1, dots: { [file.map.phases[2].cards[ideas][0].id]: 50 } }] }];
  const before = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes("/map/")));
  await page.getByRole("link", { name: "All maps" }).click();
  await page.getByLabel("Import JSON file").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  const panel = page.getByRole("region", { name: "Import JSON file" });
  await expect(panel.getByRole("heading")).toHaveText("This file was not imported. Nothing has changed.");
  for (const said of ["map.rounds[0]", "expected a voting round", `map.phases[2].cards.${ideas}[0].score`, "expected a score"]) {
    await expect(panel).toContainText(said);
  }
  expect(await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes("/map/")))).toEqual(before);
  expect(id).toBeTruthy();
});
