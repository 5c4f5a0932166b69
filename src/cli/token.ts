import { findUser } from "../services/accounts/users.js";
import { createToken, listTokens, revokeToken } from "../services/tokens.js";
import { openCliDatabase } from "./open.js";
import { CliError } from "./cli-error.js";

export const tokenHelp = `npm run cli -- token <command>

Researcher tokens (Authorization: Bearer <token>) for the researcher API.

Commands:
  create <label> [--user <login>]
                   make a token and print it; only its hash is stored, so copy it now.
                   With --user it acts as that account and stops working when the
                   account is disabled; without, it is a legacy token that reaches every survey
  list             list tokens: id, label, created, revoked
  revoke <id>      revoke a token by its id
`;

/** `create` arguments: the label's words and `--user <login>`. */
function parseCreate(args: string[]): { label: string; login?: string } {
  const words: string[] = [];
  let login: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--user") {
      login = args[++i];
      if (!login) throw new CliError("--user needs a login, e.g. --user zhangsan");
    } else if (args[i].startsWith("--user=")) login = args[i].slice("--user=".length);
    else words.push(args[i]);
  }
  return { label: words.join(" ").trim(), login };
}

/** `token create|list|revoke`. */
export async function tokenCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (!sub || sub === "--help" || sub === "-h") {
    process.stdout.write(tokenHelp);
    return;
  }
  if (sub === "create") {
    const { label, login } = parseCreate(rest);
    if (!label) throw new CliError('token create needs a label, e.g. npm run cli -- token create "北京课题组 张三"');
    const database = await openCliDatabase();
    try {
      const user = login === undefined ? undefined : await findUser(database.db, login);
      if (login !== undefined && !user) throw new CliError(`There is no account '${login}' (see: npm run cli -- user list).`);
      if (user?.disabledAt) throw new CliError(`The account '${user.login}' is disabled.`);
      const { id, token } = await createToken(database.db, label, user?.id);
      process.stderr.write(`Token ${id} (${label}) created. It is shown only once; store it safely:\n`);
      process.stdout.write(`${token}\n`);
    } finally {
      await database.close();
    }
    return;
  }
  if (sub === "list") {
    const database = await openCliDatabase();
    try {
      const rows = await listTokens(database.db);
      if (rows.length === 0) process.stdout.write("No tokens yet: npm run cli -- token create <label>\n");
      for (const r of rows) {
        const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : "active";
        process.stdout.write(`${r.id}\t${r.label}\t${r.createdAt.toISOString()}\t${state}\n`);
      }
    } finally {
      await database.close();
    }
    return;
  }
  if (sub === "revoke") {
    const id = Number(rest[0]);
    if (!Number.isInteger(id) || id <= 0) throw new CliError("token revoke needs the token's id (see: npm run cli -- token list)");
    const database = await openCliDatabase();
    try {
      if (!(await revokeToken(database.db, id))) throw new CliError(`There is no active token with id ${id}.`);
      process.stdout.write(`Token ${id} revoked.\n`);
    } finally {
      await database.close();
    }
    return;
  }
  throw new CliError(`Unknown token command '${sub}'.\n\n${tokenHelp}`);
}
