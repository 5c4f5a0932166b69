import { parse, View } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { compileChart, renderSvg } from "../../src/render/index.js";

/** A text item's box in SVG pixels. */
export interface TextBox {
  text: string;
  role: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface SceneItem {
  x?: number;
  y?: number;
  text?: unknown;
  bounds: { x1: number; y1: number; x2: number; y2: number };
  items?: SceneMark[];
}
interface SceneMark {
  marktype: string;
  role: string;
  items: SceneItem[];
}

/**
 * Lays a chart out as renderSvg does (with the bundled font's widths) and returns
 * the SVG size and every text item's box, to check that no label is cut off or runs
 * into another.
 */
export async function textLayout(spec: TopLevelSpec): Promise<{ width: number; height: number; texts: TextBox[] }> {
  const svg = await renderSvg(spec); // installs the font metrics
  const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
  const view = new View(parse(compileChart(spec).vega), { renderer: "none" });
  await view.runAsync();
  const origin = (view as unknown as { _origin: [number, number] })._origin;
  const texts: TextBox[] = [];
  const walk = (mark: SceneMark, dx: number, dy: number) => {
    for (const item of mark.items) {
      if (mark.marktype === "text" && item.text !== undefined && String(item.text).trim() !== "") {
        const b = item.bounds;
        texts.push({ text: String(item.text), role: mark.role, x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });
      }
      if (mark.marktype === "group") for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
    }
  };
  walk((view.scenegraph() as unknown as { root: SceneMark }).root, origin[0], origin[1]);
  view.finalize();
  return { width, height, texts };
}
