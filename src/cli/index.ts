import { HelpRequested } from "./args.js";
import { CliError } from "./cli-error.js";
import { demoCommand } from "./demo.js";
import { exportCommand } from "./export.js";
import { importCommand } from "./import.js";
import { reportCommand } from "./report.js";
import { tokenCommand } from "./token.js";
import { userCommand } from "./user.js";

const help = `npm run cli -- <command> [options]

Commands:
  user create <login>    make a workspace account (--admin, --name N; password from stdin or a prompt)
  user list              list accounts
  token create <label> --user <login>
                         make a researcher token for an account (printed once)
  token list             list researcher tokens
  token revoke <id>      revoke a researcher token
  demo load              load the reference study's 1,812 demo responses (idempotent)
  export <survey>        export raw responses (csv, xlsx, jsonl, sav) with a codebook
  import <survey> <file> import a CSV/XLSX of responses: all rows or none
  report <survey>        the report bundle (HTML, charts, workbook) of a report definition

Settings come from the environment, as for npm start:
  DATABASE_URL   postgres://… to use a PostgreSQL server (default: embedded PGlite)
  DATA_DIR       where the embedded database lives (default ./data)

Run "npm run cli -- <command> --help" for a command's own help.
`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  user: userCommand,
  token: tokenCommand,
  demo: demoCommand,
  export: exportCommand,
  import: importCommand,
  report: reportCommand,
};

async function main(argv: string[]) {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") throw new HelpRequested(help);
  const command = commands[name];
  if (!command) throw new CliError(`Unknown command '${name}'.\n\n${help}`);
  await command(args);
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof HelpRequested) {
    process.stdout.write(err.usage);
    process.exit(0);
  }
  if (err instanceof CliError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
