// A phase with many cards builds in full only those near the screen (src/ui/on_screen.rs); these
// tests check that a person never notices: cards are there when scrolled to, keep focus, folds
// and typing, the keyboard reaches every one in order, and printing shows them all.
import { test, expect, openApp, saved, seedMaps, storedMap, phase, touchpoint, cardSummary, editCard, scrollToTop } from "./fixtures.js";

const CARDS = 60;

/** A map with one phase of `cards` touchpoints ("Card 1" …), opened. */
async function openLargePhase(page, cards = CARDS) {
  await openApp(page);
  const touchpoints = Array.from({ length: cards }, (_, i) => ({ id: `tp${i + 1}`, name: `Card ${i + 1}` }));
  await seedMaps(page, [{ id: "large", title: "Large phase", phases: [{ id: "p1", name: "Think", color: "#123456", touchpoints }] }]);
  await page.getByRole("link", { name: "Large phase" }).click();
  // On a short screen the first card starts below it.
  await scrollTo(page, "tp-tp1");
  await expect(cardSummary(touchpoint(page, "Card 1"))).toBeVisible();
}

/** Scrolls the card with this element id into view: found and scrolled in one step, since a
 *  card's list item is replaced when the card is built; waits for it while the page is still
 *  coming (the editor's part of the wasm may still be on its way). */
function scrollTo(page, elementId) {
  return page.waitForFunction((id) => {
    const card = document.getElementById(id);
    card?.scrollIntoView({ block: "nearest" });
    return Boolean(card);
  }, elementId);
}

const builtCards = (page) => phase(page, 1).getByRole("group", { name: /^Touchpoint: / });

test("cards far below are built when scrolled to, and edits there are stored", async ({ page }) => {
  await openLargePhase(page);
  const built = await builtCards(page).count();
  expect(built).toBeGreaterThan(0);
  expect(built).toBeLessThan(CARDS);
  // Far below, the card keeps its place with its name.
  const last = page.locator("#tp-tp60");
  await expect(last).toHaveText("Touchpoint: Card 60");

  await scrollTo(page, "tp-tp60");
  await editCard(touchpoint(page, "Card 60"));
  const name = touchpoint(page, "Card 60").getByRole("textbox", { name: "Touchpoint name" });
  await name.fill("Card 60, renamed");
  await saved(page);
  expect((await storedMap(page, "large")).map.phases[0].touchpoints[59].name).toBe("Card 60, renamed");
  // The first card, built again on the way back, is as it was.
  await scrollToTop(page);
  await expect(cardSummary(touchpoint(page, "Card 1"))).toContainText("Card 1");
});

test("the card being typed in stays open, with its open fold, however far the page scrolls", async ({ page }) => {
  await openLargePhase(page);
  const first = touchpoint(page, "Card 1");
  await editCard(first);
  await first.getByText("Description").click();
  const name = first.getByRole("textbox", { name: "Touchpoint name" });
  await name.click();
  await name.press("End");
  await page.evaluate(() => document.getElementById("tp-tp60").scrollIntoView());
  await expect(page.locator("#tp-tp60")).toBeInViewport();
  await expect(cardSummary(page.locator("#tp-tp60"))).toBeVisible();
  await page.keyboard.type(" typed far away");
  await scrollToTop(page);
  await expect(touchpoint(page, "Card 1 typed far away").getByRole("textbox", { name: "Description" })).toBeVisible();

  // Focus elsewhere closes the card; far from the screen it is taken down, and its fold is kept
  // for when it is opened again.
  await page.getByRole("textbox", { name: "Map title" }).focus();
  await page.evaluate(() => document.getElementById("tp-tp60").scrollIntoView());
  await expect(page.locator("#tp-tp1")).toHaveText("Touchpoint: Card 1 typed far away");
  await scrollToTop(page);
  const again = touchpoint(page, "Card 1 typed far away");
  await editCard(again);
  await expect(again.getByRole("textbox", { name: "Description" })).toBeVisible();
});

test("the arrow keys walk through every card in order, built as they come", async ({ page }) => {
  // Enough cards for most to be away from a short screen, few enough for a quick walk.
  const cards = 30;
  await page.setViewportSize({ width: 1280, height: 600 });
  await openLargePhase(page, cards);
  // The cards focus passes through, in order, recorded in the page.
  await page.evaluate(() => {
    window.visited = [];
    document.addEventListener("focusin", (e) => {
      const card = e.target.closest(".touchpoint")?.id;
      if (card && card !== window.visited.at(-1)) window.visited.push(card);
    });
  });
  const walk = async (key, last) => {
    await page.evaluate(() => (window.visited = []));
    for (let i = 0; i < cards * 2; i++) {
      await page.keyboard.press(key);
      if (await page.evaluate((last) => window.visited.includes(last), last)) break;
    }
    return page.evaluate((last) => window.visited.slice(0, window.visited.indexOf(last) + 1), last);
  };
  await cardSummary(touchpoint(page, "Card 1")).focus();
  const forward = Array.from({ length: cards }, (_, i) => `tp-tp${i + 1}`);
  // The walk forward starts at the card after the first.
  expect(await walk("ArrowDown", `tp-tp${cards}`)).toEqual(forward.slice(1));
  expect(await walk("ArrowUp", "tp-tp1")).toEqual(forward.slice(0, -1).reverse());
});

test("the cards next to the focused one are built wherever it is, for the keyboard", async ({ page }) => {
  await openLargePhase(page);
  await scrollTo(page, "tp-tp30");
  await cardSummary(touchpoint(page, "Card 30")).focus();
  await page.evaluate(() => document.getElementById("tp-tp60").scrollIntoView());
  await expect(cardSummary(page.locator("#tp-tp60"))).toBeVisible();
  for (const n of [28, 29, 30, 31, 32]) {
    await expect(cardSummary(touchpoint(page, `Card ${n}`))).toHaveCount(1);
  }
  await expect(page.locator("#tp-tp27")).toHaveClass(/placeholder/);
  await expect(page.locator("#tp-tp33")).toHaveClass(/placeholder/);
});

test("printing shows every card in full", async ({ page }) => {
  await openLargePhase(page);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await expect(builtCards(page)).toHaveCount(CARDS);
  await expect(cardSummary(touchpoint(page, "Card 60"))).toContainText("Card 60");
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect.poll(() => builtCards(page).count()).toBeLessThan(CARDS);
});

test("a cell not drawn yet counts about as high as its cards: the map hardly grows as it is drawn", async ({ page }) => {
  // Sixty touchpoints fill several screens; the KPIs' cell under them is drawn when scrolled to,
  // and until then the browser counts it as high as `NearCards::cell_height` says.
  await openApp(page);
  const touchpoints = Array.from({ length: CARDS }, (_, i) => ({ id: `tp${i + 1}`, name: `Card ${i + 1}` }));
  const kpis = Array.from({ length: 30 }, (_, i) => ({
    id: `k${i + 1}`, name: `KPI ${i + 1}`, unit: "%", direction: "increase", baseline: null, target: 50, measurements: [],
  }));
  await seedMaps(page, [{ id: "large", title: "Large phase", phases: [{ id: "p1", name: "Think", color: "#123456", touchpoints, kpis }] }]);
  await page.getByRole("link", { name: "Large phase" }).click();
  const kpiList = phase(page, 1).getByRole("group", { name: "KPIs", exact: true }).locator("ul");
  const drawn = () => kpiList.evaluate((list) => list.checkVisibility({ contentVisibilityAuto: true }));
  await expect(page.locator("#kpi-k30")).toHaveCount(1);
  expect(await drawn()).toBe(false);
  const height = () => page.locator(".journey-grid .phases").evaluate((grid) => grid.getBoundingClientRect().height);
  const counted = await height();
  await page.evaluate(() => document.getElementById("kpi-k30").scrollIntoView());
  await expect.poll(drawn).toBe(true);
  const real = await height();
  expect(Math.abs(real - counted)).toBeLessThan(real * 0.03);
});

test("the cards of phases away from the screen are in the page a moment after opening, for a search", async ({ page }) => {
  // Twelve phases of thirty cards: on 1280 px most are off to the right, and get their cards'
  // places when the page is idle (src/ui/browser/on_screen.rs), not when the map opens.
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const phases = Array.from({ length: 12 }, (_, p) => ({
    id: `p${p + 1}`, name: `Phase ${p + 1}`, color: "#123456",
    touchpoints: Array.from({ length: 30 }, (_, i) => ({ id: `p${p + 1}t${i + 1}`, name: `Card ${p + 1}.${i + 1}` })),
  }));
  await seedMaps(page, [{ id: "wide", title: "Wide map", phases }]);
  await page.getByRole("link", { name: "Wide map" }).click();
  await expect(cardSummary(touchpoint(page, "Card 1.1"))).toBeVisible();
  // The last card of the last phase, far right and far down, is in the page by its name.
  await expect(page.locator("#tp-p12t30")).toHaveText("Touchpoint: Card 12.30");
  await expect(phase(page, 12).getByText(/^Touchpoint: Card 12\.\d+$/)).toHaveCount(30);
  // With its heading, which a phase away from the first screen gets with its cards' places.
  await expect(phase(page, 12).getByRole("textbox", { name: "Phase name" })).toHaveValue("Phase 12");
  // Printing shows them in full.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(phase(page, 12).getByRole("group", { name: /^Touchpoint: Card 12\./ })).toHaveCount(30);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
});

test("a lane's cards below the first screen are in the page a moment after opening, and built when scrolled to", async ({ page }) => {
  // Its cells are built once one comes near the screen or the page is idle (on_screen.rs).
  await openApp(page);
  const touchpoints = Array.from({ length: CARDS }, (_, i) => ({ id: `tp${i + 1}`, name: `Card ${i + 1}` }));
  const pains = Array.from({ length: 30 }, (_, i) => ({ id: `pain${i + 1}`, text: `Pain ${i + 1}` }));
  await seedMaps(page, [{
    id: "deep", title: "Deep lanes", lanes: [{ id: "pain", kind: "pain_points", shown: true }],
    phases: [{ id: "p1", name: "Think", color: "#123456", touchpoints, cards: { pain: pains } }],
  }], { schema: 2 });
  await page.getByRole("link", { name: "Deep lanes" }).click();
  await expect(page.locator("#card-pain30")).toHaveText("Card: Pain 30");
  await scrollTo(page, "card-pain30");
  await expect(page.getByRole("group", { name: "Pain points: Pain 30", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a card to Pain points" })).toBeVisible();
});

test("a large map opens in one frame: the first frame that shows it has the cards on the screen built, and hardly more", async ({ page }) => {
  // The first check of which cards are near runs before the first frame (on_screen.rs), with
  // the headings on the first screen laid out as they are, not counted as no height.
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const phases = Array.from({ length: 6 }, (_, p) => ({
    id: `p${p + 1}`, name: `Phase ${p + 1}`, color: "#123456", goal: "A goal of two lines or so, as a workshop writes it",
    touchpoints: Array.from({ length: 30 }, (_, i) => ({ id: `p${p + 1}t${i + 1}`, name: `Card ${p + 1}.${i + 1}` })),
  }));
  await seedMaps(page, [{ id: "tall", title: "Tall map", phases }]);
  // The editor's part of the wasm is in, as when a person has looked at the library first.
  await page.waitForFunction(() => performance.getEntriesByName("journey-mapper:parts-loaded").length > 0);
  const first = await page.evaluate(async () => {
    document.querySelector(".map-row a").click();
    // A frame callback that finds the phases comes just before the frame that first shows them;
    // a task it queues runs once that frame is drawn.
    while (!document.querySelector("li.phase")) await new Promise((done) => requestAnimationFrame(done));
    await new Promise((done) => setTimeout(done, 0));
    const grid = document.querySelector(".journey-grid").getBoundingClientRect();
    const top = Math.max(grid.top, 0);
    const bottom = Math.min(grid.bottom, innerHeight);
    const near = bottom + (bottom - top) * 0.1;
    const cards = [...document.querySelectorAll(".touchpoint")].map((card) => ({
      built: !card.classList.contains("placeholder"),
      rect: card.getBoundingClientRect(),
    }));
    const shown = (r) => r.bottom > top && r.top < bottom && r.right > 0 && r.left < innerWidth;
    return {
      built: cards.filter((c) => c.built).length,
      placeholdersShown: cards.filter((c) => !c.built && shown(c.rect)).length,
      builtBelow: cards.filter((c) => c.built && c.rect.top > near + 1).length,
    };
  });
  expect(first.built).toBeGreaterThan(0);
  expect(first.placeholdersShown).toBe(0);
  expect(first.builtBelow).toBe(0);
});

test("a phase's folded description and contact limit are built when the fold opens, or a moment after the map opens", async ({ page }) => {
  // A fold's fields wait for the page to be idle, or the fold to be opened (editor/fold.rs).
  const seed = async (page) => {
    await openApp(page);
    const touchpoints = Array.from({ length: CARDS }, (_, i) => ({ id: `tp${i + 1}`, name: `Card ${i + 1}` }));
    await seedMaps(page, [{
      id: "folded", title: "Folded plan",
      phases: [{ id: "p1", name: "Think", color: "#123456", description: "Found by a search", contact_limit: 4, touchpoints }],
    }], { schema: 2 });
    await page.getByRole("link", { name: "Folded plan" }).click();
    await expect(cardSummary(touchpoint(page, "Card 1"))).toBeVisible();
  };
  // By CSS: in a closed fold it is in the page, not in the accessibility tree.
  const description = (page) => phase(page, 1).locator('details.more textarea[aria-label="Description"]');
  // A moment after opening, the description is in the page, for a search, with the fold closed.
  await seed(page);
  await expect(description(page)).toHaveValue("Found by a search");

  // With the page never idle, the fold's fields come when it is opened.
  const busy = await page.context().newPage();
  await busy.addInitScript(() => { window.requestIdleCallback = () => 0; });
  await seed(busy);
  await expect(description(busy)).toHaveCount(0);
  await phase(busy, 1).getByText("Description and plan").click();
  await expect(phase(busy, 1).getByRole("textbox", { name: "Description" })).toHaveValue("Found by a search");
  await expect(phase(busy, 1).getByRole("textbox", { name: "Most contacts per customer per month" })).toHaveValue("4");
});

test("presentation mode builds a map of thousands of cards a slice at a time, and a vote by keyboard changes its card alone, keeping focus however far it is", async ({ page }) => {
  // 4,500 cards: more than the read-only grid builds at once. Each vote built the whole slide
  // again (300 to 900 ms on a map of 7,250 cards), slice by slice: now only its card follows it.
  await openApp(page);
  const phases = Array.from({ length: 50 }, (_, p) => ({
    id: `p${p}`, name: `Phase ${p + 1}`, color: "#123456",
    cards: { "lane-pain-points": Array.from({ length: 90 }, (_, c) => ({ id: `c${p}-${c}`, text: `Pain ${p + 1}.${c + 1}` })) },
  }));
  const lanes = [{ id: "lane-pain-points", kind: "pain_points" }];
  await seedMaps(page, [{ id: "slices", title: "Many pains", lanes, phases }], { schema: 4 });
  await page.getByRole("link", { name: "Many pains" }).click();
  await page.getByRole("link", { name: "Present" }).click();
  const cards = page.locator(".presentation .lane-card");
  await expect(cards).toHaveCount(4500);
  // A card not voted on, marked: built again, it would lose the mark.
  await page.locator("#present-card-c25-45").evaluate((card) => (card.marked = true));
  for (const [text, id] of [["Pain 1.1", "c0-0"], ["Pain 50.90", "c49-89"]]) {
    const add = page.getByRole("button", { name: `Add a vote to ${text}`, exact: true });
    await add.focus();
    for (let n = 1; n <= 3; n++) {
      await page.keyboard.press("+");
      await expect(page.locator(`#present-card-${id}`)).toContainText(`${n} vote`);
      await expect(add).toBeFocused();
    }
  }
  // And by a click on the last phase's card, as a person would (its lane was cut off at the
  // window's height: the click found it outside of the viewport).
  await page.getByRole("button", { name: "Add a vote to Pain 50.90", exact: true }).click();
  await expect(page.locator("#present-card-c49-89")).toContainText("4 votes");
  await expect(cards).toHaveCount(4500);
  expect(await page.locator("#present-card-c25-45").evaluate((card) => card.marked)).toBe(true);
});

test("a lane taller than the window shows all its cards when read: presentation and a shared map", async ({ page }) => {
  // Held to the window's height, the read-only grid cut each lane off there: at 1280 × 720 a
  // presentation showed 6 of a lane's 12 cards and no way to the others.
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const phases = Array.from({ length: 10 }, (_, p) => ({
    id: `q${p}`, name: `Phase ${p + 1}`, color: "#123456",
    cards: { "lane-pain-points": Array.from({ length: 12 }, (_, c) => ({ id: `d${p}-${c}`, text: `Pain ${p + 1}.${c + 1}` })) },
  }));
  await seedMaps(page, [{ id: "twelve", title: "Twelve pains", lanes: [{ id: "lane-pain-points", kind: "pain_points" }], phases }], { schema: 4 });
  await page.getByRole("link", { name: "Twelve pains" }).click();
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  await page.getByRole("link", { name: "Present" }).click();
  for (const [text, id] of [["Pain 1.12", "d0-11"], ["Pain 10.12", "d9-11"]]) {
    await page.getByRole("button", { name: `Add a vote to ${text}`, exact: true }).click();
    await expect(page.locator(`#present-card-${id}`)).toContainText("1 vote");
  }
  await page.goto(link);
  const last = page.getByText("Pain 10.12", { exact: true });
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
});
