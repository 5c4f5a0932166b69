import { createHash } from "node:crypto";
import { escapeHtml } from "../lib/escape-html.js";

/** The parts of an OpenAPI 3.1 document the reference page reads. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}
interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { description?: string; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
/** An OpenAPI document as the page needs it. */
export interface ApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const STYLE = `
:root{color-scheme:light;--ink:#1d2733;--muted:#5b6675;--line:#e3e7ec;--red:#b4232a;--bg:#f7f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--red);color:#fff;padding:24px 32px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;opacity:.9}
header a{color:#fff}
main{display:grid;grid-template-columns:320px 1fr;gap:24px;max-width:1280px;margin:0 auto;padding:24px 32px}
nav{position:sticky;top:16px;align-self:start;font-size:13px}
nav h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:16px 0 6px}
nav a{display:block;color:var(--ink);text-decoration:none;padding:2px 0;overflow-wrap:anywhere}
nav a:hover{color:var(--red)}
section.op{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px}
.op h3{margin:0 0 4px;font:600 15px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.op p.summary{margin:0 0 10px;color:var(--muted)}
.m{display:inline-block;min-width:52px;text-align:center;border-radius:4px;padding:1px 8px;color:#fff;font-size:12px}
.m-get{background:#2f6fb3}.m-post{background:#2e8b57}.m-put{background:#b8860b}.m-delete{background:#b4232a}
.lock{font:12px system-ui,sans-serif;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 6px}
h4{margin:14px 0 6px;font-size:13px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;vertical-align:top;border-top:1px solid var(--line);padding:5px 8px}
th{font-weight:600;color:var(--muted);border-top:0}
code,.schema{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.schema{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 10px;white-space:pre-wrap;margin:4px 0 8px;overflow-x:auto}
.status{font-weight:600}.s2{color:#2e8b57}.s4{color:#b8860b}.s5{color:#b4232a}
.type{color:#6a3d9a}.req{color:var(--red)}
section.schemas h2{font-size:18px;margin:28px 0 10px}
`;

/** The page's only style, allowed by its hash: the page carries no script at all. */
export const API_DOCS_STYLE_HASH = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;

const METHODS = ["get", "post", "put", "patch", "delete"];
const refName = (ref: string) => ref.split("/").pop() ?? ref;
const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;

/** A schema as indented, TypeScript-like text: readable, and short enough to scan. */
function describe(schema: Schema | undefined, depth = 0): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  const pad = "  ".repeat(depth + 1);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((s) => describe(s, depth)).join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = [schema.type ?? (schema.properties ? "object" : "any")].flat();
  return types
    .map((type) => {
      if (type === "array") {
        const item = describe(schema.items, depth);
        return item.includes(" | ") && !item.startsWith("{") ? `(${item})[]` : `${item}[]`;
      }
      if (type === "object" && schema.properties) {
        const required = new Set(schema.required ?? []);
        const lines = Object.entries(schema.properties).map(([key, value]) => {
          const note = value.description ? `  // ${value.description}` : "";
          return `${pad}${key}${required.has(key) ? "" : "?"}: ${describe(value, depth + 1)}${note}`;
        });
        if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) lines.push(`${pad}…`);
        return `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}`;
      }
      if (type === "object" && typeof schema.additionalProperties === "object") return `{ [key]: ${describe(schema.additionalProperties, depth)} }`;
      const facets = [
        schema.format,
        schema.pattern && `/${schema.pattern}/`,
        schema.minimum !== undefined && `≥ ${schema.minimum}`,
        schema.maximum !== undefined && `≤ ${schema.maximum}`,
      ]
        .filter(Boolean)
        .join(", ");
      return facets ? `${type} (${facets})` : type;
    })
    .join(" | ");
}

function schemaBlock(schema: Schema | undefined): string {
  return `<div class="schema">${escapeHtml(describe(schema))}</div>`;
}

function contentBlock(content: Record<string, { schema?: Schema }> | undefined): string {
  if (!content) return "";
  return Object.entries(content)
    .map(
      ([type, media]) =>
        `<div><code>${escapeHtml(type)}</code></div>${media.schema && (media.schema.properties || media.schema.$ref || media.schema.anyOf) ? schemaBlock(media.schema) : ""}`,
    )
    .join("");
}

function operation(method: string, path: string, op: Operation): string {
  const parameters = op.parameters ?? [];
  const params = parameters.length
    ? `<h4>参数 Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr>${parameters
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' <span class="req">*</span>' : ""}</td><td>${escapeHtml(p.in)}</td><td class="type"><code>${escapeHtml(describe(p.schema))}</code>${
              p.schema?.default !== undefined ? ` = <code>${escapeHtml(JSON.stringify(p.schema.default))}</code>` : ""
            }</td><td>${escapeHtml(p.description ?? p.schema?.description ?? "")}</td></tr>`,
        )
        .join("")}</table>`
    : "";
  const body = op.requestBody ? `<h4>请求体 Request body</h4><p>${escapeHtml(op.requestBody.description ?? "")}</p>${contentBlock(op.requestBody.content)}` : "";
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<tr><td class="status s${status[0]}">${escapeHtml(status)}</td><td>${escapeHtml(r.description ?? "")}${contentBlock(r.content)}</td></tr>`)
    .join("");
  const lock = op.security?.length ? '<span class="lock">需要令牌 · Bearer token</span>' : "";
  return `<section class="op" id="${anchor(method, path)}">
<h3><span class="m m-${method}">${method.toUpperCase()}</span>${escapeHtml(path)}${lock}</h3>
<p class="summary">${escapeHtml(op.summary ?? "")}</p>
${params}${body}<h4>响应 Responses</h4><table><tr><th>status</th><th>body</th></tr>${responses}</table>
</section>`;
}

/**
 * The API reference, rendered on the server from the OpenAPI document: every operation
 * with its method, path, summary, parameters, request and responses, then the named
 * schemas. No script and no CDN, so it works under the strict page policy and offline.
 *
 * @param doc the OpenAPI 3.1 document the app serves at /api/openapi.json
 * @returns the HTML page
 */
export function renderApiDocsPage(doc: ApiDocument): string {
  const ops = Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] })));
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? "other"))];
  const nav = tags
    .map(
      (tag) =>
        `<h2>${escapeHtml(tag)}</h2>${ops
          .filter((o) => (o.op.tags?.[0] ?? "other") === tag)
          .map((o) => `<a href="#${anchor(o.method, o.path)}">${o.method.toUpperCase()} ${escapeHtml(o.path)}</a>`)
          .join("")}`,
    )
    .join("");
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, schema]) => `<section class="op" id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${schemaBlock(schema)}</section>`)
    .join("");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} · API</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header><h1>接口文档 · ${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description ?? "")} · version ${escapeHtml(doc.info.version)} · <a href="openapi.json">openapi.json</a></p></header>
<main>
<nav aria-label="接口 Operations">${nav}<h2>schemas</h2>${Object.keys(doc.components?.schemas ?? {})
    .map((n) => `<a href="#schema-${escapeHtml(n)}">${escapeHtml(n)}</a>`)
    .join("")}</nav>
<div>${tags
    .map((tag) =>
      ops
        .filter((o) => (o.op.tags?.[0] ?? "other") === tag)
        .map((o) => operation(o.method, o.path, o.op))
        .join("\n"),
    )
    .join("\n")}
<section class="schemas"><h2>数据结构 Schemas</h2>${schemas}</section></div>
</main>
</body>
</html>`;
}
