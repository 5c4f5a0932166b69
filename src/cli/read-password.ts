import { CliError } from "./cli-error.js";

/** Reads all of standard input; the password is its first line (a piped `echo` adds a newline). */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (typed: string) => {
      for (const ch of typed) {
        if (ch === "\r" || ch === "\n") return (finish(), resolve(value));
        if (ch === "\u0003" || ch === "\u0004") return (finish(), reject(new CliError("Cancelled: no account was created.")));
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}

/**
 * A new password: the first line of standard input when it is not a terminal (scripts,
 * `echo … | npm run cli -- user create …`), else typed twice at a prompt that shows nothing.
 */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await askHidden("Password 密码: ");
  const again = await askHidden("Again 再次输入: ");
  if (first !== again) throw new CliError("The two passwords differ: no account was created.");
  return first;
}
