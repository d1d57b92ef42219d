import type { EventDate, EventFields } from '../api/types';
import type { Translate } from '../i18n';

/** Dates as the codebook writes them, with what is not known said plainly. */
export function formatDate(d: EventDate | null | undefined, t: Translate): string {
  if (!d) return t('date.unknown');
  if (d.value.startsWith('--')) return `${d.value.slice(2)} (${t('date.noYear')})`;
  return d.value;
}

/** A date string from the API (`2024-11-07`, `2019-09`, `--11-15`, null) for lists. */
export function formatDateValue(v: string | null | undefined, t: Translate): string {
  if (!v) return t('date.unknown');
  if (v.startsWith('--')) return `${v.slice(2)} (${t('date.noYear')})`;
  return v;
}

export function leads(e: EventFields): Array<{ name: string; country: string | null }> {
  return e.participants.filter((p) => p.role === 'lead').map((p) => ({ name: p.name, country: p.country }));
}

/** Is a commitment still open today? A due of "2026" runs to the end of 2026. */
export function isOpen(due: string | null, today = new Date().toISOString().slice(0, 10)): boolean {
  if (!due) return true;
  const d = due.trim();
  if (!/^\d{4}/.test(d)) return true;
  return d >= today.slice(0, Math.min(d.length, 10));
}

/** Every unordered pair of the countries, for links to pair profiles. */
export function pairsOf(countries: string[], focus?: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < countries.length; i++) {
    for (let j = i + 1; j < countries.length; j++) {
      const a = countries[i];
      const b = countries[j];
      if (focus && a !== focus && b !== focus) continue;
      out.push(a === focus || !focus ? [a, b] : [b, a]);
    }
  }
  return out;
}
