import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import type { Store, EventQuery } from '../store/store.js';
import { AREAS, EVENT_TYPES, type RawDocument } from '../model.js';
import { CorrectionError } from '../store/corrections.js';
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from '../export/index.js';
import { extractDocument } from '../pipeline/extract.js';
import { goldFor } from '../eval/gold.js';
import { countryName, countryNumeric, knownCountryCodes } from '../lexicon/language-pack.js';

/**
 * The HTTP API and the dashboard, one server. Every request is validated
 * against its schema (a bad parameter gets a 400 naming it and why), and the
 * OpenAPI description is served at /openapi.json. Reading is open; writing
 * (corrections, adding reports) needs the ATTACHE_TOKEN.
 */

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = join(here, '..', '..', 'web', 'dist');

const iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as VNM').transform((s) => s.toUpperCase());
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

const Filters = z.object({
  q: z.string().max(500).optional().openapi({ description: 'words to find in the reports, ignoring case and diacritics' }),
  country: iso3.optional().openapi({ example: 'VNM' }),
  partner: iso3.optional().openapi({ example: 'CUB' }),
  type: z.enum(EVENT_TYPES as [string, ...string[]]).optional(),
  area: z.enum(AREAS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639-1 code such as vi').optional(),
});

const EventList = Filters.extend({
  sort: z.enum(['date', '-date']).default('-date'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  includeWrong: z.enum(['true', 'false']).optional().openapi({ description: 'include events an analyst marked wrong' }),
});

const Json = z.any().openapi({ type: 'object' });
const ErrorBody = z.object({ error: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

const ok = (description: string) => ({ 200: { description, content: { 'application/json': { schema: Json } } } });
const errors = {
  400: { description: 'a parameter is not valid', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'not found', content: { 'application/json': { schema: ErrorBody } } },
};
const writeErrors = {
  ...errors,
  401: { description: 'writing needs the ATTACHE_TOKEN (Authorization: Bearer ...)', content: { 'application/json': { schema: ErrorBody } } },
};

function toQuery(q: z.infer<typeof Filters> & { sort?: 'date' | '-date'; limit?: number; offset?: number; includeWrong?: string }): EventQuery {
  return {
    q: q.q, country: q.country, partner: q.partner, type: q.type as EventQuery['type'], area: q.area as EventQuery['area'],
    from: q.from, to: q.to, lang: q.lang, sort: q.sort, limit: q.limit, offset: q.offset, includeWrong: q.includeWrong === 'true',
  };
}

function summary(e: Awaited<ReturnType<Store['getEvent']>> & object) {
  const { evidence, ...event } = e.event;
  void evidence;
  return { id: e.id, encounterId: e.encounterId, documentId: e.documentId, language: e.language, title: e.title, source: e.source,
    status: e.status, corrected: e.corrected, event };
}

export interface AppOptions {
  store: Store;
  /** Writes are allowed only with this token; unset means read-only. */
  token?: string | null;
  webDir?: string;
}

export function createApp(opts: AppOptions) {
  const { store } = opts;
  const token = opts.token ?? null;
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return c.json({ error: issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; '), issues }, 400);
      }
    },
  });

  // Article text is data, never markup: the page may only run its own scripts.
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  const requireToken = (header: string | undefined): string | null => {
    if (!token) return 'writing is disabled: start the server with ATTACHE_TOKEN set';
    const given = header?.replace(/^Bearer\s+/i, '') ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? null : 'a valid token is needed (Authorization: Bearer <ATTACHE_TOKEN>)';
  };

  app.openapi(createRoute({ method: 'get', path: '/api/events', tags: ['events'], summary: 'Search events',
    request: { query: EventList }, responses: { ...ok('events and the total that match'), ...errors } }), async (c) => {
    const q = c.req.valid('query');
    const r = await store.searchEvents(toQuery(q));
    return c.json({ total: r.total, limit: q.limit, offset: q.offset, events: r.events.map(summary) }, 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/events/{id}', tags: ['events'], summary: 'One event with its evidence, source text, corrections and other reports',
    request: { params: z.object({ id: z.string().regex(/^[0-9a-f]{16}-\d+$/, 'an event id such as 0123456789abcdef-0') }) },
    responses: { ...ok('the event'), ...errors } }), async (c) => {
    const { id } = c.req.valid('param');
    const e = await store.getEvent(id);
    if (!e) return c.json({ error: `no event ${id}` }, 404);
    const [doc, corrections, encounter] = await Promise.all([store.getDocument(e.documentId), store.corrections(id), store.encounter(e.encounterId)]);
    return c.json({
      ...summary(e),
      evidence: e.event.evidence,
      document: doc,
      corrections,
      others: encounter.filter((x) => x.id !== id).map(summary),
    }, 200);
  });

  const Correction = z.object({
    field: z.string().min(1).openapi({ example: 'participants.0.rank', description: 'a codebook field path, or "status"' }),
    value: z.any().openapi({ description: 'the new value (for status: "wrong" or "ok")' }),
    note: z.string().max(2000).optional(),
    author: z.string().max(200).optional(),
  });
  app.openapi(createRoute({ method: 'post', path: '/api/events/{id}/corrections', tags: ['review'], summary: 'Correct a field, or mark the event wrong',
    request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: Correction } } } },
    responses: { ...ok('the event as it now reads'), ...writeErrors } }), async (c) => {
    const denied = requireToken(c.req.header('authorization'));
    if (denied) return c.json({ error: denied }, 401);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    try {
      const e = await store.correct({ eventId: id, field: body.field, value: body.value, note: body.note ?? null, author: body.author ?? null });
      return c.json({ ...summary(e), corrections: await store.corrections(id) }, 200);
    } catch (err) {
      if (err instanceof CorrectionError) return c.json({ error: err.message }, /no event/.test(err.message) ? 404 : 400);
      throw err;
    }
  });

  app.openapi(createRoute({ method: 'get', path: '/api/facets', tags: ['analysis'], summary: 'Counts by country, partner, month and type, year, type, area, language',
    request: { query: Filters }, responses: { ...ok('facet counts'), ...errors } }), async (c) => {
    return c.json(await store.facets(toQuery(c.req.valid('query'))), 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/countries', tags: ['analysis'], summary: 'Countries with their event counts, names and ISO numeric codes (for maps)',
    request: {
      query: Filters.extend({
        counts: z.enum(['true', 'false']).default('true').openapi({
          description: 'false: names and numeric codes only, without counting events (fast; what the dashboard loads once)',
        }),
      }),
    },
    responses: { ...ok('countries'), ...errors } }), async (c) => {
    const q = c.req.valid('query');
    if (q.counts === 'false') {
      const names = [...knownCountryCodes()].map((code) => ({ code, numeric: countryNumeric(code) ?? null, name: countryName(code) }));
      return c.json({ countries: names.sort((a, b) => a.name.localeCompare(b.name)) }, 200);
    }
    const f = await store.facets(toQuery(q));
    const counts = new Map(f.byCountry.map((x) => [x.country, x.count]));
    const partners = new Map(f.byPartner.map((x) => [x.country, x.count]));
    const all = [...knownCountryCodes()].map((code) => ({ code, numeric: countryNumeric(code) ?? null, name: countryName(code),
      events: counts.get(code) ?? 0, partnerEvents: partners.get(code) ?? 0 }));
    return c.json({ countries: all.sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)) }, 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/people', tags: ['analysis'], summary: 'People who took part, with their event counts',
    request: { query: z.object({ q: z.string().max(200).optional(), country: iso3.optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
    responses: { ...ok('people'), ...errors } }), async (c) => c.json({ people: await store.people(c.req.valid('query')) }, 200));

  app.openapi(createRoute({ method: 'get', path: '/api/mechanisms', tags: ['analysis'], summary: 'Recurring mechanisms as series of sessions, with the session numbers no report covers',
    request: { query: z.object({ country: iso3.optional(), partner: iso3.optional() }) },
    responses: { ...ok('mechanisms'), ...errors } }), async (c) => c.json({ mechanisms: await store.mechanisms(c.req.valid('query')) }, 200));

  app.openapi(createRoute({ method: 'get', path: '/api/pairs/{a}/{b}', tags: ['analysis'], summary: 'Pair profile: events, mechanisms and sessions, agreements, commitments',
    request: { params: z.object({ a: iso3, b: iso3 }) }, responses: { ...ok('the pair profile'), ...errors } }), async (c) => {
    const { a, b } = c.req.valid('param');
    const p = await store.pair(a, b);
    return c.json({ ...p, names: [countryName(p.countries[0]), countryName(p.countries[1])], events: p.events.map(summary) }, 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/documents', tags: ['documents'], summary: 'Stored documents, newest first',
    request: { query: z.object({ lang: z.string().regex(/^[a-z]{2,3}$/).optional(), limit: z.coerce.number().int().min(1).max(1000).default(50), offset: z.coerce.number().int().min(0).default(0) }) },
    responses: { ...ok('documents'), ...errors } }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await store.listDocuments(q.limit, q.offset, q.lang), 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/documents/{id}', tags: ['documents'], summary: 'One document, its cleaned text and its events',
    request: { params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a document id (16 hex digits)') }) },
    responses: { ...ok('the document'), ...errors } }), async (c) => {
    const { id } = c.req.valid('param');
    const doc = await store.getDocument(id);
    if (!doc) return c.json({ error: `no document ${id}` }, 404);
    return c.json({ document: doc, events: (await store.documentEvents(id)).map(summary) }, 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/documents/{id}/gold', tags: ['review'], summary: 'The document\'s events as a gold file (codebook section 3), corrections applied',
    request: { params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a document id (16 hex digits)') }) },
    responses: { ...ok('a gold file'), ...errors } }), async (c) => {
    const { id } = c.req.valid('param');
    const doc = await store.getDocument(id);
    if (!doc) return c.json({ error: `no document ${id}` }, 404);
    return c.json(await goldFor(store, doc), 200);
  });

  const AddBody = z.object({
    text: z.string().max(5_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
    url: z.string().max(2000).optional(),
    title: z.string().max(1000).optional(),
    published: isoDate.optional(),
    keep: z.boolean().default(false).openapi({ description: 'store the document and its events (needs the token)' }),
  }).refine((b) => Boolean(b.text?.trim() || b.html?.trim()), { message: 'give "text" or "html"', path: ['text'] });
  app.openapi(createRoute({ method: 'post', path: '/api/extract', tags: ['documents'], summary: 'Extract events from a pasted report; keep it with keep=true',
    request: { body: { content: { 'application/json': { schema: AddBody } } } },
    responses: { ...ok('the codebook record (with text), and whether it was stored'), ...writeErrors } }), async (c) => {
    const b = c.req.valid('json');
    if (b.keep) {
      const denied = requireToken(c.req.header('authorization'));
      if (denied) return c.json({ error: denied }, 401);
    }
    const raw: RawDocument = { source: b.url ?? 'pasted', body: (b.text ?? b.html)!, format: b.text ? 'text' : 'html', url: b.url ?? null,
      title: b.title ?? null, published: b.published ?? null };
    const { record, cleaned } = extractDocument(raw, { withText: true });
    let stored: string | null = null;
    if (b.keep) {
      const r = await store.save({ id: record.document.id, source: raw.source, url: record.document.url ?? null, language: record.document.language,
        published: record.document.published, title: record.document.title, text: cleaned.text, ingestedAt: new Date().toISOString() }, record.events);
      stored = r.status;
    }
    return c.json({ record, stored }, 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/export', tags: ['export'], summary: 'Export events: csv, json, jsonl or graphml (corrections applied)',
    request: { query: Filters.extend({ format: z.enum(EXPORT_FORMATS).default('csv') }) },
    responses: { 200: { description: 'the export', content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: Json } } }, ...errors } }), async (c) => {
    const q = c.req.valid('query');
    const format = q.format as ExportFormat;
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (d: Buffer) => chunks.push(d));
    await exportEvents(store.allEvents(toQuery(q)), format, out);
    out.end();
    const type = { csv: 'text/csv; charset=utf-8', json: 'application/json', jsonl: 'application/x-ndjson', graphml: 'application/graphml+xml' }[format];
    return new Response(Buffer.concat(chunks), {
      status: 200,
      headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="attache-events.${format}"` },
    }) as any;
  });

  app.get('/api/stats', async (c) => c.json(await store.stats()));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Attaché API', version: '0.1.0', description: 'Defence-cooperation events extracted from news, with evidence. Writes need the ATTACHE_TOKEN.' },
  });

  // The dashboard: built files, and index.html for every page path (the app routes itself).
  const web = opts.webDir ?? WEB_DIR;
  if (existsSync(web)) {
    const root = relative(process.cwd(), web) || '.';
    app.use('/assets/*', serveStatic({ root }));
    app.get('/favicon.svg', serveStatic({ root }));
    const index = () => readFileSync(join(web, 'index.html'), 'utf8');
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.json({ error: `no route ${c.req.path}` }, 404) : c.html(index())));
  } else {
    app.get('/', (c) => c.text('The dashboard is not built: run `npm install` (it builds web/dist). The API is at /api and /openapi.json.'));
  }
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  // The overview asks for the unfiltered counts first: compute them while nobody waits.
  setImmediate(() => void store.facets({}).catch(() => undefined));
  app.onError((err, c) => {
    process.stderr.write(`attache serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err}\n`);
    return c.json({ error: 'internal error (see the server log)' }, 500);
  });
  return app;
}
