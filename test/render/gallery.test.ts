import { describe, expect, it } from "vitest";
import { compileChart } from "../../src/render/index.js";
import { galleryCharts } from "./gallery-charts.js";
import { textLayout } from "./text-layout.js";

// Every chart kind, built from the reference study's demo data as the gallery script does.
const charts = galleryCharts();

describe("gallery charts", () => {
  it("cover every chart kind", () => {
    const kinds = new Set(charts.map(([name]) => name.split("-").slice(0, 2).join("-")));
    for (const kind of [
      "frequency-multi",
      "frequency-single",
      "frequency-weighted",
      "crosstab-bars",
      "crosstab-stacked",
      "residual-heatmap",
      "ratio-dots",
      "histogram-zh",
      "box-plot",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });
  for (const [name, spec] of charts) {
    it(`${name}: compiles cleanly, every text inside the picture, no two labels on top of each other`, async () => {
      expect(compileChart(spec).warnings).toEqual([]);
      const { width, height, texts } = await textLayout(spec);
      expect(texts.length).toBeGreaterThan(5);
      for (const t of texts) {
        expect(t.x1, `${t.text} starts left of the picture`).toBeGreaterThanOrEqual(-0.5);
        expect(t.x2, `${t.text} runs past the right edge (${width})`).toBeLessThanOrEqual(width + 0.5);
        expect(t.y1, `${t.text} above the picture`).toBeGreaterThanOrEqual(-0.5);
        expect(t.y2, `${t.text} below the picture`).toBeLessThanOrEqual(height + 0.5);
      }
      const labels = texts.filter((t) => t.role === "axis-label" || t.role === "legend-label" || t.role === "mark");
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i];
          const b = labels[j];
          // A white halo is drawn under its own text: the same text in the same box.
          if (a.text === b.text && Math.abs(a.x1 - b.x1) < 0.5 && Math.abs(a.y1 - b.y1) < 0.5) continue;
          const overlap = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1;
          expect(overlap, `"${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
    });
  }
});
