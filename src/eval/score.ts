import type { Agreement, Anniversary, DefenceEvent, EventDate, Participant } from '../model.js';
import { foldSearch } from '../text/fold.js';

/**
 * Scoring of codebook section 3. Events are matched one to one on equal
 * country sets (same type first, then the closest date); fields are scored on
 * matched events; every miss is kept with its document so a person can read why.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  document: string;
  field: string;
  expected: unknown;
  got: unknown;
}

export type GoldEvent = Omit<DefenceEvent, 'evidence'>;

export const FIELDS = [
  'events', 'type', 'date', 'countries', 'location.country', 'location.virtual', 'mechanism.edition', 'areas',
  'agreements', 'anniversaries', 'participants', 'clean',
] as const;
export type Field = (typeof FIELDS)[number];

export class Scorer {
  readonly counts = new Map<Field, Counts>(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
  readonly misses: Miss[] = [];

  private add(field: Field, tp: number, fp: number, fn: number) {
    const c = this.counts.get(field)!;
    c.tp += tp;
    c.fp += fp;
    c.fn += fn;
  }

  private miss(document: string, field: string, expected: unknown, got: unknown) {
    this.misses.push({ document, field, expected, got });
  }

  /** A single-valued slot: right, wrong (a false positive and a false negative), missing or spurious. */
  private slot(doc: string, field: Field, gold: unknown, pred: unknown, equal: (g: any, p: any) => boolean = (g, p) => g === p) {
    const g = gold ?? null;
    const p = pred ?? null;
    if (g === null && p === null) return;
    if (g !== null && p !== null && equal(g, p)) return this.add(field, 1, 0, 0);
    this.add(field, 0, p !== null ? 1 : 0, g !== null ? 1 : 0);
    this.miss(doc, field, g, p);
  }

  private set<T>(doc: string, field: Field, gold: T[], pred: T[], same: (g: T, p: T) => boolean, full: (g: T, p: T) => boolean) {
    const used = new Set<number>();
    for (const g of gold) {
      const i = pred.findIndex((p, k) => !used.has(k) && same(g, p));
      if (i < 0) {
        this.add(field, 0, 0, 1);
        this.miss(doc, field, g, null);
        continue;
      }
      used.add(i);
      if (full(g, pred[i])) this.add(field, 1, 0, 0);
      else {
        this.add(field, 0, 1, 1);
        this.miss(doc, field, g, pred[i]);
      }
    }
    pred.forEach((p, k) => {
      if (used.has(k)) return;
      this.add(field, 0, 1, 0);
      this.miss(doc, field, null, p);
    });
  }

  scoreClean(doc: string, text: string, clean: { must_contain?: string[]; must_not_contain?: string[] } | undefined) {
    if (!clean) return;
    const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
    const t = norm(text);
    for (const s of clean.must_contain ?? []) {
      if (t.includes(norm(s))) this.add('clean', 1, 0, 0);
      else {
        this.add('clean', 0, 0, 1);
        this.miss(doc, 'clean.must_contain', s, null);
      }
    }
    for (const s of clean.must_not_contain ?? []) {
      if (!t.includes(norm(s))) this.add('clean', 1, 0, 0);
      else {
        this.add('clean', 0, 1, 0);
        this.miss(doc, 'clean.must_not_contain', null, s);
      }
    }
  }

  /** Score one document's events. `hadPublished`: the extractor was given a publication date. */
  scoreDocument(doc: string, gold: GoldEvent[], pred: GoldEvent[], hadPublished: boolean) {
    const pairs = matchEvents(gold, pred);
    for (const g of gold) {
      const p = pairs.get(g);
      if (!p) {
        this.add('events', 0, 0, 1);
        this.miss(doc, 'events', summary(g), null);
      }
    }
    const matched = new Set(pairs.values());
    for (const p of pred) {
      if (!matched.has(p)) {
        this.add('events', 0, 1, 0);
        this.miss(doc, 'events', null, summary(p));
      }
    }
    for (const [g, p] of pairs) {
      this.add('events', 1, 0, 0);
      this.slot(doc, 'type', g.type, p.type);
      this.slot(doc, 'date', g.date, p.date, (a: EventDate, b: EventDate) => dateMatches(a, b, hadPublished));
      this.slot(doc, 'countries', g.countries.join(','), p.countries.join(','));
      this.slot(doc, 'location.country', g.location?.country, p.location?.country);
      this.slot(doc, 'location.virtual', g.location?.virtual ? true : null, p.location?.virtual ? true : null);
      this.slot(doc, 'mechanism.edition', g.mechanism?.edition, p.mechanism?.edition);
      this.set(doc, 'areas', g.areas ?? [], p.areas ?? [], (a, b) => a === b, () => true);
      this.set<Agreement>(doc, 'agreements', g.agreements ?? [], p.agreements ?? [],
        (a, b) => tokenOverlap(a.title, b.title) >= 0.5, (a, b) => a.kind === b.kind && a.status === b.status);
      this.set<Anniversary>(doc, 'anniversaries', g.anniversaries ?? [], p.anniversaries ?? [],
        (a, b) => a.years === b.years, (a, b) => (a.to ?? null) === (b.to ?? null));
      this.set<Participant>(doc, 'participants', g.participants ?? [], p.participants ?? [],
        (a, b) => sameName(a.name, b.name),
        (a, b) => a.country === b.country && (a.rank ?? null) === (b.rank ?? null) && a.role === b.role);
    }
  }

  report(): Array<{ field: Field; precision: number; recall: number; f1: number } & Counts> {
    const rows = FIELDS.map((field) => {
      const c = this.counts.get(field)!;
      const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : c.fn ? 0 : 1;
      const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : c.fp ? 0 : 1;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { field, precision, recall, f1, ...c };
    });
    return rows;
  }

  overall(): { precision: number; recall: number; f1: number } {
    let tp = 0, fp = 0, fn = 0;
    for (const [field, c] of this.counts) {
      if (field === 'clean') continue;
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
}

function summary(e: GoldEvent): string {
  return `${e.type} ${e.countries.join('-')} ${e.date?.value ?? '?'}`;
}

function tokens(s: string): string[] {
  return foldSearch(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function tokenOverlap(a: string, b: string): number {
  const ta = new Set(tokens(a));
  const tb = new Set(tokens(b));
  if (!ta.size || !tb.size) return 0;
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return (2 * inter) / (ta.size + tb.size);
}

/** Names match on folded tokens: all tokens of the shorter name are in the longer one. */
export function sameName(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length || !tb.length) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return short.every((t) => long.includes(t));
}

/**
 * Date equality at the gold precision. A prediction without a year (`--MM-DD`)
 * is right when the gold year was inferred and the extractor had no publication
 * date; a wrong year is always wrong.
 */
export function dateMatches(gold: EventDate, pred: EventDate, hadPublished: boolean): boolean {
  const len = gold.precision === 'day' ? 10 : gold.precision === 'month' ? 7 : 4;
  // A gold date without a year ("--05-28": the year cannot be told) is matched as written.
  if (gold.value.startsWith('--')) return pred.value.startsWith('--') ? pred.value === gold.value : pred.value.slice(4) === gold.value.slice(1);
  if (pred.value.startsWith('--')) {
    if (!(gold.year_inferred && !hadPublished) || gold.precision !== 'day') return false;
    return gold.value.slice(5, 10) === pred.value.slice(2, 7);
  }
  if (pred.value.length < len) return false;
  return pred.value.slice(0, len) === gold.value.slice(0, len);
}

function dayNumber(d: EventDate | null): number | null {
  if (!d || d.value.startsWith('--')) return null;
  const [y, m, day] = d.value.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, day || 1) / 86400000;
}

/** One-to-one: equal countries, then the same type, then the closest date. */
export function matchEvents(gold: GoldEvent[], pred: GoldEvent[]): Map<GoldEvent, GoldEvent> {
  const out = new Map<GoldEvent, GoldEvent>();
  const used = new Set<GoldEvent>();
  const key = (e: GoldEvent) => [...e.countries].sort().join(',');
  for (const g of gold) {
    const candidates = pred.filter((p) => !used.has(p) && key(p) === key(g));
    if (!candidates.length) continue;
    candidates.sort((a, b) => {
      const ta = a.type === g.type ? 0 : 1;
      const tb = b.type === g.type ? 0 : 1;
      if (ta !== tb) return ta - tb;
      const gd = dayNumber(g.date);
      const da = dayNumber(a.date);
      const db = dayNumber(b.date);
      const distA = gd === null || da === null ? Infinity : Math.abs(gd - da);
      const distB = gd === null || db === null ? Infinity : Math.abs(gd - db);
      return distA - distB;
    });
    out.set(g, candidates[0]);
    used.add(candidates[0]);
  }
  return out;
}
