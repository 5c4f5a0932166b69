// Patches postgres.js (the PostgreSQL client) after `npm ci` / `npm install`: run as npm's postinstall.
//
// Why: postgres.js 3.4.9 (the newest release) crashes the whole process when the database drops a
// connection under load (porsager/postgres#1154, #1208, open PRs #1168, #1176): a transaction whose
// connection closed still sends its ROLLBACK through that connection; the write is put off with
// setImmediate and then runs `socket.write` on the socket `closed()` has set to null, a TypeError thrown
// from a timer that no caller can catch. The teardown also leaves the cancelled timer's handle and the
// unsent bytes behind, so the next StartupMessage on that connection is glued after stale bytes and
// never flushed (the connection hangs until connect_timeout).
//
// The patch, in each of the package's three builds (src, cjs, cf):
// 1. connection.js `execute`: a query given to a connection without a socket fails with CONNECTION_CLOSED;
// 2. connection.js `nextWrite`: nothing to write to, nothing written (the guard of the upstream PRs);
// 3. connection.js `terminate`/`closed`: forget the cancelled write timer and its unsent bytes, and in
//    `closed` the dead session's last ErrorResponse, which otherwise fails the next session's first query,
//    and its failed query, which otherwise keeps `sql.end()` waiting for ever;
// 4. connection.js `ReadyForQuery`: the new connection's array-types query no longer rejects unhandled
//    (the second way a dropped connection ends the process);
// 5. index.js `begin`: once the transaction's connection has closed, its later queries (the ROLLBACK)
//    fail at once instead of going to a connection that may by then be opening for somebody else.
//
// Each edit names the exact text it replaces; when the installed version is not the one patched here or
// a text is missing, this stops with an error, so an upgrade cannot silently drop the fix.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PATCHED_VERSION = "3.4.9";
const MARK = "/* dj-patch: postgres-null-socket */";

const edits = {
  "connection.js": [
    {
      find: "      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))\n",
      replace: `      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))\n\n    ${MARK}\n    if (!socket)\n      return queryError(q, Errors.connection('CONNECTION_CLOSED', options))\n`,
      count: 1,
    },
    {
      find: "  function nextWrite(fn) {\n",
      replace: `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket)\n      return (chunk = nextWriteTimer = null, true)\n`,
      count: 1,
    },
    {
      find: "\n    clearImmediate(nextWriteTimer)\n",
      replace: `\n    clearImmediate(nextWriteTimer)\n    nextWriteTimer = chunk = null ${MARK}\n`,
      count: 2,
    },
    {
      // In closed(): an ErrorResponse (57P01 "terminating connection") kept from the dead session would
      // otherwise fail the first query of the next one.
      find: `nextWriteTimer = chunk = null ${MARK}\n    socket.removeListener('data', data)\n`,
      replace: `nextWriteTimer = chunk = null ${MARK}\n    errorResponse = null\n    socket.removeListener('data', data)\n`,
      count: 1,
    },
    {
      // In closed(): the query in flight has been failed by now; kept, it keeps `end()` waiting for ever.
      find: "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n",
      replace: `    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n    query = null ${MARK}\n`,
      count: 1,
    },
    {
      // ReadyForQuery starts the array-types query of a new connection and drops its promise: when the
      // connection dies meanwhile, that rejection is unhandled and ends the process. closed() already
      // retries or fails the waiting query, so the rejection itself needs no handling.
      find: "        return fetchArrayTypes()\n",
      replace: `        return fetchArrayTypes().catch(() => { ${MARK} })\n`,
      count: 1,
    },
  ],
  "index.js": [
    {
      find: "      , connection\n",
      replace: `      , connection\n      , closedError = null ${MARK}\n`,
      count: 1,
    },
    {
      find: "new Promise((_, reject) => connection.onclose = reject)",
      replace: `new Promise((_, reject) => connection.onclose = e => { ${MARK}\n          closedError = e\n          while (queries.length) queries.shift().reject(e)\n          reject(e)\n        })`,
      count: 1,
    },
    {
      find: "        q.catch(e => uncaughtError || (uncaughtError = e))\n",
      replace: `        q.catch(e => uncaughtError || (uncaughtError = e))\n        if (closedError) ${MARK}\n          return q.reject(closedError)\n`,
      count: 1,
    },
  ],
};

// The package has no ./package.json export, so it is found where npm installs it.
const root = fileURLToPath(new URL("../node_modules/postgres", import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

let changed = 0;
for (const build of ["src", "cjs/src", "cf/src"]) {
  for (const [file, list] of Object.entries(edits)) {
    const path = join(root, build, file);
    let text = readFileSync(path, "utf8");
    if (text.includes(MARK)) continue;
    if (version !== PATCHED_VERSION) {
      throw new Error(
        `scripts/patch-postgres.mjs patches postgres ${PATCHED_VERSION}, found ${version}: check whether the new release fixes porsager/postgres#1208, then update or drop this patch`,
      );
    }
    for (const { find, replace, count } of list) {
      const found = text.split(find).length - 1;
      if (found !== count) throw new Error(`${path}: expected ${count} × ${JSON.stringify(find)}, found ${found}`);
      text = text.split(find).join(replace);
    }
    writeFileSync(path, text);
    changed++;
  }
}
console.log(changed ? `postgres ${version}: patched ${changed} files (null socket after a dropped connection)` : `postgres ${version}: already patched`);
