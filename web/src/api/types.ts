/**
 * The shapes the Attaché API returns (see /openapi.json and the codebook,
 * sections 1–2). Kept by hand: the dashboard reads only what it shows.
 */

export const EVENT_TYPES = [
  'dialogue', 'working_group', 'talks', 'reception', 'visit', 'signing',
  'exercise', 'port_call', 'training', 'conference', 'exhibition', 'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const AREAS = [
  'delegation_exchange', 'dialogue_consultation', 'training_education', 'defense_industry',
  'military_technology', 'arms_trade', 'peacekeeping', 'maritime_security', 'cybersecurity',
  'military_medicine', 'search_rescue', 'hadr', 'hydrography_geospatial', 'political_work',
  'information_media', 'military_science', 'war_legacy', 'history_commemoration',
  'service_branch', 'multilateral_support', 'transnational_crime', 'border_cooperation',
  'economic_cooperation', 'exercises',
] as const;
export type Area = (typeof AREAS)[number];

export const MECHANISM_KINDS = ['dialogue', 'working_group', 'committee', 'consultation', 'other'] as const;
export const AGREEMENT_KINDS = ['mou', 'agreement', 'plan', 'contract', 'protocol', 'statement', 'other'] as const;
export const AGREEMENT_STATUSES = ['signed', 'referenced', 'proposed'] as const;
export const RANKS = ['OF-1', 'OF-2', 'OF-3', 'OF-4', 'OF-5', 'OF-6', 'OF-7', 'OF-8', 'OF-9', 'OF-10'] as const;

export interface EventDate { value: string; precision: 'day' | 'month' | 'year'; year_inferred: boolean }
export interface Location { country: string | null; place: string | null; virtual: boolean }
export interface Mechanism { kind: (typeof MECHANISM_KINDS)[number]; name: string; edition: number | null }
export interface Participant {
  name: string; country: string | null; rank: string | null; rank_label: string | null; position: string | null; role: 'lead' | 'member';
}
export interface Agreement { title: string; kind: string; year: number | null; status: string }
export interface Commitment { actor: string | null; text: string; due: string | null }
export interface Anniversary { years: number; from: number | null; to: number | null }
export interface Evidence { start: number; end: number; origin: string }

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
