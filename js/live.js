// A live session: one map shared through a Yjs document in a y-websocket room.
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
import { WebsocketProvider } from "y-websocket";
import qrcode from "qrcode-generator";

/** The lists of objects with ids, by the key their parent holds them under. A voting round's
 *  ballots are nodes of their own, so that people voting at once each write only theirs; so is
 *  each comment. */
const LISTS = ["phases", "touchpoints", "kpis", "personas", "lanes", "rounds", "ballots", "comments"];
/** Objects whose every value is a list of objects with ids: a phase's lane cards by lane. */
const LIST_GROUPS = ["cards"];
const LOCAL = "local";
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
function write(doc, map, base, only = false) {
  const nodes = doc.getMap("nodes");
  const wanted = nodesOf(map);
  const was = base ? nodesOf(base) : new Map();
  const lists = new Set();
  const listOf = (node) => `${node.parent}\u0000${node.list}`;
  doc.transact(() => {
    if (base) for (const id of was.keys()) if (!wanted.has(id)) nodes.delete(id);
    if (only) for (const id of [...nodes.keys()]) if (!wanted.has(id)) nodes.delete(id);
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
      if (!old || old.parent !== node.parent) y.set("parent", node.parent);
      if (!old || old.list !== node.list) y.set("list", node.list);
      const fields = y.get("fields");
      for (const key of old ? Object.keys(old.fields) : [...fields.keys()]) if (!(key in node.fields)) fields.delete(key);
      for (const [key, value] of Object.entries(node.fields)) {
        const current = fields.get(key);
        const before = old?.fields[key];
        if (old && same(before, value)) continue;
        if (isText(key, value) && current instanceof Y.Text && base) {
          const { start, removed, inserted } = typeof before === "string" ? splice(before, value) : splice(current.toString(), value);
          const at = Math.min(start, current.length);
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

/**
 * Joins room `room` on the y-websocket server at `server`. With `map` (its JSON), the room is
 * started with it; without, the map comes from the room. `onMap()` says that someone else
 * changed the map (read it with `read`); `onPeople(json)` who is there; `onStatus(status)`
 * "connecting", "connected" or "disconnected".
 */
export function join({ server, room, map, name, color, onMap, onPeople, onStatus }) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server, room, doc, { maxBackoffTime: 1000 });
  const awareness = provider.awareness;
  awareness.setLocalStateField("user", { name, color, card: null });
  // The map as this browser and the room last agreed on it.
  let base = null;
  let started = false;
  provider.on("status", ({ status }) => onStatus(status));
  provider.on("sync", (synced) => {
    if (!synced || started) return;
    started = true;
    // The one starting the room writes the map once the room's state (if any) is in.
    if (map && doc.getMap("nodes").size === 0) {
      base = JSON.parse(map);
      write(doc, base, null);
    } else tell();
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
  doc.on("update", (_, origin) => {
    if (origin !== LOCAL && started) tell();
  });
  const people = () => {
    const list = [];
    for (const [client, state] of awareness.getStates()) {
      if (state.user) list.push({ ...state.user, me: client === doc.clientID });
    }
    onPeople(JSON.stringify(list));
  };
  awareness.on("change", people);
  return {
    /** This browser's map, changed: what changed goes to the room. */
    update(json) {
      if (!started || !base) return;
      const next = JSON.parse(json);
      write(doc, next, base);
      base = next;
    },
    /** The room's map, as JSON; null before it has one; false when its texts hold more than
     *  `maxChars` characters. */
    read(maxChars) {
      const json = read(doc, maxChars);
      return json ? JSON.stringify(json) : json;
    },
    /** This browser took in the room's map `json`. */
    accept(json) {
      base = JSON.parse(json);
    },
    /** Writes this browser's map over the room's (after refusing what came): what it has
     *  wins, what only the room has stays. */
    restore(json) {
      base = JSON.parse(json);
      write(doc, base, null);
    },
    /** Writes this browser's map as the room's whole map: the mending of last resort, when
     *  what only the room has is itself what was refused (a hundred thousand cards). */
    replace(json) {
      base = JSON.parse(json);
      write(doc, base, null, true);
    },
    /** Which card this person has open (an id, or null). */
    focus(card) {
      awareness.setLocalStateField("user", { name, color, card });
    },
    leave() {
      awareness.setLocalState(null);
      provider.destroy();
      doc.destroy();
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
