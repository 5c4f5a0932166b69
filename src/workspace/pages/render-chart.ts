/**
 * Draws a vega-lite spec into an element as SVG. Loaded on demand (its own chunk: vega is
 * large). The page's CSP has no 'unsafe-eval', so vega parses expressions to an AST
 * (`ast: true`) and vega-interpreter evaluates them, instead of compiling them with
 * `new Function`.
 */
import { parse, View } from "vega";
import { expressionInterpreter } from "vega-interpreter";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * Renders `spec` into `element`; returns the view, to finalize when the element goes. With
 * `tooltips`, every mark shows its encoded fields on hover (vega's own handler: the element's title).
 */
export async function renderChart(element: HTMLElement, spec: Record<string, unknown>, description: string, options: { tooltips?: boolean } = {}): Promise<View> {
  const config = (spec.config ?? {}) as Record<string, unknown>;
  const shown = options.tooltips ? { ...spec, config: { ...config, mark: { ...(config.mark as object), tooltip: { content: "encoding" } } } } : spec;
  const vega = compile(shown as unknown as TopLevelSpec).spec;
  const view = new View(parse(vega, undefined, { ast: true }), { expr: expressionInterpreter, renderer: "svg", container: element, hover: false });
  view.description(description);
  await view.runAsync();
  return view;
}
