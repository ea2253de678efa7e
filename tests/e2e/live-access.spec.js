// Live sessions that let in only the invited, on the real server (issue 38): a watch link that
// sees and changes nothing (the server refuses a raw client's change, not only the app), keys
// renewed and closed rooms, and a room carried by two server processes sharing Redis, as
// scripts/sync-cluster.sh starts them, surviving the loss of one.
import { test, expect, templateMap, phase, storedMap, saved, exportFile } from "./fixtures.js";
import { startSyncServer, startCluster, rawClient, fromLink, letGo } from "./sync-server.mjs";
import { startSession, join, lane, bar, addCard } from "./live-fixtures.js";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";

test.describe.configure({ mode: "serial" });

let server;
test.beforeAll(async ({}, info) => {
  server = await startSyncServer(12350 + info.workerIndex);
});
test.afterAll(async () => server?.close());

const phaseName = (doc, id) => doc.getMap("nodes").get(id).get("fields").get("name").toString();

test("a watch link sees every change and changes nothing, not even with a client that is not the app", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const id = await templateMap(page);
  const { link, watchLink } = await startSession(server.url, page, "Ann", { watch: true });
  expect(fromLink(watchLink).key).not.toBe(fromLink(link).key);
  await page.getByRole("button", { name: "Live session" }).click();
  await expect(page.getByRole("img", { name: "QR code of the watch link" })).toBeVisible();
  await page.keyboard.press("Escape");

  const wendy = await join(browser, watchLink, "Wendy");
  await expect(bar(wendy.page)).toContainText("Facilitated by Ann");
  await expect(bar(wendy.page)).toContainText("Watching: every change reaches you; nothing can be changed from here.");
  await wendy.page.getByRole("button", { name: "Live session" }).click();
  await expect(wendy.page.getByRole("status").filter({ hasText: "Watching: every change reaches you" })).toBeVisible();
  // A watcher is given no link to pass on.
  await expect(wendy.page.getByLabel("Join link")).toHaveCount(0);
  await wendy.page.keyboard.press("Escape");
  await addCard(page, 2, "Opportunities", "Seen by the watcher");
  await expect(phase(wendy.page, 2)).toContainText("Seen by the watcher");
  // Her attempt is refused by the app, and said.
  await lane(phase(wendy.page, 3), "Opportunities").getByRole("button", { name: "Add a card to Opportunities" }).click();
  await expect(bar(wendy.page).getByRole("alert")).toHaveText("You are watching this session: nothing can be changed from here.");
  // Nor can a file she imports take the map's place: what was not imported is said, and why.
  const file = JSON.parse((await exportFile(page, "Export as JSON")).text);
  file.map.title = "Replaced by the watcher";
  await wendy.page.getByRole("link", { name: "All maps" }).click();
  await wendy.page.getByLabel("Import JSON file").setInputFiles({ name: "over.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  const panel = wendy.page.getByRole("region", { name: "Import JSON file" });
  await panel.getByRole("radio", { name: "Replace my map with it (can be undone)" }).check();
  await panel.getByRole("button", { name: "Import" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Imported: 0");
  await expect(panel.getByRole("listitem")).toHaveText("“Replaced by the watcher”: You are watching this session: nothing can be changed from here.");
  await wendy.page.goBack();

  // A client that is not the app, with the watch key: the server makes it read only and drops
  // what it writes.
  await saved(page);
  const before = await storedMap(page, id);
  const phaseId = before.map.phases[0].id;
  const watcher = await rawClient(watchLink);
  expect(watcher.scope).toBe("readonly");
  watcher.doc.getMap("nodes").get(phaseId).get("fields").get("name").insert(0, "Hijacked ");
  const editor = await rawClient(link);
  expect(editor.scope).toBe("read-write");
  await page.waitForTimeout(1000);
  expect(phaseName(editor.doc, phaseId)).toBe(before.map.phases[0].name);
  await saved(page);
  expect((await storedMap(page, id)).map.phases[0].name).toBe(before.map.phases[0].name);
  await expect(phase(wendy.page, 1)).not.toContainText("Hijacked");

  // A value nested 3,000 deep (a few KB), which a browser's Yjs cannot read without overflowing
  // its stack: the server lets its writer go and keeps nothing of it, so that a late joiner
  // still takes the room in.
  const deep = await rawClient(link);
  const deepLetGo = letGo(deep);
  let nested = [];
  for (let i = 0; i < 3000; i++) nested = [nested];
  deep.doc.getMap("nodes").get(phaseId).get("fields").set("deep", nested);
  expect(await deepLetGo).toBe("too-deep");
  deep.provider.destroy();
  const late = await join(browser, link, "Late");
  await expect(phase(late.page, 1)).toContainText(before.map.phases[0].name);
  expect(late.problems).toEqual([]);
  await late.context.close();
  const after = await rawClient(link);
  expect(after.doc.getMap("nodes").get(phaseId).get("fields").has("deep")).toBe(false);
  after.provider.destroy();

  // A text's formatting nested 5,000 deep, which the app never writes (it stopped the server's
  // saving of the room and every browser's Yjs): its writer let go, nothing of it kept.
  const attack = async (write) => {
    const client = await rawClient(link);
    const reason = letGo(client);
    write(client);
    await reason;
    client.provider.destroy();
    return reason;
  };
  const formatDeep = ({ doc }) => {
    const mark = {};
    const json = JSON.stringify;
    JSON.stringify = (value, ...rest) => (value === mark ? "[".repeat(5000) + "]".repeat(5000) : json(value, ...rest));
    try {
      doc.getMap("nodes").get(phaseId).get("fields").get("name").format(0, 1, { bold: mark });
    } finally {
      JSON.stringify = json;
    }
  };
  expect(await attack(formatDeep)).toBe("too-deep");
  // 23 bytes deleting what every writer of the room writes next, which Yjs would hold until it
  // came and then erase: Ann's next card, her facilitator's lock too.
  const deleteAhead = ({ doc, provider }) => {
    const writers = [...Y.decodeStateVector(Y.encodeStateVector(doc))];
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 0);
    encoding.writeVarUint(update, writers.length);
    for (const [client, clock] of writers) [client, 1, clock, 100_000].forEach((n) => encoding.writeVarUint(update, n));
    provider.documentUpdateHandler(encoding.toUint8Array(update), null);
  };
  expect(await attack(deleteAhead)).toBe("ahead");
  // Writes under another writer's Yjs client id, at its next numbers, which would take the
  // place of what it writes next (Yjs drops a second write of one number as a duplicate).
  const first = await rawClient(link);
  const text = (doc) => doc.getMap("nodes").get(phaseId).get("fields").get("name");
  text(first.doc).insert(0, "x");
  text(first.doc).delete(0, 1);
  await expect.poll(() => first.provider.unsyncedChanges).toBe(0);
  expect(await attack(({ doc }) => {
    doc.clientID = first.doc.clientID;
    text(doc).insert(0, "Posing ");
  })).toBe("not-yours");
  first.provider.destroy();
  // Nor under the id of someone who has not written yet, seen in presence: the app says its id
  // when it connects, and it is its own from then on.
  const quiet = await rawClient(link);
  expect(await attack(({ doc }) => {
    doc.clientID = quiet.doc.clientID;
    text(doc).insert(0, "First ");
  })).toBe("not-yours");
  quiet.provider.destroy();
  // One connection writing as nine writers (the app writes as one): each of a flood's writers
  // would have to be told from a participant by every browser.
  expect(await attack(({ doc, provider }) => {
    const made = new Y.Doc({ gc: false });
    Y.applyUpdate(made, Y.encodeStateAsUpdate(doc));
    for (let i = 0; i < 9; i++) {
      made.clientID = 5000 + i;
      text(made).insert(0, "Many ");
    }
    provider.documentUpdateHandler(Y.encodeStateAsUpdate(made, Y.encodeStateVector(doc)), null);
  })).toBe("too-many-ids");
  // A chain of maps 5,000 deep written by two made-up writers, each half sent alone: the half
  // that depends on the other is held back by Yjs, and checked again when the other comes.
  const splitDeep = ({ doc, provider }) => {
    const made = new Y.Doc({ gc: false });
    Y.applyUpdate(made, Y.encodeStateAsUpdate(doc));
    let [at, key] = [made.getMap("nodes").get(phaseId).get("fields"), "chain"];
    for (let i = 0; i < 5000; i++) {
      made.clientID = 1001 + (i % 2);
      const next = new Y.Map();
      made.transact(() => at.set(key, next));
      [at, key] = [next, "k"];
    }
    const without = (writer) => Y.encodeStateAsUpdate(made, Y.encodeStateVector(new Map([...Y.decodeStateVector(Y.encodeStateVector(doc)), [writer, Y.getState(made.store, writer)]])));
    provider.documentUpdateHandler(without(1001), null);
    provider.documentUpdateHandler(without(1002), null);
  };
  expect(await attack(splitDeep)).toBe("too-deep");
  await addCard(page, 2, "Pain points", "After the attacks");
  await expect(phase(wendy.page, 2)).toContainText("After the attacks");
  const later = await rawClient(link);
  expect(JSON.stringify(later.doc.getMap("nodes").toJSON())).toContain("After the attacks");
  expect(later.doc.getMap("nodes").get(phaseId).get("fields").has("chain")).toBe(false);
  later.provider.destroy();

  // A made-up key, a key of another room, a room nobody made: refused.
  expect((await rawClient(link, { key: "A".repeat(22) })).refused).toBe("wrong-key");
  const other = link.replace(fromLink(link).room, "0".repeat(32));
  expect((await rawClient(other)).refused).toBe("no-room");
  // Presence is anyone's to write, a watcher's too: a name of a megabyte is shown cut short.
  watcher.provider.setAwarenessField("user", { name: "W".repeat(1_000_000), color: "red", card: null });
  await page.getByRole("button", { name: "Live session" }).click();
  const people = page.locator(".live-people li");
  await expect(people.filter({ hasText: "WWWW" })).toHaveCount(1);
  expect((await people.filter({ hasText: "WWWW" }).textContent()).length).toBeLessThan(100);
  await page.keyboard.press("Escape");
  for (const client of [watcher, editor]) client.provider.destroy();

  // The join link opened in the watcher's tab: asked for a name again, and then she edits.
  await wendy.page.goto(link);
  await wendy.page.getByLabel("Your name, as the others see it").fill("Wendy");
  await wendy.page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(bar(wendy.page)).not.toContainText("Watching");
  await addCard(wendy.page, 3, "Opportunities", "Wendy edits now");
  await expect(phase(page, 3)).toContainText("Wendy edits now");
  await wendy.context.close();

  // A link without its key (as made before rooms had keys) is said at once; a server that does
  // not answer is said after a while.
  const lost = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
  const { room, server: address } = fromLink(link);
  for (const [bad, said] of [
    [`#/live/${encodeURIComponent(`${room}@${address}`)}`, "This link has no valid key"],
    [`#/live/${encodeURIComponent(`${room}.${fromLink(link).key}@ws://127.0.0.1:1`)}`, "No answer yet: the session server may be unreachable"],
  ]) {
    await lost.goto(link.replace(/#.*$/, bad));
    await lost.getByLabel("Your name, as the others see it").fill("Lost");
    await lost.getByRole("button", { name: "Join", exact: true }).click();
    await expect(lost.getByText(said)).toBeVisible({ timeout: 10_000 });
  }
  await lost.context().close();
});

test("a server killed before it stores the room loses nothing it took in, though no one connected holds it any more", async ({ page }) => {
  const id = await templateMap(page);
  const link = await startSession(server.url, page, "Ann");
  const phaseId = (await storedMap(page, id)).map.phases[0].id;
  // Ann's tab goes: no browser is left to bring anything back.
  await page.goto("about:blank");
  const [writer, keeper] = [await rawClient(link), await rawClient(link)];
  writer.doc.getMap("nodes").get(phaseId).get("fields").get("name").insert(0, "Kept ");
  await expect.poll(() => keeper.doc.getMap("nodes").get(phaseId).get("fields").get("name").toString()).toMatch(/^Kept /);
  writer.provider.destroy();
  // Killed at once, within the two seconds the server waits before it stores a room.
  await server.stop();
  keeper.provider.destroy();
  await server.start();
  const later = await rawClient(link);
  expect(later.doc.getMap("nodes").get(phaseId).get("fields").get("name").toString()).toMatch(/^Kept /);
  later.provider.destroy();
});

test("how the facilitator runs the session is theirs: the server puts back a participant's change of it, with no browser in the room to do so", async ({ page, browser }) => {
  await templateMap(page);
  const link = await startSession(server.url, page, "Ann");
  // Ann closes her tab: nobody's browser is in the room to put anything back.
  await page.goto("about:blank");
  const mallory = await rawClient(link);
  const control = mallory.doc.getMap("control");
  const ann = control.get("facilitator");
  expect(ann.name).toBe("Ann");
  control.set("facilitator", { name: "Mallory", clients: [mallory.doc.clientID] });
  control.set("locked", true);
  await expect.poll(() => control.get("facilitator")?.name).toBe("Ann");
  expect(control.get("locked")).not.toBe(true);
  mallory.provider.destroy();
  // Nor can she write as Ann, under Ann's Yjs client id, which every browser and the server
  // take for the facilitator's: only a connection with the owner key may.
  const posing = await rawClient(link);
  const caught = letGo(posing);
  posing.doc.clientID = ann.clients[0];
  posing.doc.getMap("control").set("locked", true);
  expect(await caught).toBe("not-yours");
  posing.provider.destroy();
  // Someone joining later sees Ann lead, and may add a card (the map is not locked).
  const bob = await join(browser, link, "Bob");
  await expect(bar(bob.page)).toContainText("Facilitated by Ann");
  await addCard(bob.page, 2, "Opportunities", "Not locked");
  await expect(phase(bob.page, 2)).toContainText("Not locked");
  await expect(bar(bob.page).getByRole("alert")).toHaveCount(0);
  await bob.context.close();
});

test("new links let go of everyone who came by the old ones; only the new ones come back in", async ({ page, browser }) => {
  const id = await templateMap(page);
  const link = await startSession(server.url, page, "Ann");
  const bob = await join(browser, link, "Bob");
  await addCard(bob.page, 2, "Opportunities", "Before the new links");
  await expect(phase(page, 2)).toContainText("Before the new links");

  // Offline, the facilitator's new links and end are refused and said: the server would never
  // have them, and the old links would go on working.
  await page.getByRole("button", { name: "Live session" }).click();
  await server.stop();
  await expect(page.getByText("Connection lost.").first()).toBeVisible();
  for (const button of ["Make new links (the current ones stop working)", "End the session for everyone"]) {
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: button }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The connection to the session server is lost: new links and ending the session need it." })).toBeVisible();
  }
  expect(await page.getByLabel("Join link").inputValue()).toBe(link);
  await server.start();
  await expect(page.getByText("Live: changes reach everyone.")).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Make new links (the current ones stop working)" }).click();
  await expect.poll(() => page.getByLabel("Join link").inputValue()).not.toBe(link);
  const renewed = await page.getByLabel("Join link").inputValue();
  expect(fromLink(renewed).room).toBe(fromLink(link).room);
  await expect(page.getByText("Live: changes reach everyone.")).toBeVisible();
  await page.keyboard.press("Escape");

  // Bob is let go, told why, and keeps his copy.
  await expect(bob.page.getByRole("alert").filter({ hasText: "This link no longer opens the session" })).toBeVisible();
  await saved(bob.page);
  expect(JSON.stringify((await storedMap(bob.page, id)).map)).toContain("Before the new links");
  expect((await rawClient(link)).refused).toBe("wrong-key");

  // The new link lets Cleo in, and the session goes on.
  const cleo = await join(browser, renewed, "Cleo");
  await expect(phase(cleo.page, 2)).toContainText("Before the new links");
  await addCard(page, 3, "Opportunities", "After the new links");
  await expect(phase(cleo.page, 3)).toContainText("After the new links");
  expect(bob.problems).toEqual([]);
  expect(cleo.problems).toEqual([]);
  await bob.context.close();
  await cleo.context.close();
});

test("what a participant wrote offline and then reloaded is kept as a version when the room's map takes its place; an update larger than the server takes is said", async ({ page, browser }, info) => {
  test.setTimeout(60_000);
  const id = await templateMap(page);
  const link = await startSession(server.url, page, "Ann");
  const bob = await join(browser, link, "Bob");
  await server.stop();
  await expect(bob.page.getByText("Connection lost.").first()).toBeVisible();
  await addCard(bob.page, 2, "Opportunities", "Written offline by Bob");
  await saved(bob.page);
  await bob.page.reload();
  await server.start();
  await expect(bob.page.getByRole("alert").filter({ hasText: "Your copy of this map differed from the session's" })).toBeVisible({ timeout: 15_000 });
  await bob.page.goto(link.replace(/#.*$/, `#/versions/${id}`));
  await expect(bob.page.getByText("Your copy before the live session").first()).toBeVisible();
  // Opened, the kept copy is the one with Bob's card.
  await bob.page.getByRole("row", { name: /Your copy before the live session/ }).getByRole("button", { name: /^Open: version of / }).click();
  await expect(bob.page.getByText("Written offline by Bob")).toBeVisible();
  await bob.context.close();

  // A server that takes updates of at most 30 KB: a text of 45 KB lets the writer go, said.
  const small = await startSyncServer(12360 + info.workerIndex, { MAX_UPDATE_BYTES: "30000" });
  try {
    await page.goto(link.replace(/#.*$/, `#/map/${id}`));
    await page.getByRole("button", { name: "Live session" }).click();
    await page.getByRole("button", { name: "Leave live session" }).click();
    await page.keyboard.press("Escape");
    const smallLink = await startSession(small.url, page, "Ann");
    const cleo = await join(browser, smallLink, "Cleo");
    await cleo.page.getByRole("textbox", { name: "Description", exact: true }).first().fill("€".repeat(15_000));
    await expect(cleo.page.getByRole("alert").filter({ hasText: "The session server refused a change larger than it takes" })).toBeVisible();
    await saved(cleo.page);
    expect((await storedMap(cleo.page, id)).map.description).toBe("€".repeat(15_000));
    await cleo.context.close();
  } finally {
    await small.close();
  }
});

test("two server processes sharing Redis carry one room; when one is lost, its participants go on with the other and nothing is lost", async ({ page, browser }, info) => {
  const cluster = await startCluster(12370 + 2 * info.workerIndex, 2, 16390 + info.workerIndex);
  try {
    const id = await templateMap(page);
    const link = await startSession(cluster.urls.join(" "), page, "Ann");
    expect(fromLink(link).server).toBe(cluster.urls.join(" "));
    // Bob's link names the second process first: he is on it, Ann on the first.
    const bobs = link.replace(encodeURIComponent(cluster.urls.join(" ")), encodeURIComponent([...cluster.urls].reverse().join(" ")));
    const bob = await join(browser, bobs, "Bob");
    await addCard(page, 2, "Opportunities", "From the first process");
    await expect(phase(bob.page, 2)).toContainText("From the first process");
    await addCard(bob.page, 2, "Pain points", "From the second process");
    await expect(phase(page, 2)).toContainText("From the second process");

    // The second process is lost: Bob goes on with the first.
    cluster.kill(1);
    await addCard(bob.page, 3, "Opportunities", "Typed while his server was lost");
    await expect(phase(page, 3)).toContainText("Typed while his server was lost");
    await addCard(page, 3, "Pain points", "Typed after");
    await expect(phase(bob.page, 3)).toContainText("Typed after");
    await saved(page);
    await saved(bob.page);
    const texts = (m) => JSON.stringify(m.map);
    for (const text of ["From the first process", "From the second process", "Typed while his server was lost", "Typed after"]) {
      expect(texts(await storedMap(page, id))).toContain(text);
      expect(texts(await storedMap(bob.page, id))).toContain(text);
    }
    expect(bob.problems).toEqual([]);
    await bob.context.close();
  } finally {
    await cluster.close();
  }
});
