// A live session's engine, in a Web Worker of its own: one map shared through a Yjs document in
// a room of the project's Hocuspocus server (scripts/sync-server.mjs). The page talks to it
// through js/live.js; what a room sends — a joiner's whole map, a flood of a hundred thousand
// cards from a client that is not the app — is taken in by Yjs here, off the page's thread, so
// the page answers whatever comes.
//
// Loaded only when a live session starts (scripts/live-bundle.mjs bundles it with Yjs into
// the build's live/live-worker.js): someone who never joins one never downloads it.
//
// The map travels as the room's nodes (Rust's `model::nodes`): what an edit changed comes as a
// patch of just those nodes, and what others changed goes to the page as a patch of theirs, or
// as the whole map's JSON when that is more than is read so; the page reads either with the
// same checks and limits as an import. In the document every object with an id (the map,
// phases, touchpoints, KPIs, lane cards, personas, lanes, voting rounds and their ballots,
// comments) is a node of one flat Y.Map, with its parent, the list it is in and an order number:
// a move changes those three, so a card moved by one person and edited by another keeps both;
// two people commenting at once each add a node of their own. Its typed texts are Y.Text, so two
// people typing in one field merge; every other value (numbers, colours, dates,
// measurements, emotions) is set whole, the last writer winning.
import * as Y from "yjs";
import { HocuspocusProvider } from "@hocuspocus/provider";

const LOCAL = "local";
/** The most nodes whose change is read as such: past them (a reconnection's catching up, a
 *  flood), the map is read whole. */
const MOST_CHANGED = 500;
/** The most people the app lists in a room. */
const MAX_PEOPLE = 500;
/** What the app says of the map's fields (Rust's `model::nodes::layout`), told at `join`: the
 *  texts people type, which merge when two type in one at once (every other value is set
 *  whole, as merging two would make neither), and the stamps every edit sets. */
let layout = { texts: [], stamps: [], longest: Infinity };
const isText = (key, value) => typeof value === "string" && layout.texts.includes(key);
const listKey = (parent, list) => `${parent}\u0000${list}`;

/** Where `from` and `to` differ: one replacement of what lies between their common ends. */
function splice(from, to) {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  // Never between the two halves of a character outside the BMP (an emoji changed for another
  // shares its first half): Yjs would replace each half with U+FFFD.
  if (start > 0 && surrogate(from, start - 1, 0xd800)) start--;
  let end = 0;
  while (end < from.length - start && end < to.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  if (end > 0 && surrogate(from, from.length - end, 0xdc00)) end--;
  return { start, removed: from.length - start - end, inserted: to.slice(start, to.length - end) };
}

/** Whether the code unit of `text` at `at` is a surrogate of the half that starts at `first`
 *  (0xd800: a pair's first, 0xdc00: its second). */
const surrogate = (text, at, first) => (text.charCodeAt(at) & 0xfc00) === first;

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes `patch` (Rust's `model::nodes::Patch`: nodes with their own fields, and the lists
 * whose members or order changed, whole) into the document, against `base` (every node as this
 * browser and the room last agreed on it, id → { parent, list, index, fields }), which it then
 * brings up to date. Only what differs from `base` is written, so that whatever others changed
 * meanwhile stands, and a text's change is replayed on the text as it is now in the room, which
 * merges two people typing in one field. With `mend`, `base` is empty and each node is written
 * where it differs from the room, texts whole; the nodes `drop` names go from the room first.
 * False, and nothing written, where the patch lists a node that neither it nor `base` has.
 */
function write(doc, patch, base, { mend = false, drop: dropped = [], stamp = false } = {}) {
  const nodes = doc.getMap("nodes");
  const sent = new Map(patch.nodes.map((node) => [node.id, node]));
  const placed = new Map();
  for (const { parent, list, ids } of patch.lists) ids.forEach((id, index) => placed.set(id, { parent, list, index }));
  for (const id of placed.keys()) if (!sent.has(id) && !base.has(id)) return false;
  // Gone: what a list of the patch (or a group it gives whole) held and no list holds now,
  // with everything under it.
  const scopes = new Set(patch.lists.map(({ parent, list }) => listKey(parent, list)));
  const groups = (patch.groups ?? []).map(([parent, group]) => listKey(parent, `${group}.`));
  const gone = new Set();
  if (!mend && (scopes.size > 0 || groups.length > 0)) {
    for (const [id, node] of base) {
      const key = listKey(node.parent, node.list);
      if (!placed.has(id) && !sent.has(id) && (scopes.has(key) || groups.some((g) => key.startsWith(g)))) gone.add(id);
    }
    under(base, gone);
  }
  // Yjs does not say who deleted something: the facilitator's deletions come with a write of
  // theirs, so that the others know them for the facilitator's (see `authors`).
  let deleted = false;
  const ids = new Set([...sent.keys(), ...placed.keys()]);
  const now = new Map();
  const reordered = new Set();
  // Written anew outside the lists of the patch (the phase of a card added as someone deleted
  // it): with no order number it would count as 0 and sort first in its list.
  const anew = [];
  doc.transact(() => {
    const drop = (id) => {
      nodes.delete(id);
      deleted = true;
    };
    for (const id of [...gone, ...dropped]) if (nodes.has(id)) drop(id);
    for (const id of ids) {
      const at = placed.get(id);
      let y = nodes.get(id);
      const old = y instanceof Y.Map ? base.get(id) : undefined;
      // A node moved here that someone deleted meanwhile is written anew, whole.
      const node = sent.get(id) ?? (old ? undefined : { fields: base.get(id)?.fields ?? {} });
      const parent = sent.get(id)?.parent ?? at.parent;
      const list = sent.get(id)?.list ?? at.list;
      const index = at?.index ?? base.get(id)?.index ?? 0;
      now.set(id, { parent, list, index, fields: node?.fields ?? old?.fields ?? {} });
      if (!(y instanceof Y.Map)) {
        y = new Y.Map();
        y.set("fields", new Y.Map());
        nodes.set(id, y);
        if (!at && base.get(id)?.list) anew.push(id);
      }
      if (at && (!old || old.parent !== parent || old.list !== list || old.index !== index)) {
        reordered.add(listKey(parent, list));
        if (old) reordered.add(listKey(old.parent, old.list));
      }
      // What the room has already is not written again (a mend writes the whole map): a write
      // says who wrote it, and the others judge what this browser changed by it.
      if ((!old || old.parent !== parent) && y.get("parent") !== parent) y.set("parent", parent);
      if ((!old || old.list !== list) && y.get("list") !== list) y.set("list", list);
      if (!node) continue;
      let fields = y.get("fields");
      // A client that is not the app may have put anything here.
      if (!(fields instanceof Y.Map)) {
        fields = new Y.Map();
        y.set("fields", fields);
      }
      for (const key of old ? Object.keys(old.fields) : [...fields.keys()]) {
        if (!(key in node.fields) && fields.has(key)) {
          fields.delete(key);
          deleted = true;
        }
      }
      for (const [key, value] of Object.entries(node.fields)) {
        const current = fields.get(key);
        const before = old?.fields[key];
        if (old && same(before, value)) continue;
        if (!(current instanceof Y.AbstractType) && current !== undefined && same(current, value)) continue;
        if (isText(key, value) && current instanceof Y.Text && !mend && typed(current)) {
          const { start, removed, inserted } = typeof before === "string" ? splice(before, value) : splice(current.toString(), value);
          const at = Math.min(start, current.length);
          if (removed > 0) deleted = true;
          current.delete(at, Math.min(removed, current.length - at));
          current.insert(at, inserted);
        } else if (isText(key, value)) {
          // Mending, a text is set whole, not spliced: every participant may mend at once, and
          // two splices of the same insertion would write it twice.
          if (!(current instanceof Y.Text) || current.toString() !== value || !typed(current)) fields.set(key, new Y.Text(value));
        } else {
          fields.set(key, value);
        }
      }
    }
    order(nodes, patch.lists.filter(({ parent, list }) => reordered.has(listKey(parent, list))).map(({ ids }) => ids));
    for (const id of anew.sort((a, b) => base.get(a).index - base.get(b).index)) nodes.get(id).set("order", orderAgreed(nodes, base, id));
    if (deleted && stamp) {
      const control = doc.getMap("control");
      control.set("stamp", (control.get("stamp") ?? 0) + 1);
    }
  }, LOCAL);
  for (const id of [...gone, ...dropped]) base.delete(id);
  for (const [id, node] of now) base.set(id, node);
  return true;
}

/** Adds to `ids` every node of `base` under one of them. */
function under(base, ids) {
  for (let grew = ids.size > 0; grew; ) {
    grew = false;
    for (const [id, node] of base) {
      if (!ids.has(id) && ids.has(node.parent)) {
        ids.add(id);
        grew = true;
      }
    }
  }
}

/** The nodes of `patch` as `write`'s `base` holds them. */
function nodesOf(patch) {
  const index = new Map();
  for (const { ids } of patch.lists) ids.forEach((id, i) => index.set(id, i));
  return new Map(patch.nodes.map(({ id, parent, list, fields }) => [id, { parent, list, index: index.get(id) ?? 0, fields }]));
}

/** Gives the nodes of each list of `lists` (each its ids in order) order numbers that sort
 *  them so, keeping those already in order (so that someone else's move elsewhere in the list
 *  stands). */
function order(nodes, lists) {
  for (const ids of lists) {
    const at = ids.map((id) => orderOf(nodes.get(id)));
    // Kept: those whose order already rises along the list.
    const kept = ids.map(() => false);
    let last = -Infinity;
    ids.forEach((_, i) => {
      if (typeof at[i] === "number" && at[i] > last) {
        kept[i] = true;
        last = at[i];
      }
    });
    for (let i = 0; i < ids.length; i++) {
      if (kept[i]) continue;
      const before = i > 0 ? at[i - 1] : 0;
      let j = i;
      while (j < ids.length && !kept[j]) j++;
      const after = j < ids.length ? at[j] : before + (j - i + 1);
      // Spread between the neighbours, with a little randomness so that two people adding at
      // the same place do not get the same number.
      const step = (after - before) / (j - i + 1);
      for (let k = i; k < j; k++) {
        at[k] = before + step * (k - i + 1) - step * 0.25 * Math.random();
        nodes.get(ids[k]).set("order", at[k]);
      }
      i = j;
    }
  }
}

/** An order number for node `id` that puts it back between its neighbours in `base`, the map
 *  this browser and the room agreed on, as they are numbered now in `nodes` (others may have
 *  moved since). Where none of them is there, its place in that map: every browser putting
 *  back a list that went whole then writes the same numbers, and whichever of them wins each
 *  node, the list keeps its order (two numbered each by another browser's view sorted some
 *  phases wrong, moving the card being typed in from under its writer's hands). */
function orderAgreed(nodes, base, id) {
  const was = base.get(id);
  const beside = [...base.entries()]
    .filter(([other, node]) => other !== id && node.parent === was.parent && node.list === was.list && nodes.get(other) instanceof Y.Map && orderOf(nodes.get(other)) !== undefined)
    .sort(([, a], [, b]) => a.index - b.index);
  const before = beside.filter(([, node]) => node.index < was.index).at(-1);
  const after = beside.find(([, node]) => node.index > was.index);
  const [low, high] = [before, after].map((entry) => entry && orderOf(nodes.get(entry[0])));
  if (low !== undefined && high !== undefined) return (low + high) / 2;
  if (low !== undefined) return low + 1;
  return high !== undefined ? high - 1 : was.index;
}

/** A field's value as the app reads it, with its size in characters: a typed text as its
 *  string; any other type of Yjs (which the app never writes) as a mark the app's reader
 *  refuses where a value belongs, rather than read out of the document (a client that is not
 *  the app may nest thousands of them); a plain value as it is, sized as its JSON, so that
 *  numbers and arrays count towards what is read on the page's thread as texts do (a value too
 *  deep to be written out counts as too large). */
function plain(value) {
  if (value instanceof Y.Text && typed(value)) return [value.toString(), value.length];
  if (value instanceof Y.AbstractType) return [{ "shared type": true }, 0];
  if (typeof value === "string") return whole(value) ? [value, value.length] : [{ "shared type": true }, 0];
  if (value === null || typeof value !== "object") return [value, 0];
  try {
    return [value, JSON.stringify(value).length];
  } catch {
    return [null, Infinity];
  }
}

/** Whether `text` is a text as the app writes one: a Y.Text (a Y.XmlText is one to
 *  `instanceof`, and reads as markup), characters alone, with no embeds or
 *  formatting (which Yjs counts in its positions: a keystroke written at the app's position
 *  would land among the wrong characters) and no half of a surrogate pair alone (which no text
 *  of the app holds, and no JSON reader takes). */
function typed(text) {
  return text.constructor === Y.Text && text.toDelta().every((op) => typeof op.insert === "string" && op.attributes === undefined) && whole(text.toString());
}

/** Whether `text` holds no half of a surrogate pair alone. */
const whole = (text) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/** Whether node `y` holds, where a typed text belongs, one longer than the app lets any be
 *  (or a value as large). */
function overlong(y) {
  const fields = y instanceof Y.Map ? y.get("fields") : null;
  if (!(fields instanceof Y.Map)) return false;
  return layout.texts.some((key) => {
    const value = fields.get(key);
    return (value instanceof Y.Text ? value.length : plain(value)[1]) > layout.longest;
  });
}

/** How deep a map's nodes go at most (map, phase, card, a card's comments…): a client that is
 *  not the app may chain nodes as deep as it likes, which would overflow the stack reading
 *  them. Deeper nodes are left out of what is read, and taken out of the room. */
const MAX_DEPTH = 8;

/** Reads the map's JSON back out of the document; `false` once its texts pass `maxChars`, so
 *  that a room holding a text of gigabytes is not copied out of it whole to be refused. Fills
 *  `found` with every node read (as `write`'s `base` holds them). Where the room holds another
 *  map beside the one `known` (nodes as `base` holds them) has, that one is read, to be refused;
 *  where nothing is known yet (joining), the one the facilitator made (`leads`: their Yjs
 *  clients), so that a joiner is not handed a map a client that is not the app put beside it. */
function read(doc, maxChars, found, known, leads) {
  const nodes = doc.getMap("nodes");
  const children = new Map();
  // Each parent's lists by name, so that a group's lists are found without a pass over all.
  const listsOf = new Map();
  let root = null;
  for (const [id, y] of nodes) {
    if (!(y instanceof Y.Map)) continue;
    const parent = y.get("parent");
    if (parent === "" && (root === null || (known ? !known.has(id) : leads.has(nodes._map.get(id).id.client)))) root = id;
    const key = listKey(parent, y.get("list"));
    if (!children.has(key)) {
      children.set(key, []);
      if (!listsOf.has(parent)) listsOf.set(parent, []);
      listsOf.get(parent).push(String(y.get("list")));
    }
    children.get(key).push([id, y]);
  }
  if (root === null) return null;
  const build = (id, y, depth, parent, list, index) => {
    const object = { id };
    const own = {};
    found.set(id, { parent, list, index, fields: own });
    const fields = y.get("fields");
    if (!(fields instanceof Y.Map) || depth > MAX_DEPTH) return object;
    for (const [key, held] of fields) {
      const [value, size] = plain(held);
      own[key] = value;
      if ((chars += size) > maxChars) throw TOO_LARGE;
      if (typeof value === "string") object[key] = value;
      else if (value && value.list === true) object[key] = listOf(id, key, depth + 1);
      else if (value && value.group === true) {
        object[key] = {};
        for (const list of listsOf.get(id) ?? []) {
          if (list.startsWith(`${key}.`)) object[key][list.slice(key.length + 1)] = listOf(id, list, depth + 1);
        }
      } else object[key] = value;
    }
    return object;
  };
  const listOf = (parent, list, depth) => members(children.get(listKey(parent, list)) ?? []).map(([id, y], i) => build(id, y, depth, parent, list, i));
  let chars = 0;
  try {
    return build(root, nodes.get(root), 0, "", "", 0);
  } catch (e) {
    if (e === TOO_LARGE) return false;
    throw e;
  }
}

/** `list` (of [id, node] pairs) in the order its nodes' order numbers give. */
const members = (list) => list.sort(([a, x], [b, y]) => rank(x) - rank(y) || (a < b ? -1 : a > b ? 1 : 0));

/** A node's order number as every browser sorts by it: one the app never writes (no number,
 *  NaN, infinite, or too large to have room after it) counts as 0, so that all browsers show
 *  a list in one order, and the next move renumbers it. */
const rank = (y) => orderOf(y) ?? 0;
/** A node's order number, where it is one the app writes. */
function orderOf(y) {
  const order = y.get("order");
  return typeof order === "number" && Math.abs(order) <= MAX_ORDER ? order : undefined;
}
const MAX_ORDER = 2 ** 50;

/** What changed in the document since the map was last read from it, as a patch (Rust's
 *  `model::nodes::Patch`) of the nodes `dirty` (a map of their ids) and the lists of those that
 *  `moved` (another), their
 *  texts `chars` at most (else `false`); fills `found` as `read` does, and `gone`. */
function changedSince(doc, base, dirty, moved, maxChars, found, gone) {
  const nodes = doc.getMap("nodes");
  const patch = { nodes: [], lists: [], gone: [] };
  const lists = new Map();
  const list = (parent, name) => typeof parent === "string" && typeof name === "string" && lists.set(listKey(parent, name), { parent, list: name });
  let chars = 0;
  for (const id of dirty.keys()) {
    const y = nodes.get(id);
    const was = base.get(id);
    if (was && moved.has(id)) list(was.parent, was.list);
    if (!(y instanceof Y.Map)) {
      if (was) {
        patch.gone.push(id);
        gone.add(id);
      }
      continue;
    }
    const node = { id, parent: y.get("parent"), list: y.get("list"), fields: {} };
    const fields = y.get("fields");
    if (fields instanceof Y.Map) {
      for (const [key, held] of fields) {
        const [value, size] = plain(held);
        if ((chars += size) > maxChars) return false;
        node.fields[key] = value;
      }
    }
    patch.nodes.push(node);
    found.set(id, { parent: node.parent, list: node.list, index: was?.index ?? 0, fields: node.fields });
    if (moved.has(id) || !was) list(node.parent, node.list);
  }
  if (lists.size > 0) {
    const held = new Map([...lists.keys()].map((key) => [key, []]));
    for (const [id, y] of nodes) if (y instanceof Y.Map) held.get(listKey(y.get("parent"), y.get("list")))?.push([id, y]);
    for (const [key, { parent, list }] of lists) {
      const ids = members(held.get(key)).map(([id]) => id);
      ids.forEach((id, index) => {
        const node = found.get(id) ?? base.get(id);
        if (node) found.set(id, { ...node, parent, list, index });
      });
      patch.lists.push({ parent, list, ids });
    }
  }
  return patch;
}
const TOO_LARGE = Symbol("too large");

/** The node a type of the document belongs to: the id its `nodes` map holds it under. */
function nodeOf(type, nodes) {
  while (type && type._item) {
    if (type._item.parent === nodes) return type._item.parentSub;
    type = type._item.parent;
  }
  return null;
}

/** Whether two nodes (as `write`'s `base` holds them) differ in what their own fields, place or order
 *  hold: a list's or group's mark is the children's, not the node's, and a stamp is any edit's. */
function differs(a, b) {
  if (!a || !b) return a !== b;
  if (a.parent !== b.parent || a.list !== b.list || a.index !== b.index) return true;
  const own = (node) =>
    Object.fromEntries(
      Object.entries(node.fields).filter(([k, v]) => !layout.stamps.includes(k) && !(v && (v.list === true || v.group === true))),
    );
  return !same(own(a), own(b));
}

/** Holds the lock `name` while this tab is in the session, if no other tab holds it: resolves
 *  to a function that lets it go, or null. */
function hold(name, wait) {
  return new Promise((resolve) => {
    if (!navigator.locks) return resolve(null);
    // A page being loaded again waits for the page it replaces to let go (while it unloads);
    // another open tab keeps it, and this one goes on without.
    const options = wait ? { signal: AbortSignal.timeout(wait) } : { ifAvailable: true };
    navigator.locks
      .request(name, options, (lock) => {
        if (!lock) return resolve(null);
        return new Promise((release) => resolve(release));
      })
      .catch(() => resolve(null));
  });
}

/** 128 random bits, base64url, as the app's room keys are made. */
function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Why the server lets go of a connection for what it sent (scripts/sync-server.mjs). */
const REFUSALS = ["too-large", "too-deep"];

/** Past this many bytes, what the room sends is said to be on its way before Yjs takes it in
 *  (a joiner's large map, or a flood), which takes a while. */
const LARGE = 1024 * 1024;

const tell = (message) => postMessage(message);
/** How many of the reads offered to the page are kept for it to take in. */
const KEPT_OFFERS = 4;

/**
 * Joins room `room` on the server at `server` (several addresses, separated by spaces, are
 * tried in turn: processes sharing the room through Redis) with `keys` (JSON: `key`, the edit
 * or view key of the link; the one who starts the room also brings `view` and `owner`, with
 * which the server makes it). With `map` (a patch of its every node, as JSON), the room is
 * started with it and this browser facilitates; without, the map comes from the room. `fields`
 * is what the app says of the map's fields (JSON of Rust's `model::nodes::layout`). With
 * `client`, this browser's client id in the room before a reload (the facilitator's). What
 * others changed is read as a patch while it has `changesChars` characters of text at most,
 * else whole, up to `wholeChars`. Returns what the page's messages do (see js/live.js).
 */
async function join({ server, room, keys, map, fields, name, color, client, changesChars, wholeChars }) {
  layout = JSON.parse(fields);
  // Without Yjs' garbage collection, as on the server (scripts/sync-server.mjs): with it,
  // deleting 100,000 cards (mending the room after a flood) takes half a minute, not a third
  // of a second; what a session deletes stays in its history instead.
  const doc = new Y.Doc({ gc: false });
  // The facilitator's browser keeps its Yjs client id when the page is loaded again, so that it
  // still leads (the others know the facilitator by that id): only one tab at a time may write
  // under one id, and none before the room's state is in, so a lock on the id is taken first;
  // another tab of the same browser joins under an id of its own.
  let release = null;
  if (typeof client === "number" && Number.isSafeInteger(client)) {
    release = await hold(`journey-mapper-live:${room}:${client}`, 3000);
    if (release) doc.clientID = client;
  } else if (map) release = await hold(`journey-mapper-live:${room}:${doc.clientID}`);
  // Yjs takes a new id whenever what arrives holds writes under its own (another writer may be
  // using it): here they are this browser's writes from before the reload, which come with the
  // room's state or later (a server loading a room from its store sends it after saying it is
  // in sync), and the lock keeps any other tab of this browser off the id. So the id is set
  // back at once, and writing goes on from where those writes ended.
  if (release && typeof client === "number") {
    doc.on("afterTransactionCleanup", () => {
      doc.clientID = client;
    });
  }
  const nodes = doc.getMap("nodes");
  // How the facilitator runs the session: written only by the facilitator's browser (the
  // others put back any other writer's change), beside the map.
  const control = doc.getMap("control");
  // With a writer key of this join's: the server lets only this connection (or the next of
  // this join, after a lost connection) write under the Yjs client id it first writes under.
  // The facilitator's browser is known by its owner key, which it keeps over reloads with its id.
  let asked = { ...JSON.parse(keys), writer: randomKey() };
  const servers = String(server).split(/\s+/).filter(Boolean);
  let at = 0;
  // Set before the first server answers: a view-only connection writes nothing.
  let watching = false;
  const provider = new HocuspocusProvider({
    url: servers[0],
    name: room,
    document: doc,
    // The Yjs client id this browser writes under, which the server makes this join's before
    // anyone else can write under it (a client id is seen in presence before its first write).
    token: () => JSON.stringify({ ...asked, client: doc.clientID }),
    delay: 250,
    minDelay: 250,
    maxDelay: 1000,
    onAuthenticated: ({ scope }) => {
      watching = scope === "readonly";
    },
    onAuthenticationFailed: ({ reason }) => tell({ type: "status", status: `refused:${reason}` }),
  });
  // The server let go of this room's connection for an update it does not take (larger than
  // it takes, or what the app never sends: see scripts/sync-server.mjs): said, as a refusal to
  // let this browser in (the app keeps its own copy).
  provider.on("close", ({ event }) => {
    if (REFUSALS.includes(event?.reason)) tell({ type: "status", status: `refused:${event.reason}` });
  });
  provider.on("message", ({ event }) => {
    const bytes = event.data?.byteLength ?? 0;
    if (bytes > LARGE) tell({ type: "large", bytes });
  });
  // A lost server's participants go on with the next one, which has the room through Redis.
  provider.configuration.websocketProvider.on("close", () => {
    at = (at + 1) % servers.length;
    provider.configuration.websocketProvider.configuration.url = servers[at];
  });
  const awareness = provider.awareness;
  awareness.setLocalStateField("user", { name, color, card: null });
  // The map's nodes as this browser and the room last agreed on them (see `write`); null
  // before this browser has taken in the room's map.
  let base = null;
  let started = false;
  // A change of this browser's came before it had the room's map, or named a node neither
  // has: the page is asked for its whole map once there is one to write it against.
  let wantsWhole = false;
  const askWhole = () => {
    if (base) tell({ type: "whole" });
    else wantsWhole = true;
  };
  // The facilitator's Yjs clients, and the control as last written by one of them.
  let leads = new Set();
  let agreed = {};
  const iLead = () => leads.has(doc.clientID);
  const controlNow = () => {
    const now = control.toJSON();
    delete now.stamp;
    return now;
  };
  const tellControl = (refused) => {
    const { facilitator, ...rest } = agreed;
    tell({ type: "control", json: JSON.stringify({ ...rest, facilitator: facilitator?.name ?? "", me: iLead(), refused }), client: doc.clientID });
  };
  const settle = () => {
    agreed = controlNow();
    leads = new Set(Array.isArray(agreed.facilitator?.clients) ? agreed.facilitator.clients : []);
    tellControl(false);
  };
  provider.on("status", ({ status }) => status !== "connected" && tell({ type: "status", status }));
  provider.on("synced", ({ state }) => {
    if (!state) return;
    tell({ type: "status", status: watching ? "watching" : "connected" });
    if (started) return;
    started = true;
    // The one starting the room writes the map once the room's state (if any) is in.
    if (map && nodes.size === 0) {
      base = new Map();
      doc.transact(() => control.set("facilitator", { name, clients: [doc.clientID] }), LOCAL);
      write(doc, JSON.parse(map), base, { mend: true });
      settle();
    } else {
      settle();
      later();
    }
  });
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    // Many updates at once (a reconnection's catching up) are read once.
    setTimeout(() => {
      pending = false;
      offerWhenDue(false);
    }, 0);
  };
  // The nodes someone other than the facilitator wrote since the room's map was last taken
  // in, each with the number of the change that wrote it last.
  const touched = new Map();
  let changes = 0;
  // The nodes someone else changed since the room's map was last taken in, and those of them
  // that were added, deleted or moved (whose lists changed), each with the number of the
  // change that did so last.
  const dirty = new Map();
  const moved = new Map();
  // The browser of the app (its Yjs client id) that last edited each node (see `edited`), as
  // far as this one saw: a client that is not in the room as a participant (named in its
  // presence) is none.
  const lastBy = new Map();
  const present = () => new Set([...awareness.getStates()].filter(([, state]) => state.user).map(([client]) => client));
  doc.on("afterTransaction", (tr) => {
    if (tr.origin === LOCAL || !started) return;
    changes++;
    for (const [type, keys] of tr.changed) {
      if (type === nodes) {
        for (const id of keys) {
          dirty.set(id, changes);
          moved.set(id, changes);
        }
      } else if (type !== control) {
        const id = nodeOf(type, nodes);
        if (id === null) continue;
        dirty.set(id, changes);
        if (type._item?.parent === nodes) moved.set(id, changes);
      }
    }
    const { byLead, byOthers, written, wrote, controlByOthers } = authors(tr);
    for (const id of written) touched.set(id, changes);
    const people = present();
    for (const [id, client, edit] of wrote) {
      if (!people.has(client)) continue;
      if (edit) lastBy.set(id, client);
      // A node named as written wrong is being written back, or typed in: the others' wait
      // for it begins again; where by the one it is left to, the room is read again at once
      // (it is most likely right now), not when the wait is over: held that long, this
      // browser's map would stay seconds behind theirs.
      if (!namedSince.has(id)) continue;
      namedSince.set(id, Date.now());
      if (client === lastBy.get(id) && held !== null) {
        clearTimeout(held);
        held = null;
        holdUntil = 0;
      }
    }
    // What no write explains was deleted, which Yjs does not say by whom: the facilitator's
    // deletions come with a write of theirs, so a deletion is theirs where only they wrote.
    let controlDeleted = false;
    for (const [type] of tr.changed) {
      if (type === control) {
        controlDeleted ||= !byLead || byOthers;
        continue;
      }
      const id = type === nodes ? null : nodeOf(type, nodes);
      if (id !== null && !(byLead && !byOthers) && !written.has(id)) touched.set(id, changes);
    }
    if (tr.changed.has(nodes) && !(byLead && !byOthers)) {
      for (const id of tr.changed.get(nodes)) if (!nodes.has(id)) touched.set(id, changes);
    }
    if (same(controlNow(), agreed)) {
      // Put back already (by the server, or another browser): said all the same.
      if (controlByOthers && !watching) tellControl(true);
      return;
    }
    // A room with no facilitator yet has no one's control to keep: what comes is taken (a
    // server loading a room from its store sends it after saying it is in sync).
    if (!agreed.facilitator) return settle();
    if (!watching && (controlByOthers || (controlDeleted && !byLead))) {
      // Put back: what the facilitator last set stands.
      doc.transact(() => {
        for (const key of [...control.keys()]) if (key !== "stamp" && !(key in agreed)) control.delete(key);
        for (const [key, value] of Object.entries(agreed)) if (!same(control.get(key), value)) control.set(key, value);
      }, LOCAL);
      tellControl(true);
    } else settle();
  });
  /** Whether `item`, written by `client` past its count `before`, is an edit of someone's
   *  rather than a node written back (which sets its values whole, a text as a new one):
   *  typing in a text that was there, or a node new to the room. */
  const edited = (item, client, before) => {
    if (item.parent === nodes) return !base?.has(item.parentSub);
    const text = item.parent;
    return text instanceof Y.Text && !(text._item?.id.client === client && text._item.id.clock >= before);
  };
  /** Who wrote what in transaction `tr`: Yjs numbers each client's writes, so the writes of
   *  this transaction are those past each client's count before it. */
  const authors = (tr) => {
    let byLead = false;
    let byOthers = false;
    let controlByOthers = false;
    const written = new Set();
    const wrote = [];
    tr.afterState.forEach((clock, client) => {
      const before = tr.beforeState.get(client) ?? 0;
      if (clock <= before) return;
      const lead = leads.has(client);
      if (lead) byLead = true;
      else byOthers = true;
      const structs = doc.store.clients.get(client) ?? [];
      let i;
      try {
        i = Y.findIndexSS(structs, before);
      } catch {
        return;
      }
      for (; i < structs.length; i++) {
        const item = structs[i];
        if (!(item instanceof Y.Item)) continue;
        if (item.parent === control) {
          if (!lead) controlByOthers = true;
        } else {
          const id = item.parent === nodes ? item.parentSub : nodeOf(item.parent, nodes);
          if (id == null) continue;
          wrote.push([id, client, edited(item, client, before)]);
          if (!lead) written.add(id);
        }
      }
    });
    return { byLead, byOthers, written, wrote, controlByOthers };
  };
  doc.on("update", (_, origin) => {
    if (origin !== LOCAL && started) later();
  });
  // Presence is written by anyone in the room, watchers too: what is shown of it is cut to the
  // size the app gives it (a name of 60 characters), and so is the list.
  const cut = (value, most) => (typeof value === "string" ? value.slice(0, most) : null);
  awareness.on("change", () => {
    const list = [];
    for (const [client, state] of awareness.getStates()) {
      if (list.length >= MAX_PEOPLE) break;
      const user = state.user;
      if (user) list.push({ name: cut(user.name, 60) ?? "", color: cut(user.color, 32) ?? "", card: cut(user.card, 200), me: client === doc.clientID });
    }
    tell({ type: "people", json: JSON.stringify(list) });
  });
  // The changes of this browser's map written into the room, and its mendings: a read of the
  // room made before the latest of them is not the room's map as the page has it.
  let written = 0;
  // The room was just mended with this browser's map (`mend`).
  let mended = false;
  // The reads offered to the page, by number, until it takes one in (or a later one).
  const offered = new Map();
  let offers = 0;
  /** The room's map as it is now, offered to the page: what changed since the page last took
   *  it in, as a patch, or (`whole`, or when that is more than is read so) the whole map. */
  const offer = (whole) => {
    // Right after a mending, what it left without a place is its own doing, and the refusal
    // that led to it is what the page says.
    const quiet = mended;
    mended = false;
    const leftUntil = watching ? 0 : putBack(quiet);
    if (leftUntil > 0) {
      holdUntil = leftUntil;
      return offerWhenDue(whole);
    }
    if (!watching) sweep([...dirty.keys()].filter((id) => nodes.has(id) && !reaches(id)), quiet);
    if (!watching) takeOut(inDeletedLanes());
    let found = new Map();
    let gone = new Set();
    let json = null;
    let kind = "changes";
    // A text longer than any the app writes is refused without the room being read (megabytes
    // of it would be, to be refused): its nodes are named, and repaired alone. Not among more
    // changes than are read as such (a flood): the whole map is read, as it is then anyway.
    const named = dirty.size <= MOST_CHANGED ? [...dirty.keys()].filter((id) => overlong(nodes.get(id))) : [];
    if (named.length > 0) {
      kind = "whole";
      json = false;
    } else if (!whole && base && dirty.size <= MOST_CHANGED) {
      const patch = changedSince(doc, base, dirty, moved, changesChars, found, gone);
      if (patch !== false) json = JSON.stringify(patch);
    }
    if (json === null) {
      kind = "whole";
      found = new Map();
      gone = new Set();
      const map = read(doc, wholeChars, found, base, leads);
      json = map ? JSON.stringify(map) : map;
      // Not where the room holds another map beside this one (refused as such by the page).
      const stray = [...nodes.keys()].filter((id) => !found.has(id));
      if (map && !watching && !stray.some((id) => nodes.get(id)?.get?.("parent") === "")) sweep(stray, quiet);
    }
    const read_ = json ? { found, whole: kind === "whole", gone, upto: changes } : null;
    offers++;
    if (read_) offered.set(offers, read_);
    // Only the latest few are ever taken in: the page keeps only the latest.
    offered.delete(offers - KEPT_OFFERS);
    tell({ type: "map", offer: offers, kind, json, named: JSON.stringify(named), touched: touchedBy(read_), written });
  };
  /** Cards left in a lane someone deleted: one added to it elsewhere meanwhile (offline, or
   *  at the same moment), which the deletion did not know of. They go with the lane, as they
   *  would in one map, and say nothing: this is how two edits meet, not an attack (refused, the
   *  card would go with everything its writer added since). A lane is deleted where the room
   *  held it as a node and holds it no longer; a list naming a lane the room never held is
   *  refused as before. */
  const inDeletedLanes = () => {
    const laneOf = (y) => (y instanceof Y.Map && typeof y.get("list") === "string" && y.get("list").startsWith("cards.") ? y.get("list").slice(6) : null);
    const gone = new Set();
    for (const id of dirty.keys()) {
      for (const lane of [id, laneOf(nodes.get(id))]) {
        if (lane !== null && !nodes.has(lane) && nodes._map.get(lane)?.deleted) gone.add(lane);
      }
    }
    if (gone.size === 0) return [];
    return [...nodes.entries()].filter(([, y]) => gone.has(laneOf(y))).map(([id]) => id);
  };
  /** Takes `cards` out of the room as a change of the room's, which the page takes in (this
   *  browser's map may hold them). */
  const takeOut = (cards) => {
    if (cards.length === 0) return;
    doc.transact(() => cards.forEach((id) => nodes.delete(id)), LOCAL);
    for (const id of cards) {
      dirty.set(id, changes);
      moved.set(id, changes);
    }
  };
  /** Whether a path of parents leads from node `id` to a map, within the depth a map has. */
  const reaches = (id) => {
    for (let depth = 0, at = id; depth <= MAX_DEPTH + 1; depth++) {
      const y = nodes.get(at);
      if (!(y instanceof Y.Map)) return false;
      at = y.get("parent");
      if (at === "") return true;
    }
    return false;
  };
  /** Whether node `id`, which this browser and the room agreed on, was since written as the
   *  app never writes one: replaced by a value, its place or fields of the wrong type, or its
   *  parent one from which no path leads to the map while the one agreed on still does (else
   *  it was left under something deleted meanwhile, and goes as stray). */
  const misplaced = (id, mapDeleted, bare) => {
    const [y, was] = [nodes.get(id), base.get(id)];
    if (!was) return false;
    // Deleted: as a participant deletes a card, but for the map's own node, which the app never
    // deletes: what went with it is put back too (a client that is not the app deleting the
    // map, or every node at once, emptied every participant's map, and their stores); and for
    // a node deleted without anything under it (see `deletedBare`).
    if (y === undefined) return mapDeleted || bare.has(id);
    if (!(y instanceof Y.Map) || !(y.get("fields") instanceof Y.Map)) return true;
    if (typeof y.get("parent") !== "string" || typeof y.get("list") !== "string") return true;
    return !reaches(id) && (was.parent === "" || reaches(was.parent));
  };
  /** The nodes agreed on that were deleted while every node agreed to be under them is still
   *  there, under them: the app deletes a node with everything under it that its writer knew
   *  of (what someone added meanwhile is left, and goes as stray), so this was written by a
   *  client that is not the app, and would take every card of the node with it as stray (every
   *  phase deleted so emptied every participant's map). */
  const deletedBare = () => {
    const gone = new Set([...dirty.keys()].filter((id) => base.has(id) && !nodes.has(id)));
    if (gone.size === 0) return gone;
    const [under, kept] = [new Map(), new Map()];
    for (const [id, node] of base) {
      if (!gone.has(node.parent)) continue;
      under.set(node.parent, (under.get(node.parent) ?? 0) + 1);
      const y = nodes.get(id);
      if (y instanceof Y.Map && y.get("parent") === node.parent) kept.set(node.parent, (kept.get(node.parent) ?? 0) + 1);
    }
    return new Set([...gone].filter((id) => under.has(id) && kept.get(id) === under.get(id)));
  };
  /** Whether node `id`, agreed on, has an order number the app never writes: it counts as 0
   *  and moves the node first in its list, in every map, and from under the hands of whoever
   *  is typing in it. (Nodes of lists the app keeps unordered have none.) */
  const misordered = (id) => {
    const y = nodes.get(id);
    return base.has(id) && y instanceof Y.Map && y.has("order") && orderOf(y) === undefined;
  };
  /** Writes back, as this browser and the room last agreed on them, the nodes someone changed
   *  that were written so (see `misplaced`); says so unless `quiet`. Taken out as stray, or
   *  read as a card with no fields, they would be gone or emptied in every map. Only what was
   *  written wrong: the fields as agreed may be some keystrokes behind the room's. A node
   *  whose fields went (or that is a value now) is written back whole, so by its last writer
   *  only while they are in the room (see `due`): returns when the first left to them is due
   *  (0: none), the page's read of the room waiting until then. */
  const putBack = (quiet) => {
    if (!base) return 0;
    const mapDeleted = [...dirty.keys()].some((id) => base.get(id)?.parent === "" && !nodes.has(id));
    const bare = mapDeleted ? new Set() : deletedBare();
    const wrong = [...dirty.keys()].filter((id) => misplaced(id, mapDeleted, bare));
    const unordered = [...dirty.keys()].filter((id) => !wrong.includes(id) && misordered(id));
    const emptied = new Set(wrong.filter((id) => !(nodes.get(id) instanceof Y.Map) || !(nodes.get(id).get("fields") instanceof Y.Map)));
    const due = dueNow([...emptied]);
    const left = [...emptied].filter((id) => !due(id));
    const back = [...emptied].filter(due);
    const placed = wrong.filter((id) => !emptied.has(id));
    if (back.length + placed.length + unordered.length > 0) {
      // One transaction: the nodes written back whole, and their order numbers, reach the others
      // as one update (the nodes without their numbers sorted a list by id in every map until the
      // numbers came: the phases out of order, the card being typed in moved from under its
      // writer's hands).
      doc.transact(() => {
        write(doc, { nodes: back.map((id) => ({ id, ...base.get(id) })), lists: [] }, new Map(), { mend: true, stamp: iLead() });
        for (const id of placed) {
          const [y, was] = [nodes.get(id), base.get(id)];
          if (y.get("parent") !== was.parent) y.set("parent", was.parent);
          if (y.get("list") !== was.list) y.set("list", was.list);
        }
        // In their lists' order, so that each finds the one before it put back already.
        const again = [...back, ...placed, ...unordered].sort((a, b) => base.get(a).index - base.get(b).index);
        for (const id of again) if (base.get(id).list !== "" && orderOf(nodes.get(id)) === undefined) nodes.get(id).set("order", orderAgreed(nodes, base, id));
      }, LOCAL);
      if (!quiet) tell({ type: "putBack", count: back.length + placed.length + unordered.length, deleted: mapDeleted });
    }
    return dueAt(left);
  };
  /** Takes `stray` out of the room, and says so unless `quiet`: nodes in no place of the map (a node its own
   *  parent, under one that is not there, deeper than a map goes, no node at all), which no
   *  one's map holds: written by a client that is not the app, or left under something
   *  someone deleted meanwhile. */
  const sweep = (stray, quiet) => {
    if (stray.length === 0) return;
    doc.transact(() => {
      for (const id of stray) {
        nodes.delete(id);
        dirty.delete(id);
        moved.delete(id);
      }
    }, LOCAL);
    if (!quiet) tell({ type: "stray", count: stray.length });
  };
  /** What the nodes are (the lists they are in, as JSON) that someone other than the
   *  facilitator changed in the map `read_`: only those that differ from the map this browser
   *  and the room last agreed on (a mend writes what was there). */
  const touchedBy = (read_) => {
    // Before this browser took in a map of the room, what the room holds is no one's change.
    if (touched.size === 0 || !read_ || !base) return "[]";
    const now = (id) => read_.found.get(id) ?? (read_.whole || read_.gone.has(id) ? undefined : base.get(id));
    const lists = [];
    for (const id of touched.keys()) {
      const [is, was] = [now(id), base.get(id)];
      if (differs(is, was)) lists.push((is ?? was).list);
    }
    return JSON.stringify(lists);
  };
  /** The nodes of `json` (a patch of a whole map) written over the room's; with `cut`, what
   *  the most suspect writer added that the patch does not hold is taken out first. */
  const mend = (json, cut) => {
    mended = true;
    const patch = JSON.parse(json);
    base = new Map();
    if (watching) base = nodesOf(patch);
    else {
      const drop = culprits(patch, accused) ?? (cut ? suspect(patch) : []);
      write(doc, patch, base, { mend: true, drop, stamp: iLead() });
    }
  };
  // The nodes last named as refused on their own (see `culprits`), until the page takes in
  // the room's map again: the reads after a mending are whole, and name none.
  let accused = [];
  // A node written over is written back whole at once only by the browser of the app that
  // wrote it last (`lastBy`): the one typing in it, or whose new card it is, has its latest
  // text; the others may have a text some keystrokes behind (their reads of the room refused
  // meanwhile), which, written back after it, would take those keystrokes away. While that
  // writer is in the room, the others leave the node to them, and write it back only if it has
  // been wrong for `WAIT_WRITER_MS` from when it was first named (`namedSince`, begun again
  // whenever its writer writes it); where the writer has gone, or wrote before this browser
  // joined (so that its copy is as new as the room's was), at once.
  // `holdUntil`: the page's next read waits for the first node due to be written back.
  const WAIT_WRITER_MS = 5000;
  const namedSince = new Map();
  /** Whether each of nodes `ids`, named as written wrong now, is due to be written back by
   *  this browser. */
  const dueNow = (ids) => {
    const now = Date.now();
    for (const id of ids) if (!namedSince.has(id)) namedSince.set(id, now);
    const people = present();
    return (id) => lastBy.get(id) === doc.clientID || !people.has(lastBy.get(id)) || now - namedSince.get(id) >= WAIT_WRITER_MS;
  };
  /** When the first of nodes `left` to their writers is due to be written back here (0: none). */
  const dueAt = (left) => (left.length === 0 ? 0 : Math.min(...left.map((id) => namedSince.get(id) + WAIT_WRITER_MS)));
  let holdUntil = 0;
  let held = null;
  let heldWhole = false;
  // Reads the room for the page (`offer`) now, or once the hold is over: read meanwhile, the
  // room would be refused for the node left to its writer again and again, and the page would
  // give up on repairs and mend the whole map, setting back what others wrote meanwhile.
  const offerWhenDue = (whole) => {
    heldWhole ||= whole;
    const wait = holdUntil - Date.now();
    if (wait <= 0 && held === null) {
      const wholeNow = heldWhole;
      heldWhole = false;
      return offer(wholeNow);
    }
    held ??= setTimeout(() => {
      held = null;
      offerWhenDue(false);
    }, Math.max(wait, 0));
  };
  /** What to take out of the room for nodes `named` (refused on their own: no browser of the
   *  app writes them), `patch` being this browser's whole map; null where none is named. A
   *  named node this browser has was written over: the mending writes it back as it was, and
   *  takes out nothing else (what only the room has may be a participant's new card). A named
   *  node new here goes; where its maker alone wrote it, with everything its maker added. So
   *  flooders, however many and whatever they say of themselves in presence, go in one
   *  mending. Where someone else wrote into it (a participant's new card written over), it
   *  goes alone: the writer of its wrong value is not known here (another browser's mending
   *  may have written into it too), and nobody's other cards are taken for theirs. */
  const culprits = (patch, named) => {
    if (named.length === 0) return null;
    const mine = new Set(patch.nodes.map(({ id }) => id));
    const made = named.filter((id) => !mine.has(id) && nodes._map.get(id) && !nodes._map.get(id).deleted);
    const writers = new Set();
    for (const id of made) {
      const maker = nodes._map.get(id).id.client;
      const node = nodes.get(id);
      const items = node instanceof Y.Map ? [...node._map.values(), ...(node.get("fields") instanceof Y.Map ? node.get("fields")._map.values() : [])] : [];
      if (items.every((item) => item.deleted || item.id.client === maker)) writers.add(maker);
    }
    const theirs = [...nodes._map].filter(([id, item]) => !item.deleted && !mine.has(id) && writers.has(item.id.client)).map(([id]) => id);
    return [...new Set([...made, ...theirs])];
  };
  /** The nodes that the room holds and `patch` (this browser's whole map) does not, written
   *  by the most suspect writer of them (Yjs keeps who made each): one that is not in the
   *  room as the app (named in its presence) before one who is, then the one whose nodes
   *  hold the most. So a flood is taken out and a participant's card made meanwhile stays;
   *  mended again, the next writer's go, until the room holds only this browser's map. A
   *  participant's nodes are spared once: a refusal may be of a read made before the flood's
   *  nodes went, or too slow on a machine busy taking them out. */
  const suspect = (patch) => {
    const mine = new Set(patch.nodes.map(({ id }) => id));
    const present = new Set([...awareness.getStates()].filter(([, state]) => state.user).map(([client]) => client));
    const writers = new Map();
    for (const [id, item] of nodes._map) {
      if (item.deleted || mine.has(id)) continue;
      const client = item.id.client;
      if (!writers.has(client)) writers.set(client, { ids: [], size: 0, present: present.has(client) });
      const writer = writers.get(client);
      writer.ids.push(id);
      const fields = item.content.getContent()[0]?.get?.("fields");
      writer.size += 1 + (fields instanceof Y.Map ? [...fields.values()].reduce((sum, value) => sum + plain(value)[1], 0) : 0);
    }
    const [first] = [...writers.values()].sort((a, b) => a.present - b.present || b.size - a.size);
    if (first?.present && spared++ < 1) return [];
    return first?.ids ?? [];
  };
  // Cuts since the page last took in the room's map that found only participants' nodes.
  let spared = 0;
  const forget = (upto, ticks) => {
    for (const [id, at] of ticks) if (at <= upto) ticks.delete(id);
  };
  return {
    /** What changed in this browser's map (a patch, as JSON) goes to the room; where it names
     *  a node that neither it nor the map the room and this browser agreed on has, or comes
     *  before this browser has that map, the page is asked for its whole map. */
    change({ json }) {
      written++;
      if (watching) return;
      if (!started || !base) return askWhole();
      const patch = JSON.parse(json);
      // An edit as the others know one (see `edited`): a new node, or typing.
      for (const { id, fields } of patch.nodes) {
        const was = base.get(id);
        if (!was || layout.texts.some((key) => typeof fields[key] === "string" && fields[key] !== was.fields[key])) lastBy.set(id, doc.clientID);
      }
      if (!write(doc, patch, base, { stamp: iLead() })) askWhole();
    },
    /** Offers the room's map again: what changed, or `whole`; after a repair that left nodes
     *  to their writers, once the first of them is due. */
    read({ whole }) {
      offerWhenDue(whole);
    },
    /** The page took in the room's map as offered (`offer`). */
    accept({ offer: number }) {
      const read_ = offered.get(number);
      if (!read_) return;
      spared = 0;
      accused = [];
      namedSince.clear();
      holdUntil = 0;
      if (read_.whole) base = read_.found;
      else {
        under(base, read_.gone);
        for (const id of read_.gone) base.delete(id);
        for (const [id, node] of read_.found) base.set(id, node);
      }
      for (const ticks of [touched, dirty, moved]) forget(read_.upto, ticks);
      for (const n of offered.keys()) if (n <= number) offered.delete(n);
      if (wantsWhole) {
        wantsWhole = false;
        askWhole();
      }
    },
    /** Names the nodes (ids, as JSON) of the refused read that were refused on their own. */
    culprits({ json }) {
      const named = JSON.parse(json);
      if (named.length > 0) accused = named;
    },
    /** Writes this browser's map (a patch of every node, as JSON) over the room's, after
     *  refusing what came: what it has wins, what only the room has stays (but what the
     *  writers of the nodes named by `culprits` added). */
    restore({ json }) {
      written++;
      mend(json, false);
    },
    /** Writes back the nodes last named by `culprits` that this browser's map (`json`, a
     *  patch of every node) has, as it has them (those it did not write last only once they
     *  have waited: see `lastBy`), and takes out the others with what their writers added (see
     *  `culprits`); nothing else, so that what someone changed meanwhile stands (a text being
     *  typed, which a whole mending would set back). */
    repair({ json }) {
      written++;
      if (watching || !base) return;
      mended = true;
      const patch = JSON.parse(json);
      // One this browser's map does not have is taken out at once only where no participant
      // wrote it (a flood's): one who did is in the room to write their new card back.
      const due = dueNow(accused);
      holdUntil = dueAt(accused.filter((id) => !due(id)));
      const ready = accused.filter(due);
      const drop = culprits(patch, ready) ?? [];
      const have = new Map(patch.nodes.map((node) => [node.id, node]));
      const back = new Map();
      write(doc, { nodes: ready.filter((id) => have.has(id)).map((id) => have.get(id)), lists: [] }, back, { mend: true, drop, stamp: iLead() });
      for (const id of drop) base.delete(id);
      // Where each is in its list is not written (what else is in it may have changed).
      for (const [id, node] of back) base.set(id, { ...node, index: base.get(id)?.index ?? node.index });
    },
    /** As `restore`, after taking out what the most suspect writer added (see `suspect`):
     *  when what only the room has is itself what was refused (a hundred thousand cards). */
    cut({ json }) {
      written++;
      mend(json, true);
    },
    /** Sets how the session is run (JSON: `locked`, `follow`, `timer`, `ended`); only the
     *  facilitator's browser does. */
    control({ json }) {
      if (!iLead() || watching) return;
      const set = JSON.parse(json);
      doc.transact(() => {
        // Set, never deleted (a key without a value is null): Yjs does not say who deleted
        // something, and the others would put a deletion back as not the facilitator's.
        for (const [key, value] of Object.entries(set)) if (key !== "facilitator") control.set(key, value);
      }, LOCAL);
      settle();
    },
    /** Closes the room for good: the server deletes it and lets no one in again (the one
     *  who started it only: the server checks the owner key). */
    close() {
      provider.sendStateless(JSON.stringify({ owner: asked.owner, close: true }));
    },
    /** Gives the room new keys (JSON: `key`, `view`): the server closes every connection, and
     *  only those with a new link come back (this browser among them). */
    renew({ json }) {
      const fresh = JSON.parse(json);
      provider.sendStateless(JSON.stringify({ owner: asked.owner, key: fresh.key, view: fresh.view }));
      asked = { ...asked, key: fresh.key, view: fresh.view };
    },
    /** Which card this person has open (an id, or null). */
    focus({ card }) {
      awareness.setLocalStateField("user", { name, color, card });
    },
    /** The page is going away: the others no longer see this person. */
    pagehide() {
      awareness.setLocalState(null);
    },
    leave() {
      awareness.setLocalState(null);
      provider.destroy();
      doc.destroy();
      release?.();
      self.close();
    },
    client: () => doc.clientID,
  };
}

// The page's messages, in the order sent: `join` first, then the session's (see js/live.js).
let session = null;
const queue = [];
onmessage = async ({ data }) => {
  if (data.type === "join") {
    session = await join(data);
    tell({ type: "joined", client: session.client() });
    for (const message of queue.splice(0)) session[message.type]?.(message);
  } else if (session) session[data.type]?.(data);
  else queue.push(data);
};
