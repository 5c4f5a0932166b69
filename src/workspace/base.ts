/**
 * The platform's root as an absolute path (`/`, or `/prefix/` behind a proxy), worked out
 * once from the relative root the server put in the page and the page's own address.
 */
let base = "/";

/** Sets the root from the boot data (once, at start). */
export function setBase(relativeRoot: string) {
  base = new URL(relativeRoot, window.location.href).pathname;
}

/** An absolute path under the platform's root: `at("api/surveys")` is `/api/surveys`. */
export function at(path: string): string {
  return base + path;
}

/** The path below the root: `/w/tokens` is `w/tokens`. */
export function belowBase(pathname: string): string {
  return pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, "");
}
