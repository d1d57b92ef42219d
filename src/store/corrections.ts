import { z } from 'zod';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, AREAS, EVENT_TYPES, MECHANISM_KINDS, RANKS, type DefenceEvent } from '../model.js';

/**
 * Analysts' corrections. A correction names a field of the codebook record
 * (`type`, `date`, `location.country`, `participants.1.rank`, `areas` ...) and
 * its new value; the stored original is never changed, and the effective event
 * is the original with every correction applied in order. That is what search,
 * exports and gold files show, and it is recomputed from the same history if
 * the document is processed again.
 */

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as VNM');
const dateValue = z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$/, 'YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD');

export const ParticipantSchema = z.object({
  name: z.string().min(1),
  country: iso3.nullable(),
  rank: z.enum(RANKS, { message: 'a STANAG 2116 code OF-1 … OF-10' }).nullable(),
  rank_label: z.string().nullable(),
  position: z.string().nullable(),
  role: z.enum(['lead', 'member']),
});

export const EventFieldsSchema = z.object({
  type: z.enum(EVENT_TYPES as [string, ...string[]]),
  date: z.object({ value: dateValue, precision: z.enum(['day', 'month', 'year']), year_inferred: z.boolean() }).nullable(),
  countries: z.array(iso3).min(1),
  location: z.object({ country: iso3.nullable(), place: z.string().nullable(), virtual: z.boolean() }),
  mechanism: z.object({
    kind: z.enum(MECHANISM_KINDS),
    name: z.string().min(1),
    edition: z.number().int().positive().nullable(),
  }).nullable(),
  participants: z.array(ParticipantSchema),
  areas: z.array(z.enum(AREAS)),
  agreements: z.array(z.object({
    title: z.string().min(1),
    kind: z.enum(AGREEMENT_KINDS),
    year: z.number().int().nullable(),
    status: z.enum(AGREEMENT_STATUSES),
  })),
  commitments: z.array(z.object({ actor: iso3.nullable(), text: z.string().min(1), due: z.string().nullable() })),
  anniversaries: z.array(z.object({ years: z.number().int().positive(), from: z.number().int().nullable(), to: z.number().int().nullable() })),
});

export interface Correction {
  id?: number;
  eventId: string;
  /** A codebook field path, or `status` to mark the event wrong (value "wrong") or right again ("ok"). */
  field: string;
  value: unknown;
  note: string | null;
  author: string | null;
  createdAt: string;
}

const TOP = new Set(Object.keys(EventFieldsSchema.shape));

export class CorrectionError extends Error {}

/** Apply one correction to a copy of the event; throws CorrectionError with the reason when it does not fit. */
export function applyCorrection(event: DefenceEvent, field: string, value: unknown): DefenceEvent {
  const path = field.split('.');
  if (!TOP.has(path[0])) throw new CorrectionError(`unknown field "${field}" (one of: ${[...TOP].join(', ')})`);
  const next = structuredClone(event) as any;
  let target = next;
  for (let i = 0; i < path.length - 1; i++) {
    const k = /^\d+$/.test(path[i]) ? Number(path[i]) : path[i];
    if (target[k] === undefined || target[k] === null || typeof target[k] !== 'object') {
      throw new CorrectionError(`"${field}": ${path.slice(0, i + 1).join('.')} does not exist in this event`);
    }
    target = target[k];
  }
  const leaf = path[path.length - 1];
  const key = /^\d+$/.test(leaf) ? Number(leaf) : leaf;
  if (Array.isArray(target) && typeof key === 'number' && key > target.length) {
    throw new CorrectionError(`"${field}": index ${key} is past the end of the list`);
  }
  if (value === undefined) throw new CorrectionError(`"${field}": a value is needed`);
  target[key] = value;
  // The corrected event must still be a codebook record.
  const { evidence, ...fields } = next as DefenceEvent;
  const r = EventFieldsSchema.safeParse(fields);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new CorrectionError(`"${field}": ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  if (path[0] === 'countries') next.countries = [...next.countries].sort();
  if (path[0] === 'areas') next.areas = [...new Set(next.areas as string[])].sort();
  // Evidence of a corrected field now comes from the analyst, not from the text.
  const e = evidence ?? {};
  for (const k of Object.keys(e)) if (k === field || k.startsWith(`${field}.`)) delete e[k];
  e[field] = [{ start: 0, end: 0, origin: 'correction' }];
  next.evidence = e;
  return next;
}

export function applyCorrections(original: DefenceEvent, list: Correction[]): { event: DefenceEvent; status: 'ok' | 'wrong' } {
  let event = original;
  let status: 'ok' | 'wrong' = 'ok';
  for (const c of list) {
    if (c.field === 'status') {
      status = c.value === 'wrong' ? 'wrong' : 'ok';
      continue;
    }
    try {
      event = applyCorrection(event, c.field, c.value);
    } catch {
      // A correction that no longer fits a re-extracted event is kept in the history, not applied.
    }
  }
  return { event, status };
}
