import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "../middleware/body-limit.js";
import { phrase, say } from "../../i18n/phrase.js";
import { words } from "../../i18n/words.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { completeSetup, setupCodeUsable } from "../services/accounts/setup.js";
import { signIn } from "../services/accounts/sign-in.js";
import { routeApp } from "../openapi/route-app.js";
import { problemSchema, problems } from "../openapi/schemas.js";
import { type AccountPage, renderAccountPage } from "../web/account-page.js";
import { pageHeaders } from "./pages.js";
import { loginField, nameField, passwordField } from "./users.js";
import { startSession } from "./session.js";

const FORM_LIMIT = 16 * 1024;

/** The form endpoints, checked for the same origin even without a session cookie. */
export const ACCOUNT_FORM_PATHS = ["/login", "/setup"] as const;

/** `?lang=` as the request gave it, to keep in links and form actions. */
function langQuery(c: Context): string {
  const lang = c.req.query("lang");
  return lang ? `?lang=${encodeURIComponent(lang)}` : "";
}

/**
 * Where to go after signing in: a workspace path the sign-in page was sent from
 * (`w/surveys/x/responses`), relative to the root, or the workspace itself. Anything else
 * (another host, `..`, an encoded dot) is ignored, so the link cannot send anyone elsewhere.
 */
export function nextPath(next: string | undefined): string {
  if (!next || !/^w(\/[A-Za-z0-9_~!$&'()*+,;=:@%-][A-Za-z0-9._~!$&'()*+,;=:@%-]*)*\/?$/.test(next) || /%2e/i.test(next)) return "";
  return next;
}

/** The query of the page after sign-in: `?lang=` kept, so the chosen language carries on. */
function afterSignIn(c: Context, next: string | undefined): string {
  return `./${nextPath(next)}${langQuery(c)}`;
}

function page(c: Context, status: 200 | 401 | 403 | 404 | 422 | 429, content: Omit<AccountPage, "lang">) {
  return c.body(renderAccountPage({ lang: c.get("lang"), ...content }), status, pageHeaders);
}

async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
}

const html = (description: string) => ({ description, content: { "text/html": { schema: z.string() } } });
const htmlOrProblem = (description: string) => ({
  description,
  content: { "text/html": { schema: z.string() }, "application/problem+json": { schema: problemSchema } },
});
const form = (fields: string) => ({
  required: true,
  description: `The form's fields: ${fields}`,
  content: { "application/x-www-form-urlencoded": { schema: { type: "object" as const } } },
});
const redirect = { description: "Signed in: the session cookie is set; on to the workspace (Location: ./, or ./w/… from the form's `next`)" };

/** The pages as declared calls: HTML for people, listed in the API document too. */
function declare() {
  const limit = bodyLimit(FORM_LIMIT);
  const tags = ["accounts"];
  return {
    loginForm: createRoute({
      method: "get",
      path: "/login",
      summary: "The sign-in page (HTML)",
      tags,
      request: { query: z.object({ next: z.string().optional().openapi({ description: "The workspace path to return to after signing in (w/…)" }) }) },
      responses: { 200: html("The sign-in form"), ...problems() },
    }),
    login: createRoute({
      method: "post",
      path: "/login",
      summary: "Sign in from the form; a cross-site post is refused",
      tags,
      middleware: [limit] as const,
      request: { body: form("login, password, next (the workspace path to return to)") },
      responses: {
        303: redirect,
        401: html("The form again, with the one generic message"),
        403: htmlOrProblem("Sent from another site"),
        429: html("The form again: this login has to wait (Retry-After)"),
        ...problems(413),
      },
    }),
    setupForm: createRoute({
      method: "get",
      path: "/setup",
      summary: "The first-start page that creates the first administrator (HTML), from the one-time link the banner prints",
      tags,
      request: { query: z.object({ code: z.string().optional().openapi({ description: "The one-time setup code" }) }) },
      responses: { 200: html("The setup form"), 404: html("The code is unknown or used, or an account exists"), ...problems() },
    }),
    setup: createRoute({
      method: "post",
      path: "/setup",
      summary: "Create the first administrator and sign in; the code is spent",
      tags,
      middleware: [limit] as const,
      request: { body: form("code, login, name, password") },
      responses: {
        303: redirect,
        403: htmlOrProblem("The code is unknown or used, an account exists, or the post came from another site"),
        422: html("The form again, naming what does not fit"),
        ...problems(413),
      },
    }),
  };
}

/** GET/POST /login (sign in, then to the workspace) and GET/POST /setup (the first administrator). */
export function accountPageRoutes(db: Db) {
  const routes = declare();

  const loginPage = (c: Context, status: 200 | 401 | 429, login = "", errors: string[] = [], nextInput?: string) => {
    const w = words(c.get("lang")).account;
    const next = nextPath(nextInput ?? c.req.query("next"));
    return page(c, status, {
      title: w.signInTitle,
      errors,
      self: next ? `login?next=${encodeURIComponent(next)}` : "login",
      form: {
        action: `login${langQuery(c)}`,
        submit: w.signIn,
        fields: [
          ...(next ? [{ name: "next", label: "", type: "hidden" as const, value: next }] : []),
          { name: "login", label: w.login, type: "text", value: login, autocomplete: "username" },
          { name: "password", label: w.password, type: "password", autocomplete: "current-password" },
        ],
      },
    });
  };

  const setupPage = (c: Context, status: 200 | 422, code: string, values: Record<string, string> = {}, errors: string[] = []) => {
    const w = words(c.get("lang")).account;
    return page(c, status, {
      title: w.setupTitle,
      intro: w.setupIntro,
      errors,
      self: `setup?code=${encodeURIComponent(code)}`,
      form: {
        action: `setup${langQuery(c)}`,
        submit: w.createAdmin,
        fields: [
          { name: "code", label: "", type: "hidden", value: code },
          { name: "login", label: w.login, type: "text", value: values.login ?? "", hint: w.loginHint, autocomplete: "username" },
          { name: "name", label: w.name, type: "text", value: values.name ?? "", autocomplete: "name" },
          { name: "password", label: w.password, type: "password", hint: w.passwordHint, autocomplete: "new-password" },
        ],
      },
    });
  };

  const setupUnusable = (c: Context, status: 403 | 404) => {
    const w = words(c.get("lang")).account;
    return page(c, status, {
      title: w.setupUsedTitle,
      errors: [say(c.get("lang"), phrase("accounts.setupInvalid"))],
      self: "setup",
      link: { href: `login${langQuery(c)}`, text: w.toSignIn },
    });
  };

  return routeApp()
    .openapi(routes.loginForm, (c) => loginPage(c, 200))
    .openapi(routes.login, async (c) => {
      const form = await formFields(c);
      try {
        await startSession(c, db, () => signIn(db, form.login ?? "", form.password ?? ""));
      } catch (err) {
        if (err instanceof AppError && (err.status === 401 || err.status === 429)) {
          return loginPage(c, err.status, form.login ?? "", [say(c.get("lang"), err.wording ?? { en: err.detail })], form.next);
        }
        throw err;
      }
      return c.redirect(afterSignIn(c, form.next), 303);
    })
    .openapi(routes.setupForm, async (c) => {
      const code = c.req.query("code") ?? "";
      if (!(await setupCodeUsable(db, code))) return setupUnusable(c, 404);
      return setupPage(c, 200, code);
    })
    .openapi(routes.setup, async (c) => {
      const form = await formFields(c);
      const code = form.code ?? "";
      if (!(await setupCodeUsable(db, code))) return setupUnusable(c, 403);
      const login = loginField.safeParse(form.login ?? "");
      const name = nameField.safeParse(form.name ?? "");
      const password = passwordField.safeParse(form.password ?? "");
      const errors = [
        ...(login.success ? [] : [`${words(c.get("lang")).account.login}: ${login.error.issues[0].message}`]),
        ...(name.success ? [] : [`${words(c.get("lang")).account.name}: ${name.error.issues[0].message}`]),
        ...(password.success ? [] : [`${words(c.get("lang")).account.password}: ${password.error.issues[0].message}`]),
      ];
      if (!login.success || !name.success || !password.success) return setupPage(c, 422, code, form, errors);
      try {
        await startSession(c, db, () => completeSetup(db, code, { login: login.data, name: name.data, password: password.data }));
      } catch (err) {
        if (err instanceof AppError && err.code === "forbidden") return setupUnusable(c, 403);
        throw err;
      }
      return c.redirect(afterSignIn(c, undefined), 303);
    });
}
