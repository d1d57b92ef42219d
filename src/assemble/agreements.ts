import type { Doc } from '../pipeline/doc.js';
import type { Agreement, Evidence } from '../model.js';
import { foldPhrase } from '../text/fold.js';
import type { Reader } from './context.js';

/**
 * Named documents: a kind word that starts a title ("Bản ghi nhớ về Hợp tác
 * quốc phòng song phương", "Memorandum of Understanding on ..."). The title runs
 * to a punctuation mark, a title-stop word, or the next document. Status:
 * `proposed` after a wish or plan, `signed` after a signing word (or when the report says a
 * document of its kind was signed at the encounter), else `referenced`; a signing year written after the title makes it `referenced`
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
  const dateStart = new Map(doc.dates.map((d) => [d.first, d]));

  const agreements: Agreement[] = [];
  const evidence: Record<string, Evidence[]> = {};
  const seen = new Set<string>();

  // Kinds of document signed at this encounter, even where the report names them without a title
  // ("firman memorando" in the headline, then "El Memorando de Entendimiento sobre ..." further on).
  const signedKinds = new Set<string | null>();
  for (const k of doc.agreementKinds) {
    const s = reader.sentence(k.first);
    if (signedAt.some((m) => m.first >= s.first && m.last <= s.last && !reader.isFuture(m) && !reader.isBackground(m)) &&
      !doc.dates.some((d) => d.yearOnly && d.first >= s.first && d.last <= s.last)) signedKinds.add(k.value);
  }

  const connectors = new Set(pack.dateWords.of(doc.matches).filter((w) => w.value.kind === 'connector').map((w) => w.first));

  for (const k of doc.agreementKinds) {
    let head = t[k.first];
    const s = reader.sentence(k.first);
    // A named document: a capitalised kind word ("Bản ghi nhớ về ..."), a proper name before the kind
    // ("the Lombok Treaty", "Horizon 2047 roadmap"), or a kind followed by what it is about
    // ("un protocole d'accord dans le domaine de ...").
    let first = k.first;
    if (!pack.caseless) {
      while (first > s.first + 1 && first > k.first - 5) {
        const x = t[first - 1];
        if ((x.isWord && x.upper) || x.text === '-' || /^\d{4}$/.test(x.key)) first--;
        else break;
      }
      while (first < k.first && !t[first].isWord) first++;
    }
    const named = first < k.first;
    const qualified = after.has(k.last) || after.has(k.last + 1);
    if (pack.caseless ? !qualified : pack.agreementTitledOnly && !head.upper && !named && !qualified) continue;
    // Where a language lists what follows a kind word (fr, es), a bare capitalised kind
    // ("del Plan en una reunión") is a reference back, not a title.
    // (A kind of several words, "План военного сотрудничества", is specific enough on its own.)
    if (!pack.caseless && pack.agreementQualified && !named && !qualified && k.last - k.first === 1 &&
      !t.slice(k.last, Math.min(k.last + 3, s.last)).some((x) => x.isWord && x.upper)) continue;
    if (!pack.caseless && head.upper && !named && !qualified && k.first === s.first && !t[k.last]?.upper) {
      // "Thỏa thuận này ...", "The agreement ...": capitalised only because it starts the sentence.
      const next = t[k.last];
      if (!next || !next.isWord || !next.upper) continue;
    }
    head = t[first];
    // The title.
    let last = k.last;
    let year: number | null = null;
    // A title in Title Case ("Memorando de Entendimiento sobre Cooperación en el Ámbito de la Industria
    // de Defensa") ends at the first lower-case word that is not one of its small words ("establece").
    let capitalised = 0;
    let titleCase = pack.agreementTitleSmallWords.size > 0;
    while (last < s.last && last - k.first < MAX_TITLE_TOKENS) {
      const x = t[last];
      if (TITLE_BREAK.has(x.text) || stops.has(last) || (last > k.last && kindStarts.has(last))) break;
      if (titleCase && x.isWord && !/^\d/.test(x.text) && !pack.agreementTitleSmallWords.has(x.key)) {
        if (x.upper) capitalised++;
        else if (capitalised >= 2) break;
        else titleCase = false;
      }
      // "... of 2015", "... de 2000": the year it was signed, not part of the title.
      if (connectors.has(last) && yearAt.has(last + 1)) {
        year = yearAt.get(last + 1)!;
        break;
      }
      // "và Kế hoạch ...": a second document.
      if (kindStarts.has(last + 1) && !x.upper && x.isWord && last > k.last) break;
      last++;
    }
    // Trailing small words belong to the sentence, not the title ("... 2024-2025 y").
    while (last - 1 > k.last && t[last - 1].isWord && !t[last - 1].upper && t[last - 1].text.length <= 3 && !/\d/.test(t[last - 1].text)) last--;
    if (last - k.last < 1 && !named) continue;
    const title = doc.text.slice(head.start, t[last - 1].end).trim();
    const key = foldPhrase(title);
    if (seen.has(key)) continue;
    seen.add(key);

    // A signing year written with the document: "ký năm 2017", "signed in 2011", "подписанный 28 марта 1994 года".
    for (let j = last; year === null && j < Math.min(s.last, last + 6) && !kindStarts.has(j); j++) {
      const d = dateStart.get(j);
      if (d && d.year !== null) year = d.year;
    }
    const before = { first: s.first, last: first };
    const proposed = reader.hasCue('proposal', before) || reader.hasCue('future', before);
    const signedBefore = signedAt.some((m) => m.first >= s.first && m.last <= first);
    const signedAfter = signedAt.some((m) => m.first >= last && m.first < Math.min(s.last, last + 4));
    let status: Agreement['status'];
    if (proposed) status = 'proposed';
    // A year written with it, before the event's (or when the event's is unknown): an earlier document.
    else if (year !== null && (eventYear === null || year < eventYear)) status = 'referenced';
    else if (signedBefore || signedAfter) status = 'signed';
    // Named without a date in a report of its signing.
    else if (year === null && signedKinds.has(k.value) && !reader.isBackground(k)) status = 'signed';
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
