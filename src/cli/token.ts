import { createToken, listTokens, revokeToken } from "../services/tokens.js";
import { openCliDatabase } from "./open.js";
import { CliError } from "./cli-error.js";

export const tokenHelp = `npm run cli -- token <command>

Researcher tokens (Authorization: Bearer <token>) for the researcher API.

Commands:
  create <label>   make a token and print it; only its hash is stored, so copy it now
  list             list tokens: id, label, created, revoked
  revoke <id>      revoke a token by its id
`;

/** `token create|list|revoke`. */
export async function tokenCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (!sub || sub === "--help" || sub === "-h") {
    process.stdout.write(tokenHelp);
    return;
  }
  if (sub === "create") {
    const label = rest.join(" ").trim();
    if (!label) throw new CliError('token create needs a label, e.g. npm run cli -- token create "北京课题组 张三"');
    const database = await openCliDatabase();
    try {
      const { id, token } = await createToken(database.db, label);
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
