/**
 * The event record of the codebook (../shared/codebook.md, section 2) and the
 * document that carries text and spans through the pipeline.
 */

export type EventType =
  | 'dialogue' | 'working_group' | 'talks' | 'reception' | 'visit' | 'signing'
  | 'exercise' | 'port_call' | 'training' | 'conference' | 'exhibition' | 'other';

export const EVENT_TYPES: readonly EventType[] = [
  'dialogue', 'working_group', 'talks', 'reception', 'visit', 'signing',
  'exercise', 'port_call', 'training', 'conference', 'exhibition', 'other',
];

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
export type MechanismKind = (typeof MECHANISM_KINDS)[number];
export const AGREEMENT_KINDS = ['mou', 'agreement', 'plan', 'contract', 'protocol', 'statement', 'other'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_STATUSES = ['signed', 'referenced', 'proposed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** NATO STANAG 2116 officer grades (codebook 2.3). */
export const RANKS = ['OF-1', 'OF-2', 'OF-3', 'OF-4', 'OF-5', 'OF-6', 'OF-7', 'OF-8', 'OF-9', 'OF-10'] as const;
export type Precision = 'day' | 'month' | 'year';

export interface EventDate {
  /** `2021-09-29`, `2019-09`, `2023` or `--11-15` when the year cannot be told. */
  value: string;
  precision: Precision;
  year_inferred: boolean;
}

export interface Location {
  country: string | null;
  place: string | null;
  virtual: boolean;
}

export interface Mechanism {
  kind: MechanismKind;
  name: string;
  edition: number | null;
}

export interface Participant {
  name: string;
  country: string | null;
  rank: string | null;
  rank_label: string | null;
  position: string | null;
  role: 'lead' | 'member';
}

export interface Agreement {
  title: string;
  kind: AgreementKind;
  year: number | null;
  status: AgreementStatus;
}

export interface Commitment {
  actor: string | null;
  text: string;
  due: string | null;
}

export interface Anniversary {
  years: number;
  from: number | null;
  to: number | null;
}

/** Where a value came from: offsets into `document.text` and the rule or lexicon entry. */
export interface Evidence {
  start: number;
  end: number;
  origin: string;
}

export interface DefenceEvent {
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
  evidence: Record<string, Evidence[]>;
}

export interface DocumentInfo {
  id: string;
  source: string;
  language: string;
  published: string | null;
  title: string | null;
  url?: string | null;
  text?: string;
}

/** What `attache extract` prints for one document (codebook section 1). */
export interface ExtractionRecord {
  document: DocumentInfo;
  events: DefenceEvent[];
}

/** A document as a reader hands it over, before cleaning. */
export interface RawDocument {
  source: string;
  /** Decoded text, or HTML when `format` is html. */
  body: string;
  format: 'text' | 'html';
  url?: string | null;
  title?: string | null;
  published?: string | null;
}

/** A problem with one input, reported and skipped while the batch goes on. */
export class InputError extends Error {
  constructor(readonly source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'InputError';
  }
}
