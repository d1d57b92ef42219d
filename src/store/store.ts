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
  close(): Promise<void>;
}
