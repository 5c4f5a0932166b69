import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./cli-error.js";

/** The options a command accepts, as node:util's parseArgs declares them. */
export type CliOptions = NonNullable<ParseArgsConfig["options"]>;

/**
 * Asked for help: the command prints `usage` and does nothing else (exit 0). Thrown, not
 * returned, so no command can go on to open a database or make anything after the parse.
 */
export class HelpRequested extends Error {
  constructor(readonly usage: string) {
    super("help requested");
    this.name = "HelpRequested";
  }
}

/** `--help` or `-h` anywhere before a `--` (after it, words are values, e.g. a label "-h"). */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

/**
 * The one argument parser of the command line: help first, then strict options (an unknown
 * option, or one missing its value, is a CliError followed by the usage, exit 2).
 * @param max the most positional words the command takes (more are refused with the usage)
 */
export function parseCommandArgs<const O extends CliOptions>(args: readonly string[], usage: string, options: O, max = Number.POSITIVE_INFINITY) {
  if (asksForHelp(args)) throw new HelpRequested(usage);
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util words it "Unknown option '--x'. …" or "Option '--x <value>' argument missing".
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
  if (parsed.positionals.length > max) throw new CliError(`Unexpected argument '${parsed.positionals[max]}'.\n\n${usage}`);
  return parsed;
}
