import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PGlite boots a WASM PostgreSQL per file and the browser tests start Chromium:
    // both need more than vitest's 5 s default.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only make PGlite start-up slower.
    maxWorkers: 2,
  },
});
