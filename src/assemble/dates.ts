import type { DateMention } from '../pipeline/doc.js';
import type { EventDate } from '../model.js';

/**
 * Turning a date mention into the codebook's date: the year comes from the
 * text when written, else from the publication date (year_inferred), else it
 * stays unknown (`--MM-DD`). A year is never invented.
 */

const pad = (n: number) => String(n).padStart(2, '0');

export interface Published {
  year: number;
  month: number | null;
  day: number | null;
}

export function parsePublished(p: string | null): Published | null {
  if (!p) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(p);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

/**
 * The year of a month/day written without one, reported in a text published at
 * `pub`: the same year, or the year before when that date would fall after
 * publication (a report of 2 January about "29/12").
 */
function yearFor(month: number, day: number | null, pub: Published): number {
  if (pub.month === null) return pub.year;
  if (month > pub.month) return pub.year - 1;
  if (month === pub.month && day !== null && pub.day !== null && day > pub.day + 1) return pub.year - 1;
  return pub.year;
}

export function resolveDate(d: DateMention, published: string | null): EventDate | null {
  const pub = parsePublished(published);
  if (d.yearOnly && d.year !== null) return { value: String(d.year), precision: 'year', year_inferred: false };
  if (d.month !== null && d.day !== null) {
    if (d.year !== null) return { value: `${d.year}-${pad(d.month)}-${pad(d.day)}`, precision: 'day', year_inferred: false };
    if (pub) return { value: `${yearFor(d.month, d.day, pub)}-${pad(d.month)}-${pad(d.day)}`, precision: 'day', year_inferred: true };
    return { value: `--${pad(d.month)}-${pad(d.day)}`, precision: 'day', year_inferred: false };
  }
  if (d.month !== null) {
    if (d.year !== null) return { value: `${d.year}-${pad(d.month)}`, precision: 'month', year_inferred: false };
    if (pub) return { value: `${yearFor(d.month, null, pub)}-${pad(d.month)}`, precision: 'month', year_inferred: true };
    return null;
  }
  if (d.daysFromPublication !== undefined) {
    if (!pub || pub.month === null || pub.day === null) return null;
    const when = new Date(Date.UTC(pub.year, pub.month - 1, pub.day) + d.daysFromPublication * 86400000);
    return { value: `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`, precision: 'day', year_inferred: true };
  }
  if (d.weekday !== null && pub && pub.month !== null && pub.day !== null) {
    // "on Tuesday" in a report: the last such day on or before publication.
    const p = new Date(Date.UTC(pub.year, pub.month - 1, pub.day));
    const pubWeekday = ((p.getUTCDay() + 6) % 7) + 1;
    const back = (pubWeekday - d.weekday + 7) % 7;
    const when = new Date(p.getTime() - back * 86400000);
    return {
      value: `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`,
      precision: 'day',
      year_inferred: true,
    };
  }
  return null;
}

/** The publication date itself as the event date (a report with no date of its own). */
export function publishedAsDate(published: string | null): EventDate | null {
  const pub = parsePublished(published);
  if (!pub) return null;
  if (pub.day !== null) return { value: `${pub.year}-${pad(pub.month!)}-${pad(pub.day)}`, precision: 'day', year_inferred: true };
  if (pub.month !== null) return { value: `${pub.year}-${pad(pub.month)}`, precision: 'month', year_inferred: true };
  return { value: String(pub.year), precision: 'year', year_inferred: true };
}

/** Days between two ISO dates (partial dates count from their first day); null when either has no year. */
export function daysBetween(a: string, b: string): number | null {
  const t = (s: string) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
    return m ? Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) : null;
  };
  const x = t(a);
  const y = t(b);
  return x === null || y === null ? null : Math.round((y - x) / 86400000);
}
