/**
 * What the tests need from the machine beyond node_modules. `npm test` installs it first
 * (scripts/setup-test-machine.sh, its pretest step), so a test that finds it missing fails,
 * saying how to get it, instead of skipping: a skipped read-back proves nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

const SETUP = "run npm test (its pretest step, scripts/setup-test-machine.sh, installs it)";

/** Throws unless `command` is on PATH. */
export function requireCommand(command: string, debianPackage: string): void {
  if (!(process.env.PATH ?? "").split(delimiter).some((d) => d && existsSync(join(d, command)))) {
    throw new Error(`${command} is not installed: ${SETUP}, or apt-get install ${debianPackage}`);
  }
}

/** Throws unless the file (a system font) exists. */
export function requireFile(path: string, debianPackage: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${SETUP}, or apt-get install ${debianPackage}`);
}

/** Throws unless Rscript runs and has these packages. */
export function requireRPackages(packages: readonly string[]): void {
  requireCommand("Rscript", "r-base-core");
  const list = packages.map((p) => `"${p}"`).join(", ");
  const probe = spawnSync("Rscript", ["-e", `p <- c(${list}); cat(p[!vapply(p, requireNamespace, logical(1), quietly = TRUE)])`], { encoding: "utf8" });
  const missing = probe.stdout.trim();
  if (probe.status !== 0 || missing !== "") {
    throw new Error(
      `R lacks ${missing || list}: ${SETUP}, or apt-get install ${(missing || packages.join(" "))
        .split(" ")
        .map((p) => `r-cran-${p}`)
        .join(" ")}`,
    );
  }
}
