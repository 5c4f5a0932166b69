import { controlCall } from "../control/client.js";
import { AppError } from "../errors.js";
import { createUser, findUser, listUsers } from "../services/accounts/users.js";
import { createToken, listTokens, revokeToken } from "../services/tokens.js";
import { CliError } from "./cli-error.js";
import { openCliDatabase } from "./open.js";
import { runningServer } from "./remote.js";

export interface UserLine {
  login: string;
  name: string;
  admin: boolean;
  disabledAt: string | null;
}
export interface TokenLine {
  id: number;
  label: string;
  user: { login: string } | null;
  createdAt: string;
  revokedAt: string | null;
}

/** What `user` and `token` do, against the database itself or through the running server. */
export interface Accounts {
  createUser(input: { login: string; name: string; password: string; admin: boolean }): Promise<{ login: string; name: string; admin: boolean }>;
  listUsers(): Promise<UserLine[]>;
  createToken(label: string, login?: string): Promise<{ id: number; token: string }>;
  listTokens(): Promise<TokenLine[]>;
  /** The revoked token's label. */
  revokeToken(id: number): Promise<string>;
}

/**
 * Runs `work` on the accounts: through the server's control socket while a server holds the
 * embedded database (two processes must never open it), else on the database directly
 * (PostgreSQL, or an embedded database no server is using).
 */
export async function withAccounts<T>(work: (accounts: Accounts) => Promise<T>): Promise<T> {
  const server = runningServer();
  if (server) return work(remote(server));
  const database = await openCliDatabase();
  try {
    return await work(direct(database.db));
  } finally {
    await database.close();
  }
}

function remote(dataDir: string): Accounts {
  return {
    createUser: (input) => controlCall(dataDir, "POST", "/users", input),
    listUsers: () => controlCall(dataDir, "GET", "/users"),
    createToken: (label, login) => controlCall(dataDir, "POST", "/tokens", { label, login }),
    listTokens: () => controlCall(dataDir, "GET", "/tokens"),
    revokeToken: async (id) => (await controlCall<{ label: string }>(dataDir, "DELETE", `/tokens/${id}`)).label,
  };
}

function direct(db: Parameters<typeof createUser>[0]): Accounts {
  return {
    async createUser(input) {
      try {
        return await createUser(db, input);
      } catch (err) {
        if (err instanceof AppError) throw new CliError(err.detail);
        throw err;
      }
    },
    listUsers: async () => (await listUsers(db)).map((u) => ({ ...u, disabledAt: u.disabledAt?.toISOString() ?? null })),
    async createToken(label, login) {
      const user = login === undefined ? undefined : await findUser(db, login);
      if (login !== undefined && !user) throw new CliError(`There is no account '${login}' (see: npm run cli -- user list).`);
      if (user?.disabledAt) throw new CliError(`The account '${user.login}' is disabled.`);
      return createToken(db, label, user?.id);
    },
    listTokens: async () => (await listTokens(db)).map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null })),
    async revokeToken(id) {
      const label = await revokeToken(db, id);
      if (label === undefined) throw new CliError(`There is no active token with id ${id}.`);
      return label;
    },
  };
}
