/**
 * scripts/setup-test-machine.sh decides from what it finds on PATH: here PATH holds only stubs,
 * so each case plays a machine (fresh, half set up, not root, without apt) and nothing is installed.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/spawn.js";

const script = join(projectRoot, "scripts/setup-test-machine.sh");
const work = mkdtempSync(join(tmpdir(), "setup-machine-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Stub = "chromium" | "fc-list" | "Rscript" | "soffice" | "apt-get";
let machines = 0;

/** Runs the script on a machine with these commands (`fc-list` lists a CJK font, `Rscript` lacks `rLacks`). */
function onMachine(commands: Stub[], options: { uid?: number; rLacks?: string; args?: string[] } = {}) {
  const bin = join(work, `bin-${++machines}`);
  const log = join(bin, "apt-get.log");
  const stubs: Record<string, string> = {
    id: `echo ${options.uid ?? 0}`,
    chromium: "exit 0",
    "fc-list": 'echo "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK SC:style=Regular"',
    Rscript: `printf '%s' '${options.rLacks ?? ""}'`,
    soffice: "exit 0",
    "apt-get": `echo "$@" >> '${log}'`,
  };
  spawnSync("mkdir", ["-p", bin]);
  for (const [name, body] of Object.entries(stubs)) {
    if (name !== "id" && !commands.includes(name as Stub)) continue;
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const run = spawnSync("/bin/bash", [script, ...(options.args ?? [])], { env: { PATH: bin }, encoding: "utf8" });
  return { code: run.status, out: run.stdout + run.stderr, apt: existsSync(log) ? readFileSync(log, "utf8") : "" };
}

const everything: Stub[] = ["chromium", "fc-list", "Rscript", "soffice", "apt-get"];

describe("scripts/setup-test-machine.sh", () => {
  it("does nothing and says nothing where everything is there", () => {
    expect(onMachine(everything)).toEqual({ code: 0, out: "", apt: "" });
  });

  it("on a fresh machine as root, says what it installs and why, then installs it with apt-get", () => {
    const run = onMachine(["apt-get"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("browser tests drive Debian's Chromium");
    expect(run.out).toContain("Chinese glyphs");
    expect(run.out).toContain("R reads the .sav/CSV/XLSX exports back");
    expect(run.out).toContain("LibreOffice");
    expect(run.apt).toContain("update");
    expect(run.apt).toMatch(
      /install -y --no-install-recommends chromium fontconfig fonts-noto-cjk r-base-core r-cran-haven r-cran-foreign r-cran-readxl r-cran-jsonlite r-cran-survey libreoffice-calc-nogui/,
    );
  });

  it("installs only the R packages R lacks", () => {
    const run = onMachine(everything, { rLacks: "readxl survey" });
    expect(run.code).toBe(0);
    expect(run.out).toContain("R lacks readxl survey");
    expect(run.apt).toMatch(/install -y --no-install-recommends r-cran-readxl r-cran-survey -qq\n$/);
  });

  it("stops with the command to run when it is not root, installing nothing", () => {
    const run = onMachine(["apt-get", "fc-list", "Rscript", "soffice"], { uid: 1000 });
    expect(run.code).toBe(1);
    expect(run.out).toContain("installing needs root. Run once: sudo apt-get install -y --no-install-recommends chromium");
    expect(run.apt).toBe("");
  });

  it("stops with a clear message where there is no apt-get", () => {
    const run = onMachine(["fc-list", "Rscript", "soffice"]);
    expect(run.code).toBe(1);
    expect(run.out).toContain("no apt-get here (not Debian or Ubuntu). Install the equivalents of: chromium");
  });

  it("only says what it would install with --dry-run", () => {
    const run = onMachine(["apt-get", "chromium", "fc-list", "Rscript"], { args: ["--dry-run"] });
    expect(run.code).toBe(1);
    expect(run.out).toContain("would run: apt-get install -y --no-install-recommends libreoffice-calc-nogui");
    expect(run.apt).toBe("");
  });
});
