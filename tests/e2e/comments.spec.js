// Comments (issue 37, part 3): a thread on any card and phase — written, answered, mentioning a
// persona, resolved and reopened, edited and deleted by its writer — counted on the compact card,
// listed across the map, kept in the file and storage, and carried by a share link only when
// ticked. Their text is inert, hostile files are refused by path.
import { inflateRawSync } from "node:zlib";
import { test, expect, templateMap, phase, saved, storedMap, exportFile, expectNoViolations, editCard } from "./fixtures.js";

const laneCard = (scope, lane, text) => scope.getByRole("group", { name: `${lane}: ${text}`, exact: true });
const thread = (card) => card.getByRole("region", { name: /^(Comments|Opmerkingen): / });

/** The map a share link carries, read as the app reads it. */
function linked(link) {
  const payload = decodeURIComponent(link).split("#/share/")[1];
  return JSON.parse(inflateRawSync(Buffer.from(payload, "base64url")).toString()).map;
}

test("a card's thread is written, answered, resolved, edited and deleted; counted, listed, kept, and linked only when ticked", async ({ page }) => {
  const id = await templateMap(page);
  const guest = laneCard(phase(page, 3), "Opportunities", "Order as a guest");
  await editCard(guest);
  const comments = thread(guest);
  await expect(comments).toContainText("No comments yet.");
  await expect(comments).toContainText("Names you can mention: Sanne, online shopper");

  // A mention of no one is refused, and nothing is posted.
  await comments.getByLabel("New comment").fill("Ask @Nobody first");
  await comments.getByLabel("Your name").fill("Anna");
  await comments.getByRole("button", { name: "Post comment" }).click();
  await expect(comments.getByRole("alert")).toHaveText("No persona or participant is called “Nobody”: mention one of them, or leave out the @.");
  await expect(comments.locator(".comment")).toHaveCount(0);

  // Markup in a comment stays text.
  const said = "Does this suit @Sanne, online shopper? <b>bold</b><img src=x onerror=alert(1)>";
  await comments.getByLabel("New comment").fill(said);
  await comments.getByRole("button", { name: "Post comment" }).click();
  const first = comments.locator(".thread > .comment");
  await expect(first.locator(".comment-text")).toHaveText(said);
  await expect(first).toContainText("Anna, ");
  await expect(comments.locator("b, img")).toHaveCount(0);
  await expect(comments.getByLabel("New comment")).toHaveValue("");
  // The name is kept: not asked again.
  await expect(comments.getByLabel("Your name")).toHaveCount(0);

  await first.getByRole("button", { name: "Reply" }).click();
  await first.getByLabel("Reply").fill("Yes, for guests.");
  await first.getByRole("button", { name: "Post reply" }).click();
  await expect(comments.locator(".replies .comment-text")).toHaveText(["Yes, for guests."]);

  await first.getByRole("button", { name: "Edit" }).click();
  await first.getByLabel("Comment").fill("Does this suit @Sanne, online shopper? Ask her.");
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.locator(".comment-text")).toHaveText("Does this suit @Sanne, online shopper? Ask her.");
  await expect(first).toContainText("edited");
  await expectNoViolations(page);
  await guest.getByRole("button", { name: "Done" }).click();
  await expect(guest).toContainText("1 open comment");

  // A phase has a thread too, in its Description and plan fold, which counts the open ones.
  const think = phase(page, 2);
  await think.locator("details.more > summary").click();
  const onPhase = think.getByRole("region", { name: /^Comments: / });
  await onPhase.getByLabel("New comment").fill("Is this phase too long?");
  await onPhase.getByRole("button", { name: "Post comment" }).click();
  await expect(think.locator("details.more > summary")).toContainText("1 open comment");

  // Listed across the map, with a way to the card.
  await page.locator(".workshop-panel > summary").click();
  const open = page.locator(".open-threads");
  await open.locator(":scope > summary").click();
  await expect(open.locator("li")).toHaveCount(2);
  await expect(open.locator("li").first()).toContainText("Do · Order as a guest");
  await expect(open.locator("li").first()).toContainText("1 reply");
  await open.locator("li").first().getByRole("button", { name: "Go to it" }).click();
  await expect(comments).toBeVisible();

  // From here by keyboard: the card is long, and a click scrolled to its top lands on the
  // phase's sticky header (Playwright scrolls as little as it can).
  const press = (name, scope = first) => scope.getByRole("button", { name }).press("Enter");
  // Resolved, it is no longer counted; reopened, it is again.
  await press("Resolve");
  await expect(first).toContainText("resolved");
  await expect(open.locator("li")).toHaveCount(1);
  await press("Reopen");
  await expect(open.locator("li")).toHaveCount(2);

  // Deleted with a reply under it, the comment keeps its place; undo brings it back.
  await press("Delete");
  await expect(first.locator(".comment-text")).toHaveText("This comment was deleted.");
  await expect(comments.locator(".replies .comment-text")).toHaveText(["Yes, for guests."]);
  await page.keyboard.press("Control+z");
  await expect(first.locator(".comment-text")).toHaveText("Does this suit @Sanne, online shopper? Ask her.");
  // The reply, without replies of its own, goes altogether.
  await press("Delete", comments.locator(".replies .comment"));
  await expect(comments.locator(".replies .comment")).toHaveCount(0);

  // Kept: in storage, after a reload, and in the exported file.
  await saved(page);
  const stored = (await storedMap(page, id)).map.comments;
  expect(stored.map((c) => [c.author, c.text, c.mentions ?? []])).toEqual([
    ["Anna", "Does this suit @Sanne, online shopper? Ask her.", ["Sanne, online shopper"]],
    ["Anna", "Is this phase too long?", []],
  ]);
  const file = JSON.parse((await exportFile(page, "Export as JSON")).text);
  expect(file.map.comments).toEqual(stored);
  await page.reload();
  await expect(guest).toContainText("1 open comment");

  // A share link leaves them out unless ticked.
  await page.getByRole("button", { name: "Share link" }).click();
  const link = page.getByRole("textbox", { name: "Share link" });
  expect(linked(await link.inputValue()).comments).toBeUndefined();
  await page.getByLabel("Include the comments").check();
  await expect.poll(async () => linked(await link.inputValue()).comments?.length).toBe(2);
});

test("a draft survives the thread changing in another tab; an edited reply shows its new text; a persona by first name; a thread on a deleted card resolved from the list", async ({ page, context }) => {
  const id = await templateMap(page);
  const guest = laneCard(phase(page, 3), "Opportunities", "Order as a guest");
  await editCard(guest);
  const comments = thread(guest);
  // By the persona's first name, in any case; a longer word is no one's name.
  await comments.getByLabel("New comment").fill("Would @sanne buy as a guest? Ask @Sannet too");
  await comments.getByLabel("Your name").fill("Anna");
  await comments.getByRole("button", { name: "Post comment" }).click();
  await expect(comments.getByRole("alert")).toHaveText("No persona or participant is called “Sannet”: mention one of them, or leave out the @.");
  await comments.getByLabel("New comment").fill("Would @sanne buy as a guest?");
  await comments.getByRole("button", { name: "Post comment" }).click();
  const first = comments.locator(".thread > .comment");
  await expect(first.locator(".comment-text")).toHaveText("Would @sanne buy as a guest?");
  await first.getByRole("button", { name: "Reply" }).click();
  await first.getByLabel("Reply").fill("Yes");
  await first.getByRole("button", { name: "Post reply" }).click();
  const reply = comments.locator(".replies .comment");
  await reply.getByRole("button", { name: "Edit" }).click();
  await reply.getByLabel("Comment").fill("Yes, if the account step goes");
  await reply.getByRole("button", { name: "Save" }).click();
  await expect(reply.locator(".comment-text")).toHaveText("Yes, if the account step goes");
  await expect(reply).toContainText("edited");

  // Another tab replies while a reply is being typed here: the draft stays.
  await first.getByRole("button", { name: "Reply" }).click();
  await first.getByLabel("Reply").fill("Half a thought");
  const other = await context.newPage();
  await other.goto(page.url());
  const there = laneCard(phase(other, 3), "Opportunities", "Order as a guest");
  await editCard(there);
  const theirs = thread(there).locator(".thread > .comment");
  await theirs.getByRole("button", { name: "Reply" }).click();
  await theirs.getByLabel("Reply").fill("From the other tab");
  await theirs.getByRole("button", { name: "Post reply" }).click();
  await expect(comments.locator(".replies .comment-text")).toHaveText(["Yes, if the account step goes", "From the other tab"]);
  await expect(first.getByLabel("Reply")).toHaveValue("Half a thought");
  await other.close();

  // The card deleted while the list is open, its thread stays listed, and is settled from it.
  await page.locator(".workshop-panel > summary").click();
  const open = page.locator(".open-threads");
  await open.locator(":scope > summary").click();
  await expect(open.locator("li")).toContainText("Do · Order as a guest");
  await editCard(guest);
  await guest.getByRole("button", { name: "Delete card" }).click();
  const gone = open.locator("li").filter({ hasText: "a card since deleted" });
  await expect(gone).toContainText("Would @sanne buy as a guest?");
  await gone.getByRole("button", { name: "Resolve" }).click();
  await expect(open.locator("li")).toHaveCount(0);
  await saved(page);
  expect((await storedMap(page, id)).map.comments[0].resolved).toBe(true);
});

test("the thread in Dutch, and a hostile file of comments refused by path with storage untouched", async ({ page }) => {
  const id = await templateMap(page);
  await page.getByLabel("Language").selectOption("nl");
  const guest = laneCard(phase(page, 3), "Kansen", "Order as a guest");
  await editCard(guest);
  const comments = thread(guest);
  await comments.getByLabel("Nieuwe opmerking").fill("   ");
  await comments.getByRole("button", { name: "Opmerking plaatsen" }).click();
  await expect(comments.getByRole("alert")).toHaveText("Schrijf eerst iets.");
  await expectNoViolations(page);
  await page.getByLabel("Taal").selectOption("en");

  await saved(page);
  const file = JSON.parse((await exportFile(page, "Export as JSON")).text);
  const card = file.map.phases[2].cards[file.map.lanes.find((l) => l.kind === "opportunities").id][0].id;
  const base = { on: card, author: "X", by: "m", at: "2026-12-06T10:00:00Z" };
  file.map.comments = [
    { id: "n1", ...base, text: "x".repeat(1_000_001) },
    { id: "n2", ...base, text: "hi", mentions: ["Nobody"] },
    { id: "n3", ...base, text: "hi", reply_to: "nowhere" },
  ];
  const before = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes("/map/")));
  await page.getByRole("link", { name: "All maps" }).click();
  await page.getByLabel("Import JSON file").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  const panel = page.getByRole("region", { name: "Import JSON file" });
  await expect(panel.getByRole("heading")).toHaveText("This file was not imported. Nothing has changed.");
  for (const said of ["map.comments[0]", "map.comments[1]", "expected a comment"]) {
    await expect(panel).toContainText(said);
  }
  expect(await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes("/map/")))).toEqual(before);
  expect(id).toBeTruthy();
});
