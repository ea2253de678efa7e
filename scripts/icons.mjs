// Renders the app icon (public/favicon.svg) into the PNG sizes browsers want for installing the
// app, with Debian's Chromium. The PNGs are committed; run this again only when the icon changes:
//   node scripts/icons.mjs
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";

const svg = readFileSync("public/favicon.svg", "utf8");
// "maskable" icons are cropped to a circle or squircle by the launcher: keep the drawing inside
// the middle 80 % on a full-bleed background.
const sizes = [
  { file: "icon-192.png", size: 192, inset: 0 },
  { file: "icon-512.png", size: 512, inset: 0 },
  { file: "icon-maskable-512.png", size: 512, inset: 0.1 },
  { file: "apple-touch-icon.png", size: 180, inset: 0 },
];

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
for (const { file, size, inset } of sizes) {
  await page.setViewportSize({ width: size, height: size });
  const pad = Math.round(size * inset);
  await page.setContent(
    `<body style="margin:0;background:${inset ? "#1b1f24" : "transparent"}"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"
      style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body>`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: inset === 0 });
  console.log(`public/icons/${file}`);
}
await browser.close();
