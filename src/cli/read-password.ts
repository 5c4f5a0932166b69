import { CliError } from "./cli-error.js";

/** Reads all of standard input; the password is its first line (a piped `echo` adds a newline). */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
}

/** Typed ahead of a prompt (pasted lines arrive in one chunk): read by the next prompt. */
let typedAhead = "";

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    let done = false;
    const finish = () => {
      done = true;
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (typed: string) => {
      const chars = [...typed];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        if (ch === "\r" || ch === "\n") {
          typedAhead = chars.slice(i + 1).join("");
          finish();
          return resolve(value);
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish();
          return reject(new CliError("Cancelled: no account was created."));
        }
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
    if (typedAhead) {
      const ahead = typedAhead;
      typedAhead = "";
      onData(ahead);
    }
    if (!done) stdin.resume();
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
