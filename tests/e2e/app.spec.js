import { test, expect, openApp, openTab, createMap, addPhase, saved, seedMaps, storedMap, phase, phaseName, templateMap, touchpoint, kpi, editCard } from "./fixtures.js";

test("the release build starts and mounts the app under a strict CSP", async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole("heading", { name: "Your journey maps" })).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("CSP_SCRIPT_HASHES");
  expect(await page.locator("main").innerText()).not.toBe("");
});

test("a map and its phases are still there after a reload", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Webshop journey");
  await addPhase(page, "See");
  await addPhase(page, "Think");
  await expect(phaseName(page, 2)).toHaveValue("Think");
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("Map title")).toHaveValue("Webshop journey");
  await expect(phaseName(page, 1)).toHaveValue("See");
  await expect(phaseName(page, 2)).toHaveValue("Think");

  await page.getByRole("link", { name: "All maps" }).click();
  const row = page.getByRole("listitem").filter({ hasText: "Webshop journey" });
  await expect(row).toContainText("2 phases · 0 touchpoints · 0 KPIs");
});

test("the last keystroke survives an immediate reload", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Keystrokes");
  await addPhase(page, "See");
  await saved(page);
  await phaseName(page, 1).press("End");
  await page.keyboard.type("ing");
  await page.reload();
  await expect(phaseName(page, 1)).toHaveValue("Seeing");
});

test("a number typed into a field survives an immediate reload, as text does", async ({ page }) => {
  const id = await templateMap(page);
  await saved(page);
  const reach = kpi(phase(page, 1), "Reach");
  await editCard(reach);
  await reach.getByRole("textbox", { name: "Target", exact: true }).fill("12.5");
  await page.reload();
  await expect.poll(async () => (await storedMap(page, id)).map.phases[0].kpis[0].target).toBe(12.5);
});

test("maps are renamed and deleted from the library", async ({ page }) => {
  await openApp(page);
  await createMap(page, "First draft");
  await page.getByRole("link", { name: "All maps" }).click();
  await page.getByRole("button", { name: "Rename: First draft" }).click();
  await page.getByLabel("Map title").fill("Final journey");
  await page.getByLabel("Map title").press("Enter");
  await expect(page.getByRole("link", { name: "Final journey" })).toBeVisible();

  await page.getByRole("button", { name: "Delete: Final journey" }).click();
  await expect(page.getByText("No maps yet")).toBeVisible();
  // Deleting offers an undo, and undo brings the map back.
  await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Final journey" })).toBeVisible();
  await page.getByRole("button", { name: "Delete: Final journey" }).click();
  await expect(page.getByText("No maps yet")).toBeVisible();
  await saved(page);
  await page.reload();
  await expect(page.getByText("No maps yet")).toBeVisible();
});

test("an empty title is refused and the last valid one kept", async ({ page }) => {
  await openApp(page);
  await createMap(page, "Keep me");
  await page.getByLabel("Map title").fill("");
  await expect(page.getByText("A title needs 1 to 200 characters")).toBeVisible();
  await page.getByLabel("Map title").blur();
  await expect(page.getByLabel("Map title")).toHaveValue("Keep me");
  await saved(page);
  expect((await storedMap(page, page.url().split("/").pop())).map.title).toBe("Keep me");
});

test("script and onerror payloads in a map are shown as plain text", async ({ page }) => {
  await openApp(page);
  const title = `<script>window.__pwned = 1</script>`;
  const phase = `<img src=x onerror="window.__pwned = 2">`;
  await seedMaps(page, [
    { id: "hostile", title, description: phase, phases: [{ id: "p1", name: phase, color: "#123456" }] },
  ]);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(phaseName(page, 1)).toHaveValue(phase);
  // Typed payloads are inert too.
  await addPhase(page, `<svg onload="window.__pwned = 3">`);
  await expect(phaseName(page, 2)).toHaveValue(`<svg onload="window.__pwned = 3">`);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator("main img, main svg, main script").count()).toBe(0);
});

test("a corrupt stored map is set aside, reported and can be downloaded", async ({ page }) => {
  // Its session open first: one that opened after the damage was written would set it aside
  // before the reload, and the reloaded tab would have no reason of its own to show.
  await openTab(page);
  const raw = '{"rev":1,"schema":1,"map":{"id":"broken","title":"Half a ma';
  await page.evaluate((raw) => localStorage.setItem("journey-mapper/map/broken", raw), raw);
  await seedMaps(page, [{ id: "fine", title: "Still fine", phases: [] }]);

  const alert = page.getByRole("alert").filter({ hasText: "could not be read" });
  await expect(alert).toBeVisible();
  await expect(page.getByRole("link", { name: "Still fine" })).toBeVisible();
  await alert.getByText("Technical details").click();
  await expect(alert).toContainText("journey-mapper/map/broken: not valid JSON");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Download damaged data" }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(text).toString("utf8")).toBe(raw);

  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).not.toContain("journey-mapper/map/broken");
  const aside = keys.filter((k) => k.startsWith("journey-mapper/aside/"));
  expect(aside).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), aside[0])).toBe(raw);
});

test("a stored map that turns unreadable while open is set aside, reported, and written back", async ({ context }) => {
  const page = await context.newPage();
  await openApp(page);
  await createMap(page, "Still here");
  await saved(page);
  const id = page.url().split("/").pop();
  // Another writer (another tab here) leaves text this app cannot read under the map's key.
  const other = await context.newPage();
  await openTab(other);
  const raw = '{"rev":9,"schema":1,"map":{"id":"x","title":"Cut of';
  await other.evaluate(([id, raw]) => localStorage.setItem(`journey-mapper/map/${id}`, raw), [id, raw]);

  const alert = page.getByRole("alert").filter({ hasText: "could not be read" });
  await expect(alert).toBeVisible();
  await expect.poll(async () => (await storedMap(page, id))?.map.title).toBe("Still here");
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("journey-mapper/aside/")));
  expect(aside).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), aside[0])).toBe(raw);
});

test("a full store keeps editing in memory, says so until a retry succeeds, and never reloads", async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await openApp(page);
  await createMap(page, "Quota");
  await saved(page);
  const id = page.url().split("/").pop();
  await page.evaluate(() => {
    window.__storageFull = true;
    window.__sameDocument = true;
  });
  await addPhase(page, "Added while full");
  const banner = page.getByRole("alert").filter({ hasText: "storage is full" });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole("button", { name: "Export all maps" })).toBeVisible();
  await expect(phaseName(page, 1)).toHaveValue("Added while full");
  expect((await storedMap(page, id)).map.phases).toEqual([]);
  // Leaving now would lose the change: the browser asks first (and stays when told to).
  const asked = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.type());
    dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true }).catch(() => {});
  await expect.poll(() => asked).toEqual(["beforeunload"]);
  expect(page.isClosed()).toBe(false);

  await page.evaluate(() => (window.__storageFull = false));
  await expect(banner).toBeHidden({ timeout: 10_000 });
  await saved(page);
  expect((await storedMap(page, id)).map.phases[0].name).toBe("Added while full");
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  // Everything stored: leaving asks nothing.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(["beforeunload"]);
});

test("without localStorage the app runs in a clearly labelled memory-only mode", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await openApp(page);
  await expect(page.getByRole("status").filter({ hasText: "Memory only" })).toBeVisible();
  await createMap(page, "Only in memory");
  await addPhase(page, "See");
  await expect(phaseName(page, 1)).toHaveValue("See");
});

test("a change saved in one tab shows up in the other, which then saves on top of it", async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  await createMap(first, "Shared");
  await saved(first);
  const second = await context.newPage();
  await openTab(second, first.url());
  await expect(second.getByLabel("Map title")).toHaveValue("Shared");

  await first.getByLabel("Map title").fill("Edited in the first tab");
  await saved(first);
  await expect(second.getByLabel("Map title")).toHaveValue("Edited in the first tab");
  await second.getByLabel("Map title").fill("Then edited in the second tab");
  await saved(second);
  await expect(first.getByLabel("Map title")).toHaveValue("Then edited in the second tab");
  const id = first.url().split("/").pop();
  expect((await storedMap(first, id)).map.title).toBe("Then edited in the second tab");
  expect((await storedMap(first, id)).rev).toBe(3);
});

// Another tab's save is taken in as what differs: this tab's own steps stay undoable (taken in
// whole, the map was another map to the history, and Undo forgot them).
test("what another tab saved is taken in beside this tab's own edits, which stay undoable", async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  await createMap(first, "Shared");
  await addPhase(first, "See");
  await saved(first);
  const second = await context.newPage();
  await openTab(second, first.url());
  await expect(phaseName(second, 1)).toHaveValue("See");

  await second.getByLabel("Map title").fill("Renamed in the second tab");
  await saved(second);
  await expect(first.getByLabel("Map title")).toHaveValue("Renamed in the second tab");
  await addPhase(first, "Think");
  await saved(first);
  await expect(phaseName(second, 2)).toHaveValue("Think");

  await second.getByRole("button", { name: "Undo" }).click();
  await expect(second.getByLabel("Map title")).toHaveValue("Shared");
  await expect(phaseName(second, 2)).toHaveValue("Think");
  await saved(second);
  await expect(first.getByLabel("Map title")).toHaveValue("Shared");
  await expect(phaseName(first, 2)).toHaveValue("Think");
});

test("when two tabs changed the same map, the later save wins and the other is kept as a copy", async ({ context }) => {
  // The first tab's storage can be made to refuse writes, so its edit stays unsaved.
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__holdWrites) throw new DOMException("held", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  const first = await context.newPage();
  await openApp(first);
  await createMap(first, "Workshop");
  await saved(first);
  const id = first.url().split("/").pop();
  const second = await context.newPage();
  await openTab(second, first.url());

  await first.evaluate(() => (window.__holdWrites = true));
  await first.getByLabel("Map title").fill("Workshop, first tab's version");
  await expect(first.getByRole("alert").filter({ hasText: "storage is full" })).toBeVisible();
  await second.getByLabel("Map title").fill("Workshop, second tab's version");
  await saved(second);

  // The first tab now shows the later save and says where its own went.
  await expect(first.getByLabel("Map title")).toHaveValue("Workshop, second tab's version");
  const notice = first.getByRole("alert").filter({ hasText: "also changed in another tab" });
  await expect(notice).toContainText("“Workshop, first tab's version (from this tab)”");
  await first.evaluate(() => (window.__holdWrites = false));
  await expect(first.getByRole("alert").filter({ hasText: "storage is full" })).toBeHidden({ timeout: 10_000 });
  await saved(first);

  const titles = await first.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.includes("/map/")).map((k) => JSON.parse(localStorage.getItem(k)).map.title).sort());
  expect(titles).toEqual(["Workshop, first tab's version (from this tab)", "Workshop, second tab's version"]);
  expect((await storedMap(first, id)).map.title).toBe("Workshop, second tab's version");
});

test("when another tab's save of the same revision lands over this tab's, this tab keeps its own as a copy", async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  await createMap(first, "Planning");
  await saved(first);
  const id = first.url().split("/").pop();
  const mine = await storedMap(first, id);
  // Both tabs saved the same revision at the same moment; the second tab's write landed last.
  const second = await context.newPage();
  await openTab(second);
  const theirs = { ...mine, tab: 1, map: { ...mine.map, title: "Planning, other tab" } };
  await second.evaluate(([id, entry]) => localStorage.setItem(`journey-mapper/map/${id}`, JSON.stringify(entry)), [id, theirs]);

  await expect(first.getByLabel("Map title")).toHaveValue("Planning, other tab");
  const notice = first.getByRole("alert").filter({ hasText: "also changed in another tab" });
  await expect(notice).toContainText("“Planning (from this tab)”");
  await saved(first);
  const titles = await first.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.includes("/map/")).map((k) => JSON.parse(localStorage.getItem(k)).map.title).sort());
  expect(titles).toEqual(["Planning (from this tab)", "Planning, other tab"]);
});

test("maps cleared from storage under an open tab are written back; a deletion in another tab still deletes", async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  await createMap(first, "Deleted on purpose");
  await saved(first);
  await first.getByRole("link", { name: "All maps" }).click();
  await createMap(first, "Workshop notes");
  await saved(first);
  const id = first.url().split("/").pop();

  // The user deletes a map in a second tab: the first tab lets it go.
  const second = await context.newPage();
  await openTab(second);
  await second.getByRole("button", { name: "Delete: Deleted on purpose" }).click();
  await saved(second);
  await first.getByRole("link", { name: "All maps" }).click();
  await expect(first.getByRole("link", { name: "Deleted on purpose" })).toBeHidden();

  // Then all of the site's storage is cleared from under both tabs (here by a third page;
  // "clear site data" or the browser making room do the same without telling).
  const third = await context.newPage();
  await third.goto("/manifest.webmanifest");
  await third.evaluate(() => localStorage.clear());
  const notice = first.getByRole("alert").filter({ hasText: "This tab still has them" });
  await expect(notice).toContainText("“Workshop notes”");
  await expect(second.getByRole("alert").filter({ hasText: "This tab still has them" })).toContainText("“Workshop notes”");
  await expect.poll(async () => (await storedMap(first, id))?.map.title).toBe("Workshop notes");
  await expect(first.getByRole("link", { name: "Deleted on purpose" })).toBeHidden();
  // Both tabs wrote the same map back: one map, no copies.
  await saved(first);
  await saved(second);
  const titles = await first.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.includes("/map/")).map((k) => JSON.parse(localStorage.getItem(k)).map.title));
  expect(titles).toEqual(["Workshop notes"]);
  await notice.getByRole("button", { name: "Close" }).click();
  await expect(notice).toBeHidden();

  // Cleared with no word to the tab: coming back into view, it finds out and writes back.
  await first.evaluate(() => localStorage.clear());
  await first.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
  await expect(notice).toContainText("“Workshop notes”");
  await expect.poll(async () => (await storedMap(first, id))?.map.title).toBe("Workshop notes");
});

test("a tab running an older release stops writing once a newer one starts, and asks for a reload", async ({ context }) => {
  const old = await context.newPage();
  await openApp(old);
  await createMap(old, "Made by the old release");
  await saved(old);
  const id = old.url().split("/").pop();
  const before = await storedMap(old, id);

  // A newer release starts in another tab: it marks the browser as its own.
  const newer = await context.newPage();
  await openTab(newer);
  await newer.evaluate(() => localStorage.setItem("journey-mapper/app", "999.0.0"));

  const alert = old.getByRole("alert").filter({ hasText: "updated in another tab" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("button", { name: "Reload now" })).toBeVisible();
  await expect(alert.getByRole("button", { name: "Export all maps" })).toBeVisible();
  // It keeps what is typed on screen but writes none of it.
  await old.getByLabel("Map title").fill("Typed after the update");
  await old.getByLabel("Language").selectOption("nl");
  await expect(old.getByRole("status").filter({ hasText: "Niet opgeslagen" })).toBeVisible();
  expect(await storedMap(old, id)).toEqual(before);
  expect(await old.evaluate(() => localStorage.getItem("journey-mapper/setting/language"))).toBeNull();

  // Reloading would lose what was typed: "Reload now" refuses until it is exported.
  await old.evaluate(() => (window.__sameDocument = true));
  const banner = old.getByRole("alert").filter({ hasText: "in een ander tabblad bijgewerkt" });
  const reload = banner.getByRole("button", { name: "Nu opnieuw laden" });
  await reload.click();
  await expect(banner.getByRole("alert")).toContainText("exporteer eerst je klantreizen");
  expect(await old.evaluate(() => window.__sameDocument)).toBe(true);
  await Promise.all([old.waitForEvent("download"), banner.getByRole("button", { name: "Alle klantreizen exporteren" }).click()]);
  await Promise.all([old.waitForEvent("load"), reload.click()]);
  expect(await old.evaluate(() => window.__sameDocument)).toBeUndefined();
});

test("the interface switches to Dutch and remembers it", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Language").selectOption("nl");
  await expect(page.getByRole("heading", { name: "Je klantreizen" })).toBeVisible();
  expect(await page.locator("html").getAttribute("lang")).toBe("nl");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Je klantreizen" })).toBeVisible();
  await page.getByLabel("Taal").selectOption("en");
  await expect(page.getByRole("heading", { name: "Your journey maps" })).toBeVisible();
});

test("switching language on an open map re-labels every card at once", async ({ page }) => {
  await templateMap(page);
  await page.getByLabel("Language").selectOption("nl");
  const see = phase(page, 1);
  await expect(see.getByRole("textbox", { name: "Naam van de fase" })).toHaveValue("See");
  const card = see.getByRole("group", { name: "Contactmoment: Inspiring posts" });
  // Compact cards name their emotion and status in Dutch too.
  await expect(card).toContainText("positief");
  await expect(see.getByRole("group", { name: "KPI: Reach" })).toContainText("Geen gegevens");
  await editCard(card);
  await expect(card.getByRole("combobox", { name: "Emotie" })).toBeVisible();
  await expect(card.getByRole("combobox", { name: "Emotie" }).locator("option:checked")).toHaveText(/positief/);
  const reach = see.getByRole("group", { name: "KPI: Reach" });
  await editCard(reach);
  await expect(reach.getByRole("combobox", { name: "Beter als" })).toBeVisible();
  await page.getByLabel("Taal").selectOption("en");
  await expect(reach.getByRole("combobox", { name: "Better when" })).toBeVisible();
  await expect(touchpoint(see, "Inspiring posts")).toContainText("positive");
});

test("the whole flow works from the keyboard alone", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Title of a new map").focus();
  await page.keyboard.type("Keyboard journey");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Map title")).toHaveValue("Keyboard journey");
  await page.getByLabel("Name of a new phase").focus();
  await page.keyboard.type("Kijk");
  await page.keyboard.press("Enter");
  await expect(phaseName(page, 1)).toHaveValue("Kijk");
  await expect(page.getByLabel("Name of a new phase")).toHaveValue("");
  // Tab order: the map's description, its personas, lanes and workshop, then the toolbar
  // (presenting, its exports, sharing, its versions, the charts, fitting, the timer), then the
  // first phase.
  await page.getByRole("textbox", { name: "Description", exact: true }).first().focus();
  for (const panel of ["personas", "lanes", "workshop"]) {
    await page.keyboard.press("Tab");
    await expect(page.locator(`.${panel}-panel > summary`)).toBeFocused();
  }
  for (const [role, name] of [["link", "Present"], ["button", "Export"], ["button", "Share link"], ["button", "Live session"], ["link", "Versions"], ["button", "Charts"], ["button", "Fit to screen"], ["spinbutton", "Minutes"]]) {
    await page.keyboard.press("Tab");
    await expect(page.getByRole(role, { name, exact: true })).toBeFocused();
  }
  // The Export menu opens from the keyboard, Escape closes it and focus is back on its button.
  await page.getByRole("button", { name: "Export", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Export as JSON" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Export as JSON" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Export", exact: true })).toBeFocused();
  await page.getByRole("button", { name: "Reset" }).focus();
  await page.keyboard.press("Tab");
  await expect(phaseName(page, 1)).toBeFocused();
});
