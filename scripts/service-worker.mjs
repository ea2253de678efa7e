// Trunk post-build hook (after csp-hash.mjs): writes sw.js, a Workbox service worker that
// precaches every file of the build, so that after one visit the app starts with no network.
// The precache list comes from the build output itself; nothing here lists files by hand.
import { generateSW } from "workbox-build";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Writes `<dir>/sw.js` for the built app in `dir`; returns what Workbox reports. */
export async function buildServiceWorker(dir) {
  return generateSW({
    globDirectory: dir,
    globPatterns: ["**/*.{html,js,wasm,css,svg,png,webmanifest,json}"],
    globIgnores: ["sw.js", "workbox-*.js"],
    swDest: join(dir, "sw.js"),
    // Any address inside the app (a share link, a bookmarked map) opens the app offline.
    navigateFallback: "index.html",
    // The release wasm is well over Workbox's 2 MB default.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    // Trunk puts a content hash in the names of the wasm, js and css: no revision needed.
    dontCacheBustURLsMatching: /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/,
    cleanupOutdatedCaches: true,
    // A new release waits until the user chooses to reload (the app offers it), so a running
    // tab is never switched to new code under its feet.
    skipWaiting: false,
    clientsClaim: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
  const { count, size, warnings } = await buildServiceWorker(dir);
  for (const warning of warnings) console.warn(`service-worker: ${warning}`);
  console.log(`service-worker: precaches ${count} files, ${(size / 1024).toFixed(0)} KiB`);
}
