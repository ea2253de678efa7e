// Trunk pre-build hook: bundles js/live.js with Yjs, Hocuspocus' client and the QR code generator
// into public/live/live.js, which the app loads only when a live session starts (issue 15).
// Rollup, its resolver and terser are already here for the service worker (workbox-build).
import { rollup } from "rollup";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = await rollup({
  input: `${root}js/live.js`,
  plugins: [nodeResolve({ browser: true }), terser()],
  onwarn: (warning, warn) => (warning.code === "CIRCULAR_DEPENDENCY" ? undefined : warn(warning)),
});
await bundle.write({ file: `${root}public/live/live.js`, format: "es" });
await bundle.close();
console.log("live-bundle: public/live/live.js written");
