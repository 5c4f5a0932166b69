import type { Database } from "../../src/db/client.js";
import { createUser } from "../../src/services/accounts/users.js";
import type { testApp } from "./app.js";

/** The `name=value` of the session cookie a response sets, or undefined. */
export function sessionCookieOf(res: Response): string | undefined {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("dj_session="));
  return set?.split(";")[0];
}

/** Creates an account and signs it in through the API; returns the cookie header value. */
export async function signedInCookie(app: ReturnType<typeof testApp>, database: Database, login: string, options: { admin?: boolean; password?: string } = {}) {
  const password = options.password ?? "correct horse battery";
  await createUser(database.db, { login, name: login, password, admin: options.admin });
  const res = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login, password }) });
  if (res.status !== 201) throw new Error(`sign-in of ${login} answered ${res.status}: ${await res.text()}`);
  return sessionCookieOf(res)!;
}
