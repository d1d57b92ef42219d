import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The SQLite and PostgreSQL tests use real files and servers; keep them in separate processes.
    pool: 'forks',
  },
});
