// Serves a built app folder on localhost with the right MIME types (WebAssembly streaming needs
// application/wasm). Usage: node tests/e2e/serve.mjs <folder> <port>; tests that need a server
// of their own (to take it down, or to publish a new release) import `serve`.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Serves `folder` on 127.0.0.1:`port`; resolves to the listening server. With `gzip`, text
 * and wasm go compressed to a client that accepts it, as any real host sends them (Lighthouse
 * scores what a visitor downloads). */
export function serve(folder, port, { gzip = false } = {}) {
  const root = resolve(folder);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const file = join(root, normalize(path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      // Tests want every request fresh; a real host lets the browser keep the page for Back
      // (no-store would bar the back/forward cache) and asks again before using it.
      const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": gzip ? "no-cache" : "no-store" };
      if (gzip && /gzip/.test(req.headers["accept-encoding"] ?? "") && !/\.png$/.test(file)) {
        res.writeHead(200, { ...headers, "content-encoding": "gzip", vary: "accept-encoding" });
        res.end(gzipSync(body));
      } else {
        res.writeHead(200, headers);
        res.end(body);
      }
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await serve(process.argv[2] ?? "dist", Number(process.argv[3] ?? 8091));
  console.log(`serving on http://127.0.0.1:${server.address().port}`);
}
