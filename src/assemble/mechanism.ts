import type { Doc, EditionMention } from '../pipeline/doc.js';
import type { PhraseMatch } from '../lexicon/matcher.js';
import type { EventType, Evidence, Mechanism, MechanismKind } from '../model.js';
import type { Reader, Range } from './context.js';

/**
 * The recurring mechanism of the event and its session number. The mechanism
 * is the one named in the headline or the lead (not one being prepared or
 * recalled); its name is the fullest form the report gives; its session
 * number is the highest one written next to any mention of it that is neither
 * a plan nor a recollection ("lần thứ 2" agreed at before, "lần thứ 3" now).
 */

export interface MechanismMention {
  m: PhraseMatch<MechanismKind>;
  /** Name span, extended over a country dyad and qualifiers up to the session number. */
  first: number;
  last: number;
  name: string;
  edition: EditionMention | null;
  future: boolean;
  background: boolean;
}

const AFTER_WINDOW = 16;
const BEFORE_WINDOW = 4;

function headKey(doc: Doc, m: PhraseMatch<MechanismKind>): string {
  return doc.tokens.slice(m.first, m.last).map((t) => t.key).join(' ');
}

export function mechanismMentions(doc: Doc, reader: Reader): MechanismMention[] {
  const t = doc.tokens;
  const countryAt = new Map<number, PhraseMatch<string>>();
  for (const c of doc.countries) countryAt.set(c.first, c);
  const countryEnd = new Map<number, PhraseMatch<string>>();
  for (const c of doc.countries) countryEnd.set(c.last, c);
  const out: MechanismMention[] = [];
  doc.mechanisms.forEach((m, idx) => {
    const next = doc.mechanisms[idx + 1];
    const s = reader.sentence(m.first);
    let first = m.first;
    // A dyad before the head: "Viet Nam-UK Defence Policy Dialogue".
    for (;;) {
      const c = countryEnd.get(first);
      if (c && c.first >= s.first) {
        first = c.first;
        continue;
      }
      if (first > s.first && (t[first - 1].text === '-' || t[first - 1].text === '/') && countryEnd.has(first - 1)) {
        first -= 1;
        continue;
      }
      break;
    }
    // The session number after the head, before the next mechanism and the end of the sentence.
    const limit = Math.min(s.last, m.last + AFTER_WINDOW, next ? next.first : Infinity);
    // A number written as a word or a Roman numeral must touch the name ("الحوار الرابع");
    // "lần thứ 4" may stand after qualifiers. "for the first time" is not a session.
    let edition = doc.editions.find((e) => e.first >= m.last && e.first < limit &&
      (e.origin.includes('+') || e.first - m.last <= 1)) ?? null;
    let last = m.last;
    if (edition) {
      // Only if nothing but qualifiers stands between ("về hợp tác quốc phòng, quân sự Việt Nam-Indonesia").
      const between = t.slice(m.last, edition.first);
      const verb = between.some((x) => x.text === '.' || x.text === ';' || x.text === ':');
      if (verb) edition = null;
      else last = edition.first;
    }
    if (!edition) {
      // "4th Defence Policy Dialogue", "the fourth meeting of the Joint Working Group", "IV Diálogo".
      edition = doc.editions.filter((e) => e.last <= first && e.last >= first - BEFORE_WINDOW && e.first >= s.first).pop() ?? null;
      // A number in words or Roman figures must touch the name, or be joined to it by small lower-case
      // words only ("the fourth meeting of the Joint Working Group", "la XXVIII reunión del Comité").
      if (edition && /roman|ordinal-word/.test(edition.origin) && first - edition.last > 1 &&
        !doc.tokens.slice(edition.last, first).every((x) => x.isWord && !x.upper)) edition = null;
      // A country dyad after the head: "Đối thoại Chính sách quốc phòng Việt Nam-Anh".
      let j = m.last;
      for (;;) {
        const c = countryAt.get(j);
        if (c && c.last <= s.last) {
          j = c.last;
          last = j;
          continue;
        }
        if (t[j] && (t[j].text === '-' || t[j].text === '/') && countryAt.has(j + 1)) {
          j += 1;
          continue;
        }
        break;
      }
    }
    // Trim punctuation at the end of the name.
    while (last > m.last && !t[last - 1].isWord) last--;
    let name = doc.text.slice(t[first].start, t[last - 1].end);
    // "للجنة العسكرية المختلطة": the name without the clitic glued to it ("اللجنة ...").
    if (first === m.first && m.proclitic && doc.pack) {
      const written = doc.tokens[m.first].text;
      const fix = doc.pack.cliticRestore.filter(([k]) => written.startsWith(k)).sort((a, b) => b[0].length - a[0].length)[0];
      if (fix) name = fix[1] + name.slice(fix[0].length);
    }
    const range: Range = { first: m.first, last };
    out.push({
      m,
      first,
      last,
      name,
      edition,
      future: reader.isFuture(range, 6),
      background: reader.isBackground(range, 6),
    });
  });
  return out;
}

export function chooseMechanism(
  doc: Doc,
  mentions: MechanismMention[],
  core: Range[],
): { mechanism: Mechanism; evidence: Record<string, Evidence[]> } | null {
  const inCore = (x: MechanismMention) => core.some((r) => x.m.first >= r.first && x.m.last <= r.last);
  const main = mentions.find((x) => inCore(x) && !x.future) ?? null;
  if (!main) return null;
  const key = headKey(doc, main.m);
  // Mentions of the same mechanism: same kind, and one head starts the other ("Đối thoại" / "Đối thoại Chính sách quốc phòng").
  const family = mentions.filter((x) => {
    if (x.m.value !== main.m.value || x.future) return false;
    const k = headKey(doc, x.m);
    return k.startsWith(key) || key.startsWith(k);
  });
  const named = family.reduce((a, b) => (b.name.length > a.name.length ? b : a), main);
  const numbered = family.filter((x) => x.edition && !x.background);
  const best = numbered.reduce<MechanismMention | null>((a, b) => (!a || b.edition!.n > a.edition!.n ? b : a), null);
  const evidence: Record<string, Evidence[]> = {
    'mechanism.kind': [{ start: main.m.start, end: main.m.end, origin: main.m.origin }],
    'mechanism.name': [{ start: doc.tokens[named.first].start, end: doc.tokens[named.last - 1].end, origin: named.m.origin }],
  };
  if (best?.edition) evidence['mechanism.edition'] = [{ start: best.edition.start, end: best.edition.end, origin: best.edition.origin }];
  return {
    mechanism: { kind: main.m.value, name: cleanName(named.name), edition: best?.edition?.n ?? null },
    evidence,
  };
}

function cleanName(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Encounters that recur as a series: "the fourth Wirra Jaya exercise", "Vietnam Defence Expo lần thứ 2",
 * "38-е совместное патрулирование" (a joint patrol is coded `other`).
 */
const SERIES: ReadonlySet<EventType> = new Set(['exercise', 'exhibition', 'conference', 'training', 'other']);
/** Words between a session number and the series' cue word ("fourth [Wirra Jaya] exercise"). */
const SERIES_GAP = 4;
/** Words after the cue a caseless name may run over ("تمرين [رماح الصحراء] 3"). */
const SERIES_NAME_WORDS = 3;

/**
 * The session of a recurring exercise, exhibition, conference, course or patrol, when no named mechanism is
 * reported: a session number (two or more: "for the first time" is not a series) next to the cue word
 * of the event's type in the headline or the lead, with nothing but the series' name between.
 */
export function seriesMechanism(doc: Doc, type: EventType, core: Range[]): { mechanism: Mechanism; evidence: Record<string, Evidence[]> } | null {
  if (!SERIES.has(type)) return null;
  const t = doc.tokens;
  const caseless = doc.pack?.caseless ?? false;
  const plain = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (!t[k].isWord && t[k].text !== '-') return false;
    return true;
  };
  for (const r of core) {
    for (const c of doc.cues) {
      if (c.value.type !== type || c.first < r.first || c.last > r.last) continue;
      const e = doc.editions.find((x) => x.n >= 2 && x.first >= r.first && x.last <= r.last &&
        ((x.last <= c.first && x.last >= c.first - SERIES_GAP && plain(x.last, c.first)) ||
         (x.first >= c.last && x.first <= c.last + SERIES_GAP + 2 && plain(c.last, x.first))));
      if (!e) continue;
      // The name: the cue and the capitalised words around it (or, without capitals, the words after it).
      let first = c.first;
      let last = c.last;
      if (!caseless) {
        const floor = e.last <= c.first ? e.last : r.first;
        const ceiling = e.first >= c.last ? e.first : r.last;
        while (first > floor && t[first - 1].isWord && t[first - 1].upper) first--;
        while (last < ceiling && t[last].isWord && t[last].upper) last++;
      } else {
        const ceiling = e.first >= c.last ? e.first : r.last;
        while (last < ceiling && last < c.last + SERIES_NAME_WORDS && t[last].isWord && !/^\d/.test(t[last].text)) last++;
      }
      const name = doc.text.slice(t[first].start, t[last - 1].end).replace(/\s+/g, ' ').trim();
      return {
        mechanism: { kind: 'other', name, edition: e.n },
        evidence: {
          'mechanism.kind': [{ start: c.start, end: c.end, origin: `${c.origin}+series` }],
          'mechanism.name': [{ start: t[first].start, end: t[last - 1].end, origin: `${c.origin}+series` }],
          'mechanism.edition': [{ start: e.start, end: e.end, origin: e.origin }],
        },
      };
    }
  }
  return null;
}
