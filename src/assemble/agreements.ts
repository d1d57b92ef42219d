import type { Doc } from '../pipeline/doc.js';
import type { Agreement, Evidence } from '../model.js';
import { foldPhrase } from '../text/fold.js';
import type { Reader } from './context.js';

/**
 * Named documents: a kind word that starts a title ("Bản ghi nhớ về Hợp tác
 * quốc phòng song phương", "Memorandum of Understanding on ..."). The title runs
 * to a punctuation mark, a title-stop word, or the next document. Status:
 * `proposed` after a wish or plan, `signed` after a signing word, else
 * `referenced`; a signing year written after the title makes it `referenced`
 * unless it is the event's own year.
 */

const MAX_TITLE_TOKENS = 18;
const TITLE_BREAK = new Set([',', ';', ':', '.', '(', ')', '،', '؛', '"', '!', '?', '…']);

export function extractAgreements(doc: Doc, reader: Reader, eventYear: number | null): {
  agreements: Agreement[];
  evidence: Record<string, Evidence[]>;
} {
  const pack = doc.pack!;
  const t = doc.tokens;
  const stops = new Set<number>();
  for (const m of pack.agreementTitleStop.of(doc.matches)) stops.add(m.first);
  const after = new Map<number, number>();
  for (const m of pack.agreementTitleAfter.of(doc.matches)) after.set(m.first, m.last);
  const signedAt = pack.signed.of(doc.matches);
  const kindStarts = new Set(doc.agreementKinds.map((k) => k.first));
  const yearAt = new Map<number, number>();
  for (const d of doc.dates) if (d.yearOnly && d.year !== null) yearAt.set(d.first, d.year);

  const agreements: Agreement[] = [];
  const evidence: Record<string, Evidence[]> = {};
  const seen = new Set<string>();

  for (const k of doc.agreementKinds) {
    const head = t[k.first];
    const s = reader.sentence(k.first);
    if (pack.agreementTitledOnly && !head.upper) continue;
    if (!pack.caseless && pack.agreementTitledOnly && k.first === s.first && !t[k.last]?.upper && !after.has(k.last)) {
      // "Thỏa thuận này ..." at the start of a sentence: capitalised only because it starts it.
      const next = t[k.last];
      if (!next || next.isWord === false) continue;
    }
    if (pack.caseless && !after.has(k.last) && !after.has(k.last + 1)) continue;
    // The title.
    let last = k.last;
    while (last < s.last && last - k.first < MAX_TITLE_TOKENS) {
      const x = t[last];
      if (TITLE_BREAK.has(x.text) || stops.has(last) || (last > k.last && kindStarts.has(last))) break;
      // "và Kế hoạch ...": a second document.
      if (kindStarts.has(last + 1) && !x.upper && x.isWord && last > k.last) break;
      last++;
    }
    if (last - k.last < 1) continue;
    const title = doc.text.slice(head.start, t[last - 1].end).trim();
    const key = foldPhrase(title);
    if (seen.has(key)) continue;
    seen.add(key);

    // A signing year right after the title: "ký năm 2017", "signed in 2017".
    let year: number | null = null;
    for (let j = last; j < Math.min(s.last, last + 4); j++) {
      const y = yearAt.get(j);
      if (y) {
        year = y;
        break;
      }
    }
    const before = { first: s.first, last: k.first };
    const proposed = reader.hasCue('proposal', before) || reader.hasCue('future', before);
    const signedBefore = signedAt.some((m) => m.first >= s.first && m.last <= k.first);
    const signedAfter = signedAt.some((m) => m.first >= last && m.first < Math.min(s.last, last + 4));
    let status: Agreement['status'];
    if (proposed) status = 'proposed';
    else if (year !== null && eventYear !== null && year < eventYear) status = 'referenced';
    else if (signedBefore || (signedAfter && year === null)) status = 'signed';
    else status = 'referenced';
    if (status === 'signed' && year === null) year = eventYear;
    if (status === 'proposed') year = null;
    const i = agreements.length;
    agreements.push({ title, kind: k.value, year, status });
    evidence[`agreements.${i}.title`] = [{ start: head.start, end: t[last - 1].end, origin: k.origin }];
    evidence[`agreements.${i}.status`] = [{ start: s.start, end: s.end, origin: `agreement:${status}` }];
  }
  return { agreements, evidence };
}
