// The live sessions' real server for the tests: scripts/sync-server.sh (y-websocket with its
// LevelDB persistence) on a port of its own, its rooms in a fresh folder; stopped and started
// again on the same folder as a user's would be.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:net";

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

export async function startSyncServer(port) {
  const folder = mkdtempSync(join(tmpdir(), "journey-sync-"));
  let child;
  const server = {
    port,
    url: `ws://127.0.0.1:${port}`,
    async start() {
      child = spawn("scripts/sync-server.sh", [], { env: { ...process.env, PORT: String(port), YPERSISTENCE: folder }, stdio: "ignore" });
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
