// How far one y-websocket server (scripts/sync-server.sh, with persistence) goes on this
// machine: `rooms` rooms of `people` Yjs clients each (Node, no browsers), everyone typing
// into a shared text once a second; the time from one client's change to every other client
// of its room having it, median and 95th percentile, and the server's memory.
//   node benches/live-server.mjs [rooms people]…   (default: 10 10, 50 10, 100 10, 20 50)
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import { execFileSync } from "node:child_process";
import { startSyncServer } from "../tests/e2e/sync-server.mjs";

const numbers = process.argv.slice(2).map(Number);
const loads = numbers.length >= 2 ? Array.from({ length: numbers.length / 2 }, (_, i) => [numbers[2 * i], numbers[2 * i + 1]]) : [[10, 10], [50, 10], [100, 10], [20, 50]];
process.setMaxListeners(0);
const server = await startSyncServer(12398);
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return `${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)}`;
};
const serverMemory = () => {
  try {
    const pid = execFileSync("pgrep", ["-f", "node_modules/.bin/y-websocket"]).toString().trim().split("\n")[0];
    return `${(Number(execFileSync("ps", ["-o", "rss=", "-p", pid]).toString()) / 1024).toFixed(0)} MB`;
  } catch {
    return "?";
  }
};

console.log("| rooms × people | connections | change to everyone in the room (ms, median / p95) | server memory |");
console.log("| --- | --- | --- | --- |");
try {
  for (const [rooms, people] of loads) {
    const clients = [];
    for (let r = 0; r < rooms; r++) {
      const room = `bench-${rooms}-${people}-${r}`;
      for (let p = 0; p < people; p++) {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(server.url, room, doc, { WebSocketPolyfill: WebSocket, disableBc: true });
        clients.push({ room: r, doc, provider, text: doc.getText("t") });
      }
    }
    await Promise.all(clients.map((c) => (c.provider.synced ? null : new Promise((resolve) => c.provider.once("sync", resolve)))));
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
