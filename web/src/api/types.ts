/**
 * The shapes the Attaché API returns (see /openapi.json and the codebook,
 * sections 1–2). The record, its vocabulary and the store's shapes are the
 * server's own types; only the API's envelopes are declared here.
 */

// The codebook's vocabulary and record types come from the server's own model (type-only, plus
// the constant lists), so the dashboard and the API cannot drift apart.
export {
  EVENT_TYPES, AREAS, MECHANISM_KINDS, AGREEMENT_KINDS, AGREEMENT_STATUSES, RANKS,
} from '../../../src/model';
export type {
  EventType, Area, EventDate, Location, Mechanism, Participant, Agreement, Commitment, Anniversary, Evidence,
} from '../../../src/model';
import type { Agreement, Commitment, Evidence, DefenceEvent as CodebookEvent } from '../../../src/model';

/** The codebook record without its evidence (what lists carry). */
export type EventFields = Omit<CodebookEvent, 'evidence'>;
export interface DefenceEvent extends EventFields { evidence?: Record<string, Evidence[]> }

export interface EventSummary {
  id: string;
  encounterId: string;
  documentId: string;
  language: string;
  title: string | null;
  source: string;
  status?: 'ok' | 'wrong';
  corrected?: boolean;
  event: EventFields;
}

export type { StoredDocument } from '../../../src/store/store';
export type { Correction } from '../../../src/store/corrections';
import type { StoredDocument } from '../../../src/store/store';
import type { Correction } from '../../../src/store/corrections';

export interface EventDetail extends EventSummary {
  evidence: Record<string, Evidence[]>;
  document: StoredDocument | null;
  corrections: Correction[];
  others: EventSummary[];
}

export interface EventPage { total: number; limit: number; offset: number; events: EventSummary[] }

export type { Facets } from '../../../src/store/store';

/** A country as /api/countries?counts=false gives it: for names and the map. */
export interface CountryInfo { code: string; numeric: string | null; name: string }

export type { MechanismSeries } from '../../../src/store/store';
import type { MechanismSeries } from '../../../src/store/store';

export interface PairProfile {
  countries: [string, string];
  names: [string, string];
  events: EventSummary[];
  mechanisms: MechanismSeries[];
  agreements: Array<Agreement & { eventId: string; date: string | null }>;
  commitments: Array<Commitment & { eventId: string; date: string | null }>;
}

export interface ExtractResult {
  record: { document: { id: string; source: string; language: string; published: string | null; title: string | null; url?: string | null; text?: string }; events: DefenceEvent[] };
  stored: 'new' | 'duplicate' | null;
}
