import type { DefenceEvent, DocumentInfo, EventType, Area } from '../model.js';

/**
 * Storage behind one interface. The pipeline and the commands only see this;
 * SQLite (embedded, one file) implements it today, and a PostgreSQL server can
 * implement it for a team without touching either. Methods are async so that a
 * networked store fits the same shape.
 */

export interface StoredDocument extends Required<Pick<DocumentInfo, 'id' | 'source' | 'language' | 'published' | 'title'>> {
  url: string | null;
  text: string;
  ingestedAt: string;
}

import type { Correction } from './corrections.js';

export interface StoredEvent {
  /** `<document id>-<index>`: stable across re-ingest, as the document id is the hash of its text. */
  id: string;
  documentId: string;
  /** Events from several reports of one encounter share it. */
  encounterId: string;
  event: DefenceEvent;
  language: string;
  source: string;
  title: string | null;
  /** `wrong` once an analyst marked it so; such events leave searches and exports. */
  status?: 'ok' | 'wrong';
  corrected?: boolean;
}

export interface EventQuery {
  q?: string;
  country?: string;
  partner?: string;
  type?: EventType;
  area?: Area;
  from?: string;
  to?: string;
  lang?: string;
  limit?: number;
  offset?: number;
  sort?: 'date' | '-date';
  /** Include events marked wrong (the review page wants them; exports do not). */
  includeWrong?: boolean;
}

export interface Facets {
  total: number;
  byCountry: Array<{ country: string; count: number }>;
  byPartner: Array<{ country: string; count: number }>;
  byMonth: Array<{ month: string; type: string; count: number }>;
  byYear: Array<{ year: string; count: number }>;
  byType: Array<{ type: string; count: number }>;
  byArea: Array<{ area: string; count: number }>;
  byLanguage: Array<{ language: string; count: number }>;
}

export interface MechanismSeries {
  kind: string;
  name: string;
  countries: string[];
  sessions: Array<{ edition: number | null; date: string | null; eventId: string }>;
  /** Session numbers below the highest known one that no stored report covers. */
  missing: number[];
}

export interface PairProfile {
  countries: [string, string];
  events: StoredEvent[];
  mechanisms: MechanismSeries[];
  agreements: Array<{ title: string; kind: string; year: number | null; status: string; eventId: string; date: string | null }>;
  commitments: Array<{ actor: string | null; text: string; due: string | null; eventId: string; date: string | null }>;
}

export interface SaveResult {
  status: 'new' | 'duplicate';
  events: number;
}

export interface Store {
  /** Apply pending schema migrations; returns the schema version. */
  migrate(): Promise<number>;
  /** Save a document and its events in one transaction; a document already stored is left as it is. */
  save(doc: StoredDocument, events: DefenceEvent[]): Promise<SaveResult>;
  /** Save many documents in one transaction (ingest batches). */
  saveMany(items: Array<{ doc: StoredDocument; events: DefenceEvent[] }>): Promise<SaveResult[]>;
  hasDocument(id: string): Promise<boolean>;
  getDocument(id: string): Promise<StoredDocument | null>;
  getEvent(id: string): Promise<StoredEvent | null>;
  searchEvents(q: EventQuery): Promise<{ total: number; events: StoredEvent[] }>;
  /** Every event, in date order, one at a time (exports of any size). */
  allEvents(q?: EventQuery): AsyncIterable<StoredEvent>;
  stats(): Promise<{ documents: number; events: number; encounters: number }>;
  facets(q: EventQuery): Promise<Facets>;
  /** Every event of one document, those marked wrong included. */
  documentEvents(documentId: string): Promise<StoredEvent[]>;
  /** Ids of documents with at least one corrected event (reviewed by an analyst). */
  reviewedDocuments(): Promise<string[]>;
  /** Events of the same encounter reported by other documents. */
  encounter(encounterId: string): Promise<StoredEvent[]>;
  listDocuments(limit: number, offset: number, lang?: string): Promise<{ total: number; documents: Array<Omit<StoredDocument, 'text'> & { events: number }> }>;
  people(q: { q?: string; country?: string; limit?: number }): Promise<Array<{ name: string; country: string | null; rank: string | null; position: string | null; events: number; last: string | null }>>;
  mechanisms(q: { country?: string; partner?: string }): Promise<MechanismSeries[]>;
  pair(a: string, b: string): Promise<PairProfile>;
  /** Record a correction (or `status`) and return the event as it now reads. */
  correct(c: Omit<Correction, 'id' | 'createdAt'>): Promise<StoredEvent>;
  corrections(eventId: string): Promise<Correction[]>;
  close(): Promise<void>;
}
