import type { Language } from "../../i18n/language.js";
import { words } from "../../i18n/words.js";
import { escapeHtml } from "../lib/escape-html.js";
import type { WorkspaceBoot } from "../workspace/boot.js";
import { LOCALE_INFO } from "./messages.js";
import { embedJson } from "./template.js";
import type { WorkspaceAssets } from "./workspace-bundle.js";

/** The id of the inert JSON block the workspace script starts from. */
export const BOOT_ID = "dj-workspace";

/**
 * The workspace's HTML shell, the same for `/` and every `/w/...` path, so a reload or a
 * bookmark opens the same page. Its words, the caller and the path back to the root travel
 * as inert JSON (CSP runs no inline script); asset URLs are relative to `root`, so the
 * platform also works behind a proxy that mounts it under a path prefix.
 */
export function renderWorkspacePage(boot: WorkspaceBoot, assets: Pick<WorkspaceAssets, "script" | "style">): string {
  const w = boot.words;
  return `<!doctype html>
<html lang="${LOCALE_INFO[boot.lang].htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${w.title} · ${words(boot.lang).account.platform}`)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(boot.root)}assets/${assets.style.file}">
<script type="module" src="${escapeHtml(boot.root)}assets/${assets.script.file}"></script>
</head>
<body>
<div id="dj-app"><p class="dj-boot">${escapeHtml(w.common.loading)}</p></div>
<noscript><p class="dj-boot">${escapeHtml(w.common.noScript)}</p></noscript>
<script type="application/json" id="${BOOT_ID}">${embedJson(boot)}</script>
</body>
</html>
`;
}

/** The boot data of one request: the words of its language only. */
export function workspaceBoot(lang: Language, root: string, user: WorkspaceBoot["user"]): WorkspaceBoot {
  return { lang, root, user, platform: words(lang).account.platform, words: words(lang).workspace, zones: words(lang).zones.names };
}
