import type { StoredEvent } from '../store/store.js';
import type { Evidence } from '../model.js';

/**
 * `attache show`: the event record, then the source text with every piece of
 * evidence marked and labelled with the fields it supports, so a person can
 * check each value against the words it came from.
 */

export function renderEvidence(e: StoredEvent, text: string, color: boolean): string {
  const { evidence, ...record } = e.event;
  const out: string[] = [];
  out.push(`event ${e.id} (encounter ${e.encounterId}) from ${e.source} [${e.language}]`);
  out.push(JSON.stringify(record, null, 2));
  out.push('', 'evidence:');
  // Group spans: one mark per distinct span, listing the fields it supports.
  const spans = new Map<string, { start: number; end: number; fields: string[]; origins: Set<string> }>();
  for (const [field, list] of Object.entries(evidence)) {
    for (const ev of list as Evidence[]) {
      if (ev.end <= ev.start) {
        out.push(`  ${field}: ${ev.origin}`);
        continue;
      }
      const key = `${ev.start}:${ev.end}`;
      const s = spans.get(key) ?? { start: ev.start, end: ev.end, fields: [], origins: new Set() };
      s.fields.push(field);
      s.origins.add(ev.origin);
      spans.set(key, s);
    }
  }
  const sorted = [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const s of sorted) out.push(`  ${s.fields.join(', ')}: "${text.slice(s.start, s.end)}" (${[...s.origins].join('; ')})`);
  out.push('', 'text:');
  // Marks must not overlap in plain text: keep the outermost span at each place.
  let pos = 0;
  let body = '';
  let n = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    n++;
    body += text.slice(pos, s.start);
    const span = text.slice(s.start, s.end);
    body += color ? `\x1b[4;33m${span}\x1b[0m\x1b[2m[${n}]\x1b[0m` : `⟦${span}⟧[${n}]`;
    pos = s.end;
  }
  body += text.slice(pos);
  out.push(body);
  out.push('', 'marks:');
  n = 0;
  pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    n++;
    pos = s.end;
    out.push(`  [${n}] ${s.fields.join(', ')}`);
  }
  return out.join('\n');
}
