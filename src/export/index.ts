import type { Writable } from 'node:stream';
import type { StoredEvent } from '../store/store.js';
import { foldSearch } from '../text/fold.js';
import { countryName } from '../lexicon/language-pack.js';

/**
 * Exports in the formats analysts' other tools read: CSV (one row per event
 * with dyad columns, as DCAD-style datasets are laid out), JSON, JSON Lines,
 * and GraphML (countries, people and mechanisms, for Gephi, yEd, networkx).
 * Every writer streams: an export of millions of events never sits in memory.
 */

export const EXPORT_FORMATS = ['csv', 'json', 'jsonl', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function write(out: Writable, s: string): Promise<void> | void {
  if (!out.write(s)) return new Promise((r) => out.once('drain', () => r()));
}

export const CSV_COLUMNS = [
  'event_id', 'encounter_id', 'document_id', 'country_a', 'country_b', 'countries', 'date', 'date_precision',
  'year_inferred', 'type', 'mechanism_kind', 'mechanism', 'session', 'location_country', 'location_place', 'virtual',
  'areas', 'participants', 'agreements', 'commitments', 'anniversaries', 'language', 'title', 'source',
];

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(e: StoredEvent): string {
  const ev = e.event;
  const [a, b] = ev.countries;
  const cells = [
    e.id, e.encounterId, e.documentId, a ?? '', b ?? '', ev.countries.join(';'), ev.date?.value ?? '', ev.date?.precision ?? '',
    ev.date ? (ev.date.year_inferred ? 'true' : 'false') : '', ev.type, ev.mechanism?.kind ?? '', ev.mechanism?.name ?? '',
    ev.mechanism?.edition ?? '', ev.location.country ?? '', ev.location.place ?? '', ev.location.virtual ? 'true' : 'false',
    ev.areas.join(';'),
    ev.participants.map((p) => `${p.name} (${[p.country, p.rank, p.position, p.role].filter(Boolean).join(', ')})`).join('; '),
    ev.agreements.map((x) => `${x.title} [${x.kind}, ${x.status}${x.year ? `, ${x.year}` : ''}]`).join('; '),
    ev.commitments.map((c) => `${c.actor ?? '?'}: ${c.text}${c.due ? ` (by ${c.due})` : ''}`).join('; '),
    ev.anniversaries.map((x) => `${x.years}${x.from ? ` (${x.from}-${x.to ?? ''})` : ''}`).join('; '),
    e.language, e.title ?? '', e.source,
  ];
  return cells.map(csvField).join(',') + '\r\n';
}

function exportRecord(e: StoredEvent) {
  return { id: e.id, encounter_id: e.encounterId, document: { id: e.documentId, source: e.source, language: e.language, title: e.title }, event: e.event };
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
  // Characters XML 1.0 forbids.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export async function exportEvents(events: AsyncIterable<StoredEvent>, format: ExportFormat, out: Writable): Promise<number> {
  let n = 0;
  if (format === 'csv') {
    await write(out, '\ufeff' + CSV_COLUMNS.join(',') + '\r\n');
    for await (const e of events) {
      await write(out, csvRow(e));
      n++;
    }
    return n;
  }
  if (format === 'jsonl') {
    for await (const e of events) {
      await write(out, JSON.stringify(exportRecord(e)) + '\n');
      n++;
    }
    return n;
  }
  if (format === 'json') {
    await write(out, '[');
    for await (const e of events) {
      await write(out, (n ? ',\n' : '\n') + JSON.stringify(exportRecord(e)));
      n++;
    }
    await write(out, '\n]\n');
    return n;
  }
  return exportGraphml(events, out);
}

/**
 * GraphML: a node per country, person and mechanism; edges country—country
 * (events between them), person—country (represents), person—person (met),
 * mechanism—country (involves). Counts are kept as edge weights. The graph is
 * aggregated in memory (its size is the number of distinct actors, not events).
 */
async function exportGraphml(events: AsyncIterable<StoredEvent>, out: Writable): Promise<number> {
  const nodes = new Map<string, { kind: string; label: string; country?: string }>();
  const edges = new Map<string, { source: string; target: string; kind: string; weight: number; first?: string; last?: string }>();
  const node = (id: string, kind: string, label: string, country?: string) => {
    if (!nodes.has(id)) nodes.set(id, { kind, label, country });
    return id;
  };
  const edge = (a: string, b: string, kind: string, date?: string | null) => {
    const [s, t] = kind === 'represents' || kind === 'involves' ? [a, b] : [a, b].sort();
    const key = `${kind}|${s}|${t}`;
    const e = edges.get(key) ?? { source: s, target: t, kind, weight: 0 };
    e.weight++;
    if (date && !date.startsWith('--')) {
      if (!e.first || date < e.first) e.first = date;
      if (!e.last || date > e.last) e.last = date;
    }
    edges.set(key, e);
  };
  let n = 0;
  for await (const se of events) {
    const ev = se.event;
    n++;
    const date = ev.date?.value ?? null;
    const cs = ev.countries.map((c) => node(`country:${c}`, 'country', countryName(c), c));
    for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) edge(cs[i], cs[j], 'cooperates', date);
    const people = ev.participants.map((p) => {
      const id = node(`person:${foldSearch(p.name).replace(/\s+/g, '_')}`, 'person', p.name, p.country ?? undefined);
      if (p.country) edge(id, node(`country:${p.country}`, 'country', countryName(p.country), p.country), 'represents', date);
      return id;
    });
    for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) edge(people[i], people[j], 'met', date);
    if (ev.mechanism) {
      const m = node(`mechanism:${ev.mechanism.kind}:${foldSearch(ev.mechanism.name).replace(/\s+/g, '_')}`, 'mechanism', ev.mechanism.name);
      for (const c of cs) edge(m, c, 'involves', date);
    }
  }
  await write(out, `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="country" for="node" attr.name="country" attr.type="string"/>
  <key id="ekind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
  <key id="first" for="edge" attr.name="first" attr.type="string"/>
  <key id="last" for="edge" attr.name="last" attr.type="string"/>
  <graph id="attache" edgedefault="undirected">
`);
  for (const [id, v] of nodes) {
    await write(out, `    <node id="${xml(id)}"><data key="kind">${v.kind}</data><data key="label">${xml(v.label)}</data>${v.country ? `<data key="country">${v.country}</data>` : ''}</node>\n`);
  }
  let k = 0;
  for (const e of edges.values()) {
    await write(out, `    <edge id="e${k++}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="ekind">${e.kind}</data><data key="weight">${e.weight}</data>${e.first ? `<data key="first">${e.first}</data><data key="last">${e.last}</data>` : ''}</edge>\n`);
  }
  await write(out, '  </graph>\n</graphml>\n');
  return n;
}
