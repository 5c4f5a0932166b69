/**
 * Renders every chart kind from the reference study's demo data (the 1,812 responses
 * that reproduce the published figures) to /tmp/gallery/*.png, to be looked at.
 * Run: npx tsx test/render/render-gallery.ts [out-dir]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderPng, renderSvg } from "../../src/render/index.js";
import { galleryCharts } from "./gallery-charts.js";

const out = process.argv[2] ?? "/tmp/gallery";
mkdirSync(out, { recursive: true });
for (const [name, spec] of galleryCharts()) {
  const started = Date.now();
  writeFileSync(join(out, `${name}.vl.json`), JSON.stringify(spec, null, 2));
  writeFileSync(join(out, `${name}.svg`), await renderSvg(spec));
  writeFileSync(join(out, `${name}.png`), await renderPng(spec));
  console.log(`${join(out, name)}.png ${Date.now() - started} ms`);
}
