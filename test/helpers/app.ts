import { createApp, type AppDeps } from "../../src/app.js";
import type { Database } from "../../src/db/client.js";

/**
 * The real app on a test database, with every response held to its declared contract
 * (status, content type, JSON schema): an API test that meets a breach gets a 500.
 */
export function testApp(database: Database, deps: Partial<AppDeps> = {}) {
  return createApp({ db: database.db, kind: database.kind, checkResponses: true, ...deps });
}
