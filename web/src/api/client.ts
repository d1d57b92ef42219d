import type {
  CountryInfo, EventDetail, EventPage, EventSummary, ExtractResult, Facets, PairProfile, Correction,
} from './types';

/** An answer the API gave as an error: its own message, shown to the analyst as it is. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, `the server cannot be reached (${(err as Error).message})`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${res.status}`;
    throw new ApiError(res.status, message);
  }
  return body as T;
}

const json = (body: unknown, token?: string | null): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
});

export const api = {
  events: (q: Query, signal?: AbortSignal) => request<EventPage>(`/api/events${queryString(q)}`, { signal }),
  event: (id: string, signal?: AbortSignal) => request<EventDetail>(`/api/events/${encodeURIComponent(id)}`, { signal }),
  facets: (q: Query, signal?: AbortSignal) => request<Facets>(`/api/facets${queryString(q)}`, { signal }),
  /** Names and numeric codes only (counts come with the facets of each view). */
  countries: (signal?: AbortSignal) => request<{ countries: CountryInfo[] }>('/api/countries?counts=false', { signal }),
  pair: (a: string, b: string, signal?: AbortSignal) =>
    request<PairProfile>(`/api/pairs/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { signal }),
  correct: (id: string, body: { field: string; value: unknown; note?: string; author?: string }, token: string | null) =>
    request<EventSummary & { corrections: Correction[] }>(`/api/events/${encodeURIComponent(id)}/corrections`, json(body, token)),
  extract: (body: { text?: string; html?: string; title?: string; url?: string; published?: string; keep: boolean }, token: string | null, signal?: AbortSignal) =>
    request<ExtractResult>('/api/extract', { ...json(body, body.keep ? token : null), signal }),
};

export const goldUrl = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/gold`;
export const exportUrl = (format: string, q: Query) => `/api/export${queryString({ ...q, format })}`;
