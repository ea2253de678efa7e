// A raw client of a room in a process of its own, which only listens: it prints "ready" once
// in the room, then "arrived" and the time (ms since 1970) of each update over 1 MB the server
// relays. Its own process, so that the time is when the update reached this machine's clients,
// not when the tests' busy process got round to it (see `listen` in sync-server.mjs).
import { rawClient } from "./sync-server.mjs";

const { provider } = await rawClient(process.argv[2]);
provider.on("message", ({ event }) => {
  if (event.data.byteLength > 1024 * 1024) console.log(`arrived ${Date.now()}`);
});
console.log("ready");
