import { zonedDateTime } from "../lib/time-zone.js";
import { withAccounts } from "./accounts.js";
import { HelpRequested, asksForHelp, parseCommandArgs } from "./args.js";
import { CliError } from "./cli-error.js";

export const tokenHelp = `npm run cli -- token <command>

Researcher tokens (Authorization: Bearer <token>) for the researcher API. Works while the
server runs: on the embedded database the command asks the running server.

Commands:
  create <label> --user <login>
                   make a token for an account and print it; only its hash is stored, so
                   copy it now. It acts with that account's rights and stops working when
                   the account is disabled or the token revoked (also in the workspace)
  list             list tokens: id, label, account, created, revoked
  revoke <id>      revoke a token by its id
`;

/** The header of `token list`, in the bilingual style of the other CLI tables. */
const TOKEN_COLUMNS = ["编号 id", "名称 label", "账户 account", "创建 created", "状态 state"];

/**
 * An ISO time (from the database or the running server) as the wall-clock time of this
 * machine's zone (TZ), with the offset so that it cannot be misread.
 */
function localTime(iso: string): string {
  return zonedDateTime(Date.parse(iso), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** `create` arguments: the label's words and `--user <login>`. */
function parseCreate(args: string[]): { label: string; login?: string } {
  const { values, positionals } = parseCommandArgs(args, tokenHelp, { user: { type: "string" } });
  return { label: positionals.join(" ").trim(), login: values.user };
}

/** `token create|list|revoke`. */
export async function tokenCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (!sub || asksForHelp(args)) throw new HelpRequested(tokenHelp);
  if (sub === "create") {
    const { label, login } = parseCreate(rest);
    if (!label || !login)
      throw new CliError(`token create needs a label and the account it acts for, e.g. npm run cli -- token create "北京课题组 张三" --user zhangsan\n\n${tokenHelp}`);
    const { id, token } = await withAccounts((accounts) => accounts.createToken(label, login));
    process.stderr.write(`Token ${id} (${label}) for ${login} created. It is shown only once; store it safely:\n`);
    process.stdout.write(`${token}\n`);
    return;
  }
  if (sub === "list") {
    parseCommandArgs(rest, tokenHelp, {}, 0);
    const rows = await withAccounts((accounts) => accounts.listTokens());
    if (rows.length === 0) {
      process.stdout.write("No tokens yet: npm run cli -- token create <label> --user <login>\n");
      return;
    }
    process.stdout.write(`${TOKEN_COLUMNS.join("\t")}\n`);
    for (const r of rows) {
      const state = r.revokedAt ? `revoked ${localTime(r.revokedAt)}` : "active";
      process.stdout.write(`${r.id}\t${r.label}\t${r.user?.login ?? "(no account)"}\t${localTime(r.createdAt)}\t${state}\n`);
    }
    return;
  }
  if (sub === "revoke") {
    const { positionals } = parseCommandArgs(rest, tokenHelp, {}, 1);
    const id = Number(positionals[0]);
    if (!Number.isInteger(id) || id <= 0) throw new CliError("token revoke needs the token's id (see: npm run cli -- token list)");
    await withAccounts((accounts) => accounts.revokeToken(id));
    process.stdout.write(`Token ${id} revoked.\n`);
    return;
  }
  throw new CliError(`Unknown token command '${sub}'.\n\n${tokenHelp}`);
}
