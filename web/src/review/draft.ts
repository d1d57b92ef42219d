import type { EventFields } from '../api/types';

/**
 * The review form edits a copy of the record; saving sends one correction per
 * top-level field that changed (the API applies them in order and keeps the
 * history). Order matters: countries before participants' countries, etc. is
 * not needed since every correction carries the field's whole new value.
 */

export const FIELDS = ['type', 'date', 'countries', 'location', 'mechanism', 'participants', 'areas', 'agreements', 'commitments', 'anniversaries'] as const;
export type FieldName = (typeof FIELDS)[number];

export function toDraft(e: EventFields): EventFields {
  const { type, date, countries, location, mechanism, participants, areas, agreements, commitments, anniversaries } = e;
  return structuredClone({ type, date, countries, location, mechanism, participants, areas, agreements, commitments, anniversaries });
}

const canon = (f: FieldName, v: unknown): string => {
  if (f === 'countries' || f === 'areas') return JSON.stringify([...(v as string[])].sort());
  return JSON.stringify(v);
};

export function changedFields(original: EventFields, draft: EventFields): FieldName[] {
  return FIELDS.filter((f) => canon(f, original[f]) !== canon(f, draft[f]));
}

/** An empty input is "not known" (null) in the codebook. */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
export const numOrNull = (s: string): number | null => {
  if (s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

export function precisionOf(value: string): 'day' | 'month' | 'year' {
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  return 'day';
}
