import { AREAS, EVENT_TYPES } from '../api/types';
import type { Query } from '../api/client';

/**
 * The overview's filters, as they stand in the page URL (?country=VNM&partner=CUB&type=…)
 * and as the API takes them. `page` and `sort` belong to the event list.
 */

export interface Filters {
  country?: string;
  partner?: string;
  type?: string;
  area?: string;
  from?: string;
  to?: string;
  lang?: string;
  q?: string;
}

export interface ListState extends Filters {
  sort: 'date' | '-date';
  page: number;
}

export const FILTER_KEYS = ['country', 'partner', 'type', 'area', 'from', 'to', 'lang', 'q'] as const;
export const PAGE_SIZE = 25;
export const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const ISO3_RE = /^[A-Z]{3}$/;

/** Read the filters from a URL query; values the API would refuse are dropped, not sent. */
export function readFilters(query: URLSearchParams): ListState {
  const get = (k: string) => query.get(k)?.trim() || undefined;
  const code = (k: string) => {
    const v = get(k)?.toUpperCase();
    return v && ISO3_RE.test(v) ? v : undefined;
  };
  const type = get('type');
  const area = get('area');
  const page = Number(get('page') ?? '1');
  return {
    country: code('country'),
    partner: code('partner'),
    type: type && (EVENT_TYPES as readonly string[]).includes(type) ? type : undefined,
    area: area && (AREAS as readonly string[]).includes(area) ? area : undefined,
    from: get('from'),
    to: get('to'),
    lang: get('lang'),
    q: get('q'),
    sort: get('sort') === 'date' ? 'date' : '-date',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function filtersOnly(s: Filters): Filters {
  const out: Filters = {};
  for (const k of FILTER_KEYS) if (s[k]) out[k] = s[k];
  return out;
}

/** The overview URL for a state; defaults (page 1, newest first) are left out. */
export function overviewUrl(s: Partial<ListState>): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = s[k];
    if (v) p.set(k, v);
  }
  if (s.sort === 'date') p.set('sort', 'date');
  if (s.page && s.page > 1) p.set('page', String(s.page));
  const q = p.toString();
  return q ? `/?${q}` : '/';
}

export function apiQuery(f: Filters): Query {
  return { ...filtersOnly(f) };
}

export function filterKey(f: Filters): string {
  return JSON.stringify(filtersOnly(f));
}
