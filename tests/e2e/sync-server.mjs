// The live sessions' real server for the tests: scripts/sync-server.sh (Hocuspocus with its
// rooms in one SQLite file) on a port of its own, its file in a fresh folder; stopped and
// started again on the same file as a user's would be. And a raw client: Yjs through
// Hocuspocus' own provider, not the app, holding whatever key a link gives it.
import * as Y from "yjs";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:net";
import { randomBytes } from "node:crypto";

const waitForPort = (port) =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const attempt = () => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.end(), resolve()));
      socket.once("error", () => (Date.now() - started > 15_000 ? reject(new Error("sync server did not start")) : setTimeout(attempt, 100)));
    };
    attempt();
  });

export async function startSyncServer(port, env = {}) {
  const folder = mkdtempSync(join(tmpdir(), "journey-sync-"));
  let child;
  const server = {
    port,
    url: `ws://127.0.0.1:${port}`,
    async start() {
      child = spawn("scripts/sync-server.sh", [], { env: { ...process.env, PORT: String(port), SYNC_DATA: join(folder, "rooms.sqlite"), ...env }, stdio: "ignore" });
      await waitForPort(port);
    },
    async stop() {
      // A killed server has a signal code and no exit code.
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
    async close() {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** What a join or watch link carries: its room, key and server address(es). */
export function fromLink(link) {
  const [, watch, room, key, server] = decodeURIComponent(link).match(/#\/(live|watch)\/([0-9a-f]{32})\.([A-Za-z0-9_-]+)@(.+)$/);
  return { watch: watch === "watch", room, key, server };
}

/** A client of the room that is not the app, with the key of `link` (or `key`) at `url`
 *  (the link's first server by default). Resolves once it has the room's state, or with the
 *  server's reason for refusing it. */
export function rawClient(link, { key, url } = {}) {
  const given = fromLink(link);
  // As the app's and the server's, without garbage collection, which takes half a minute to
  // take in 100,000 deletions (and would stop the tests' process meanwhile).
  const doc = new Y.Doc({ gc: false });
  return new Promise((resolve) => {
    const provider = new HocuspocusProvider({
      url: url ?? given.server.split(" ")[0],
      name: given.room,
      document: doc,
      // With a writer key of its own and the client id it writes under, as the app brings:
      // the id is its own from the start, and after a lost connection.
      token: JSON.stringify({ key: key ?? given.key, writer: randomBytes(16).toString("base64url"), client: doc.clientID }),
      WebSocketPolyfill: WebSocket,
      onSynced: ({ state }) => state && resolve({ doc, provider, scope: provider.authorizedScope }),
      onAuthenticationFailed: ({ reason }) => resolve({ doc, provider, refused: reason }),
    });
  });
}

/** Why the server let go of a raw client's connection, once it does. */
export const letGo = ({ provider }) => new Promise((resolve) => provider.on("close", ({ event }) => resolve(event.reason)));

/** Writes node `id` into the room of a raw client's `doc` as the app lays nodes out
 *  (js/live-worker.js): its place, and its `fields` each set as given (a typed text as a
 *  Y.Text, if it is to be one). */
export function putNode(doc, id, { parent, list, order }, fields) {
  const node = new Y.Map();
  doc.getMap("nodes").set(id, node);
  node.set("parent", parent);
  node.set("list", list);
  if (order !== undefined) node.set("order", order);
  const held = new Y.Map();
  node.set("fields", held);
  for (const [key, value] of Object.entries(fields)) held.set(key, value);
  return node;
}

/** The server as `scripts/sync-cluster.sh` starts it: `count` processes from `port` on, sharing
 *  their rooms through a Redis of their own on `redisPort`; `kill(i)` stops the i-th process. */
export async function startCluster(port, count, redisPort) {
  const folder = mkdtempSync(join(tmpdir(), "journey-sync-"));
  const child = spawn("scripts/sync-cluster.sh", [], {
    env: { ...process.env, PORT: String(port), COUNT: String(count), REDIS_PORT: String(redisPort), SYNC_DATA: join(folder, "rooms.sqlite") },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const pids = [];
  child.stdout.on("data", (chunk) => {
    for (const [, pid] of chunk.toString().matchAll(/process (\d+) on port/g)) pids.push(Number(pid));
  });
  for (let i = 0; i < count; i++) await waitForPort(port + i);
  return {
    urls: Array.from({ length: count }, (_, i) => `ws://127.0.0.1:${port + i}`),
    kill: (i) => process.kill(pids[i], "SIGKILL"),
    async close() {
      const exited = child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null;
      // The script's whole process group: the script, Redis and every server process (killed:
      // a server told to stop first stores its rooms, and would wait for a Redis already gone).
      process.kill(-child.pid, "SIGKILL");
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A listener of the room of `link` in a process of its own (listen.mjs): `arrivals` holds when
 *  each update over 1 MB reached it. Resolves once it is in the room. */
export function listen(link) {
  const child = spawn(process.execPath, [new URL("listen.mjs", import.meta.url).pathname, link], { stdio: ["ignore", "pipe", "inherit"] });
  const arrivals = [];
  return new Promise((resolve) => {
    child.stdout.on("data", (chunk) => {
      for (const line of chunk.toString().split("\n")) {
        if (line === "ready") resolve({ arrivals, close: () => child.kill() });
        else if (line.startsWith("arrived ")) arrivals.push(Number(line.slice(8)));
      }
    });
  });
}
