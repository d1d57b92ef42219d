import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ingest } from '../../src/ingest.js';

/**
 * A real Attaché server for tests: a fresh SQLite file with the samples
 * ingested, the real app (API and built dashboard) on a free loopback port.
 */

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLES = join(ROOT, 'samples');
export const TOKEN = 'test-token-123';

export interface TestServer {
  url: string;
  store: SqliteStore;
  dbPath: string;
  /** Stop serving (the store stays open until close()). */
  stop: () => Promise<void>;
  close: () => Promise<void>;
}

export async function listen(store: SqliteStore, token: string | null = TOKEN): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = createApp({ store, token });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

export async function startServer(opts: { token?: string | null } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-web-'));
  const dbPath = join(dir, 'test.db');
  const store = new SqliteStore(dbPath);
  await store.migrate();
  const summary = await ingest(store, [SAMPLES]);
  if (summary.new === 0) throw new Error('no sample was ingested');
  const { url, stop } = await listen(store, opts.token === undefined ? TOKEN : opts.token);
  return {
    url,
    store,
    dbPath,
    stop,
    close: async () => {
      await stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
