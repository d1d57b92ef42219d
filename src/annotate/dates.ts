import type { Token } from '../text/tokenize.js';
import type { LanguagePack, DateWord } from '../lexicon/language-pack.js';
import type { PhraseMatch } from '../lexicon/matcher.js';
import type { DateMention } from '../pipeline/doc.js';

/**
 * Dates as news writes them. The grammar is shared by every language; the
 * words (month names, "ngày", "chiều", "giờ địa phương", "de", "года") come
 * from data/lang/<code>/dates.yaml:
 *   numeric     29-3, 29/9, 26/9/2024, 29.09.2021, 2021-09-29
 *   day-month   29 March [2023], 29 tháng 9 [năm 2021], 26 سبتمبر, 29 de marzo de 2023, 29 марта 2023 г.
 *   month-day   March 29[, 2023]
 *   month-year  July 2021, tháng 7-2021, tháng 7/2021, يونيو 2023
 *   year        năm 2020, in 2017 (a year word, or a bare year)
 * A numeric day-month without a year counts only after a date word ("Chiều",
 * "Ngày", "on"), so "24/7" or "500/500" never becomes a date.
 */

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

function num(t: Token | undefined): number | null {
  if (!t || !/^\d+$/.test(t.key)) return null;
  return Number(t.key);
}

/** "29", "29th", "1er", "1st", "1-го": a day of month. */
function dayOf(t: Token | undefined): number | null {
  if (!t) return null;
  const m = /^(\d{1,2})(?:st|nd|rd|th|er|e|º|o|ro|do|ero)?$/.exec(t.key);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
}

function yearOf(t: Token | undefined): number | null {
  const n = num(t);
  return n !== null && t!.key.length === 4 && n >= YEAR_MIN && n <= YEAR_MAX ? n : null;
}

function adjacent(a: Token, b: Token): boolean {
  return a.end === b.start;
}

export function annotateDates(tokens: Token[], pack: LanguagePack, matches = pack.match(tokens)): DateMention[] {
  const months = new Map<number, PhraseMatch<number>>();
  for (const m of pack.months.of(matches)) months.set(m.first, m);
  const words = new Map<number, PhraseMatch<DateWord>>();
  for (const m of pack.dateWords.of(matches)) words.set(m.first, m);
  const wordEndingAt = new Map<number, PhraseMatch<DateWord>>();
  for (const m of words.values()) wordEndingAt.set(m.last, m);

  const out: DateMention[] = [];
  const taken = new Uint8Array(tokens.length);

  /** Skip connector words ("de", ",") starting at i. */
  const skipConnectors = (i: number): number => {
    while (i < tokens.length) {
      const w = words.get(i);
      if (w && w.value.kind === 'connector') i = w.last;
      else if (tokens[i].text === ',') i++;
      else break;
    }
    return i;
  };

  /** A year after position i: "2023", "năm 2023", "de 2023", ", 2023". Returns [year, lastTokenExclusive]. */
  const yearAfter = (i: number): [number, number] | null => {
    let j = skipConnectors(i);
    const w = words.get(j);
    if (w && w.value.kind === 'year') j = w.last;
    const y = yearOf(tokens[j]);
    if (y === null) return null;
    let end = j + 1;
    // "2023 года", "2023 г.", "2023م"
    const after = words.get(end);
    if (after && after.value.kind === 'year') end = after.last;
    return [y, end];
  };

  /** Words before token i that make a date certain: a day word, a part of day, a weekday, a preposition. */
  const anchorBefore = (i: number): { weekday: number | null; anchored: boolean; first: number } => {
    let first = i;
    let anchored = false;
    let weekday: number | null = null;
    for (let hops = 0; hops < 4; hops++) {
      let j = first;
      if (j > 0 && tokens[j - 1].text === ',') j--;
      const w = wordEndingAt.get(j);
      // "el pasado 29 de marzo", "le prochain 4 mai": the word says past or future; it is read by push.
      if (!w || w.value.kind === 'year' || w.value.kind === 'connector' || w.value.kind === 'next' || w.value.kind === 'last' ||
        w.value.kind === 'range') break;
      anchored = true;
      if (w.value.kind === 'weekday') weekday = w.value.n ?? null;
      first = w.first;
    }
    if (!anchored && (i === 0 || tokens[i].lineStart)) anchored = true;
    return { weekday, anchored, first };
  };

  const push = (d: Omit<DateMention, 'start' | 'end' | 'relative'>) => {
    let relative: DateMention['relative'] = null;
    const nextWord = words.get(d.last);
    if (nextWord?.value.kind === 'next') relative = 'next';
    const prevWord = wordEndingAt.get(d.first);
    if (prevWord?.value.kind === 'last') relative = 'last';
    if (prevWord?.value.kind === 'next') relative = 'next';
    let last = d.last;
    // "(giờ địa phương)" belongs to the date.
    if (tokens[last]?.text === '(' && words.get(last + 1)?.value.kind === 'local' && tokens[words.get(last + 1)!.last]?.text === ')') {
      last = words.get(last + 1)!.last + 1;
    }
    out.push({ ...d, last, start: tokens[d.first].start, end: tokens[last - 1].end, relative });
    for (let k = d.first; k < last; k++) taken[k] = 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const t = tokens[i];
    // Every date starts with a digit or a month name (weekdays are read after the loop).
    const c0 = t.key.charCodeAt(0);
    if (!(c0 >= 48 && c0 <= 57) && !months.has(i)) continue;

    // ISO 2021-09-29
    const y0 = yearOf(t);
    if (y0 !== null && tokens[i + 2] && tokens[i + 1].text === '-' && adjacent(t, tokens[i + 1])) {
      const mo = num(tokens[i + 2]);
      const d = num(tokens[i + 4]);
      if (mo && mo <= 12 && tokens[i + 3]?.text === '-' && d && d <= 31 && adjacent(tokens[i + 2], tokens[i + 3])) {
        push({ year: y0, month: mo, day: d, weekday: null, first: i, last: i + 5, origin: 'date:iso', anchored: true, yearOnly: false });
        i += 4;
        continue;
      }
    }

    // Numeric d/m[/y], d-m[-y], d.m.y
    const d1 = num(t);
    const sep = tokens[i + 1];
    if (d1 !== null && t.key.length <= 2 && sep && ['/', '-', '.'].includes(sep.text) && adjacent(t, sep) &&
        tokens[i + 2] && adjacent(sep, tokens[i + 2])) {
      const d2 = num(tokens[i + 2]);
      if (d2 !== null && tokens[i + 2].key.length <= 2) {
        let day = d1;
        let month = d2;
        if (month > 12 && day <= 12) [day, month] = [d2, d1];
        if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
          let last = i + 3;
          let year: number | null = null;
          const sep2 = tokens[i + 3];
          if (sep2 && sep2.text === sep.text && adjacent(tokens[i + 2], sep2) && tokens[i + 4] && adjacent(sep2, tokens[i + 4])) {
            const y = num(tokens[i + 4]);
            if (y !== null && tokens[i + 4].key.length === 4 && y >= YEAR_MIN && y <= YEAR_MAX) {
              year = y;
              last = i + 5;
            } else if (y !== null && tokens[i + 4].key.length === 2 && sep.text !== '-') {
              year = 2000 + y;
              last = i + 5;
            }
          }
          const a = anchorBefore(i);
          if (year !== null || a.anchored) {
            push({ year, month, day, weekday: a.weekday, first: a.first, last, origin: `date:dmy-${sep.text === '/' ? 'slash' : sep.text === '-' ? 'dash' : 'dot'}`, anchored: a.anchored, yearOnly: false });
            i = last - 1;
            continue;
          }
        }
      }
    }

    // A range of days: "du 9 au 12 mars", "9-12 March", "từ 14 đến 16/11": the event starts on the first.
    const startDay = dayOf(t);
    if (startDay !== null && t.key.length <= 2) {
      const sep = words.get(i + 1);
      const k = sep && sep.value.kind === 'range' ? sep.last : tokens[i + 1]?.text === '-' ? i + 2 : -1;
      if (k > 0 && dayOf(tokens[k]) !== null) {
        const endDay = dayOf(tokens[k])!;
        let mo: PhraseMatch<number> | undefined = months.get(skipConnectors(k + 1));
        let month: number | null = mo?.value ?? null;
        let last = mo ? mo.last : -1;
        // "14-16/11": the month after a slash.
        if (!mo && (tokens[k + 1]?.text === '/' || tokens[k + 1]?.text === '.') && num(tokens[k + 2]) !== null && num(tokens[k + 2])! <= 12) {
          month = num(tokens[k + 2]);
          last = k + 3;
        }
        if (month !== null && endDay > startDay) {
          let year: number | null = null;
          const y = yearAfter(last);
          if (y) [year, last] = [y[0], y[1]];
          else if ((tokens[last]?.text === '/' || tokens[last]?.text === '.') && yearOf(tokens[last + 1])) {
            year = yearOf(tokens[last + 1]);
            last += 2;
          }
          const a = anchorBefore(i);
          push({ year, month, day: startDay, weekday: a.weekday, first: a.first, last, origin: 'date:day-range', anchored: true, yearOnly: false });
          i = last - 1;
          continue;
        }
      }
    }

    // Day then month name: "29 March 2023", "29 tháng 9 năm 2021", "26 سبتمبر", "29 de marzo"
    const day = dayOf(t);
    if (day !== null) {
      const j = skipConnectors(i + 1);
      const mo = months.get(j);
      if (mo) {
        const y = yearAfter(mo.last);
        const a = anchorBefore(i);
        push({ year: y ? y[0] : null, month: mo.value, day, weekday: a.weekday, first: a.first, last: y ? y[1] : mo.last, origin: `date:day-month`, anchored: true, yearOnly: false });
        i = (y ? y[1] : mo.last) - 1;
        continue;
      }
    }

    const mo = months.get(i);
    if (mo) {
      // Month then day: "March 29, 2023"
      const j = skipConnectors(mo.last);
      const d = dayOf(tokens[j]);
      if (d !== null && j === mo.last && !yearOf(tokens[j])) {
        const y = yearAfter(j + 1);
        const a = anchorBefore(i);
        push({ year: y ? y[0] : null, month: mo.value, day: d, weekday: a.weekday, first: a.first, last: y ? y[1] : j + 1, origin: 'date:month-day', anchored: true, yearOnly: false });
        i = (y ? y[1] : j + 1) - 1;
        continue;
      }
      // Month and year: "July 2021", "tháng 7-2021", "tháng 7/2021", "tháng 7 năm 2021"
      let k = mo.last;
      if (tokens[k] && ['-', '/', '.'].includes(tokens[k].text)) k++;
      const y = yearAfter(k);
      const a = anchorBefore(i);
      push({ year: y ? y[0] : null, month: mo.value, day: null, weekday: null, first: a.first, last: y ? y[1] : mo.last, origin: 'date:month-year', anchored: true, yearOnly: false });
      i = (y ? y[1] : mo.last) - 1;
      continue;
    }

    // A year on its own.
    const y = yearOf(t);
    if (y !== null && !(tokens[i + 1]?.text === '-' && yearOf(tokens[i + 2])) && !(tokens[i - 1]?.text === '-' && yearOf(tokens[i - 2]))) {
      const w = wordEndingAt.get(i);
      const first = w && w.value.kind === 'year' ? w.first : i;
      push({ year: y, month: null, day: null, weekday: null, first, last: i + 1, origin: 'date:year', anchored: Boolean(w), yearOnly: true });
      continue;
    }

  }
  // A weekday alone ("on Tuesday"), resolved against the publication date later; not one that
  // introduces a full date ("Tuesday, March 29", "Rabu (29/3)").
  for (const w of words.values()) {
    if (w.value.kind !== 'weekday' || taken[w.first]) continue;
    const next = out.find((d) => d.first >= w.last && d.first <= w.last + 3 && !d.yearOnly);
    if (next) continue;
    out.push({ year: null, month: null, day: null, weekday: w.value.n ?? null, first: w.first, last: w.last,
      start: tokens[w.first].start, end: tokens[w.last - 1].end, origin: 'date:weekday', anchored: true, yearOnly: false, relative: null });
  }
  // "today", "yesterday" (resolved against the publication date), where no date stands beside them.
  for (const w of words.values()) {
    if (w.value.kind !== 'relday' || taken[w.first]) continue;
    if (out.some((d) => Math.abs(d.first - w.last) <= 2 || Math.abs(w.first - d.last) <= 2)) continue;
    out.push({ year: null, month: null, day: null, weekday: null, first: w.first, last: w.last, start: tokens[w.first].start,
      end: tokens[w.last - 1].end, origin: 'date:relative-day', anchored: true, yearOnly: false, relative: null, daysFromPublication: w.value.n ?? 0 });
  }
  return out.sort((a, b) => a.first - b.first);
}
