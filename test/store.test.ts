import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SqliteStore, MIGRATIONS, ftsQuery } from '../src/store/sqlite.js';
import { ingest } from '../src/ingest.js';
import { DEV_DIR, tmp } from './helpers.js';

describe('SQLite store', () => {
  const path = join(tmp(), 'sub', 'attache.db');
  let store: SqliteStore;
  beforeAll(async () => {
    store = new SqliteStore(path);
    expect(await store.migrate()).toBe(MIGRATIONS.length);
  });
  afterAll(async () => store.close());

  it('creates one real file with a versioned schema', () => {
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect((raw.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as any).v).toBe(MIGRATIONS.length);
    raw.close();
  });

  it('ingests the dev set once, and a second run stores nothing twice', async () => {
    const first = await ingest(store, [DEV_DIR]);
    expect(first.read).toBe(5);
    expect(first.new).toBe(5);
    expect(first.failed).toBe(0);
    const second = await ingest(store, [DEV_DIR]);
    expect(second.new).toBe(0);
    expect(second.duplicate).toBe(5);
    const s = await store.stats();
    expect(s.documents).toBe(5);
    expect(s.events).toBe(first.events);
  });

  it('searches without case or diacritics', async () => {
    const a = await store.searchEvents({ q: 'doi thoai' });
    const b = await store.searchEvents({ q: 'Đối thoại' });
    expect(a.total).toBeGreaterThan(0);
    expect(a.total).toBe(b.total);
    // "hoa binh" finds the text written "hòa bình" (and would find "hoà bình").
    expect((await store.searchEvents({ q: 'hoa binh' })).events.some((e) => e.event.countries.includes('GBR'))).toBe(true);
    expect((await store.searchEvents({ q: '"chinh sach quoc phong"' })).total).toBeGreaterThan(0);
  });

  it('filters by country, partner, type, area, dates and language', async () => {
    expect((await store.searchEvents({ country: 'VNM', partner: 'IDN' })).events.map((e) => e.event.type)).toEqual(['working_group']);
    expect((await store.searchEvents({ type: 'dialogue' })).total).toBeGreaterThanOrEqual(2);
    expect((await store.searchEvents({ area: 'search_rescue' })).events.every((e) => e.event.areas.includes('search_rescue'))).toBe(true);
    expect((await store.searchEvents({ from: '2021', to: '2021' })).events.every((e) => e.event.date?.value.startsWith('2021'))).toBe(true);
    expect((await store.searchEvents({ lang: 'vi' })).total).toBeGreaterThanOrEqual(4);
  });

  it('returns an event with its evidence pointing into the stored text', async () => {
    const { events } = await store.searchEvents({ country: 'IDN' });
    const e = (await store.getEvent(events[0].id))!;
    const doc = (await store.getDocument(e.documentId))!;
    const ev = e.event.evidence['mechanism.edition'][0];
    expect(doc.text.slice(ev.start, ev.end)).toMatch(/lần thứ 4/);
  });

  it('extracts the same events on worker threads as in one thread', async () => {
    const other = new SqliteStore(join(tmp(), 'workers.db'));
    await other.migrate();
    const r = await ingest(other, [DEV_DIR], { workers: 2 });
    expect(r.new).toBe(5);
    const mine = (await store.searchEvents({ limit: 100, includeWrong: true })).events.map((e) => [e.id, e.event.type, e.event.countries.join()]);
    const theirs = (await other.searchEvents({ limit: 100, includeWrong: true })).events.map((e) => [e.id, e.event.type, e.event.countries.join()]);
    expect(theirs.sort()).toEqual(mine.sort());
    await other.close();
  });

  it('quotes every word of a search so nothing is read as an operator', () => {
    expect(ftsQuery('doi thoai OR NEAR')).toBe('"doi" AND "thoai" AND "or" AND "near"');
    expect(ftsQuery('"hoà bình" Cuba')).toBe('"hoa binh" AND "cuba"');
  });
});
