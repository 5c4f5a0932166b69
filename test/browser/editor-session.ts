/**
 * The shared set-up of the editor's browser tests: one seeded workspace (database, server,
 * Chromium) per file, a fresh signed-in page per test whose page errors and CSP violations fail
 * it, and the locators and calls every editor test uses. Call {@link editorSession} once at the
 * top of a test file: it registers the hooks and hands back the session the tests read.
 */
import { mkdirSync } from "node:fs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { newPage, openWorkspace, signInByApi, type Workspace } from "./workspace-server.js";

/** Where the editor tests put their screenshots (not committed). */
export const SCREENS = "/tmp/editor-screens";

/** A draft as GET …/draft answers it, typed as far as the tests read it. */
export interface DraftOnServer {
  revision: number;
  json: { title?: unknown; pages: { name?: string; elements: Record<string, unknown>[] }[] } & Record<string, unknown>;
  converted?: string[];
  traditionalStandard?: string;
}

export interface EditorSession {
  readonly workspace: Workspace;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Opens a fresh page (1600 × 1000 unless told) in a new context, signed in as the administrator. */
  open(options?: { width?: number; height?: number; locale?: string }): Promise<Page>;
  /** An absolute URL of the test server. */
  url(path: string): string;
  /** The live preview's survey. */
  preview(): Locator;
  /** A field of the element form, by its `data-field`. */
  field(name: string): Locator;
  /** The outline's names in order. */
  outlineNames(): Promise<(string | null)[]>;
  /** Presses Save and waits until the draft is saved. */
  save(): Promise<void>;
  /** The survey's draft as the server keeps it. */
  draftOnServer(name: string): Promise<DraftOnServer>;
  /** A call to the API with the page's session, in Simplified Chinese. */
  api(method: "GET" | "POST" | "PATCH" | "PUT", path: string, data?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** Registers the hooks of an editor test file and answers the session its tests use. */
export function editorSession(): EditorSession {
  let workspace: Workspace | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    workspace = await openWorkspace();
  }, 120_000);
  afterAll(async () => workspace?.close());
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(problems).toEqual([]);
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`editorSession: no ${what} yet (call open() first)`);
    return value;
  };
  const session: EditorSession = {
    get workspace() {
      return need(workspace, "workspace");
    },
    get context() {
      return need(context, "browser context");
    },
    get page() {
      return need(page, "page");
    },
    async open(options = {}) {
      const opened = await newPage(session.workspace, { width: 1600, height: 1000, ...options });
      ({ context, page, problems } = opened);
      await signInByApi(session.workspace, opened.context);
      return opened.page;
    },
    url: (path) => `${session.workspace.server.origin}${path}`,
    preview: () => session.page.locator(".preview-survey"),
    field: (name) => session.page.locator(`.element-form [data-field="${name}"]`),
    outlineNames: () => session.page.locator(".outline-row[data-name]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name"))),
    async save() {
      await session.page.getByRole("button", { name: "保存", exact: true }).click();
      await session.page.locator('[data-save="saved"]').waitFor();
    },
    async draftOnServer(name) {
      const res = await session.context.request.get(session.url(`/api/surveys/${name}/draft`));
      expect(res.status()).toBe(200);
      return (await res.json()) as DraftOnServer;
    },
    async api(method, path, data) {
      const res = await session.context.request.fetch(session.url(path), { method, data, headers: { "accept-language": "zh-Hans" } });
      return { status: res.status(), body: (await res.json().catch(() => null)) as Record<string, unknown> };
    },
  };
  return session;
}
