import { PASSWORD_MAX, PASSWORD_MIN } from "../services/accounts/passwords.js";
import { LOGIN_PATTERN, normaliseLogin } from "../services/accounts/users.js";
import { withAccounts } from "./accounts.js";
import { HelpRequested, asksForHelp, parseCommandArgs } from "./args.js";
import { CliError } from "./cli-error.js";
import { readNewPassword } from "./read-password.js";

export const userHelp = `npm run cli -- user <command>

Workspace accounts (sign in at /login; passwords are stored as argon2id hashes). Works
while the server runs: on the embedded database the command asks the running server.

Commands:
  create <login> [--admin] [--name <name>]
                   make an account; the password is read from standard input when it is
                   not a terminal (echo "$PASSWORD" | npm run cli -- user create zhangsan),
                   else asked twice without showing it
  list             list accounts: login, name, administrator, disabled
`;

/** Splits `create` arguments: the login, --admin, --name N. */
function parseCreate(args: string[]): { login: string; admin: boolean; name?: string } {
  const { values, positionals: rest } = parseCommandArgs(args, userHelp, { admin: { type: "boolean" }, name: { type: "string" } });
  const admin = values.admin === true;
  const name = values.name;
  if (rest.length !== 1) throw new CliError(`user create needs one login, e.g. npm run cli -- user create zhangsan --admin\n\n${userHelp}`);
  const login = normaliseLogin(rest[0]);
  if (!LOGIN_PATTERN.test(login)) throw new CliError(`'${rest[0]}' is not a valid login: use 1–64 letters, digits, '.', '_', '-' or '@'.`);
  return { login, admin, name };
}

/** `user create|list`. */
export async function userCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (!sub || asksForHelp(args)) throw new HelpRequested(userHelp);
  if (sub === "create") {
    const options = parseCreate(rest);
    const password = await readNewPassword();
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
      throw new CliError(`The password must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters: no account was created.`);
    const user = await withAccounts((accounts) => accounts.createUser({ login: options.login, name: options.name ?? options.login, password, admin: options.admin }));
    process.stdout.write(`Account ${user.login} (${user.name})${user.admin ? ", administrator," : ""} created. Sign in at /login.\n`);
    return;
  }
  if (sub === "list") {
    parseCommandArgs(rest, userHelp, {}, 0);
    const rows = await withAccounts((accounts) => accounts.listUsers());
    if (rows.length === 0) process.stdout.write("No accounts yet: npm run cli -- user create <login> --admin\n");
    for (const u of rows) process.stdout.write(`${u.login}\t${u.name}\t${u.admin ? "admin" : "-"}\t${u.disabledAt ? `disabled ${u.disabledAt}` : "active"}\n`);
    return;
  }
  throw new CliError(`Unknown user command '${sub}'.\n\n${userHelp}`);
}
