// The live sessions' server: Hocuspocus (npm), an existing Yjs server, with the rooms kept in
// one SQLite file (its Database extension, over better-sqlite3) and, when REDIS_PORT is set,
// its Redis extension spreading each room over every process that shares that Redis and file.
//
// Who may do what is decided here, not in the app (any client can connect): a room is made by
// the first connection that brings its three keys (edit, view, owner), of which only SHA-256
// hashes are kept; a connection's key must then match the edit or the view hash, and a view
// key makes it read only (Hocuspocus drops its updates). How the facilitator runs the session
// (the document's `control`) is the facilitator's to change: anyone else's change of it is put
// back at once. Each Yjs client id is its first writer's (`trespass`): no one writes under
// another's id, the facilitator's among them, or deletes what has not been written, and one
// connection writes under at most MAX_IDS ids. Every update taken in is logged in the file
// first (`sql.log`), so that a killed process loses none of it. The owner
// key closes the room (its document deleted, every socket closed, never to open again) or
// gives it new keys (every socket closed; those with the new keys come back). Rooms unused for
// ROOM_DAYS are removed; an update over MAX_UPDATE_BYTES, or nesting values (a text's
// formatting too) or Yjs types deeper than MAX_NESTING, closes its connection; an address may
// make at most ROOMS_PER_HOUR rooms an hour, over all the processes sharing the file.
//
// Settings: HOST (127.0.0.1), PORT (1234), SYNC_DATA (./sync-data/rooms.sqlite), ROOM_DAYS (30),
// MAX_UPDATE_BYTES (16 MiB), ROOMS_PER_HOUR (100), REDIS_HOST (127.0.0.1), REDIS_PORT (unset: no
// Redis, one process).
import { Server } from "@hocuspocus/server";
import { Database as Stored } from "@hocuspocus/extension-database";
import { Redis } from "@hocuspocus/extension-redis";
import Database from "better-sqlite3";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

const env = process.env;
const number = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const HOST = env.HOST || "127.0.0.1";
const PORT = number("PORT", 1234);
const FILE = env.SYNC_DATA || "sync-data/rooms.sqlite";
const ROOM_DAYS = number("ROOM_DAYS", 30);
const MAX_UPDATE_BYTES = number("MAX_UPDATE_BYTES", 16 * 1024 * 1024);
const ROOMS_PER_HOUR = number("ROOMS_PER_HOUR", 100);
/** The deepest a value of the room's, or a Yjs type, may nest (none of the app's goes past a
 *  few levels): Yjs reads nested values and deletes nested types recursively, and an array or
 *  a chain of maps 3,000 deep — a few KB — overflows a browser's stack where this process's did
 *  not: no one joining could take the room in, and a chain deleted (a room mended) would stop
 *  every browser's Yjs half way. */
const MAX_NESTING = 32;
/** The most Yjs client ids one connection may write under. */
const MAX_IDS = 8;
const HOUR = 3600 * 1000;

mkdirSync(dirname(FILE), { recursive: true });
const db = new Database(FILE);
// Several processes share the file: readers do not wait for a writer, writers wait their turn.
db.pragma("busy_timeout = 5000");
db.pragma("journal_mode = WAL");
// Each update's writers are written down before it is taken in (`trespass`): kept through a
// killed process without waiting for the disk at every keystroke.
db.pragma("synchronous = NORMAL");
db.exec(`CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB);
  CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, edit TEXT, view TEXT, owner TEXT,
    generation INTEGER NOT NULL, closed INTEGER NOT NULL, active INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS made (address TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS log (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,
    process TEXT NOT NULL, data BLOB NOT NULL);
  CREATE INDEX IF NOT EXISTS log_by_room ON log (name, seq);
  CREATE TABLE IF NOT EXISTS writers (name TEXT NOT NULL, client INTEGER NOT NULL, writer TEXT NOT NULL,
    clock INTEGER NOT NULL, PRIMARY KEY (name, client));`);
const sql = {
  room: db.prepare("SELECT * FROM rooms WHERE name = ?"),
  make: db.prepare("INSERT INTO rooms VALUES (?, ?, ?, ?, 0, 0, ?)"),
  keys: db.prepare("UPDATE rooms SET edit = ?, view = ?, generation = generation + 1 WHERE name = ?"),
  // A closed room is kept without its keys, so that its name, known to whoever had a link,
  // cannot be taken to make a room anew: closed by its owner (1) or removed unused (2).
  close: db.prepare("UPDATE rooms SET edit = NULL, view = NULL, owner = NULL, closed = ?, generation = generation + 1 WHERE name = ?"),
  // Rooms made per address, shared by every process on the file.
  made: db.prepare("SELECT count(*) AS n FROM made WHERE address = ? AND at > ?"),
  make_by: db.prepare("INSERT INTO made VALUES (?, ?)"),
  forget_made: db.prepare("DELETE FROM made WHERE at <= ?"),
  active: db.prepare("UPDATE rooms SET active = ? WHERE name = ?"),
  unused: db.prepare("SELECT name FROM rooms WHERE closed = 0 AND active < ?"),
  fetch: db.prepare("SELECT data FROM documents WHERE name = ?"),
  store: db.prepare("INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data"),
  forget: db.prepare("DELETE FROM documents WHERE name = ?"),
  // Every update taken in, until the room is stored with it (see `logged`).
  log: db.prepare("INSERT INTO log (name, process, data) VALUES (?, ?, ?)"),
  logged: db.prepare("SELECT seq, data FROM log WHERE name = ? ORDER BY seq"),
  unlog: db.prepare("DELETE FROM log WHERE name = ? AND ((process = ? AND seq <= ?) OR seq <= ?)"),
  forget_log: db.prepare("DELETE FROM log WHERE name = ?"),
  // Whose each Yjs client id of a room is (see `trespass`), and how far it has been written.
  writer: db.prepare("SELECT writer, clock FROM writers WHERE name = ? AND client = ?"),
  wrote: db.prepare("INSERT INTO writers VALUES (?, ?, ?, ?) ON CONFLICT(name, client) DO UPDATE SET clock = max(clock, excluded.clock)"),
  forget_writers: db.prepare("DELETE FROM writers WHERE name = ?"),
};

const hash = (key) => createHash("sha256").update(String(key)).digest("hex");
const same = (key, hashed) => typeof key === "string" && typeof hashed === "string" && timingSafeEqual(Buffer.from(hash(key)), Buffer.from(hashed));
/** A key as the app makes them: 128 random bits or more, base64url. */
const wellMade = (key) => typeof key === "string" && /^[A-Za-z0-9_-]{22,86}$/.test(key);
const refuse = (reason) => Object.assign(new Error(reason), { reason });

const CLOSED = 1;
const REMOVED = 2;

function close(name, how) {
  db.transaction(() => {
    sql.close.run(how, name);
    sql.forget.run(name);
    sql.forget_writers.run(name);
    sql.forget_log.run(name);
  })();
}

/** Whether `address` may make one more room this hour (counted in the shared file, so over
 *  every process), counting it if so. */
const mayMake = db.transaction((address) => {
  const now = Date.now();
  if (sql.made.get(address, now - HOUR).n >= ROOMS_PER_HOUR) return false;
  sql.make_by.run(address, now);
  return true;
});

/** This process, in the log (`sql.log`), and per room the last update it logged and the last
 *  it found logged when it loaded the room: the log is pruned up to those once the room is
 *  stored. What other processes sharing the room through Redis logged they prune themselves. */
const PROCESS = randomUUID();
const ownLog = new Map();
const replayed = new Map();

/** Each loaded room's key generation when this process loaded it: a change (new keys, closed)
 *  made through any process closes this one's connections to it. */
const loaded = new Map();

const extensions = [
  new Stored({
    // The room as last stored, with every update taken in since (by any process), which a
    // process killed before storing them would otherwise have lost.
    fetch: async ({ documentName }) => {
      const stored = sql.fetch.get(documentName)?.data;
      const since = sql.logged.all(documentName);
      replayed.set(documentName, since.at(-1)?.seq ?? 0);
      if (since.length === 0) return stored ?? null;
      const doc = new Y.Doc({ gc: false });
      for (const part of [stored, ...since.map(({ data }) => data)].filter(Boolean)) {
        try {
          Y.applyUpdate(doc, new Uint8Array(part));
        } catch {
          // Checked before it was logged; should Yjs still not take it, the rest is kept.
        }
      }
      return Y.encodeStateAsUpdate(doc);
    },
    store: async ({ documentName, state }) => {
      // What this process logged so far is in `state`, taken just before this is called (as
      // is what it found logged when it loaded the room).
      const upto = ownLog.get(documentName) ?? 0;
      if (sql.room.get(documentName)?.closed) return;
      db.transaction(() => {
        sql.store.run(documentName, state);
        sql.unlog.run(documentName, PROCESS, upto, replayed.get(documentName) ?? 0);
      })();
      sql.active.run(Date.now(), documentName);
    },
  }),
];
if (env.REDIS_PORT) extensions.push(new Redis({ host: env.REDIS_HOST || "127.0.0.1", port: Number(env.REDIS_PORT) }));

const server = new Server({
  address: HOST,
  port: PORT,
  quiet: true,
  extensions,
  // Yjs' garbage collection merges what a change deleted in a way that takes time growing with
  // the square of its size: a client deleting 100,000 cards (a hostile flood, or the app
  // mending the room after one) would stop this process, every room on it, for half a minute.
  // Without it, a deletion keeps what it deleted in the room's history (its bytes), and takes
  // a fraction of a second.
  yDocOptions: { gc: false },
  // An upgrade's address, taken from the socket (a header of that name sent by the client is
  // replaced): Hocuspocus' hooks see only the request's headers.
  async onUpgrade({ request }) {
    request.headers["x-journey-mapper-address"] = request.socket.remoteAddress ?? "";
  },
  async onAuthenticate({ documentName, token, requestHeaders, connectionConfig }) {
    let asked;
    try {
      asked = JSON.parse(token);
    } catch {
      throw refuse("no-key");
    }
    const room = sql.room.get(documentName);
    if (room?.closed) throw refuse(room.closed === REMOVED ? "removed" : "closed");
    if (!room) {
      if (!(wellMade(asked?.key) && wellMade(asked?.view) && wellMade(asked?.owner))) throw refuse("no-room");
      if (!/^[0-9a-f]{32}$/.test(documentName)) throw refuse("no-room");
      if (!mayMake(requestHeaders.get("x-journey-mapper-address"))) throw refuse("too-many-rooms");
      sql.make.run(documentName, hash(asked.key), hash(asked.view), hash(asked.owner), Date.now());
      return { writer: announce(documentName, asked, writerOf(asked, true)) };
    }
    if (same(asked?.key, room.edit)) return { writer: announce(documentName, asked, writerOf(asked, same(asked?.owner, room.owner))) };
    if (same(asked?.key, room.view)) {
      connectionConfig.readOnly = true;
      return { watching: true };
    }
    throw refuse("wrong-key");
  },
  async afterLoadDocument({ documentName, document }) {
    loaded.set(documentName, sql.room.get(documentName)?.generation);
    guard(document);
  },
  async afterUnloadDocument({ documentName }) {
    loaded.delete(documentName);
    ownLog.delete(documentName);
    replayed.delete(documentName);
  },
  async beforeHandleMessage({ update, document, documentName, context }) {
    if (update.byteLength > MAX_UPDATE_BYTES) throw refuse("too-large");
    // A watcher's updates are dropped by Hocuspocus, unread.
    if (context.watching) return;
    const decoded = decode(update);
    if (!decoded) return;
    const why = decoded === "too-deep" ? decoded : unsound(decoded, document) ?? trespass(decoded, document, documentName, context);
    if (why) throw refuse(why);
    // Kept before it is taken in: a process killed before it stores the room loses nothing of
    // it, and no one need pass on what another wrote (which anyone could forge).
    ownLog.set(documentName, Number(sql.log.run(documentName, PROCESS, decoded.update).lastInsertRowid));
  },
  // The owner's requests, as stateless messages: {owner, close: true} or {owner, key, view}.
  async onStateless({ documentName, payload }) {
    let asked;
    try {
      asked = JSON.parse(payload);
    } catch {
      return;
    }
    const room = sql.room.get(documentName);
    if (!room || room.closed || !same(asked?.owner, room.owner)) return;
    if (asked.close === true) close(documentName, CLOSED);
    else if (wellMade(asked.key) && wellMade(asked.view)) sql.keys.run(hash(asked.key), hash(asked.view), documentName);
    else return;
    // Hocuspocus sends updates out at the end of the event loop's turn: the owner's last ones
    // (the end of the session, which everyone is to see) go out before the sockets close.
    setTimeout(() => letGo(documentName), 250);
  },
});

/** Holds room `doc`'s control (how the facilitator runs the session: who facilitates, the
 *  lock, the timer, the end) to the facilitator's writes, judged as every browser judges them
 *  (js/live-worker.js): a change by any other Yjs client is put back at once, so that it holds
 *  when no browser of the room is there to put it back, and a late joiner never takes a
 *  participant for the facilitator. The facilitator is known by the Yjs client ids the room's
 *  control names; a room without one yet takes the first. What another process sends through
 *  Redis was held so where it was written. */
function guard(doc) {
  const control = doc.getMap("control");
  let agreed = control.toJSON();
  control.observe(({ transaction, keysChanged }) => {
    const leads = new Set(Array.isArray(agreed.facilitator?.clients) ? agreed.facilitator.clients : []);
    let [byLead, byOthers] = [false, false];
    transaction.afterState.forEach((clock, client) => {
      if (clock <= (transaction.beforeState.get(client) ?? 0)) return;
      if (leads.has(client)) byLead = true;
      else byOthers = true;
    });
    // Yjs does not say who deleted something: a deletion is the facilitator's where only they
    // wrote (their browser adds a write to every deletion of theirs).
    const others = [...keysChanged].some((key) => {
      const item = control._map.get(key);
      return item && !item.deleted ? !leads.has(item.id.client) : !(byLead && !byOthers);
    });
    if (transaction.origin?.source !== "connection" || !agreed.facilitator || !others) {
      agreed = control.toJSON();
      return;
    }
    const now = control.toJSON();
    doc.transact(() => {
      for (const key of Object.keys(now)) if (!(key in agreed)) control.delete(key);
      for (const [key, value] of Object.entries(agreed)) if (JSON.stringify(now[key]) !== JSON.stringify(value)) control.set(key, value);
    }, { source: "local" });
  });
}

/** The Yjs update a message of Hocuspocus' carries, decoded; null where it carries none, and
 *  "too-deep" where it cannot be decoded (Yjs' decoder recurses into nested values). */
function decode(message) {
  let update;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    // Hocuspocus' sync message or its reply (0, 4): a step 2 (1) or an update (2) of Yjs'
    // sync protocol.
    if (![0, 4].includes(decoding.readVarUint(decoder)) || decoding.readVarUint(decoder) === 0) return null;
    update = decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
  try {
    return { update, ...Y.decodeUpdate(update) };
  } catch {
    return "too-deep";
  }
}

/** Who a connection writes as, for `trespass`: the one who brings the owner key (the
 *  facilitator, whose browser keeps its Yjs client id when the page is loaded again) by it, and
 *  anyone else by the writer key the app makes for each join; a client without one writes as
 *  no one else ever can. Hashed, as keys are. */
function writerOf(asked, owner) {
  if (owner) return hash(`owner:${asked.owner}`);
  return wellMade(asked?.writer) ? hash(`writer:${asked.writer}`) : randomUUID();
}

/** Makes the Yjs client id a connection to room `name` says it writes under (`asked.client`)
 *  its `writer`'s, where it is no one's yet: before anyone else, who sees it in presence, can
 *  write under it first. `writer`, for the connection. */
function announce(name, asked, writer) {
  if (Number.isSafeInteger(asked?.client) && asked.client >= 0 && !sql.writer.get(name, asked.client)) sql.wrote.run(name, asked.client, writer, 0);
  return writer;
}

/** Why an update (`decoded`) to room `name` from a connection writing as `writer` trespasses,
 *  or null. Yjs takes anyone's word for the client id a write is under, and numbers each id's
 *  writes: a write under someone else's id at their next number takes its place (theirs is
 *  then dropped as a duplicate), and a deletion of their next numbers waits in Yjs and erases
 *  what they write next (23 bytes erased everyone's next edits). So each id of a room is its
 *  first writer's (the first connection to say it, see `announce`, or to write under it from
 *  its first number; or a later one bringing the same owner or writer key), and how far it
 *  has been written is kept, in the file, before the update is taken in. Another connection
 *  may send an id's writes only as far as they have been written ("not-yours" beyond): a
 *  participant's browser passes on what another process sharing the room lost. And a deletion
 *  may reach only as far as what it deletes has been written ("ahead" beyond): the app
 *  deletes only what it holds. */
function trespass({ structs, ds }, doc, name, connection) {
  const writer = connection.writer;
  // Each writer's numbers in the update: from its first to past its last.
  const spans = new Map();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const [from, to] = spans.get(struct.id.client) ?? [Infinity, 0];
    spans.set(struct.id.client, [Math.min(from, struct.id.clock), Math.max(to, struct.id.clock + struct.length)]);
  }
  const claims = [];
  const written = new Map();
  for (const [client, [from, clock]] of spans) {
    const known = sql.writer.get(name, client);
    // An id no one has written under is taken from its first number on: one taken further on
    // would leave its first numbers to its owner, and every later write of theirs refused.
    if (!known && from > Y.getState(doc.store, client)) return "not-yours";
    const before = Math.max(known?.clock ?? 0, Y.getState(doc.store, client));
    written.set(client, Math.max(before, known && known.writer !== writer ? 0 : clock));
    if (clock <= before) continue;
    if (known && known.writer !== writer) return "not-yours";
    claims.push([client, known?.writer ?? writer, clock]);
  }
  // A browser of the app writes under one id (Yjs takes another only where someone else wrote
  // under its own): a connection taking many is many writers, each of whose floods a
  // participant's browser would have to tell from a participant's card.
  connection.ids ??= new Set();
  const ids = new Set([...connection.ids, ...claims.map(([client]) => client)]);
  if (ids.size > MAX_IDS) return "too-many-ids";
  connection.ids = ids;
  for (const [client, deleted] of ds.clients) {
    const upto = written.get(client) ?? Math.max(sql.writer.get(name, client)?.clock ?? 0, Y.getState(doc.store, client));
    if (deleted.some(({ clock, len }) => clock + len > upto)) return "ahead";
  }
  if (claims.length > 0) db.transaction(() => claims.forEach(([client, by, clock]) => sql.wrote.run(name, client, by, clock)))();
  return null;
}

/** Why room `doc` cannot take a Yjs update (`decoded`), or null: "too-deep" where it nests
 *  values (plain, a text's formatting or embeds) or Yjs types deeper than MAX_NESTING, or holds
 *  a document in a document. What its writes depend on and neither it nor the room holds is
 *  not refused: a client of the app sends such an update to a process that never had the rest
 *  (another process sharing the room lost it, killed between taking it in and passing it on),
 *  and Yjs holds it until the rest comes; so what the room holds back is checked again with
 *  every update that may complete it (a chain sent in parts). */
function unsound({ structs }, doc) {
  const held = doc.store.pendingStructs ? Y.decodeUpdateV2(doc.store.pendingStructs.update).structs : [];
  const [byClient, heldByClient] = [byWriter(structs), byWriter(held)];
  const level = levels(finder([byClient, heldByClient], doc));
  for (const struct of [...structs, ...held]) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    const values =
      content instanceof Y.ContentAny || content instanceof Y.ContentJSON ? content.arr
      : content instanceof Y.ContentFormat ? [content.value]
      : content instanceof Y.ContentEmbed ? [content.embed]
      : [];
    if (values.some((value) => depth(value) > MAX_NESTING)) return "too-deep";
    if (content instanceof Y.ContentDoc) return "too-deep";
    if (content instanceof Y.ContentType && level(struct) >= MAX_NESTING) return "too-deep";
  }
  return null;
}

/** `structs` by writer, each writer's in the order of their clocks. */
function byWriter(structs) {
  const by = new Map();
  for (const struct of structs) {
    if (!by.has(struct.id.client)) by.set(struct.id.client, []);
    by.get(struct.id.client).push(struct);
  }
  return by;
}

/** The struct covering an id: of the first of `updates` (structs by writer) that has it, or
 *  else of room `doc`; null where none has it. */
function finder(updates, doc) {
  // Yjs' own search of a writer's structs in order; it throws where none covers the clock.
  const within = (structs, clock) => {
    try {
      return structs?.length ? structs[Y.findIndexSS(structs, clock)] : null;
    } catch {
      return null;
    }
  };
  return (id) => {
    for (const byClient of updates) {
      const found = within(byClient.get(id.client), id.clock);
      if (found) return found;
    }
    return within(doc.store.clients.get(id.client), id.clock);
  };
}

/** For an item of an update whose structs `find` finds, how deep the type it is in sits (0:
 *  one of the document's own), found without recursion: an item names the item holding its
 *  type, or only its neighbour (`origin`), whose type it shares; either may be in the update or
 *  already in the room, where Yjs has found each item's type. */
function levels(find) {
  const inRoom = (item) => {
    let depth = 0;
    for (let type = item.parent; type?._item; type = type._item.parent) depth++;
    return depth;
  };
  const memo = new Map();
  return (item) => {
    // Followed from `item` until a level is known; each step adds 1 (into a type) or 0.
    const steps = [];
    let at = item;
    let level = 0;
    for (const seen = new Set(); at; ) {
      if (memo.has(at)) {
        level = memo.get(at);
        break;
      }
      if (seen.has(at) || !(at instanceof Y.Item)) break;
      seen.add(at);
      if (at.parent !== null && typeof at.parent === "object" && !(at.parent instanceof Y.ID)) {
        level = inRoom(at);
        break;
      }
      if (typeof at.parent === "string") {
        steps.push([at, 0]);
        break;
      }
      const next = at.parent instanceof Y.ID ? at.parent : (at.origin ?? at.rightOrigin);
      steps.push([at, at.parent instanceof Y.ID ? 1 : 0]);
      at = next ? find(next) : null;
    }
    for (const [step, adds] of steps.reverse()) {
      level += adds;
      memo.set(step, level);
    }
    return memo.get(item) ?? level;
  };
}

/** How deep `value` nests, counted without recursion (what is checked may be deeper than a
 *  stack goes), up to one past MAX_NESTING. */
function depth(value) {
  let deepest = 0;
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [at, level] = stack.pop();
    if (at === null || typeof at !== "object") continue;
    if (level > MAX_NESTING) return level;
    deepest = Math.max(deepest, level);
    for (const inner of Array.isArray(at) ? at : Object.values(at)) stack.push([inner, level + 1]);
  }
  return deepest;
}

/** Closes the sockets of everyone in room `name` on this process: they connect again at once,
 *  and are let in only with the room's keys as they are now. (Hocuspocus' own closeConnections
 *  detaches the room and leaves the socket open, where its provider does not ask again.) */
function letGo(name) {
  server.hocuspocus.documents.get(name)?.connections.forEach((_clients, connection) => connection.webSocket.close(4000, "keys-changed"));
}

setInterval(() => {
  for (const [name, generation] of loaded) {
    const now = sql.room.get(name)?.generation;
    if (now !== generation) {
      loaded.set(name, now);
      letGo(name);
    }
  }
}, 1000).unref();

function removeUnused() {
  for (const { name } of sql.unused.all(Date.now() - ROOM_DAYS * 24 * HOUR)) {
    if (!loaded.has(name)) close(name, REMOVED);
  }
  sql.forget_made.run(Date.now() - HOUR);
}
removeUnused();
setInterval(removeUnused, HOUR).unref();

await server.listen();
console.log(`sync-server: ws://${HOST}:${PORT}, rooms kept in ${FILE}${env.REDIS_PORT ? `, shared through Redis on port ${env.REDIS_PORT}` : ""}`);
