// Trunk pre-build hook: bundles a live session's scripts into public/live/, which the app
// loads only when a session starts (issue 15): js/live.js, the page's side, with the QR code
// generator, and js/live-worker.js, the engine, with Yjs and Hocuspocus' client, in a Web
// Worker of its own (issue 35). Rollup, its resolver and terser are already here for the
// service worker (workbox-build).
import { rollup } from "rollup";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const name of ["live", "live-worker"]) {
  const bundle = await rollup({
    input: `${root}js/${name}.js`,
    plugins: [nodeResolve({ browser: true }), terser()],
    onwarn: (warning, warn) => (warning.code === "CIRCULAR_DEPENDENCY" ? undefined : warn(warning)),
  });
  await bundle.write({ file: `${root}public/live/${name}.js`, format: "es" });
  await bundle.close();
  console.log(`live-bundle: public/live/${name}.js written`);
}
