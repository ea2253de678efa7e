// What the live server's check of every update (scripts/sync-server.mjs: values and types
// nested too deep) costs where it costs most: one update of `cards` cards (a hostile flood, or
// the largest map a joiner brings), from the client writing it until another client of the
// room has every card, through one server process (scripts/sync-server.sh). Runs `runs` times.
//   node benches/sync-flood.mjs [cards, default 100000] [runs, default 3]
import * as Y from "yjs";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import { randomBytes } from "node:crypto";
import { startSyncServer } from "../tests/e2e/sync-server.mjs";

const [cards = 100_000, runs = 3] = process.argv.slice(2).map(Number);
const server = await startSyncServer(12398);
const key = () => randomBytes(16).toString("base64url");

function client(room, token) {
  const doc = new Y.Doc({ gc: false });
  return new Promise((resolve) => {
    const provider = new HocuspocusProvider({
      url: server.url,
      name: room,
      document: doc,
      token: JSON.stringify(token),
      WebSocketPolyfill: WebSocket,
      onSynced: ({ state }) => state && resolve({ doc, provider }),
    });
  });
}

const times = [];
for (let run = 0; run < runs; run++) {
  const room = randomBytes(16).toString("hex");
  const keys = { key: key(), view: key(), owner: key() };
  const writer = await client(room, keys);
  const reader = await client(room, { key: keys.key });
  const nodes = reader.doc.getMap("nodes");
  const arrived = new Promise((resolve) => nodes.observe(() => nodes.size >= cards && resolve(performance.now())));
  const start = performance.now();
  writer.doc.transact(() => {
    const into = writer.doc.getMap("nodes");
    for (let i = 0; i < cards; i++) {
      const card = new Y.Map();
      into.set(`card-${i}`, card);
      card.set("parent", "phase");
      card.set("list", "cards.lane");
      card.set("order", i);
      const fields = new Y.Map();
      card.set("fields", fields);
      fields.set("text", new Y.Text(`Card ${i}`));
    }
  });
  times.push((await arrived) - start);
  for (const { provider } of [writer, reader]) provider.destroy();
}
await server.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(`${cards} cards in one update, writer to another client, ${runs} runs (ms): median ${sorted[Math.floor(runs / 2)].toFixed(0)}, each ${times.map((t) => t.toFixed(0)).join(", ")}`);
process.exit(0);
