// The page's side of reading outside input off its thread (src/ui/browser/reader.rs loads this
// when something is first read, so the first screen carries none of it). The worker
// (reader-worker.js) posts "ready" once its wasm is running, then for each input it is sent the
// outcome (JSON text), or null when it failed. Timers and messages are plain JavaScript, so
// nothing here depends on the worker's wasm being sound. A worker that answered is kept for the
// next input when asked (a live room's map, read again at every change) or when its input was
// small: starting one costs some 50 ms, and one that read a large file keeps the memory it grew
// to.
// One worker kept idle per part ("reader", "analytics").
const idle = {};
function start(load, part) {
  return new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL("pkg/reader-worker.js", document.baseURI), { type: "module" });
    } catch {
      resolve(null);
      return;
    }
    const done = (ready) => {
      clearTimeout(timer);
      if (!ready) worker.terminate();
      resolve(ready ? worker : null);
    };
    const timer = setTimeout(() => done(false), load);
    worker.onerror = () => done(false);
    worker.onmessage = ({ data }) => done(data === "ready");
    worker.postMessage({ part });
  });
}
const SMALL = 1024 * 1024;

export async function readOffThread(job, input, limit, load, keep, part = "reader") {
  keep ||= (typeof input === "string" ? input.length : input.size) < SMALL;
  const worker = (keep && idle[part]) || (await start(load, part));
  if (worker === idle[part]) idle[part] = null;
  if (!worker) return "unavailable";
  return new Promise((resolve) => {
    const finish = (result, reusable) => {
      clearTimeout(timer);
      if (reusable && keep && !idle[part]) idle[part] = worker;
      else worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish("slow", false), limit);
    worker.onerror = () => finish("unavailable", false);
    worker.onmessage = ({ data }) =>
      typeof data === "string" ? finish({ outcome: data }, true) : finish("unavailable", false);
    worker.postMessage({ job, input });
  });
}
