import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { SqliteStore } from '../src/store/sqlite.js';
import { ingest } from '../src/ingest.js';
import { listen, startServer, SAMPLES, TOKEN, type TestServer } from './web/server.js';

/** The HTTP API against a real server on a free port, with the samples ingested. */

interface Summary { id: string; documentId: string; language: string; status?: string; corrected?: boolean; event: { type: string; date: { value: string } | null; countries: string[]; areas: string[]; location: { place: string | null } } }
interface Page { total: number; limit: number; offset: number; events: Summary[] }

describe('HTTP API', () => {
  let server: TestServer;
  const get = async <T = any>(path: string): Promise<{ status: number; body: T; headers: Headers }> => {
    const r = await fetch(`${server.url}${path}`);
    const text = await r.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: an export
    }
    return { status: r.status, body, headers: r.headers };
  };
  const post = async (path: string, body: unknown, token?: string) => {
    const r = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
  const raw = async (path: string) => {
    const r = await fetch(`${server.url}${path}`);
    return { status: r.status, body: await r.text(), headers: r.headers };
  };
  let all: Page;

  beforeAll(async () => {
    server = await startServer();
    all = (await get<Page>('/api/events?limit=1000&includeWrong=true')).body;
  });
  afterAll(async () => server?.close());

  it('lists events with their total', async () => {
    expect(all.total).toBeGreaterThan(10);
    expect(all.events).toHaveLength(all.total);
    const first = all.events[0];
    expect(first.id).toMatch(/^[0-9a-f]{16}-\d+$/);
    expect(first.event).not.toHaveProperty('evidence');
  });

  it('filters by country, partner, type, area, dates, language and text', async () => {
    const vnm = (await get<Page>('/api/events?country=vnm&limit=1000')).body;
    expect(vnm.total).toBeGreaterThan(0);
    expect(vnm.events.every((e) => e.event.countries.includes('VNM'))).toBe(true);
    expect(vnm.total).toBe(all.events.filter((e) => e.event.countries.includes('VNM')).length);

    const pair = (await get<Page>('/api/events?country=VNM&partner=JPN')).body;
    expect(pair.total).toBeGreaterThan(0);
    expect(pair.events.every((e) => e.event.countries.includes('VNM') && e.event.countries.includes('JPN'))).toBe(true);

    const dialogues = (await get<Page>('/api/events?type=dialogue&limit=1000')).body;
    expect(dialogues.total).toBeGreaterThan(0);
    expect(dialogues.events.every((e) => e.event.type === 'dialogue')).toBe(true);

    const training = (await get<Page>('/api/events?area=training_education&limit=1000')).body;
    expect(training.total).toBeGreaterThan(0);
    expect(training.events.every((e) => e.event.areas.includes('training_education'))).toBe(true);

    const y2024 = (await get<Page>('/api/events?from=2024&to=2024&limit=1000')).body;
    expect(y2024.total).toBeGreaterThan(0);
    expect(y2024.events.every((e) => e.event.date?.value.startsWith('2024'))).toBe(true);
    const window = (await get<Page>('/api/events?from=2024-06&to=2024-10-10&limit=1000')).body;
    expect(window.events.every((e) => e.event.date!.value >= '2024-06' && e.event.date!.value <= '2024-10-10~')).toBe(true);
    expect(window.total).toBeLessThan(y2024.total);

    const vi = (await get<Page>('/api/events?lang=vi&limit=1000')).body;
    expect(vi.total).toBeGreaterThan(0);
    expect(vi.events.every((e) => e.language === 'vi')).toBe(true);

    // Text search ignores case and diacritics.
    const folded = (await get<Page>(`/api/events?q=${encodeURIComponent('doi thoai chinh sach')}`)).body;
    const written = (await get<Page>(`/api/events?q=${encodeURIComponent('Đối thoại Chính sách')}`)).body;
    expect(folded.total).toBeGreaterThan(0);
    expect(written.events.map((e) => e.id)).toEqual(folded.events.map((e) => e.id));
    expect((await get<Page>('/api/events?q=zzzzqqqq')).body.total).toBe(0);
  });

  it('sorts by date both ways, undated events last', async () => {
    const asc = (await get<Page>('/api/events?sort=date&limit=1000')).body.events.map((e) => e.event.date?.value ?? null);
    const desc = (await get<Page>('/api/events?sort=-date&limit=1000')).body.events.map((e) => e.event.date?.value ?? null);
    const sortable = (v: string | null) => v !== null && !v.startsWith('--');
    const a = asc.filter(sortable) as string[];
    const d = desc.filter(sortable) as string[];
    expect(a).toEqual([...a].sort());
    expect(d).toEqual([...d].sort().reverse());
    expect(asc.slice(a.length).every((v) => !sortable(v))).toBe(true);
    expect(desc.slice(d.length).every((v) => !sortable(v))).toBe(true);
  });

  it('pages with limit and offset', async () => {
    const p1 = (await get<Page>('/api/events?limit=5&offset=0')).body;
    const p2 = (await get<Page>('/api/events?limit=5&offset=5')).body;
    expect(p1.events).toHaveLength(5);
    expect(p1.limit).toBe(5);
    expect(p2.offset).toBe(5);
    expect(p1.total).toBe(p2.total);
    const ids = new Set(p1.events.map((e) => e.id));
    expect(p2.events.some((e) => ids.has(e.id))).toBe(false);
    const whole = (await get<Page>('/api/events?limit=10')).body.events.map((e) => e.id);
    expect([...p1.events, ...p2.events].map((e) => e.id)).toEqual(whole);
    expect((await get<Page>(`/api/events?offset=${p1.total}`)).body.events).toEqual([]);
  });

  it('refuses a bad parameter with a 400 that names it', async () => {
    for (const [query, name] of [
      ['country=VIETNAM', 'country'],
      ['partner=1', 'partner'],
      ['type=parade', 'type'],
      ['area=space', 'area'],
      ['from=2019-1', 'from'],
      ['to=yesterday', 'to'],
      ['lang=Vietnamese', 'lang'],
      ['limit=0', 'limit'],
      ['limit=100000', 'limit'],
      ['offset=-1', 'offset'],
      ['sort=type', 'sort'],
    ] as const) {
      const r = await get<{ error: string; issues: Array<{ path: string }> }>(`/api/events?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error, query).toContain(name);
      expect(r.body.issues.map((i) => i.path), query).toContain(name);
    }
    expect((await get('/api/facets?country=XX')).status).toBe(400);
    expect((await get('/api/events/not-an-id')).status).toBe(400);
    const missing = await get<{ error: string }>('/api/events/0000000000000000-0');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain('0000000000000000-0');
    expect((await get('/api/nothing-here')).status).toBe(404);
  });

  it('counts facets, for all events and for one country', async () => {
    const f = (await get('/api/facets')).body;
    const total = (await get<Page>('/api/events?limit=1')).body.total;
    expect(f.total).toBe(total);
    const sum = (xs: Array<{ count: number }>) => xs.reduce((n, x) => n + x.count, 0);
    expect(sum(f.byType)).toBe(total);
    expect(sum(f.byLanguage)).toBe(total);
    expect(sum(f.byYear)).toBeLessThanOrEqual(total);
    expect(f.byMonth.every((m: { month: string; type: string }) => /^\d{4}-\d{2}$/.test(m.month) && m.type)).toBe(true);
    expect(f.byArea.length).toBeGreaterThan(0);
    const vnm = (await get('/api/facets?country=VNM')).body;
    expect(vnm.total).toBe((await get<Page>('/api/events?country=VNM&limit=1')).body.total);
    expect(vnm.byPartner.some((p: { country: string }) => p.country === 'VNM')).toBe(false);
    expect(vnm.byPartner.some((p: { country: string }) => p.country === 'JPN')).toBe(true);
    expect(vnm.byCountry.find((p: { country: string }) => p.country === 'VNM').count).toBe(vnm.total);
  });

  it('lists countries with names, numeric codes and counts', async () => {
    const { countries } = (await get('/api/countries')).body;
    const vnm = countries.find((c: { code: string }) => c.code === 'VNM');
    expect(vnm).toMatchObject({ name: 'Vietnam', numeric: '704' });
    expect(vnm.events).toBe((await get<Page>('/api/events?country=VNM&limit=1')).body.total);
    expect(countries[0].events).toBeGreaterThanOrEqual(countries[1].events);
    expect(countries.length).toBeGreaterThan(150);
    // Names only (what the dashboard loads once): no counting.
    const names = (await get('/api/countries?counts=false')).body.countries;
    expect(names).toHaveLength(countries.length);
    expect(names.find((c: { code: string }) => c.code === 'VNM')).toEqual({ code: 'VNM', numeric: '704', name: 'Vietnam' });
    expect((await get('/api/countries?counts=maybe')).status).toBe(400);
  });

  it('profiles a pair: events, mechanisms with missing sessions, agreements, commitments', async () => {
    const p = (await get('/api/pairs/vnm/jpn')).body;
    expect(p.countries).toEqual(['VNM', 'JPN']);
    expect(p.names).toEqual(['Vietnam', 'Japan']);
    expect(p.events.length).toBeGreaterThan(0);
    const dialogue = p.mechanisms.find((m: { kind: string }) => m.kind === 'dialogue');
    expect(dialogue.sessions.map((s: { edition: number }) => s.edition)).toContain(11);
    expect(dialogue.missing).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(p.agreements.some((a: { kind: string; year: number }) => a.kind === 'mou' && a.year === 2011)).toBe(true);
    expect(p.commitments.length).toBeGreaterThan(0);
    expect((await get('/api/pairs/VNM/ZZ')).status).toBe(400);
  });

  it('lists mechanisms as series of sessions', async () => {
    const { mechanisms } = (await get('/api/mechanisms')).body;
    expect(mechanisms.length).toBeGreaterThan(2);
    for (const m of mechanisms) {
      expect(m.name).toBeTruthy();
      expect(m.sessions.length).toBeGreaterThan(0);
      const max = Math.max(0, ...m.sessions.map((s: { edition: number | null }) => s.edition ?? 0));
      expect(m.missing.every((n: number) => n < max)).toBe(true);
    }
    const vnm = (await get('/api/mechanisms?country=VNM')).body.mechanisms;
    expect(vnm.every((m: { countries: string[] }) => m.countries.includes('VNM'))).toBe(true);
    expect(vnm.length).toBeLessThan(mechanisms.length);
  });

  it('needs the token to correct, and applies a correction', async () => {
    const id = all.events.find((e) => e.event.countries.includes('JPN'))!.id;
    const body = { field: 'type', value: 'talks', note: 'reads as talks', author: 'api test' };
    const none = await post(`/api/events/${id}/corrections`, body);
    expect(none.status).toBe(401);
    expect(none.body.error).toMatch(/token/);
    expect((await post(`/api/events/${id}/corrections`, body, 'wrong-token')).status).toBe(401);
    expect((await get(`/api/events/${id}`)).body.corrections).toEqual([]);

    const ok = await post(`/api/events/${id}/corrections`, body, TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.body.event.type).toBe('talks');
    expect(ok.body.corrected).toBe(true);
    const bad = await post(`/api/events/${id}/corrections`, { field: 'participants.0.rank', value: 'general' }, TOKEN);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('participants.0.rank');
    expect((await post(`/api/events/${id}/corrections`, { field: 'nonsense', value: 1 }, TOKEN)).status).toBe(400);
    expect((await post('/api/events/0000000000000000-0/corrections', body, TOKEN)).status).toBe(404);

    const detail = (await get(`/api/events/${id}`)).body;
    expect(detail.event.type).toBe('talks');
    expect(detail.corrections).toHaveLength(1);
    expect(detail.corrections[0]).toMatchObject({ field: 'type', value: 'talks', note: 'reads as talks', author: 'api test' });
    expect(detail.evidence.type).toEqual([{ start: 0, end: 0, origin: 'correction' }]);
    expect((await get(`/api/events?type=talks&country=JPN`)).body.total).toBeGreaterThan(0);

    // Marked wrong, an event leaves searches (but not the review list).
    expect((await post(`/api/events/${id}/corrections`, { field: 'status', value: 'wrong' }, TOKEN)).status).toBe(200);
    expect((await get<Page>('/api/events?country=JPN')).body.events.some((e) => e.id === id)).toBe(false);
    expect((await get<Page>('/api/events?country=JPN&includeWrong=true')).body.events.find((e) => e.id === id)?.status).toBe('wrong');
    expect((await post(`/api/events/${id}/corrections`, { field: 'status', value: 'ok' }, TOKEN)).status).toBe(200);

    // The gold file carries the correction.
    const gold = (await get(`/api/documents/${detail.documentId}/gold`)).body;
    expect(gold.events[0].type).toBe('talks');
  });

  it('keeps corrections when the same files are ingested again, and across a restart', async () => {
    const id = all.events.find((e) => e.event.countries.includes('CUB'))!.id;
    expect((await post(`/api/events/${id}/corrections`, { field: 'location.place', value: 'Havana' }, TOKEN)).status).toBe(200);
    const again = await ingest(server.store, [SAMPLES]);
    expect(again.new).toBe(0);
    expect(again.duplicate).toBeGreaterThan(0);
    let e = (await get(`/api/events/${id}`)).body;
    expect(e.event.location.place).toBe('Havana');
    expect(e.corrections).toHaveLength(1);

    // A new process on the same database file reads the same corrected event.
    const store = new SqliteStore(server.dbPath);
    await store.migrate();
    await ingest(store, [SAMPLES]);
    const other = await listen(store);
    try {
      e = await (await fetch(`${other.url}/api/events/${id}`)).json();
      expect(e.event.location.place).toBe('Havana');
      expect(e.corrected).toBe(true);
    } finally {
      await other.stop();
      await store.close();
    }
  });

  it('exports csv, json, jsonl and graphml, filtered', async () => {
    const jpn = (await get<Page>('/api/events?country=JPN&limit=1000')).body;
    const csv = await raw('/api/export?format=csv&country=JPN');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attache-events.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^event_id,encounter_id,document_id,country_a,country_b/);
    expect(lines.length - 1).toBe(jpn.total);

    const json = await raw('/api/export?format=json&country=JPN');
    expect(json.headers.get('content-type')).toContain('application/json');
    const list = JSON.parse(json.body);
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(jpn.total);

    const jsonl = await raw('/api/export?format=jsonl&country=VNM');
    expect(jsonl.headers.get('content-type')).toContain('ndjson');
    const rows = jsonl.body.trim().split('\n').map((l) => JSON.parse(l));
    const vnm = (await get<Page>('/api/events?country=VNM&limit=1')).body.total;
    expect(vnm).toBeGreaterThan(1);
    expect(rows).toHaveLength(vnm);
    expect(rows.every((r: { id: string }) => typeof r.id === 'string')).toBe(true);

    const graphml = await raw('/api/export?format=graphml');
    expect(graphml.headers.get('content-type')).toContain('graphml');
    expect(graphml.body).toMatch(/^<\?xml[^>]*>\s*<graphml/);
    expect(graphml.body).toContain('<node id=');
    expect((await get('/api/export?format=xlsx')).status).toBe(400);
  });

  it('previews an extraction without the token, and needs it to keep', async () => {
    const text = 'Hanoi, 12 March 2024 - Senior Lieutenant General Hoang Xuan Chien, Deputy Minister of National Defence of Vietnam, received Major General John Smith of Australia.';
    const preview = await post('/api/extract', { text, keep: false });
    expect(preview.status).toBe(200);
    expect(preview.body.stored).toBeNull();
    expect(preview.body.record.document.text).toContain('Hoang Xuan Chien');
    expect((await post('/api/extract', { text, keep: true })).status).toBe(401);
    const kept = await post('/api/extract', { text, keep: true }, TOKEN);
    expect(kept.body.stored).toBe('new');
    expect((await post('/api/extract', { text, keep: true }, TOKEN)).body.stored).toBe('duplicate');
    expect((await post('/api/extract', { text: '  ' })).status).toBe(400);
  });

  it('describes itself in /openapi.json', async () => {
    const r = await fetch(`${server.url}/openapi.json`);
    expect(r.status).toBe(200);
    const doc = JSON.parse(await r.text());
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/events', '/api/events/{id}', '/api/events/{id}/corrections', '/api/facets', '/api/countries', '/api/people',
      '/api/mechanisms', '/api/pairs/{a}/{b}', '/api/documents', '/api/documents/{id}', '/api/documents/{id}/gold', '/api/extract', '/api/export']) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    expect(doc.paths['/api/events'].get.parameters.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['q', 'country', 'partner', 'type', 'area', 'from', 'to', 'lang', 'sort', 'limit', 'offset']));
  });

  it('serves the dashboard for page paths with a strict CSP', async () => {
    for (const path of ['/', '/pair/VNM/CUB', `/event/${all.events[0].id}`, '/review', '/add']) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/html');
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await r.text();
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    }
  });
});
