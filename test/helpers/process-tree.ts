import { readdirSync, readFileSync } from "node:fs";

/** A process below another one: its id and its parent's. */
export interface TreeProcess {
  pid: number;
  ppid: number;
}

/** Every process below `root` (tsx starts node, which may fork workers), read from /proc. */
export function descendants(root: number): TreeProcess[] {
  const all: TreeProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      all.push({ pid: Number(entry), ppid: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) });
    } catch {
      // gone meanwhile
    }
  }
  const found: TreeProcess[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const parent = todo.pop() as number;
    for (const child of all.filter((p) => p.ppid === parent)) {
      found.push(child);
      todo.push(child.pid);
    }
  }
  return found;
}

/** Resident memory of `root` and every process below it, in MB. */
export function treeRssMb(root: number): number {
  let kb = 0;
  for (const pid of [root, ...descendants(root).map((p) => p.pid)]) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kb / 1024);
}
