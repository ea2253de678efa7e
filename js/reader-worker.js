// A Web Worker that reads one file or link with the app's own readers and posts the outcome
// back. Its first message names the wasm it runs: "reader" (src/bin/reader.rs: maps, links,
// measurements, live rooms) or "analytics" (src/bin/analytics.rs: a shop's order, survey and
// campaign exports). The page starts one per input and ends it when it answers or takes too
// long (src/ui/browser/reader.rs): a hostile input can only ever stop this worker, not the page.
// It says "ready" once its wasm runs, so that fetching the wasm never counts against the input.
const PARTS = { reader: () => import("./reader.js"), analytics: () => import("./analytics.js") };
let read = null;

self.onmessage = async ({ data }) => {
  if (read === null) {
    try {
      const part = await PARTS[data.part]();
      await part.default();
      read = part.read;
      self.postMessage("ready");
    } catch {
      self.postMessage(null);
    }
    return;
  }
  try {
    const { job, input } = data;
    const bytes = typeof input === "string"
      ? new TextEncoder().encode(input)
      : new Uint8Array(await input.arrayBuffer());
    self.postMessage(read(job, bytes));
  } catch {
    self.postMessage(null);
  }
};
