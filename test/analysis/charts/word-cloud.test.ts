import { describe, expect, it } from "vitest";
import { layoutWordCloud, textWidthEm } from "../../../analysis/charts/index.js";

describe("layoutWordCloud", () => {
  it("puts the most used word in the middle, sizes by respondents, and no two boxes overlap", () => {
    const words = Array.from({ length: 40 }, (_, i) => ({ word: `词语${"党建经费培训场地".slice(0, (i % 4) + 1)}${i}`, respondents: 100 - 2 * i, share: (100 - 2 * i) / 200 }));
    const placed = layoutWordCloud(words, 560, 300);
    expect(placed[0]).toMatchObject({ x: 280, y: 150, size: 46 });
    expect(placed.length).toBeGreaterThan(20);
    const box = (w: (typeof placed)[number]) => {
      const half = (textWidthEm(w.word) * w.size) / 2;
      return [w.x - half, w.y - w.size * 0.55, w.x + half, w.y + w.size * 0.55];
    };
    for (let i = 0; i < placed.length; i++) {
      const a = box(placed[i]);
      expect(a[0] >= 0 && a[2] <= 560 && a[1] >= 0 && a[3] <= 300).toBe(true);
      for (let j = 0; j < i; j++) {
        const b = box(placed[j]);
        expect(a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1], `${placed[i].word} overlaps ${placed[j].word}`).toBe(false);
      }
    }
    for (let i = 1; i < placed.length; i++) expect(placed[i].size).toBeLessThanOrEqual(placed[i - 1].size);
  });

  it("refuses a plot without area", () => {
    expect(() => layoutWordCloud([], 0, 10)).toThrow(/layoutWordCloud/);
  });
});
