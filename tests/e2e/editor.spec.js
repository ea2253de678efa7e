import {
  test, expect, openApp, createMap, addPhase, saved, storedMap, phase, phaseName, phaseNames, touchpoint, kpi,
  cardSummary, editCard,
} from "./fixtures.js";

/** Creates a map from a template through the library form. */
async function fromTemplate(page, template, title = "") {
  await page.getByLabel(/^(Title of a new map|Titel van een nieuwe klantreis)$/).fill(title);
  await page.getByLabel(/^(Start from|Beginnen met)$/).selectOption({ label: template });
  await page.getByRole("button", { name: /^(Create map|Klantreis maken)$/ }).click();
  await expect(phaseName(page, 1)).toBeVisible();
}

const templates = [
  { lang: "en", name: "See – Think – Do – Care", phases: ["See", "Think", "Do", "Care"], touchpoint: "Review request timed after delivery", kpi: "Repeat purchase ratio" },
  { lang: "nl", name: "See – Think – Do – Care", phases: ["See", "Think", "Do", "Care"], touchpoint: "Reviewverzoek getimed na levering", kpi: "Herhaalaankoopratio" },
  { lang: "en", name: "Look – Choose – Buy – Receive – Cherish", phases: ["Look", "Choose", "Buy", "Receive", "Cherish"], touchpoint: "Costs and delivery time up front", kpi: "Cart abandonment" },
  { lang: "nl", name: "Kijk – Kies – Koop – Krijg – Koester", phases: ["Kijk", "Kies", "Koop", "Krijg", "Koester"], touchpoint: "Sms en mail over de bezorging", kpi: "Klachten" },
  { lang: "en", name: "Awareness – Consideration – Purchase – Retention – Advocacy", phases: ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"], touchpoint: "Satisfaction survey with NPS, twice a year", kpi: "Net Promoter Score" },
  { lang: "nl", name: "Bekendheid – Overweging – Aankoop – Behoud – Ambassadeurschap", phases: ["Bekendheid", "Overweging", "Aankoop", "Behoud", "Ambassadeurschap"], touchpoint: "Favorieten makkelijk opnieuw bestellen", kpi: "Klantverloop" },
  { lang: "en", name: "Existing customers: Retention – Engagement – Ambassadors", phases: ["Retention", "Engagement", "Ambassadors"], touchpoint: "Referral reward for both the existing and the new customer", kpi: "Active app users" },
  { lang: "nl", name: "Bestaande klanten: Behoud – Betrokkenheid – Ambassadeurs", phases: ["Behoud", "Betrokkenheid", "Ambassadeurs"], touchpoint: "Exclusieve kortingen", kpi: "Doorverwijzingen" },
];

test("every template in both languages starts a filled-in map", async ({ page }) => {
  await openApp(page);
  for (const t of templates) {
    await page.getByRole("combobox", { name: /^(Language|Taal)$/ }).selectOption(t.lang);
    await fromTemplate(page, t.name);
    await expect(page.getByLabel(/^(Map title|Titel van de klantreis)$/)).toHaveValue(t.name);
    expect(await phaseNames(page)).toEqual(t.phases);
    await expect(page.getByRole("group", { name: new RegExp(`^(Touchpoint|Contactmoment): ${t.touchpoint}$`) })).toHaveCount(1);
    await expect(page.getByRole("group", { name: new RegExp(`^KPI: ${t.kpi}$`) }).first()).toBeVisible();
    await page.getByRole("link", { name: /(All maps|Alle klantreizen)/ }).click();
  }
  await expect(page.locator(".map-row")).toHaveCount(templates.length);
});

test("a blank map gets phases, touchpoints and KPIs by hand, and a reload keeps everything", async ({ page }) => {
  await openApp(page);
  await createMap(page, "By hand");
  await addPhase(page, "See");
  await phase(page, 1).getByRole("button", { name: "Add touchpoint" }).click();
  // The new touchpoint's name is selected, ready to type over.
  await page.keyboard.type("Newsletter");
  const card = touchpoint(phase(page, 1), "Newsletter");
  await card.getByRole("combobox", { name: "Channel" }).fill("E-mail");
  await card.getByRole("combobox", { name: "Emotion" }).selectOption({ label: "+2 very positive" });
  await card.getByRole("textbox", { name: "Owner" }).fill("Marketing");
  await card.getByText("Description").click();
  await card.getByRole("textbox", { name: "Description" }).fill("Monthly, with offers");
  await expect(card.locator(".emotion-badge")).toHaveText("+2");

  await phase(page, 1).getByRole("button", { name: "Add KPI" }).click();
  await page.keyboard.type("Open rate");
  const openRate = kpi(phase(page, 1), "Open rate");
  await openRate.getByRole("combobox", { name: "Unit" }).fill("%");
  await phase(page, 1).getByRole("textbox", { name: "Goal / message" }).fill("Be remembered");
  await saved(page);

  await page.reload();
  const again = touchpoint(phase(page, 1), "Newsletter");
  // Compact, the card shows its name, channel and emotion; opened, every field.
  await expect(again).toContainText("E-mail · very positive");
  await editCard(again);
  await expect(again.getByRole("combobox", { name: "Channel" })).toHaveValue("E-mail");
  await expect(again.getByRole("combobox", { name: "Emotion" })).toHaveValue("2");
  await expect(again.getByRole("textbox", { name: "Owner" })).toHaveValue("Marketing");
  await again.getByText("Description").click();
  await expect(again.getByRole("textbox", { name: "Description" })).toHaveValue("Monthly, with offers");
  await editCard(kpi(phase(page, 1), "Open rate"));
  await expect(kpi(phase(page, 1), "Open rate").getByRole("combobox", { name: "Unit" })).toHaveValue("%");
  await expect(phase(page, 1).getByRole("textbox", { name: "Goal / message" })).toHaveValue("Be remembered");
});

test("phases are reordered by keyboard, by buttons and by drag and drop", async ({ page }) => {
  // Source and target both on screen: Playwright scrolls to the target after pressing on the
  // source, and Chromium starts no drag when the page scrolls under a pressed mouse.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await fromTemplate(page, "See – Think – Do – Care");
  // Alt + arrow in the phase's name moves it and keeps the caret there.
  await phaseName(page, 1).focus();
  await page.keyboard.press("Alt+ArrowRight");
  expect(await phaseNames(page)).toEqual(["Think", "See", "Do", "Care"]);
  await expect(phaseName(page, 2)).toBeFocused();
  await page.keyboard.press("Alt+ArrowRight");
  expect(await phaseNames(page)).toEqual(["Think", "Do", "See", "Care"]);

  await phase(page, 3).getByRole("button", { name: "Move left" }).click();
  expect(await phaseNames(page)).toEqual(["Think", "See", "Do", "Care"]);
  await expect(phase(page, 1).getByRole("button", { name: "Move left" })).toBeDisabled();

  await phase(page, 4).locator(".phase-head .drag-handle").dragTo(phase(page, 1).getByRole("textbox", { name: "Goal / message" }));
  expect(await phaseNames(page)).toEqual(["Care", "Think", "See", "Do"]);
});

test("touchpoints move within and between phases by keyboard, buttons and drag and drop", async ({ page }) => {
  // Source and target both on screen: Playwright scrolls to the target after pressing on the
  // source, and Chromium starts no drag when the page scrolls under a pressed mouse.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await fromTemplate(page, "See – Think – Do – Care");
  const names = (n) =>
    phase(page, n).locator(".touchpoint").evaluateAll((cards) => cards.map((c) => (c.querySelector(".card-title")?.textContent ?? c.querySelector(".item-name").value)));
  expect(await names(1)).toEqual(["Inspiring posts", "Display campaign", "Press coverage"]);

  await editCard(touchpoint(phase(page, 1), "Inspiring posts"));
  await touchpoint(phase(page, 1), "Inspiring posts").getByRole("textbox", { name: "Touchpoint name" }).focus();
  await page.keyboard.press("Alt+ArrowDown");
  expect(await names(1)).toEqual(["Display campaign", "Inspiring posts", "Press coverage"]);
  // Into the next phase beside where it was: second there too.
  await page.keyboard.press("Alt+ArrowRight");
  expect(await names(1)).toEqual(["Display campaign", "Press coverage"]);
  expect((await names(2))[1]).toBe("Inspiring posts");
  // Focus followed the card into the next phase.
  await expect(touchpoint(phase(page, 2), "Inspiring posts").getByRole("textbox", { name: "Touchpoint name" })).toBeFocused();
  // Back again: the step there and back leaves the card where it was.
  await page.keyboard.press("Alt+ArrowLeft");
  expect(await names(1)).toEqual(["Display campaign", "Inspiring posts", "Press coverage"]);
  await page.keyboard.press("Alt+ArrowRight");

  await touchpoint(phase(page, 2), "Inspiring posts").getByRole("button", { name: "Move to next phase" }).click();
  expect((await names(3))[1]).toBe("Inspiring posts");
  await touchpoint(phase(page, 3), "Inspiring posts").getByRole("button", { name: "Move up" }).click();
  expect((await names(3))[0]).toBe("Inspiring posts");

  const handle = cardSummary(touchpoint(phase(page, 1), "Press coverage"));
  await handle.dragTo(cardSummary(touchpoint(phase(page, 2), "Buying guides")));
  expect(await names(1)).toEqual(["Display campaign"]);
  expect((await names(2))[0]).toBe("Press coverage");
  await saved(page);
  const stored = await storedMap(page, page.url().split("/").pop());
  expect(stored.map.phases[1].touchpoints[0].name).toBe("Press coverage");
});

test("KPI progress is right for higher-is-better and lower-is-better KPIs", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Progress");
  await addPhase(page, "Do");
  const addKpi = async (name) => {
    await phase(page, 1).getByRole("button", { name: "Add KPI" }).click();
    await page.keyboard.type(name);
    return kpi(phase(page, 1), name);
  };
  const measure = async (card, date, value) => {
    if (await card.locator("details.measurements").evaluate((d) => !d.open)) {
      await card.getByText(/^Measurements/).click();
    }
    const form = card.locator(".add-measurement");
    await form.getByLabel("Date").fill(date);
    await form.getByRole("textbox", { name: "Value" }).fill(value);
    await form.getByRole("button", { name: "Add measurement" }).click();
  };

  const conversion = await addKpi("Conversion");
  await conversion.getByRole("textbox", { name: "Baseline" }).fill("2");
  await conversion.getByRole("textbox", { name: "Target" }).fill("4");
  await conversion.getByRole("textbox", { name: "Target" }).press("Enter");
  await expect(conversion).toContainText("Set a target and add a measurement");
  await measure(conversion, "2026-01-01", "3");
  await expect(conversion).toContainText("Behind: target not reached yet (50% of the way to the target)");
  await measure(conversion, "2026-02-01", "4,5");
  await expect(conversion).toContainText("On track: target reached (125% of the way to the target)");

  const cost = await addKpi("Cost per order");
  await cost.getByRole("combobox", { name: "Better when" }).selectOption("decrease");
  await cost.getByRole("textbox", { name: "Baseline" }).fill("40");
  await cost.getByRole("textbox", { name: "Target" }).fill("20");
  await cost.getByRole("textbox", { name: "Target" }).press("Enter");
  await measure(cost, "2026-01-01", "30");
  await expect(cost).toContainText("Behind: target not reached yet (50% of the way to the target)");
  // Editing the measurement to below the target: for lower-is-better that is on track.
  await cost.locator("tbody").getByRole("textbox", { name: "Value 2026-01-01" }).fill("18");
  await cost.locator("tbody").getByRole("textbox", { name: "Value 2026-01-01" }).press("Enter");
  await expect(cost).toContainText("On track: target reached (110% of the way to the target)");

  await cost.getByRole("textbox", { name: "Target" }).fill("abc");
  await cost.getByRole("textbox", { name: "Target" }).press("Enter");
  await expect(cost.getByRole("alert")).toContainText("Enter a number");
  await cost.getByRole("button", { name: "Remove measurement 2026-01-01" }).click();
  await expect(cost).toContainText("Set a target and add a measurement");
});

test("undo and redo cover typing, adding, moving and deleting, by button and keyboard", async ({ page }) => {
  await openApp(page);
  await fromTemplate(page, "See – Think – Do – Care");
  const undo = page.getByRole("button", { name: "Undo" }).first();
  const redo = page.getByRole("button", { name: "Redo" });

  // Typing a word in one field is one step.
  await phaseName(page, 1).fill("");
  await phaseName(page, 1).pressSequentially("Zien");
  await phaseName(page, 1).blur();
  await phase(page, 2).getByRole("button", { name: "Move left" }).click();
  await phase(page, 1).getByRole("button", { name: "Add touchpoint" }).click();
  await phase(page, 4).getByRole("button", { name: "Delete phase" }).click();
  expect(await phaseNames(page)).toEqual(["Think", "Zien", "Do"]);
  await expect(page.getByRole("status").filter({ hasText: "Deleted “Care”." })).toBeVisible();

  await undo.click();
  expect(await phaseNames(page)).toEqual(["Think", "Zien", "Do", "Care"]);
  await page.keyboard.press("Control+z");
  await expect(phase(page, 1).locator(".touchpoint")).toHaveCount(3);
  await page.keyboard.press("Control+z");
  expect(await phaseNames(page)).toEqual(["Zien", "Think", "Do", "Care"]);
  // Clearing the name and typing a new one was one step.
  await page.keyboard.press("Control+z");
  expect(await phaseNames(page)).toEqual(["See", "Think", "Do", "Care"]);

  await page.keyboard.press("Control+Shift+z");
  expect(await phaseNames(page)).toEqual(["Zien", "Think", "Do", "Care"]);
  await page.keyboard.press("Control+y");
  expect(await phaseNames(page)).toEqual(["Think", "Zien", "Do", "Care"]);
  await redo.click();
  await expect(phase(page, 1).locator(".touchpoint")).toHaveCount(4);
  await saved(page);
  await page.reload();
  await expect(phase(page, 1).locator(".touchpoint")).toHaveCount(4);
});

test("the library searches, duplicates, and undoes a deletion", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Webshop");
  await page.getByRole("link", { name: "All maps" }).click();
  await createMap(page, "Shop in town");
  await page.getByRole("link", { name: "All maps" }).click();
  await page.getByRole("button", { name: "Duplicate: Webshop" }).click();
  await expect(page.getByRole("link", { name: "Copy of Webshop" })).toBeVisible();
  await expect(page.locator(".map-row")).toHaveCount(3);

  await page.getByLabel("Search maps by title").fill("web");
  await expect(page.locator(".map-row")).toHaveCount(2);
  await page.getByLabel("Search maps by title").fill("nothing like it");
  await expect(page.getByText("No map has that in its title.")).toBeVisible();
  await page.getByLabel("Search maps by title").fill("");

  await page.getByRole("button", { name: "Delete: Shop in town" }).click();
  await expect(page.locator(".map-row")).toHaveCount(2);
  await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Shop in town" })).toBeVisible();
});

test("the larger-type view is one toggle and is remembered", async ({ page }) => {
  await openApp(page);
  const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await size()).toBe("18px");
  await page.getByRole("button", { name: "Larger text" }).click();
  await expect(page.getByRole("button", { name: "Larger text" })).toHaveAttribute("aria-pressed", "true");
  expect(await size()).toBe("24px");
  await page.reload();
  // Read once the app has mounted again, not before the wasm has run.
  await expect(page.getByRole("button", { name: "Larger text" })).toHaveAttribute("aria-pressed", "true");
  expect(await size()).toBe("24px");
});

test("the editor works in Dutch", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Language").selectOption("nl");
  await fromTemplate(page, "Kijk – Kies – Koop – Krijg – Koester", "Workshop");
  await expect(phase(page, 1).getByRole("button", { name: "Contactmoment toevoegen" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Contactmoment: Social media" }).first()).toBeVisible();
  const reach = page.getByRole("group", { name: "KPI: Bereik" });
  await expect(reach).toContainText("Geen gegevens");
  await editCard(reach);
  await expect(reach.getByText("Stel een doel in")).toBeVisible();
});

test("a slow click on a card below an open one opens it; Escape closes it and keeps focus there", async ({ page }) => {
  await openApp(page);
  await fromTemplate(page, "See – Think – Do – Care");
  const see = phase(page, 1);
  await editCard(touchpoint(see, "Inspiring posts"));
  // The open card above is tall; pressing long on the card below must not make it move away.
  const reach = kpi(see, "Reach");
  await cardSummary(reach).scrollIntoViewIfNeeded();
  const box = await cardSummary(reach).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(200);
  await page.mouse.up();
  await expect(reach.getByRole("button", { name: "Done" })).toBeVisible();
  await expect(touchpoint(see, "Inspiring posts").getByRole("combobox", { name: "Emotion" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(cardSummary(reach)).toBeFocused();
  // Enter opens it again, from the keyboard.
  await page.keyboard.press("Enter");
  await expect(reach.getByRole("textbox", { name: "KPI name" })).toBeFocused();
});

test("the map shows its experience curve under the phases and each phase's KPI status", async ({ page }) => {
  await openApp(page);
  await fromTemplate(page, "See – Think – Do – Care");
  const curve = page.getByRole("img", { name: /^Experience curve \(average\): See 0[.,]5, Think 0[.,]7, Do 0, Care 1/ });
  await expect(curve).toBeVisible();
  await expect(phase(page, 1)).toContainText("KPIs: 0 on track, 0 behind, 2 without data");
  const reach = kpi(phase(page, 1), "Reach");
  await editCard(reach);
  await reach.getByRole("textbox", { name: "Target" }).fill("100");
  await reach.getByRole("textbox", { name: "Target" }).press("Enter");
  await reach.getByText(/^Measurements/).click();
  await reach.getByLabel("Value", { exact: true }).fill("120");
  await reach.getByRole("button", { name: "Add measurement" }).click();
  await reach.getByRole("button", { name: "Done" }).click();
  await expect(reach).toContainText("On track");
  await expect(phase(page, 1)).toContainText("KPIs: 1 on track, 0 behind, 1 without data");
});

test("in a workshop's pace: type a name, Enter, and the next card is ready", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Workshop");
  await addPhase(page, "See");
  await phase(page, 1).getByRole("button", { name: "Add touchpoint" }).click();
  for (const name of ["Poster", "Radio", "Podcast"]) {
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
  }
  await page.keyboard.press("Escape");
  const titles = phase(page, 1).locator(".touchpoint .card-title");
  await expect(titles).toHaveText(["Poster", "Radio", "Podcast", "New touchpoint"]);
  // The last Enter made a card that is not wanted: one undo takes it away.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(titles).toHaveText(["Poster", "Radio", "Podcast"]);
});
