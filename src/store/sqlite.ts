import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DefenceEvent } from '../model.js';
import { foldSearch } from '../text/fold.js';
import type { EventQuery, Facets, MechanismSeries, PairProfile, SaveResult, Store, StoredDocument, StoredEvent } from './store.js';
import { applyCorrections, applyCorrection, CorrectionError, type Correction } from './corrections.js';

/**
 * The embedded store: one SQLite file (better-sqlite3, WAL mode). Events are
 * kept whole as JSON (the codebook record with its evidence) and unfolded into
 * indexed tables for the filters, facets and exports. Full-text search runs on
 * a diacritic-free, lower-case copy of each document (FTS5), so "doi thoai"
 * finds "Đối thoại" and "hoa binh" finds both "hòa bình" and "hoà bình".
 */

export const DEFAULT_DB = process.env.ATTACHE_DB ?? './data/attache.db';

/** Versioned migrations: append only, never edit a released one. */
export const MIGRATIONS: string[] = [
  // 1: documents, events and their parts, evidence, search.
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    language TEXT NOT NULL,
    published TEXT,
    title TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    encounter_id TEXT NOT NULL,
    type TEXT NOT NULL,
    date_value TEXT,
    date_precision TEXT,
    date_year_inferred INTEGER,
    date_sort TEXT,
    countries_key TEXT NOT NULL,
    location_country TEXT,
    location_place TEXT,
    location_virtual INTEGER NOT NULL DEFAULT 0,
    mechanism_kind TEXT,
    mechanism_name TEXT,
    mechanism_edition INTEGER,
    record TEXT NOT NULL
  );
  CREATE INDEX events_document ON events(document_id);
  CREATE INDEX events_date ON events(date_sort);
  CREATE INDEX events_type ON events(type, date_sort);
  CREATE INDEX events_encounter ON events(countries_key, type, date_value);
  CREATE TABLE event_countries (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (country, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX event_countries_event ON event_countries(event_id);
  CREATE TABLE event_areas (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    PRIMARY KEY (area, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX event_areas_event ON event_areas(event_id);
  CREATE TABLE participants (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    rank TEXT,
    rank_label TEXT,
    position TEXT,
    role TEXT NOT NULL,
    PRIMARY KEY (event_id, idx)
  );
  CREATE INDEX participants_name ON participants(name);
  CREATE TABLE agreements (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER,
    status TEXT NOT NULL,
    PRIMARY KEY (event_id, idx)
  );
  CREATE TABLE evidence (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    origin TEXT NOT NULL
  );
  CREATE INDEX evidence_event ON evidence(event_id);
  CREATE VIRTUAL TABLE documents_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
  CREATE TABLE documents_fts_map (
    rowid INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL UNIQUE
  );
  `,
  // 2: analysts' corrections. The extracted record stays in `original`; `record` and the
  // unfolded tables hold the corrected event, so every query and export shows it.
  `
  ALTER TABLE events ADD COLUMN original TEXT;
  ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'ok';
  CREATE INDEX events_status ON events(status, date_sort);
  CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT,
    note TEXT,
    author TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX corrections_event ON corrections(event_id, id);
  CREATE INDEX event_countries_pair ON event_countries(event_id, country);
  CREATE INDEX events_mechanism ON events(mechanism_kind, mechanism_edition);
  `,
  // 3: covering indexes for the dashboard's searches and facets. Event rows carry the whole
  // record as JSON, so a filter or a count that has to read them scans most of the file;
  // these answer status/type/date/document/id from the index alone (see src/bench/api.ts).
  `
  CREATE INDEX events_status_date_cover ON events(status, date_sort, type, document_id, id);
  CREATE INDEX events_status_type_cover ON events(status, type, date_sort, document_id, id);
  CREATE INDEX events_id_cover ON events(id, status, date_sort, type, document_id);
  CREATE INDEX events_document_cover ON events(document_id, status, type, date_sort, id);
  CREATE INDEX documents_language ON documents(language, id);
  `,
  // 4: what the dashboard filters, groups and sorts by, kept on the event row itself so that no
  // query needs the documents table: the report's language, the month, and sort keys that put
  // undated events last in both orders (SQLite cannot use an index for NULLS LAST).
  `
  ALTER TABLE events ADD COLUMN language TEXT;
  UPDATE events SET language = (SELECT d.language FROM documents d WHERE d.id = events.document_id);
  ALTER TABLE events ADD COLUMN month TEXT GENERATED ALWAYS AS (CASE WHEN length(date_sort) >= 7 THEN substr(date_sort, 1, 7) END) VIRTUAL;
  CREATE INDEX events_language ON events(status, language, date_sort);
  CREATE INDEX events_month ON events(status, month, type);
  CREATE INDEX events_year ON events(status, substr(date_sort, 1, 4));
  CREATE INDEX events_order_asc ON events(status, coalesce(date_sort, '~'), id);
  CREATE INDEX events_order_desc ON events(status, coalesce(date_sort, ''), id);
  CREATE INDEX event_areas_pair ON event_areas(event_id, area);
  `,
  // 5: facet counts in one read: each event's areas packed beside its countries, and one index
  // holding every column the counts group by, so a filtered set is counted from the index alone.
  `
  ALTER TABLE events ADD COLUMN areas_key TEXT NOT NULL DEFAULT '';
  UPDATE events SET areas_key = coalesce((SELECT group_concat(area, ',') FROM event_areas a WHERE a.event_id = events.id), '');
  CREATE INDEX events_facet_cover ON events(id, status, date_sort, type, language, countries_key, areas_key);
  CREATE INDEX events_status_facet_cover ON events(status, date_sort, type, language, countries_key, areas_key);
  CREATE INDEX events_document_facet_cover ON events(document_id, status, date_sort, type, language, countries_key, areas_key, id);
  DROP INDEX IF EXISTS events_id_cover;
  DROP INDEX IF EXISTS events_document_cover;
  `,
];

type Row = Record<string, any>;

const EVENT_COLUMNS = 'e.id, e.document_id, e.encounter_id, e.record, e.status, e.original IS NOT NULL AS corrected, d.language, d.source, d.title';

export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly path: string;
  private stmts!: ReturnType<SqliteStore['prepare']>;

  constructor(path: string = DEFAULT_DB) {
    this.path = path === ':memory:' ? path : resolve(path);
    if (path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
    this.db = new Database(this.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
  }

  async migrate(): Promise<number> {
    return this.migrateSync();
  }

  migrateSync(): number {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const current = (this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as Row).v ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`${this.path}: database schema version ${current} is newer than this program (${MIGRATIONS.length}); upgrade attache`);
    }
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v - 1]);
        this.db.prepare('INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)').run(v, new Date().toISOString());
      })();
    }
    this.stmts = this.prepare();
    return MIGRATIONS.length;
  }

  private prepare() {
    const db = this.db;
    return {
      hasDoc: db.prepare('SELECT 1 FROM documents WHERE id = ?'),
      insertDoc: db.prepare(`INSERT INTO documents(id, source, url, language, published, title, text, ingested_at)
        VALUES (@id, @source, @url, @language, @published, @title, @text, @ingestedAt)`),
      insertFtsMap: db.prepare('INSERT INTO documents_fts_map(document_id) VALUES (?)'),
      insertFts: db.prepare('INSERT INTO documents_fts(rowid, body) VALUES (?, ?)'),
      findEncounter: db.prepare(`SELECT encounter_id FROM events WHERE countries_key = ? AND type = ? AND date_value = ? LIMIT 1`),
      insertEvent: db.prepare(`INSERT INTO events(id, document_id, idx, encounter_id, type, date_value, date_precision,
        date_year_inferred, date_sort, countries_key, location_country, location_place, location_virtual, mechanism_kind,
        mechanism_name, mechanism_edition, record, original, status, language, areas_key)
        VALUES (@id, @documentId, @idx, @encounterId, @type, @dateValue, @datePrecision, @dateYearInferred, @dateSort,
        @countriesKey, @locationCountry, @locationPlace, @locationVirtual, @mechanismKind, @mechanismName, @mechanismEdition,
        @record, @original, @status, (SELECT language FROM documents WHERE id = @documentId), @areasKey)`),
      updateEvent: db.prepare(`UPDATE events SET document_id = @documentId, idx = @idx, encounter_id = @encounterId, type = @type,
        date_value = @dateValue, date_precision = @datePrecision, date_year_inferred = @dateYearInferred, date_sort = @dateSort,
        countries_key = @countriesKey, location_country = @locationCountry, location_place = @locationPlace,
        location_virtual = @locationVirtual, mechanism_kind = @mechanismKind, mechanism_name = @mechanismName,
        mechanism_edition = @mechanismEdition, record = @record, original = @original, status = @status,
        areas_key = @areasKey WHERE id = @id`),
      eventRow: db.prepare('SELECT * FROM events WHERE id = ?'),
      insertCorrection: db.prepare('INSERT INTO corrections(event_id, field, value, note, author, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      listCorrections: db.prepare('SELECT * FROM corrections WHERE event_id = ? ORDER BY id'),
      insertCountry: db.prepare('INSERT OR IGNORE INTO event_countries(event_id, country) VALUES (?, ?)'),
      insertArea: db.prepare('INSERT OR IGNORE INTO event_areas(event_id, area) VALUES (?, ?)'),
      insertParticipant: db.prepare(`INSERT INTO participants(event_id, idx, name, country, rank, rank_label, position, role)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      insertAgreement: db.prepare('INSERT INTO agreements(event_id, idx, title, kind, year, status) VALUES (?, ?, ?, ?, ?, ?)'),
      insertEvidence: db.prepare('INSERT INTO evidence(event_id, field, start, "end", origin) VALUES (?, ?, ?, ?, ?)'),
      getDoc: db.prepare('SELECT * FROM documents WHERE id = ?'),
      getEvent: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?`),
      stats: db.prepare(`SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM events) AS events,
        (SELECT COUNT(DISTINCT encounter_id) FROM events) AS encounters`),
    };
  }

  async hasDocument(id: string): Promise<boolean> {
    return Boolean(this.stmts.hasDoc.get(id));
  }

  private saveOne(doc: StoredDocument, events: DefenceEvent[]): SaveResult {
    const s = this.stmts;
    if (s.hasDoc.get(doc.id)) return { status: 'duplicate', events: 0 };
    s.insertDoc.run(doc);
    const map = s.insertFtsMap.run(doc.id);
    s.insertFts.run(map.lastInsertRowid, foldSearch(`${doc.title ?? ''}\n${doc.text}`));
    events.forEach((e, idx) => this.writeEvent(doc.id, idx, e, null, 'ok'));
    return { status: 'new', events: events.length };
  }

  /** Insert (or, for a correction, replace) one event row and its unfolded parts. */
  private writeEvent(documentId: string, idx: number, e: DefenceEvent, original: DefenceEvent | null, status: 'ok' | 'wrong',
    encounter?: string, update = false) {
    const s = this.stmts;
    const id = `${documentId}-${idx}`;
    const countriesKey = [...e.countries].sort().join(',');
    const dateValue = e.date?.value ?? null;
    const exact = dateValue && e.date?.precision === 'day' && !dateValue.startsWith('--');
    const found = encounter ? { encounter_id: encounter } : exact ? (s.findEncounter.get(countriesKey, e.type, dateValue) as Row | undefined) : undefined;
    (update ? s.updateEvent : s.insertEvent).run({
      id,
      documentId,
      idx,
      encounterId: found?.encounter_id ?? id,
      type: e.type,
      dateValue,
      datePrecision: e.date?.precision ?? null,
      dateYearInferred: e.date ? (e.date.year_inferred ? 1 : 0) : null,
      dateSort: dateValue && !dateValue.startsWith('--') ? dateValue : null,
      countriesKey,
      locationCountry: e.location.country,
      locationPlace: e.location.place,
      locationVirtual: e.location.virtual ? 1 : 0,
      mechanismKind: e.mechanism?.kind ?? null,
      mechanismName: e.mechanism?.name ?? null,
      mechanismEdition: e.mechanism?.edition ?? null,
      record: JSON.stringify(e),
      original: original ? JSON.stringify(original) : null,
      status,
      areasKey: [...e.areas].sort().join(','),
    });
    for (const c of e.countries) s.insertCountry.run(id, c);
    for (const a of e.areas) s.insertArea.run(id, a);
    e.participants.forEach((p, i) => s.insertParticipant.run(id, i, p.name, p.country, p.rank, p.rank_label, p.position, p.role));
    e.agreements.forEach((a, i) => s.insertAgreement.run(id, i, a.title, a.kind, a.year, a.status));
    for (const [field, list] of Object.entries(e.evidence)) for (const ev of list) s.insertEvidence.run(id, field, ev.start, ev.end, ev.origin);
  }

  async save(doc: StoredDocument, events: DefenceEvent[]): Promise<SaveResult> {
    this.writes++;
    return this.db.transaction(() => this.saveOne(doc, events))();
  }

  async saveMany(items: Array<{ doc: StoredDocument; events: DefenceEvent[] }>): Promise<SaveResult[]> {
    this.writes++;
    return this.db.transaction(() => {
      const out: SaveResult[] = [];
      // A batch may hold the same document twice (two copies in one folder).
      for (const it of items) out.push(this.saveOne(it.doc, it.events));
      return out;
    })();
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const r = this.stmts.getDoc.get(id) as Row | undefined;
    return r ? { id: r.id, source: r.source, url: r.url, language: r.language, published: r.published, title: r.title, text: r.text, ingestedAt: r.ingested_at } : null;
  }

  private toEvent(r: Row): StoredEvent {
    return {
      id: r.id,
      documentId: r.document_id,
      encounterId: r.encounter_id,
      event: JSON.parse(r.record),
      language: r.language,
      source: r.source,
      title: r.title,
      status: r.status ?? 'ok',
      corrected: Boolean(r.corrected),
    };
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const r = this.stmts.getEvent.get(id) as Row | undefined;
    return r ? this.toEvent(r) : null;
  }

  /** WHERE clause and parameters for an event query. */
  where(q: EventQuery): { sql: string; params: unknown[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (!q.includeWrong) conds.push("e.status = 'ok'");
    if (q.country) {
      conds.push('e.id IN (SELECT event_id FROM event_countries WHERE country = ?)');
      params.push(q.country.toUpperCase());
    }
    if (q.partner) {
      conds.push('e.id IN (SELECT event_id FROM event_countries WHERE country = ?)');
      params.push(q.partner.toUpperCase());
    }
    if (q.type) {
      conds.push('e.type = ?');
      params.push(q.type);
    }
    if (q.area) {
      conds.push('e.id IN (SELECT event_id FROM event_areas WHERE area = ?)');
      params.push(q.area);
    }
    if (q.from) {
      conds.push('e.date_sort >= ?');
      params.push(q.from);
    }
    if (q.to) {
      // "2019" includes "2019-05-03": compare against the end of the given prefix.
      conds.push('e.date_sort <= ?');
      params.push(`${q.to}~`);
    }
    if (q.lang) {
      conds.push('e.language = ?');
      params.push(q.lang);
    }
    if (q.q && q.q.trim()) {
      const match = ftsQuery(q.q);
      if (match) {
        conds.push('e.document_id IN (SELECT m.document_id FROM documents_fts f JOIN documents_fts_map m ON m.rowid = f.rowid WHERE documents_fts MATCH ?)');
        params.push(match);
      }
    }
    return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
  }

  /** ORDER BY that an index serves: undated events last, in either direction. */
  private order(sort: EventQuery['sort']): string {
    return sort === 'date' ? "coalesce(e.date_sort, '~') ASC, e.id ASC" : "coalesce(e.date_sort, '') DESC, e.id DESC";
  }

  async searchEvents(q: EventQuery): Promise<{ total: number; events: StoredEvent[] }> {
    return this.cached(`search:${JSON.stringify(q)}`, () => {
      const { sql, params } = this.where(q);
      const total = (this.stmt(`SELECT COUNT(*) AS n FROM events e ${sql}`).get(...params) as Row).n as number;
      // The page's ids first (from the indexes alone), then their rows.
      const ids = (this.stmt(`SELECT e.id FROM events e ${sql} ORDER BY ${this.order(q.sort)} LIMIT ? OFFSET ?`)
        .all(...params, q.limit ?? 50, q.offset ?? 0) as Row[]).map((r) => r.id as string);
      const byId = new Map<string, StoredEvent>();
      for (const r of this.stmt(`SELECT ${EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[]) byId.set(r.id, this.toEvent(r));
      return { total, events: ids.map((id) => byId.get(id)!).filter(Boolean) };
    });
  }

  /**
   * Results of read queries, kept until the database changes: by this connection (writes count
   * up) or by another process (SQLite's data_version moves). Dashboards repeat the same queries.
   */
  private cache = new Map<string, { version: string; value: unknown }>();
  private writes = 0;
  private version(): string {
    return `${this.writes}:${this.db.pragma('data_version', { simple: true })}`;
  }
  private cached<T>(key: string, compute: () => T): Promise<T> {
    const version = this.version();
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return Promise.resolve(hit.value as T);
    const value = compute();
    if (this.cache.size > 2000) this.cache.clear();
    this.cache.set(key, { version, value });
    return Promise.resolve(value);
  }

  async *allEvents(q: EventQuery = {}): AsyncIterable<StoredEvent> {
    const { sql, params } = this.where(q);
    const stmt = this.db.prepare(`SELECT ${EVENT_COLUMNS}
      FROM events e JOIN documents d ON d.id = e.document_id ${sql} ORDER BY ${this.order('date')}`);
    for (const r of stmt.iterate(...params)) yield this.toEvent(r as Row);
  }

  async stats(): Promise<{ documents: number; events: number; encounters: number }> {
    return this.stmts.stats.get() as { documents: number; events: number; encounters: number };
  }

  private statements = new Map<string, Database.Statement>();
  /** Prepared statements of dynamic SQL, kept (the same filter shapes repeat). */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  async facets(q: EventQuery): Promise<Facets> {
    return this.cached(`facets:${JSON.stringify(q)}`, () => this.computeFacets(q));
  }

  /** All facet counts from one indexed read of the matching events, counted here. */
  private computeFacets(q: EventQuery): Facets {
    const { sql, params } = this.where(q);
    const rows = this.stmt(`SELECT e.date_sort AS d, e.type AS t, e.language AS l, e.countries_key AS c, e.areas_key AS a
      FROM events e ${sql}`).raw().all(...params) as Array<[string | null, string, string | null, string, string]>;
    const country = new Map<string, number>();
    const month = new Map<string, number>();
    const year = new Map<string, number>();
    const type = new Map<string, number>();
    const area = new Map<string, number>();
    const language = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const [d, t, l, c, a] of rows) {
      if (d) {
        bump(year, d.slice(0, 4));
        if (d.length >= 7) bump(month, `${d.slice(0, 7)}|${t}`);
      }
      bump(type, t);
      bump(language, l ?? 'und');
      for (const x of c.split(',')) if (x) bump(country, x);
      if (a) for (const x of a.split(',')) bump(area, x);
    }
    const desc = <K extends string>(m: Map<string, number>, key: K) =>
      [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k, count]) => ({ [key]: k, count }) as { [P in K]: string } & { count: number });
    const byCountry = desc(country, 'country');
    const self = q.country?.toUpperCase();
    return {
      total: rows.length,
      byCountry,
      byPartner: self ? byCountry.filter((x) => x.country !== self) : byCountry,
      byMonth: [...month].map(([k, count]) => {
        const [m, t] = k.split('|');
        return { month: m, type: t, count };
      }).sort((x, y) => x.month.localeCompare(y.month) || x.type.localeCompare(y.type)),
      byYear: [...year].sort((x, y) => x[0].localeCompare(y[0])).map(([k, count]) => ({ year: k, count })),
      byType: desc(type, 'type'),
      byArea: desc(area, 'area'),
      byLanguage: desc(language, 'language'),
    };
  }

  async documentEvents(documentId: string): Promise<StoredEvent[]> {
    const rows = this.stmt(`SELECT ${EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id WHERE e.document_id = ? ORDER BY e.idx`)
      .all(documentId) as Row[];
    return rows.map((r) => this.toEvent(r));
  }

  async reviewedDocuments(): Promise<string[]> {
    return (this.stmt('SELECT DISTINCT e.document_id AS id FROM corrections c JOIN events e ON e.id = c.event_id ORDER BY 1').all() as Row[]).map((r) => r.id);
  }

  async encounter(encounterId: string): Promise<StoredEvent[]> {
    const rows = this.stmt(`SELECT ${EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id WHERE e.encounter_id = ? ORDER BY e.id`)
      .all(encounterId) as Row[];
    return rows.map((r) => this.toEvent(r));
  }

  async listDocuments(limit: number, offset: number, lang?: string) {
    const where = lang ? 'WHERE d.language = ?' : '';
    const params = lang ? [lang] : [];
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM documents d ${where}`).get(...params) as Row).n as number;
    const rows = this.stmt(`SELECT d.id, d.source, d.url, d.language, d.published, d.title, d.ingested_at,
      (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) AS events FROM documents d ${where}
      ORDER BY d.ingested_at DESC, d.id LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[];
    return {
      total,
      documents: rows.map((r) => ({ id: r.id, source: r.source, url: r.url, language: r.language, published: r.published,
        title: r.title, ingestedAt: r.ingested_at, events: r.events })),
    };
  }

  async people(q: { q?: string; country?: string; limit?: number }) {
    const conds = ["e.status = 'ok'"];
    const params: unknown[] = [];
    if (q.country) {
      conds.push('p.country = ?');
      params.push(q.country.toUpperCase());
    }
    if (q.q) {
      conds.push('p.name LIKE ?');
      params.push(`%${q.q}%`);
    }
    return this.stmt(`SELECT p.name, p.country, MAX(p.rank) AS rank, MAX(p.position) AS position, COUNT(DISTINCT e.encounter_id) AS events,
      MAX(e.date_sort) AS last FROM participants p JOIN events e ON e.id = p.event_id WHERE ${conds.join(' AND ')}
      GROUP BY p.name, p.country ORDER BY events DESC, p.name LIMIT ?`).all(...params, q.limit ?? 100) as any[];
  }

  async mechanisms(q: { country?: string; partner?: string }): Promise<MechanismSeries[]> {
    return this.cached(`mechanisms:${JSON.stringify(q)}`, () => this.computeMechanisms(q));
  }

  private computeMechanisms(q: { country?: string; partner?: string }): MechanismSeries[] {
    const { sql, params } = this.where({ country: q.country, partner: q.partner });
    const rows = this.stmt(`SELECT e.id, e.mechanism_kind, e.mechanism_name, e.mechanism_edition, e.date_value, e.countries_key
      FROM events e JOIN documents d ON d.id = e.document_id ${sql} ${sql ? 'AND' : 'WHERE'} e.mechanism_kind IS NOT NULL
      ORDER BY e.date_sort`).all(...params) as Row[];
    // A series: one kind of mechanism between one set of states.
    const series = new Map<string, MechanismSeries & { names: Map<string, number> }>();
    for (const r of rows) {
      const key = `${r.mechanism_kind}|${r.countries_key}`;
      let m = series.get(key);
      if (!m) {
        m = { kind: r.mechanism_kind, name: r.mechanism_name, countries: r.countries_key.split(','), sessions: [], missing: [], names: new Map() };
        series.set(key, m);
      }
      m.names.set(r.mechanism_name, (m.names.get(r.mechanism_name) ?? 0) + 1);
      // Several reports of one session are one session.
      const same = m.sessions.find((x) => x.edition !== null && x.edition === r.mechanism_edition);
      if (!same) m.sessions.push({ edition: r.mechanism_edition, date: r.date_value, eventId: r.id });
    }
    return [...series.values()].map(({ names, ...m }) => {
      const known = new Set(m.sessions.map((x) => x.edition).filter((x): x is number => x !== null));
      const max = Math.max(0, ...known);
      const missing: number[] = [];
      for (let i = 1; i < max; i++) if (!known.has(i)) missing.push(i);
      const name = [...names.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
      m.sessions.sort((a, b) => (a.edition ?? 1e9) - (b.edition ?? 1e9) || String(a.date).localeCompare(String(b.date)));
      return { ...m, name, missing };
    });
  }

  async pair(a: string, b: string): Promise<PairProfile> {
    const A = a.toUpperCase();
    const B = b.toUpperCase();
    const { events } = await this.searchEvents({ country: A, partner: B, limit: 10000, sort: 'date' });
    const agreements: PairProfile['agreements'] = [];
    const seen = new Map<string, PairProfile['agreements'][number]>();
    const commitments: PairProfile['commitments'] = [];
    for (const e of events) {
      for (const ag of e.event.agreements) {
        const key = foldSearch(ag.title);
        const entry = { ...ag, eventId: e.id, date: e.event.date?.value ?? null };
        // The latest report of a document tells its status (proposed, then signed, then referenced).
        const prev = seen.get(key);
        if (!prev || ag.status === 'signed' || (prev.status === 'proposed' && ag.status !== 'proposed')) seen.set(key, entry);
      }
      for (const c of e.event.commitments) commitments.push({ ...c, eventId: e.id, date: e.event.date?.value ?? null });
    }
    agreements.push(...seen.values());
    return {
      countries: [A, B],
      events,
      mechanisms: await this.mechanisms({ country: A, partner: B }),
      agreements,
      commitments: commitments.reverse(),
    };
  }

  async corrections(eventId: string): Promise<Correction[]> {
    return (this.stmts.listCorrections.all(eventId) as Row[]).map((r) => ({
      id: r.id, eventId: r.event_id, field: r.field, value: r.value === null ? null : JSON.parse(r.value), note: r.note,
      author: r.author, createdAt: r.created_at,
    }));
  }

  async correct(c: Omit<Correction, 'id' | 'createdAt'>): Promise<StoredEvent> {
    const row = this.stmts.eventRow.get(c.eventId) as Row | undefined;
    if (!row) throw new CorrectionError(`no event ${c.eventId}`);
    const original: DefenceEvent = JSON.parse(row.original ?? row.record);
    if (c.field === 'status') {
      if (c.value !== 'wrong' && c.value !== 'ok') throw new CorrectionError('"status": "wrong" or "ok"');
    } else {
      // Check it applies to the event as it reads now (throws with the reason).
      applyCorrection(JSON.parse(row.record), c.field, c.value);
    }
    this.writes++;
    this.db.transaction(() => {
      this.stmts.insertCorrection.run(c.eventId, c.field, JSON.stringify(c.value ?? null), c.note, c.author, new Date().toISOString());
      const { event, status } = applyCorrections(original, [...(this.stmts.listCorrections.all(c.eventId) as Row[]).map((r) => ({
        eventId: r.event_id, field: r.field, value: r.value === null ? null : JSON.parse(r.value), note: r.note, author: r.author, createdAt: r.created_at,
      }))]);
      // Replace the event's row and parts; its corrections stay attached to the same id.
      for (const t of ['event_countries', 'event_areas', 'participants', 'agreements', 'evidence']) {
        this.stmt(`DELETE FROM ${t} WHERE event_id = ?`).run(c.eventId);
      }
      this.writeEvent(row.document_id, row.idx, event, original, status, row.encounter_id, true);
    })();
    return (await this.getEvent(c.eventId))!;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/**
 * A person's query as FTS5: words folded like the index, each quoted (so no
 * word is read as an operator); "quoted phrases" stay phrases; all must match.
 */
export function ftsQuery(q: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  for (const m of q.matchAll(re)) {
    const words = foldSearch(m[1] ?? m[2]).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.length) continue;
    if (m[1]) parts.push(`"${words.join(' ')}"`);
    else for (const w of words) parts.push(`"${w}"`);
  }
  return parts.length ? parts.join(' AND ') : null;
}
