import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DefenceEvent } from '../model.js';
import { foldSearch } from '../text/fold.js';
import type { EventQuery, SaveResult, Store, StoredDocument, StoredEvent } from './store.js';

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
];

type Row = Record<string, any>;

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
        mechanism_name, mechanism_edition, record)
        VALUES (@id, @documentId, @idx, @encounterId, @type, @dateValue, @datePrecision, @dateYearInferred, @dateSort,
        @countriesKey, @locationCountry, @locationPlace, @locationVirtual, @mechanismKind, @mechanismName, @mechanismEdition, @record)`),
      insertCountry: db.prepare('INSERT OR IGNORE INTO event_countries(event_id, country) VALUES (?, ?)'),
      insertArea: db.prepare('INSERT OR IGNORE INTO event_areas(event_id, area) VALUES (?, ?)'),
      insertParticipant: db.prepare(`INSERT INTO participants(event_id, idx, name, country, rank, rank_label, position, role)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      insertAgreement: db.prepare('INSERT INTO agreements(event_id, idx, title, kind, year, status) VALUES (?, ?, ?, ?, ?, ?)'),
      insertEvidence: db.prepare('INSERT INTO evidence(event_id, field, start, "end", origin) VALUES (?, ?, ?, ?, ?)'),
      getDoc: db.prepare('SELECT * FROM documents WHERE id = ?'),
      getEvent: db.prepare(`SELECT e.id, e.document_id, e.encounter_id, e.record, d.language, d.source, d.title
        FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?`),
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
    events.forEach((e, idx) => {
      const id = `${doc.id}-${idx}`;
      const countriesKey = [...e.countries].sort().join(',');
      const dateValue = e.date?.value ?? null;
      const exact = dateValue && e.date?.precision === 'day' && !dateValue.startsWith('--');
      const found = exact ? (s.findEncounter.get(countriesKey, e.type, dateValue) as Row | undefined) : undefined;
      s.insertEvent.run({
        id,
        documentId: doc.id,
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
      });
      for (const c of e.countries) s.insertCountry.run(id, c);
      for (const a of e.areas) s.insertArea.run(id, a);
      e.participants.forEach((p, i) => s.insertParticipant.run(id, i, p.name, p.country, p.rank, p.rank_label, p.position, p.role));
      e.agreements.forEach((a, i) => s.insertAgreement.run(id, i, a.title, a.kind, a.year, a.status));
      for (const [field, list] of Object.entries(e.evidence)) for (const ev of list) s.insertEvidence.run(id, field, ev.start, ev.end, ev.origin);
    });
    return { status: 'new', events: events.length };
  }

  async save(doc: StoredDocument, events: DefenceEvent[]): Promise<SaveResult> {
    return this.db.transaction(() => this.saveOne(doc, events))();
  }

  async saveMany(items: Array<{ doc: StoredDocument; events: DefenceEvent[] }>): Promise<SaveResult[]> {
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
      conds.push('d.language = ?');
      params.push(q.lang);
    }
    if (q.q && q.q.trim()) {
      const match = ftsQuery(q.q);
      if (match) {
        conds.push('d.id IN (SELECT m.document_id FROM documents_fts f JOIN documents_fts_map m ON m.rowid = f.rowid WHERE documents_fts MATCH ?)');
        params.push(match);
      }
    }
    return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
  }

  async searchEvents(q: EventQuery): Promise<{ total: number; events: StoredEvent[] }> {
    const { sql, params } = this.where(q);
    const from = 'FROM events e JOIN documents d ON d.id = e.document_id';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n ${from} ${sql}`).get(...params) as Row).n as number;
    const order = q.sort === 'date' ? 'e.date_sort ASC NULLS LAST' : 'e.date_sort DESC NULLS LAST';
    const rows = this.db
      .prepare(`SELECT e.id, e.document_id, e.encounter_id, e.record, d.language, d.source, d.title ${from} ${sql}
        ORDER BY ${order}, e.id LIMIT ? OFFSET ?`)
      .all(...params, q.limit ?? 50, q.offset ?? 0) as Row[];
    return { total, events: rows.map((r) => this.toEvent(r)) };
  }

  async *allEvents(q: EventQuery = {}): AsyncIterable<StoredEvent> {
    const { sql, params } = this.where(q);
    const stmt = this.db.prepare(`SELECT e.id, e.document_id, e.encounter_id, e.record, d.language, d.source, d.title
      FROM events e JOIN documents d ON d.id = e.document_id ${sql} ORDER BY e.date_sort ASC NULLS LAST, e.id`);
    for (const r of stmt.iterate(...params)) yield this.toEvent(r as Row);
  }

  async stats(): Promise<{ documents: number; events: number; encounters: number }> {
    return this.stmts.stats.get() as { documents: number; events: number; encounters: number };
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
