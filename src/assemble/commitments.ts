import type { Doc } from '../pipeline/doc.js';
import type { Anniversary, Commitment, Evidence } from '../model.js';
import type { Reader } from './context.js';

/**
 * Commitments and anniversaries.
 *
 * A commitment is a clause with an undertaking cue ("sẽ", "sẵn sàng", "will")
 * or a request addressed to the other side ("đề nghị Belarus tiếp tục ...").
 * Its actor is the state named just before the cue (or, for a request, just
 * after it); its due date is a year or month written in the clause.
 *
 * An anniversary is "N years ... (Y1-Y2)" with Y2 - Y1 = N, or an anniversary
 * word next to a number ("kỷ niệm 60 năm", "50th anniversary").
 */

const MAX_COMMITMENTS = 6;
/** How far after "60 năm" / an anniversary word its year range may stand. */
const RANGE_WINDOW = 20;
const MAX_TEXT = 240;
const MIN_WORDS = 8;
const CLAUSE_END = new Set([';', '؛', '.', '!', '?', '؟']);

export function extractCommitments(doc: Doc, reader: Reader, eventYear: number | null): {
  commitments: Commitment[];
  evidence: Record<string, Evidence[]>;
} {
  const t = doc.tokens;
  const commitments: Commitment[] = [];
  const evidence: Record<string, Evidence[]> = {};
  const done = new Set<number>();
  const cues = doc.clauseCues.filter((c) => c.value.has('commitment') || c.value.has('request'));
  for (const cue of cues) {
    if (commitments.length >= MAX_COMMITMENTS) break;
    const s = reader.sentence(cue.first);
    if (s.isTitle || s.isCaption || done.has(s.index)) continue;
    if (reader.isBackground({ first: cue.first, last: cue.last }, 4)) continue;
    // The clause: from the last strong break before the cue to the next one after it.
    let first = cue.first;
    while (first > s.first && !CLAUSE_END.has(t[first - 1].text) && t[first - 1].text !== ':') first--;
    // Start after the last comma before the cue when a subject follows it ("Đồng thời, Phía Việt Nam sẽ ...").
    const commaBefore = t.slice(first, cue.first).map((x, k) => (x.text === ',' || x.text === '،' ? first + k : -1)).filter((k) => k >= 0).pop();
    if (commaBefore !== undefined && cue.first - commaBefore > 2) first = commaBefore + 1;
    let last = cue.last;
    while (last < s.last && !CLAUSE_END.has(t[last].text)) last++;
    if (last - cue.last < 3) continue;
    const isRequest = cue.value.has('request') && !cue.value.has('commitment');
    // Actor: the state named last before the cue, or the addressee of a request.
    let actor: string | null = null;
    let actorEv: Evidence | null = null;
    const before = doc.countries.filter((c) => c.first >= first && c.last <= cue.first);
    const afterCue = doc.countries.find((c) => c.first >= cue.last && c.first <= cue.last + 3);
    if (isRequest && afterCue) {
      actor = afterCue.value;
      actorEv = { start: afterCue.start, end: afterCue.end, origin: afterCue.origin };
      first = afterCue.first;
    } else if (before.length) {
      const c = before[before.length - 1];
      actor = c.value;
      actorEv = { start: c.start, end: c.end, origin: c.origin };
    } else if (isRequest) {
      continue;
    } else {
      // "Bộ trưởng Ravkov ... cho biết sẽ ...": the speaker's state.
      const speaker = doc.persons.filter((p) => p.first >= first && p.last <= cue.first && p.country).pop();
      if (speaker?.country) {
        actor = speaker.country.value;
        actorEv = { start: speaker.country.start, end: speaker.country.end, origin: speaker.country.origin };
      }
    }
    if (isRequest && !afterCue) continue;
    // The undertaking itself: up to the first comma that leaves it a full clause.
    const comma = t.slice(cue.last + MIN_WORDS, last).find((x) => x.text === ',' || x.text === '،');
    let end = comma ? comma.start : t[last - 1].end;
    const start = t[first].start;
    if (end - start > MAX_TEXT) end = start + MAX_TEXT;
    const text = doc.text.slice(start, end).trim();
    if (commitments.some((c) => c.text === text)) continue;
    // Due: a year or month written in the clause ("trong năm 2020", "tháng 10 tới đây", "ديسمبر 2024").
    let due: string | null = null;
    const d = doc.dates.find((x) => x.first >= first && x.last <= last && (x.year !== null || x.relative === 'next'));
    if (d) {
      if (d.month !== null && d.year !== null) due = `${d.year}-${String(d.month).padStart(2, '0')}`;
      else if (d.month !== null && d.relative === 'next' && eventYear !== null) due = `${eventYear}-${String(d.month).padStart(2, '0')}`;
      else if (d.year !== null) due = String(d.year);
    }
    const i = commitments.length;
    commitments.push({ actor, text, due });
    evidence[`commitments.${i}.text`] = [{ start, end, origin: cue.origin }];
    if (actorEv) evidence[`commitments.${i}.actor`] = [actorEv];
    if (d && due) evidence[`commitments.${i}.due`] = [{ start: d.start, end: d.end, origin: d.origin }];
    done.add(s.index);
  }
  return { commitments, evidence };
}

export function extractAnniversaries(doc: Doc, reader: Reader, eventYear: number | null = null): {
  anniversaries: Anniversary[];
  evidence: Record<string, Evidence[]>;
} {
  const t = doc.tokens;
  const out: Anniversary[] = [];
  const evidence: Record<string, Evidence[]> = {};
  const add = (a: Anniversary, start: number, end: number, origin: string) => {
    const prev = out.find((x) => x.years === a.years);
    if (prev) {
      prev.from ??= a.from;
      prev.to ??= a.to;
      return;
    }
    evidence[`anniversaries.${out.length}`] = [{ start, end, origin }];
    out.push(a);
  };
  // Year ranges "(1960-2020)", "1973–2023".
  const ranges: Array<{ first: number; last: number; from: number; to: number }> = [];
  // Years joined by a dash, each possibly inside a full date: "1973-2023", "(5/9/1962-5/9/2022)".
  const isYear = (k: number) => {
    const key = t[k]?.key;
    if (!key || key.length !== 4) return false;
    const c = key.charCodeAt(0);
    if (c !== 49 && c !== 50) return false;
    const y = Number(key);
    return y >= 1700 && y <= 2100;
  };
  for (let i = 0; i + 2 < t.length; i++) {
    if (!isYear(i) || t[i + 1].key !== '-') continue;
    for (let j = i + 2; j < Math.min(t.length, i + 8); j++) {
      if (t[j].text === ')' || t[j].text === ',' || (t[j].isWord && !/^\d+$/.test(t[j].key))) break;
      if (isYear(j)) {
        const from = Number(t[i].key);
        const to = Number(t[j].key);
        if (to > from && to - from <= 200) ranges.push({ first: i, last: j + 1, from, to });
        break;
      }
    }
  }
  const annCues = doc.clauseCues.filter((c) => c.value.has('anniversary'));
  for (let i = 0; i < t.length; i++) {
    const c0 = t[i].key.charCodeAt(0);
    if (c0 < 48 || c0 > 57 || t[i].key.length > 3 || !/^\d{1,3}$/.test(t[i].key)) continue;
    const n = Number(t[i].key);
    if (n < 1 || n > 200) continue;
    const s = reader.sentence(i);
    // "60 năm ... (1960-2020)": the range that spans exactly n years.
    const r = ranges.find((x) => x.first > i && x.first <= i + RANGE_WINDOW && x.to - x.from === n && reader.sentence(x.first) === s);
    if (r) {
      add({ years: n, from: r.from, to: r.to }, t[i].start, t[r.last - 1].end, 'anniversary:years-range');
      continue;
    }
    // "kỷ niệm 60 năm", "60th anniversary", "60-летие".
    const near = annCues.find((c) => (c.last <= i && c.last >= i - 2) || (c.first > i && c.first <= i + 3));
    if (near && !/^\d{4}$/.test(t[i].key)) {
      add({ years: n, from: null, to: null }, Math.min(near.start, t[i].start), Math.max(near.end, t[i].end), near.origin);
    }
  }
  // An anniversary word with a range but the number in words ("الذكرى الخامسة والستين ... (1960-2025)").
  for (const c of annCues) {
    const s = reader.sentence(c.first);
    const r = ranges.find((x) => x.first > c.first && x.first <= c.last + RANGE_WINDOW && reader.sentence(x.first) === s);
    if (r) add({ years: r.to - r.from, from: r.from, to: r.to }, c.start, t[r.last - 1].end, `${c.origin}+range`);
  }
  // Ordinal words next to an anniversary word ("fiftieth anniversary").
  for (const e of doc.editions) {
    const c = annCues.find((x) => (x.first >= e.last && x.first <= e.last + 1) || (x.last <= e.first && x.last >= e.first - 1));
    if (c && e.n >= 5) add({ years: e.n, from: null, to: null }, Math.min(c.start, e.start), Math.max(c.end, e.end), `${c.origin}+ordinal`);
  }
  // "kỷ niệm 60 năm" with no range, in a report of an event of a known year: the years it closes.
  if (eventYear !== null) {
    for (const a of out) {
      if (a.to === null && a.from === null) {
        a.to = eventYear;
        a.from = eventYear - a.years;
      } else if (a.to === null && a.from !== null) a.to = a.from + a.years;
      else if (a.from === null && a.to !== null) a.from = a.to - a.years;
    }
  }
  return { anniversaries: out, evidence };
}
