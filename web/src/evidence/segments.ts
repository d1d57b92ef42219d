import type { Evidence } from '../api/types';

/**
 * Cut a document's text into runs so that every run is covered by the same
 * set of evidence spans. Spans may overlap (a country name supports both
 * `countries` and `participants.0.country`); a run lists every field it supports.
 * Spans of analysts' corrections (0–0) point at no text and are left out.
 */

export interface Segment {
  start: number;
  end: number;
  /** Field paths this run is evidence for, e.g. `date`, `participants.0.rank`. */
  fields: string[];
  /** The rule or lexicon entry behind each field, same order. */
  origins: string[];
}

export function segments(textLength: number, evidence: Record<string, Evidence[]> | undefined): Segment[] {
  const spans: Array<{ field: string; start: number; end: number; origin: string }> = [];
  for (const [field, list] of Object.entries(evidence ?? {})) {
    for (const e of list) {
      const start = Math.max(0, Math.min(textLength, e.start));
      const end = Math.max(0, Math.min(textLength, e.end));
      if (end > start) spans.push({ field, start, end, origin: e.origin });
    }
  }
  const cuts = new Set<number>([0, textLength]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (b <= a) continue;
    const fields: string[] = [];
    const origins: string[] = [];
    for (const s of spans) {
      if (s.start <= a && s.end >= b && !fields.includes(s.field)) {
        fields.push(s.field);
        origins.push(s.origin);
      }
    }
    const prev = out[out.length - 1];
    if (prev && prev.end === a && !fields.length && !prev.fields.length) prev.end = b;
    else out.push({ start: a, end: b, fields, origins });
  }
  return out;
}

/** Does the evidence path `field` support the record row `key` (the row itself or a part of it)? */
export function supports(field: string, key: string): boolean {
  return field === key || field.startsWith(`${key}.`);
}

/** Is an evidence path related to a row at all (a part of it, or a whole that contains it)? */
export function related(field: string, key: string): boolean {
  return supports(field, key) || key.startsWith(`${field}.`);
}
