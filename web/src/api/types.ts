/**
 * The shapes the Attaché API returns (see /openapi.json and the codebook,
 * sections 1–2). Kept by hand: the dashboard reads only what it shows.
 */

// The codebook's vocabulary and record types come from the server's own model (type-only, plus
// the constant lists), so the dashboard and the API cannot drift apart.
export {
  EVENT_TYPES, AREAS, MECHANISM_KINDS, AGREEMENT_KINDS, AGREEMENT_STATUSES, RANKS,
} from '../../../src/model';
export type {
  EventType, Area, EventDate, Location, Mechanism, Participant, Agreement, Commitment, Anniversary, Evidence,
} from '../../../src/model';
import type {
  EventType, Area, EventDate, Location, Mechanism, Participant, Agreement, Commitment, Anniversary, Evidence,
} from '../../../src/model';

/** The codebook record without its evidence (what lists carry). */
export interface EventFields {
  type: EventType;
  date: EventDate | null;
  countries: string[];
  location: Location;
  mechanism: Mechanism | null;
  participants: Participant[];
  areas: Area[];
  agreements: Agreement[];
  commitments: Commitment[];
  anniversaries: Anniversary[];
}
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

export interface StoredDocument {
  id: string; source: string; url: string | null; language: string; published: string | null; title: string | null;
  text: string; ingestedAt: string;
}

export interface Correction {
  id?: number; eventId: string; field: string; value: unknown; note: string | null; author: string | null; createdAt: string;
}

export interface EventDetail extends EventSummary {
  evidence: Record<string, Evidence[]>;
  document: StoredDocument | null;
  corrections: Correction[];
  others: EventSummary[];
}

export interface EventPage { total: number; limit: number; offset: number; events: EventSummary[] }

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

/** A country as /api/countries?counts=false gives it: for names and the map. */
export interface CountryInfo { code: string; numeric: string | null; name: string }

export interface MechanismSeries {
  kind: string;
  name: string;
  countries: string[];
  sessions: Array<{ edition: number | null; date: string | null; eventId: string }>;
  missing: number[];
}

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
