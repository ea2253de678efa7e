// A live session: one map shared through a Yjs document in a room of the project's Hocuspocus
// server (scripts/sync-server.mjs).
//
// Loaded only when a live session starts (scripts/live-bundle.mjs bundles it with Yjs into
// the build's live/live.js): someone who never joins one never downloads it.
//
// The map travels as its exchange-format JSON (the Rust side writes and reads it, with the
// same checks and limits as an import). In the document every object with an id (the map,
// phases, touchpoints, KPIs, lane cards, personas, lanes, voting rounds and their ballots,
// comments) is a node of one flat Y.Map, with its parent, the list it is in and an order number:
// a move changes those three, so a card moved by one person and edited by another keeps both;
// two people commenting at once each add a node of their own. Its typed texts are Y.Text, so two
// people typing in one field merge; every other value (numbers, colours, dates,
// measurements, emotions) is set whole, the last writer winning.
import * as Y from "yjs";
import { HocuspocusProvider } from "@hocuspocus/provider";
import qrcode from "qrcode-generator";

/** The lists of objects with ids, by the key their parent holds them under. A voting round's
 *  ballots are nodes of their own, so that people voting at once each write only theirs; so is
 *  each comment. */
const LISTS = ["phases", "touchpoints", "kpis", "personas", "lanes", "rounds", "ballots", "comments"];
/** Objects whose every value is a list of objects with ids: a phase's lane cards by lane. */
const LIST_GROUPS = ["cards"];
const LOCAL = "local";
/** The most people the app lists in a room. */
const MAX_PEOPLE = 500;
/** The texts people type, which merge when two type in one at once; every other string
 *  (colours, dates, kinds, ids) is set whole, as merging two would make neither. */
const TEXTS = ["title", "description", "name", "goal", "text", "quote", "goals", "frustrations", "channel", "owner", "unit", "trigger"];
const isText = (key, value) => typeof value === "string" && TEXTS.includes(key);

/** Every node of `map` (the parsed JSON): id → { parent, list, index, fields }. */
function nodesOf(map) {
  const nodes = new Map();
  const visit = (object, parent, list, index) => {
    const fields = {};
    for (const [key, value] of Object.entries(object)) {
      if (key === "id") continue;
      if (LISTS.includes(key) && Array.isArray(value)) {
        fields[key] = { list: true };
        value.forEach((child, i) => visit(child, object.id, key, i));
      } else if (LIST_GROUPS.includes(key) && value && typeof value === "object") {
        fields[key] = { group: true };
        for (const [name, items] of Object.entries(value)) {
          items.forEach((child, i) => visit(child, object.id, `${key}.${name}`, i));
        }
      } else {
        fields[key] = value;
      }
    }
    nodes.set(object.id, { parent, list, index, fields });
  };
  visit(map, "", "", 0);
  return nodes;
}

/** Where `from` and `to` differ: one replacement of what lies between their common ends. */
function splice(from, to) {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (end < from.length - start && end < to.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  return { start, removed: from.length - start - end, inserted: to.slice(start, to.length - end) };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes into the document what changed in this browser's map from `base` (the map as it was
 * when this browser and the room last agreed) to `map`: only that, so that whatever others
 * changed meanwhile stands. A text's change is replayed on the text as it is now in the room,
 * which merges two people typing in one field. Without `base`, the whole map is written over
 * the room's, except that what only the room has (someone else's new cards) is kept — unless
 * `only`: then the room holds this map and nothing else.
 */
function write(doc, map, base, only = false, stamp = false) {
  const nodes = doc.getMap("nodes");
  // Yjs does not say who deleted something: the facilitator's deletions come with a write of
  // theirs, so that the others know them for the facilitator's (see `authors`).
  let deleted = false;
  const wanted = nodesOf(map);
  const was = base ? nodesOf(base) : new Map();
  const lists = new Set();
  const listOf = (node) => `${node.parent}\u0000${node.list}`;
  doc.transact(() => {
    const drop = (id) => {
      nodes.delete(id);
      deleted = true;
    };
    if (base) for (const id of was.keys()) if (!wanted.has(id) && nodes.has(id)) drop(id);
    if (only) for (const id of [...nodes.keys()]) if (!wanted.has(id)) drop(id);
    for (const [id, node] of wanted) {
      let y = nodes.get(id);
      const old = y instanceof Y.Map ? was.get(id) : undefined;
      if (!(y instanceof Y.Map)) {
        y = new Y.Map();
        y.set("fields", new Y.Map());
        nodes.set(id, y);
      }
      if (!old || old.parent !== node.parent || old.list !== node.list || old.index !== node.index) {
        lists.add(listOf(node));
        if (old) lists.add(listOf(old));
      }
      // What the room has already is not written again (a mend writes the whole map): a write
      // says who wrote it, and the others judge what this browser changed by it.
      if ((!old || old.parent !== node.parent) && y.get("parent") !== node.parent) y.set("parent", node.parent);
      if ((!old || old.list !== node.list) && y.get("list") !== node.list) y.set("list", node.list);
      const fields = y.get("fields");
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
        if (isText(key, value) && current instanceof Y.Text && base) {
          const { start, removed, inserted } = typeof before === "string" ? splice(before, value) : splice(current.toString(), value);
          const at = Math.min(start, current.length);
          if (removed > 0) deleted = true;
          current.delete(at, Math.min(removed, current.length - at));
          current.insert(at, inserted);
        } else if (isText(key, value)) {
          // Mending (no base), a text is set whole, not spliced: every participant may mend at
          // once, and two splices of the same insertion would write it twice.
          if (!(current instanceof Y.Text) || current.toString() !== value) fields.set(key, new Y.Text(value));
        } else {
          fields.set(key, value);
        }
      }
    }
    order(nodes, wanted, lists);
    if (deleted && stamp) {
      const control = doc.getMap("control");
      control.set("stamp", (control.get("stamp") ?? 0) + 1);
    }
  }, LOCAL);
}

/** Gives the nodes of the lists `changed` order numbers that sort them as `wanted` has them,
 *  keeping those already in order (so that someone else's move elsewhere in the list stands). */
function order(nodes, wanted, changed) {
  const lists = new Map();
  for (const [id, node] of wanted) {
    const key = `${node.parent}\u0000${node.list}`;
    if (!changed.has(key)) continue;
    if (!lists.has(key)) lists.set(key, []);
    lists.get(key)[node.index] = id;
  }
  for (const ids of lists.values()) {
    const at = ids.map((id) => nodes.get(id).get("order"));
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

/** Reads the map's JSON back out of the document; `false` once its texts pass `maxChars`, so
 *  that a room holding a text of gigabytes is not copied out of it whole to be refused. */
function read(doc, maxChars = Infinity) {
  const nodes = doc.getMap("nodes");
  const children = new Map();
  // Each parent's lists by name, so that a group's lists are found without a pass over all.
  const listsOf = new Map();
  let root = null;
  for (const [id, y] of nodes) {
    if (!(y instanceof Y.Map)) continue;
    const parent = y.get("parent");
    if (parent === "") root = id;
    const key = `${parent}\u0000${y.get("list")}`;
    if (!children.has(key)) {
      children.set(key, []);
      if (!listsOf.has(parent)) listsOf.set(parent, []);
      listsOf.get(parent).push(String(y.get("list")));
    }
    children.get(key).push([id, y]);
  }
  if (root === null) return null;
  // A map is a few levels deep (map, phase, card); a client that is not the app may chain
  // nodes as deep as it likes, which would overflow the stack here. Deeper nodes are left out,
  // and the app's reader refuses what is left.
  const MAX_DEPTH = 8;
  const build = (id, y, depth = 0) => {
    const object = { id };
    const fields = y.get("fields");
    if (!(fields instanceof Y.Map) || depth > MAX_DEPTH) return object;
    for (const [key, value] of fields) {
      if (value instanceof Y.Text) {
        chars += value.length;
        if (chars > maxChars) throw TOO_LARGE;
        object[key] = value.toString();
      } else if (typeof value === "string" && (chars += value.length) > maxChars) throw TOO_LARGE;
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
  const listOf = (parent, list, depth) =>
    (children.get(`${parent}\u0000${list}`) ?? [])
      .sort(([a, x], [b, y]) => (x.get("order") ?? 0) - (y.get("order") ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, y]) => build(id, y, depth));
  let chars = 0;
  try {
    return build(root, nodes.get(root));
  } catch (e) {
    if (e === TOO_LARGE) return false;
    throw e;
  }
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

/** Fields every edit sets, whatever it changed: a vote or a comment dates the map too. */
const STAMPS = ["updated_at"];

/** Whether two nodes (as `nodesOf` gives them) differ in what their own fields, place or order
 *  hold: a list's or group's mark is the children's, not the node's, and a stamp is any edit's. */
function differs(a, b) {
  if (!a || !b) return a !== b;
  if (a.parent !== b.parent || a.list !== b.list || a.index !== b.index) return true;
  const own = (node) =>
    Object.fromEntries(
      Object.entries(node.fields).filter(([k, v]) => !STAMPS.includes(k) && !(v && (v.list === true || v.group === true))),
    );
  return !same(own(a), own(b));
}

/**
 * Joins room `room` on the server at `server` (several addresses, separated by spaces, are
 * tried in turn: processes sharing the room through Redis) with `keys` (JSON: `key`, the edit
 * or view key of the link; the one who starts the room also brings `view` and `owner`, with
 * which the server makes it). With `map` (its JSON), the room is started with it and this
 * browser facilitates; without, the map comes from the room. With `client`, this browser's
 * client id in the room before a reload (the facilitator's). Resolves to the session's handle.
 * `onMap()` says that someone else changed the map (read it with `read`); `onPeople(json)` who
 * is there; `onStatus(status)` "connecting", "connected", "disconnected", "watching" (the
 * server made this a view-only connection) or "refused:" and the server's reason ("closed",
 * "wrong-key", "no-room", "no-key", "too-many-rooms", "too-large"); `onControl(json)` how the
 * facilitator runs the session (with `me`: this browser facilitates, and `refused`: someone
 * else changed it, and it was put back).
 */
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

export async function join({ server, room, keys, map, name, color, client, ...callbacks }) {
  // Once left, nothing more is told: the app has let go of what it was told through (a timer
  // or a closing socket may still fire).
  let left = false;
  const told = (f) => (...args) => left || f?.(...args);
  const [onMap, onPeople, onStatus, onControl] = ["onMap", "onPeople", "onStatus", "onControl"].map((k) => told(callbacks[k]));
  const doc = new Y.Doc();
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
  let asked = JSON.parse(keys);
  const servers = String(server).split(/\s+/).filter(Boolean);
  let at = 0;
  // Set before the first server answers: a view-only connection writes nothing.
  let watching = false;
  const provider = new HocuspocusProvider({
    url: servers[0],
    name: room,
    document: doc,
    token: () => JSON.stringify(asked),
    delay: 250,
    minDelay: 250,
    maxDelay: 1000,
    onAuthenticated: ({ scope }) => {
      watching = scope === "readonly";
    },
    onAuthenticationFailed: ({ reason }) => onStatus(`refused:${reason}`),
  });
  // The server let go of this room's connection for an update larger than it takes: said, as
  // a refusal to let this browser in (the app keeps its own copy).
  provider.on("close", ({ event }) => event?.reason === "too-large" && onStatus("refused:too-large"));
  // A lost server's participants go on with the next one, which has the room through Redis.
  provider.configuration.websocketProvider.on("close", () => {
    at = (at + 1) % servers.length;
    provider.configuration.websocketProvider.configuration.url = servers[at];
  });
  const awareness = provider.awareness;
  awareness.setLocalStateField("user", { name, color, card: null });
  // The map as this browser and the room last agreed on it.
  let base = null;
  let started = false;
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
    onControl(JSON.stringify({ ...rest, facilitator: facilitator?.name ?? "", me: iLead(), refused }));
  };
  const settle = () => {
    agreed = controlNow();
    leads = new Set(Array.isArray(agreed.facilitator?.clients) ? agreed.facilitator.clients : []);
    tellControl(false);
  };
  provider.on("status", ({ status }) => status !== "connected" && onStatus(status));
  provider.on("synced", ({ state }) => {
    if (!state) return;
    onStatus(watching ? "watching" : "connected");
    if (started) return;
    started = true;
    // The one starting the room writes the map once the room's state (if any) is in.
    if (map && nodes.size === 0) {
      base = JSON.parse(map);
      doc.transact(() => control.set("facilitator", { name, clients: [doc.clientID] }), LOCAL);
      write(doc, base, null);
      settle();
    } else {
      settle();
      tell();
    }
  });
  let pending = false;
  const tell = () => {
    if (pending) return;
    pending = true;
    // Many updates at once (a reconnection's catching up) are told once.
    setTimeout(() => {
      pending = false;
      onMap();
    }, 0);
  };
  // The nodes someone other than the facilitator wrote since the room's map was last taken
  // in, each with the number of the change that wrote it last.
  const touched = new Map();
  let changes = 0;
  let read_upto = 0;
  doc.on("afterTransaction", (tr) => {
    if (tr.origin === LOCAL || !started) return;
    const { byLead, byOthers, written, controlByOthers } = authors(tr);
    changes++;
    for (const id of written) touched.set(id, changes);
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
    if (same(controlNow(), agreed)) return;
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
  /** Who wrote what in transaction `tr`: Yjs numbers each client's writes, so the writes of
   *  this transaction are those past each client's count before it. */
  const authors = (tr) => {
    let byLead = false;
    let byOthers = false;
    let controlByOthers = false;
    const written = new Set();
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
        } else if (!lead) {
          const id = item.parent === nodes ? item.parentSub : nodeOf(item.parent, nodes);
          if (id != null) written.add(id);
        }
      }
    });
    return { byLead, byOthers, written, controlByOthers };
  };
  doc.on("update", (_, origin) => {
    if (origin !== LOCAL && started) tell();
  });
  // Presence is written by anyone in the room, watchers too: what is shown of it is cut to the
  // size the app gives it (a name of 60 characters), and so is the list.
  const cut = (value, most) => (typeof value === "string" ? value.slice(0, most) : null);
  const people = () => {
    const list = [];
    for (const [client, state] of awareness.getStates()) {
      if (list.length >= MAX_PEOPLE) break;
      const user = state.user;
      if (user) list.push({ name: cut(user.name, 60) ?? "", color: cut(user.color, 32) ?? "", card: cut(user.card, 200), me: client === doc.clientID });
    }
    onPeople(JSON.stringify(list));
  };
  awareness.on("change", people);
  let last = null;
  return {
    /** This browser's map, changed: what changed goes to the room. */
    update(json) {
      if (!started || !base || watching) return;
      const next = JSON.parse(json);
      write(doc, next, base, false, iLead());
      base = next;
    },
    /** The room's map, as JSON; null before it has one; false when its texts hold more than
     *  `maxChars` characters. */
    read(maxChars) {
      last = read(doc, maxChars);
      return last ? JSON.stringify(last) : last;
    },
    /** What the nodes are (the lists they are in, as JSON) that someone other than the
     *  facilitator changed in the map `read` last gave: only those that differ from the map
     *  this browser and the room last agreed on (a mend writes what was there). */
    touched() {
      read_upto = changes;
      // Before this browser took in a map of the room, what the room holds is no one's change.
      if (touched.size === 0 || !last || !base) return "[]";
      const now = nodesOf(last);
      const was = base ? nodesOf(base) : new Map();
      const lists = [];
      for (const id of touched.keys()) {
        if (differs(now.get(id), was.get(id))) lists.push((now.get(id) ?? was.get(id)).list);
      }
      return JSON.stringify(lists);
    },
    /** This browser took in the room's map `json`. */
    accept(json) {
      base = JSON.parse(json);
      for (const [id, at] of touched) if (at <= read_upto) touched.delete(id);
    },
    /** Writes this browser's map over the room's (after refusing what came): what it has
     *  wins, what only the room has stays. */
    restore(json) {
      base = JSON.parse(json);
      if (!watching) write(doc, base, null, false, iLead());
    },
    /** Writes this browser's map as the room's whole map: the mending of last resort, when
     *  what only the room has is itself what was refused (a hundred thousand cards). */
    replace(json) {
      base = JSON.parse(json);
      if (!watching) write(doc, base, null, true, iLead());
    },
    /** Sets how the session is run (JSON: `locked`, `follow`, `timer`, `ended`); only the
     *  facilitator's browser does. */
    control(json) {
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
    renew(json) {
      const fresh = JSON.parse(json);
      provider.sendStateless(JSON.stringify({ owner: asked.owner, key: fresh.key, view: fresh.view }));
      asked = { ...asked, key: fresh.key, view: fresh.view };
    },
    /** Which card this person has open (an id, or null). */
    focus(card) {
      awareness.setLocalStateField("user", { name, color, card });
    },
    leave() {
      left = true;
      awareness.setLocalState(null);
      provider.destroy();
      doc.destroy();
      release?.();
    },
    /** This browser's client id in the room's document. */
    client() {
      return doc.clientID;
    },
  };
}

/** A QR code of `text` as an image's address (data: URL). */
export function qr(text) {
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  return code.createDataURL(8, 16);
}
