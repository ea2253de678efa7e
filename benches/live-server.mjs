// How far the live server goes on this machine, as one process (scripts/sync-server.sh) or as
// several sharing Redis (scripts/sync-cluster.sh): `rooms` rooms of `people` Yjs clients each
// (Node, no browsers, spread over the processes in turn), everyone typing into a shared text
// once a second; the time from one client's change to every other client of its room having
// it, median and 95th percentile, and the server processes' memory.
//   node benches/live-server.mjs PROCESSES [rooms people]…   (default: 1; 10 10, 50 10, 100 10, 20 50)
import * as Y from "yjs";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { startSyncServer, startCluster } from "../tests/e2e/sync-server.mjs";

const [processes = 1, ...numbers] = process.argv.slice(2).map(Number);
const loads = numbers.length >= 2 ? Array.from({ length: numbers.length / 2 }, (_, i) => [numbers[2 * i], numbers[2 * i + 1]]) : [[10, 10], [50, 10], [100, 10], [20, 50]];
process.setMaxListeners(0);
// Every room is made from this one address: the limit of rooms an hour is lifted (the
// cluster's processes take it from this process's environment).
process.env.ROOMS_PER_HOUR = "100000";
const server =
  processes === 1
    ? Object.assign(await startSyncServer(12398), { urls: ["ws://127.0.0.1:12398"] })
    : await startCluster(12398, processes, 16398);
const key = () => randomBytes(16).toString("base64url");
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return `${at(0.5).toFixed(1)} / ${at(0.95).toFixed(1)}`;
};
const serverMemory = () => {
  try {
    const pids = execFileSync("pgrep", ["-f", "scripts/sync-server.mjs"]).toString().trim().split("\n");
    return pids.map((pid) => `${(Number(execFileSync("ps", ["-o", "rss=", "-p", pid]).toString()) / 1024).toFixed(0)} MB`).join(" + ");
  } catch {
    return "?";
  }
};

console.log(`${processes} server process(es)`);
console.log("| rooms × people | connections | change to everyone in the room (ms, median / p95) | server memory |");
console.log("| --- | --- | --- | --- |");
try {
  for (const [rooms, people] of loads) {
    const clients = [];
    for (let r = 0; r < rooms; r++) {
      const room = randomBytes(16).toString("hex");
      const keys = { key: key(), view: key(), owner: key() };
      for (let p = 0; p < people; p++) {
        const doc = new Y.Doc();
        const url = server.urls[(r * people + p) % server.urls.length];
        let synced;
        const ready = new Promise((resolve) => (synced = resolve));
        // The first makes the room; the others come in with its edit key.
        const token = JSON.stringify(p === 0 ? keys : { key: keys.key });
        const provider = new HocuspocusProvider({ url, name: room, document: doc, token, WebSocketPolyfill: WebSocket, onSynced: () => synced() });
        clients.push({ room: r, doc, provider, text: doc.getText("t") });
        if (p === 0) await ready;
        else clients.at(-1).ready = ready;
      }
    }
    await Promise.all(clients.map((c) => c.ready));
    const delays = [];
    // Each round, one writer per room; the others note when the change has come.
    for (let round = 0; round < 10; round++) {
      const waits = [];
      for (let r = 0; r < rooms; r++) {
        const members = clients.filter((c) => c.room === r);
        const writer = members[round % people];
        const mark = `${round}:${r};`;
        const sent = performance.now();
        for (const other of members.filter((c) => c !== writer)) {
          waits.push(
            new Promise((resolve) => {
              const check = () => {
                if (other.text.toString().includes(mark)) {
                  other.text.unobserve(check);
                  delays.push(performance.now() - sent);
                  resolve();
                }
              };
              other.text.observe(check);
            }),
          );
        }
        writer.text.insert(writer.text.length, mark);
      }
      await Promise.all(waits);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    console.log(`| ${rooms} × ${people} | ${rooms * people} | ${stats(delays)} | ${serverMemory()} |`);
    for (const c of clients) c.provider.destroy();
  }
} finally {
  await server.close();
}
