/**
 * The workspace's script, bundled by src/web/workspace-bundle.ts. It reads the boot data
 * the server put in the page as inert JSON (words of one language, the signed-in account,
 * the way to the root) and renders the pages with Preact. Everything a user typed is
 * rendered as text nodes: no HTML from data, ever.
 */
import { render } from "preact";
import { setApiLanguage } from "./api.js";
import { App } from "./app.js";
import { setBase } from "./base.js";
import type { WorkspaceBoot } from "./boot.js";
import { BootContext } from "./context.js";
// The editor's preview needs SurveyJS's styles. esbuild gives a lazy chunk's CSS a file nothing
// loads, so they go into the one style sheet (class-scoped: other pages are untouched).
import "survey-core/survey-core.fontless.min.css";
import "./workspace.css";

const BOOT_ID = "dj-workspace";

function start() {
  const data = document.getElementById(BOOT_ID)?.textContent;
  const root = document.getElementById("dj-app");
  if (!data || !root) throw new Error("workspace: the page has no boot data or no #dj-app");
  const boot = JSON.parse(data) as WorkspaceBoot;
  setBase(boot.root);
  setApiLanguage(boot.lang);
  // ?lang= has done its work (the server remembered it in a cookie): keep addresses clean.
  const url = new URL(window.location.href);
  if (url.searchParams.has("lang")) {
    url.searchParams.delete("lang");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
  root.textContent = "";
  render(
    <BootContext.Provider value={boot}>
      <App />
    </BootContext.Provider>,
    root,
  );
}

start();
