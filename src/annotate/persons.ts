import type { Token } from '../text/tokenize.js';
import { opensConjunct, type LanguagePack, type PersonWord, type Rank } from '../lexicon/language-pack.js';
import type { PhraseMatch } from '../lexicon/matcher.js';
import type { PersonMention, Sentence } from '../pipeline/doc.js';

/**
 * People: a name next to what describes it. A name is found
 *  - right after a rank, a title, an organisation, a country or an honorific
 *    ("Thượng tướng Hoàng Xuân Chiến", "Defence Minister Gen. Phan Van Giang");
 *  - or before ", <description>" ("Phan Van Giang, Minister of National Defence");
 *  - or, in Vietnamese, as a run of capitalised syllables that starts with a family name.
 * In cased scripts a name is a run of capitalised words; in caseless scripts
 * (Arabic) it ends at punctuation, at any lexicon word, or at a name_stop word.
 * The description chain on both sides gives rank, offices and country.
 */

export interface PersonLayers {
  ranks: PhraseMatch<Rank>[];
  personWords: PhraseMatch<PersonWord>[];
  countries: PhraseMatch<string>[];
  /** Token spans of other lexicon layers (places, cues, dates, mechanisms): never part of a name. */
  other: Array<{ first: number; last: number }>;
  /** Spans of lead cues ("Trưởng đoàn"): they may stand in a description chain. */
  leadCues: Array<{ first: number; last: number }>;
  /** Words that end a name in caseless scripts. */
  nameStop: Array<{ first: number; last: number }>;
  /** Venue words ("tại", "in"): a country after one is a place, not a side. */
  venues: Array<{ first: number; last: number }>;
  /** Places (one-word places may be given names inside a Vietnamese name). */
  places: Array<{ first: number; last: number }>;
}

type Desc =
  | { kind: 'rank'; m: PhraseMatch<Rank> }
  | { kind: 'word'; m: PhraseMatch<PersonWord> }
  | { kind: 'country'; m: PhraseMatch<string> }
  | { kind: 'lead'; m: { first: number; last: number } };

const UNIVERSAL_GLUE = new Set([',', '-']);

/** A rank, a title or an honorific: what says the words describe a person, not an institution. */
function isPersonal(d: Desc): boolean {
  return d.kind === 'rank' || d.kind === 'lead' || (d.kind === 'word' && (d.m as PhraseMatch<PersonWord>).value.kind !== 'org');
}
const MAX_NAME_WORDS = 6;
const COMMAS = new Set([',', '،']);
const QUOTES = new Set(['"', '«', '»', '“', '”', '„', "'", '‘', '’']);
const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '،', '؛', '.', '!', '?']);
/** How many words back a title may open the noun phrase that ends in ", Name" ("sous-secrétaire" is two). */
const TITLE_REACH = 12;

export function annotatePersons(tokens: Token[], sentences: Sentence[], sentenceOf: Int32Array, layers: PersonLayers,
  pack: LanguagePack): PersonMention[] {
  const n = tokens.length;
  // Descriptions by the token they start at and the token they end at.
  const startsAt = new Map<number, Desc>();
  const endsAt = new Map<number, Desc>();
  const labelled = new Uint8Array(n);
  // Ranks and offices win over a country phrase that starts or ends at the same
  // token (an institution like "Bộ các Lực lượng Vũ trang Cách mạng Cuba" is both);
  // the country is then read from any country phrase overlapping the chain.
  const weight = (d: Desc) => (d.kind === 'country' ? 0 : 1);
  const put = (d: Desc) => {
    const prevStart = startsAt.get(d.m.first);
    if (!prevStart || weight(prevStart) < weight(d) || (weight(prevStart) === weight(d) && prevStart.m.last < d.m.last)) {
      startsAt.set(d.m.first, d);
    }
    const prevEnd = endsAt.get(d.m.last);
    if (!prevEnd || weight(prevEnd) < weight(d) || (weight(prevEnd) === weight(d) && prevEnd.m.first > d.m.first)) {
      endsAt.set(d.m.last, d);
    }
    for (let k = d.m.first; k < d.m.last; k++) labelled[k] = 1;
  };
  for (const m of layers.countries) put({ kind: 'country', m });
  for (const m of layers.leadCues) put({ kind: 'lead', m });
  for (const m of layers.personWords) put({ kind: 'word', m });
  for (const m of layers.ranks) put({ kind: 'rank', m });
  for (const m of layers.other) for (let k = m.first; k < m.last; k++) labelled[k] = 1;
  // Tokens some lexicon other than places claims (a place alone may be a family name: "Tolosa").
  const placeSet = new Set<object>(layers.places);
  const claimedNotPlace = new Uint8Array(n);
  for (const list of [layers.ranks, layers.personWords, layers.countries, layers.leadCues, layers.other] as Array<Array<{ first: number; last: number }>>) {
    for (const m of list) if (!placeSet.has(m)) for (let k = m.first; k < m.last; k++) claimedNotPlace[k] = 1;
  }

  // "Đại sứ Việt Nam tại Nga", "посол Вьетнама в России": the country after a venue word is the posting.
  const venueAt = new Set(layers.venues.map((v) => v.last));
  // "Ambassador of Japan to India Mr. X": a posting ("to India", "tại Nga") inside a description chain.
  const venueEndingAt = new Map(layers.venues.map((v) => [v.last, v.first]));
  const venueStartingAt = new Map(layers.venues.map((v) => [v.first, v.last]));
  const stop = new Uint8Array(n);
  for (const m of layers.nameStop) for (let k = m.first; k < m.last; k++) stop[k] = 1;
  for (let k = 0; k < n; k++) if (pack.notAfter.has(tokens[k].key)) stop[k] = 1;
  const glue = new Set([...UNIVERSAL_GLUE, ...pack.nameGlue]);

  const sameSentence = (a: number, b: number) => b < n && a < n && sentenceOf[a] === sentenceOf[b];

  /** Description chain ending right before token `at` (walking left). */
  /** Tokens already given to an earlier person's description: a later name cannot take them. */
  const consumed = new Uint8Array(n);

  /** Glue tokens (up to two: "of the", "'s") ending right before token j, or 0. */
  const glueBefore = (j: number): number => {
    let k = 0;
    while (k < 2 && j - k - 1 >= 0 && glue.has(tokens[j - k - 1].key) && !UNIVERSAL_GLUE.has(tokens[j - k - 1].key)) k++;
    return k;
  };

  /** A short bracket ending right before token j ("(CDF)", "(Bê-la-rút)"): the index of its "(", or -1. */
  const bracketBefore = (j: number): number => {
    if (j < 1 || tokens[j - 1].text !== ')') return -1;
    let k = j - 2;
    while (k >= 0 && k > j - 12 && tokens[k].text !== '(' && tokens[k].text !== ')') k--;
    return k >= 0 && tokens[k].text === '(' ? k : -1;
  };

  const chainBefore = (at: number): Desc[] => {
    // A description on the line above does not describe a name that starts a line.
    if (at < n && tokens[at].lineStart) return [];
    // Segments of descriptions separated by commas or dashes, nearest the name first.
    const segments: Desc[][] = [[]];
    let j = at;
    // "Bộ trưởng Bộ Quốc phòng Belarus (Bê-la-rút) Ravkov": a gloss in brackets between description and name.
    const b0 = bracketBefore(j);
    let unlisted: Desc | null = null;
    if (b0 >= 0 && endsAt.has(b0)) j = b0;
    else {
      unlisted = unlistedOrgBefore(b0 >= 0 ? b0 : j, at);
      if (unlisted) {
        segments[0].push(unlisted);
        j = unlisted.m.first;
      }
    }
    // "La ministra de Defensa, Margarita Robles": a title, a comma, the name.
    // ("la subsecretaria de Defensa de Chile, Carolina Fuentes": the chain must hold a title, checked below.)
    let acrossComma = false;
    if (j > 1 && (tokens[j - 1].text === ',' || tokens[j - 1].text === '،') && sameSentence(j - 1, at) && !consumed[j - 2] && endsAt.has(j - 1)) {
      j -= 1;
      acrossComma = true;
    }
    while (j > 0) {
      const d = endsAt.get(j);
      if (d && sameSentence(d.m.first, at - 1) && !consumed[d.m.last - 1]) {
        segments[segments.length - 1].unshift(d);
        j = d.m.first;
        continue;
      }
      if (!segments[segments.length - 1].length && segments.length === 1) break;
      // "Chief of Defence Force (CDF) Vice Admiral ...": an acronym in brackets between descriptions.
      const b = bracketBefore(j);
      if (b >= 0 && endsAt.has(b) && sameSentence(b, at - 1)) {
        j = b;
        continue;
      }
      const g = tokens[j - 1];
      // Comma or dash between two descriptions: "Ủy viên Bộ Chính trị, Bộ trưởng", "Trưởng đoàn Việt Nam - Thượng tướng".
      // (Not when the description after it opens a conjunct: "..., والعميد البحري X" is the next person.)
      if (g && UNIVERSAL_GLUE.has(g.key) && endsAt.has(j - 1) && sameSentence(j - 1, at - 1) && !consumed[j - 2] &&
        !opensConjunct(pack, tokens, j)) {
        segments.push([]);
        j -= 1;
        continue;
      }
      // A posting between descriptions: "Ambassador of Japan | to | India".
      const v = venueEndingAt.get(j);
      if (v !== undefined && endsAt.has(v) && sameSentence(v, at - 1) && endsAt.get(j + 0) === undefined && startsAt.get(j)?.kind === 'country') {
        j = v;
        continue;
      }
      // Small words between descriptions: "Secretary of the Department of Defence", "Vietnam's Defence Minister".
      const k = glueBefore(j);
      if (k && endsAt.has(j - k) && sameSentence(j - k, at - 1)) {
        j -= k;
        continue;
      }
      // A comma and an article: "Le vice-ministre de la Défense, le général X".
      if (k && tokens[j - k - 1] && UNIVERSAL_GLUE.has(tokens[j - k - 1].key) && endsAt.has(j - k - 1) && sameSentence(j - k - 1, at - 1) &&
        !consumed[j - k - 2]) {
        segments.push([]);
        j -= k + 1;
        continue;
      }
      break;
    }
    // A segment beyond a comma must itself describe a person (start with a rank, title, party post,
    // honorific or lead word): "tại Trụ sở Bộ Quốc phòng, Thượng tướng X" does not make X the ministry.
    const chain: Desc[] = [...segments[0]];
    for (let k = 1; k < segments.length; k++) {
      const seg = segments[k];
      if (!seg.length || seg[0].kind === 'country' || (seg[0].kind === 'word' && (seg[0].m as PhraseMatch<PersonWord>).value.kind === 'org')) break;
      chain.unshift(...seg);
    }
    // An unlisted institution only as a title's organisation ("Director of the ... Agency"), not a bare run of capitals.
    if (unlisted && !chain.some((d) => d.kind === 'word' && (d.m as PhraseMatch<PersonWord>).value.kind === 'title')) return [];
    if ((acrossComma || !chain.length) && !chain.some(isPersonal)) {
      return at > 1 && COMMAS.has(tokens[at - 1].text) && sameSentence(at - 1, at) ? titleAcrossComma(at - 1, at) : [];
    }
    return chain;
  };

  /**
   * "y el secretario de Asuntos Internacionales para la Defensa de Argentina, Martín Echeverría":
   * a title opening a noun phrase (after a conjunction or a comma), words the lexicon does not
   * know, a comma, the name. The title is at most twelve words back, with no clause break between.
   */
  const titleAcrossComma = (comma: number, at: number): Desc[] => {
    let words = 0;
    for (let k = comma - 1; k > 0 && words < TITLE_REACH && sameSentence(k, at - 1); k--) {
      const t = tokens[k];
      if (used[k] || consumed[k] || CLAUSE_BREAKS.has(t.text)) return [];
      // "International Relations and Strategy": a conjunction only inside a capitalised name.
      if (pack.conjunctions.has(t.key) && !(isCapWord(tokens[k - 1]) && isCapWord(tokens[k + 1]))) return [];
      if (t.isWord) words++;
      const d = startsAt.get(k);
      if (!d || d.m.last > comma || !(d.kind === 'rank' || (d.kind === 'word' && (d.m as PhraseMatch<PersonWord>).value.kind === 'title'))) continue;
      // What opens the noun phrase: small words and descriptions ("and France's Director ...").
      let p = k;
      let ledBy = false;
      for (;;) {
        if (p > 0 && glue.has(tokens[p - 1].key) && !UNIVERSAL_GLUE.has(tokens[p - 1].key)) p--;
        else if (endsAt.get(p)?.kind === 'lead') {
          // "fue encabezada por el secretario ...": a lead word opens it.
          ledBy = true;
          break;
        } else if (endsAt.has(p) && endsAt.get(p)!.m.first < p) p = endsAt.get(p)!.m.first;
        else break;
      }
      const opener = tokens[p - 1];
      if (!ledBy && (!opener || !(pack.conjunctions.has(opener.key) || COMMAS.has(opener.text) || pack.titleOpeners.has(opener.key)))) return [];
      // The descriptions that read on from the opener without a gap; the words the lexicon does not
      // know end them ("directora de Cooperación ..." is a Director, not a "Director of Defence").
      // A state further on still counts: the caller reads it from the whole span.
      const chain: Desc[] = [];
      for (let q = p; q < comma;) {
        const e = startsAt.get(q);
        if (e && e.m.last <= comma) {
          chain.push(e);
          q = e.m.last;
          continue;
        }
        let g = q;
        while (g < comma && g < q + 2 && glue.has(tokens[g].key) && !UNIVERSAL_GLUE.has(tokens[g].key)) g++;
        if (g === q || !startsAt.has(g)) break;
        q = g;
      }
      return chain;
    }
    return [];
  };

  /**
   * An institution the lexicon does not know, ending right before token `e` with a head word
   * ("US Defense POW/MIA Accounting Agency"), where a description or a small word after one
   * ends: returned as an organisation described by its own words.
   */
  const unlistedOrgBefore = (e: number, at: number): Desc | null => {
    if (pack.caseless || !pack.orgHeadsLast.size || e < 2 || !pack.orgHeadsLast.has(tokens[e - 1].key) || !isCapWord(tokens[e - 1])) return null;
    for (let p = e - 1; p >= Math.max(1, e - 10) && sameSentence(p, at - 1); p--) {
      const t = tokens[p];
      if (!(isCapWord(t) || t.text === '/' || t.text === '-' || t.text === '&')) return null;
      if (p < e - 1 && (endsAt.has(p) || (glueBefore(p) && endsAt.has(p - glueBefore(p))))) {
        const en = joinName(tokens, p, e);
        const m: PhraseMatch<PersonWord> = { value: { kind: 'org', en, office: null }, first: p, last: e, start: tokens[p].start, end: tokens[e - 1].end,
          origin: `${pack.code}/persons:org_heads_last` };
        return { kind: 'word', m };
      }
    }
    return null;
  };

  /** Does a description chain starting at `i` lead straight to a name (i.e. describe somebody else)? */
  const leadsToName = (i: number): boolean => {
    let j = i;
    let any = false;
    // ", le capitaine de frégate Antoine Rouvier": an article may open the next description.
    while (j < n && j < i + 2 && glue.has(tokens[j].key) && !UNIVERSAL_GLUE.has(tokens[j].key) && startsAt.has(j + 1)) j++;
    while (j < n) {
      const d = startsAt.get(j);
      if (d) {
        j = d.m.last;
        any = true;
        continue;
      }
      // A posting inside the chain: "Ambassador of Japan to India Mr. X".
      const posting = venueStartingAt.get(j);
      if (any && posting !== undefined && startsAt.get(posting)?.kind === 'country') {
        j = posting;
        continue;
      }
      // Commas are not crossed: in "A, Minister of X, B, Minister of Y" each title follows its name.
      // Small words only between two descriptions: "secretario de Productos ..." describes the name before it.
      if (any && glue.has(tokens[j].key) && !UNIVERSAL_GLUE.has(tokens[j].key)) {
        let k = j;
        while (k < n && k < j + 2 && glue.has(tokens[k].key)) k++;
        if (!startsAt.has(k)) break;
        j = k;
        continue;
      }
      break;
    }
    return any && j < n && nameRun(j, true) !== null;
  };

  /** Does the description chain starting at i name a state? */
  const namesState = (i: number): boolean => {
    for (let j = i, d = startsAt.get(j); d; j = d.m.last, d = startsAt.get(j)) if (d.kind === 'country') return true;
    return layers.countries.some((c) => c.first >= i && c.first < i + 8 && sameSentence(i, c.first));
  };

  /** Description chain after a name: ", Thứ trưởng Bộ Quốc phòng", "، عضو المكتب السياسي ووزير ...". */
  const chainAfter = (from: number): { chain: Desc[]; last: number } => {
    const chain: Desc[] = [];
    let j = from;
    // A transliteration in brackets after the name: "(Ráp-cốp An-đờ-rây ...)".
    if (tokens[j]?.text === '(') {
      const close = tokens.findIndex((t, k) => k > j && k < j + 14 && t.text === ')');
      if (close > 0) j = close + 1;
    }
    // Arabic writes the description right after the name ("الفريق أول فاديم سوكولوف نائب وزير الدفاع الروسي"):
    // without capitals, the name already ended where the description starts.
    // But "فان فان جيانج ووزير ..." (and the minister ...) names somebody else.
    if (pack.caseless && startsAt.has(j) && !(startsAt.get(j)!.m as PhraseMatch<unknown>).proclitic?.startsWith('و')) j--;
    else if (!tokens[j] || !glue.has(tokens[j].key)) return { chain, last: from };
    j++;
    // ", Nữ Nam tước Goldie DL": the description of the next person, not of this one.
    if (leadsToName(j)) return { chain, last: from };
    let last = from;
    while (j < n && sameSentence(from, j)) {
      const d = startsAt.get(j);
      if (d) {
        chain.push(d);
        j = d.m.last;
        last = j;
        continue;
      }
      const t = tokens[j];
      if (UNIVERSAL_GLUE.has(t.key) && startsAt.has(j + 1) && !leadsToName(j + 1)) {
        j++;
        continue;
      }
      // "..., Phó Bí thư Quân ủy Trung ương và Bộ trưởng ...": a second office of the same person; but
      // "... và Tùy viên Quốc phòng Campuchia" (a state of its own) is somebody else, unnamed.
      if (pack.conjunctions.has(t.key) && startsAt.has(j + 1) && !leadsToName(j + 1) && !namesState(j + 1)) {
        j++;
        continue;
      }
      // Small words inside a description ("of the", "de la"): allowed only between two descriptions.
      if (pack.nameGlue.has(t.key)) {
        let k = j;
        while (k < j + 2 && k < n && pack.nameGlue.has(tokens[k].key)) k++;
        if (startsAt.has(k)) {
          j = k;
          continue;
        }
      }
      // "(CDF)" after a title.
      if (t.text === '(') {
        const close = tokens.findIndex((x, k) => k > j && k < j + 6 && x.text === ')');
        if (close > 0 && startsAt.has(close + 1)) {
          j = close + 1;
          continue;
        }
      }
      break;
    }
    return { chain, last };
  };

  const isCapWord = (t: Token) => t.isWord && t.upper;

  /**
   * A name starting at token i, or null. `strict`: only check that one could start here.
   */
  function nameRun(i: number, strict = false): { first: number; last: number } | null {
    const t = tokens[i];
    if (!t || !t.isWord || labelled[i] || stop[i]) return null;
    // (Most tokens are lower-case words: in a cased script they are settled here.)
    if (!pack.caseless && !t.upper) return null;
    const c0 = t.text.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) return null;
    // Arabic: a name does not start with the article ("والإنتاج الحربي" after a title is not a name).
    if (pack.nameStartBlock.length && pack.nameStartBlock.some((p) => t.text.startsWith(p))) return null;
    if (pack.caseless) {
      let j = i;
      let words = 0;
      while (j < n && words < 5 && tokens[j].isWord && !labelled[j] && !stop[j] && !/^\d/.test(tokens[j].text) &&
        (j === i || !tokens[j].lineStart)) {
        j++;
        words++;
        // "جان-لوك مارتان": a hyphen joined to both words.
        if (tokens[j]?.text === '-' && tokens[j].start === tokens[j - 1].end && tokens[j + 1]?.isWord &&
          tokens[j + 1].start === tokens[j].end && !labelled[j + 1] && !stop[j + 1]) j++;
      }
      return words ? { first: i, last: j } : null;
    }
    if (!isCapWord(t)) return null;
    let j = i + 1;
    let words = 1;
    const surnameStart = pack.surnames.has(t.key);
    while (j < n && words < MAX_NAME_WORDS && !tokens[j].lineStart) {
      const u = tokens[j];
      const prev = tokens[j - 1];
      const attached = u.start === prev.end;
      // A one-word country inside a Vietnamese name ("Bùi Đức Cường", "Nguyễn Văn Anh") is part of the name.
      const countryInName = surnameStart && oneTokenCountry(j) && (words >= 2 || (tokens[j + 1] && isCapWord(tokens[j + 1]) && !labelled[j + 1]));
      // "Martín Ezequiel Tolosa": a one-word place (Tolosa, Toulouse) written on as a family name.
      const placeInName = onePlace(j) && !pack.notNameWords.has(u.key);
      if (isCapWord(u) && !stop[j] && (!labelled[j] || countryInName || placeInName)) {
        j++;
        words++;
        continue;
      }
      // "Jean-Yves", "Ráp-cốp", "O'Brien": joined without spaces.
      // (Not "F-16": a model number is not a name.)
      if ((u.text === '-' || u.text === "'" || u.text === '’') && attached && tokens[j + 1] && tokens[j + 1].start === u.end &&
        tokens[j + 1].isWord && !/^\d/.test(tokens[j + 1].text) && !(u.text !== '-' && tokens[j + 1].key === 's')) {
        j += 2;
        continue;
      }
      // "J. Smith": an initial and its dot.
      if (u.text === '.' && attached && prev.text.length === 1 && prev.upper && tokens[j + 1] && isCapWord(tokens[j + 1])) {
        j++;
        continue;
      }
      // "Ángel de la Cruz", "Ursula von der Leyen": particles between capitalised words.
      if (pack.nameParticles.has(u.key) && !u.upper) {
        let k = j;
        while (k < n && pack.nameParticles.has(tokens[k].key) && !tokens[k].upper) k++;
        if (tokens[k] && isCapWord(tokens[k]) && !labelled[k] && k - j <= 2) {
          j = k;
          continue;
        }
      }
      break;
    }
    if (strict) return { first: i, last: j };
    return { first: i, last: j };
  }

  const countryStarts = new Map<number, { last: number }>();
  for (const m of layers.countries) countryStarts.set(m.first, m);
  const placeStarts = new Map<number, { last: number }>();
  for (const m of layers.places) placeStarts.set(m.first, m);
  /** A one-word place that is nothing else (not a country, cue or other lexicon phrase). */
  function onePlace(j: number): boolean {
    const m = placeStarts.get(j);
    return Boolean(m && m.last === j + 1 && !claimedNotPlace[j]);
  }
  /** A one-word country or place ("Đức", "Vinh"): inside a Vietnamese name it is a given name. */
  function oneTokenCountry(j: number): boolean {
    const m = countryStarts.get(j) ?? placeStarts.get(j);
    return Boolean(m && m.last === j + 1);
  }

  const out: PersonMention[] = [];
  const used = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (used[i]) continue;
    let run = nameRun(i);
    if (!run) continue;
    let before = chainBefore(i);
    // "Undersecretary for Defense Policy Ramon D. Villareal": a title, a small word, then capitalised words
    // that finish the title before the name. The name is the last two words (with an initial between).
    let titleTail: { first: number; last: number } | null = null;
    void titleTail;
    if (!pack.caseless && !before.length) {
      const k = glueBefore(run.first);
      let words = 0;
      for (let w = run.first; w < run.last; w++) if (tokens[w].isWord) words++;
      if (k && endsAt.has(run.first - k) && words >= 3) {
        const titleEnd = endsAt.get(run.first - k)!;
        if (titleEnd.kind === 'word' || titleEnd.kind === 'rank') {
          let start = run.last - 1;
          let named = 0;
          while (start > run.first && named < 2) {
            start--;
            if (tokens[start + 1].isWord && tokens[start + 1].upper && !(tokens[start + 1].text.length === 1 && tokens[start + 2]?.text === '.')) named++;
          }
          // The loop stops on the word before the name; a name starts with a capital, not a particle.
          start++;
          while (start < run.last - 1 && !tokens[start].upper) start++;
          if (start > run.first) {
            titleTail = { first: run.first, last: start };
            before = chainBefore(run.first - k);
            // The title reads on: "Under Secretary" + "for Defense Policy".
            const last = before[before.length - 1];
            if (last?.kind === 'word' && (last.m as PhraseMatch<PersonWord>).value.kind === 'title') {
              const m = last.m as PhraseMatch<PersonWord>;
              const tail = joinName(tokens, run.first - k, start);
              before[before.length - 1] = { kind: 'word', m: { ...m, last: start, end: tokens[start - 1].end, value: { kind: 'title', en: `${m.value.en} ${tail}` } } };
            }
            run = { first: start, last: run.last };
          }
        }
      }
    }
    const describedBefore = before.some((d) => d.kind !== 'country' || before.length > 1) ||
      (before.length === 1 && before[0].kind === 'country' && pack.surnames.has(tokens[i].key));
    const surname = !pack.caseless && pack.surnames.has(tokens[i].key) && run.last - run.first >= 2;
    const after = chainAfter(run.last);
    // An apposition needs a rank or a title, and a name that is not an acronym ("GGHB LHQ, Bộ Quốc phòng").
    const describedAfter = after.chain.some((d) => d.kind === 'rank' || (d.kind === 'word' && (d.m as PhraseMatch<PersonWord>).value.kind === 'title')) &&
      !tokens.slice(run.first, run.last).every((x) => !x.isWord || (x.text.length > 1 && x.text === x.text.toUpperCase()));
    // A capitalised word at the start of a sentence is not a name by itself.
    if (!describedBefore && !surname && !describedAfter) continue;
    // "Asistió el secretario, X": one capitalised word opening a sentence, described only by what
    // follows without a comma, is a verb or an adverb.
    if (!pack.caseless && !describedBefore && !surname && run.last - run.first === 1 && sentences[sentenceOf[run.first]].first === run.first &&
      !COMMAS.has(tokens[run.last]?.text ?? '')) continue;
    // "le commandant du Vendémiaire, le capitaine de frégate X": a title that ends in a small word names
    // what is commanded; the person is the one the comma leads to.
    const endOfBefore = before[before.length - 1];
    if (!pack.caseless && endOfBefore && endOfBefore.m.last === run.first && glue.has(tokens[run.first - 1].key) &&
      COMMAS.has(tokens[run.last]?.text ?? '') && leadsToName(run.last + 1)) continue;
    // "Cơ quan Quản lý ...": one capitalised word right after an organisation continues its name.
    const lastBefore = before[before.length - 1];
    if (!pack.caseless && run.last - run.first === 1 && lastBefore?.kind === 'word' &&
      (lastBefore.m as PhraseMatch<PersonWord>).value.kind === 'org' && lastBefore.m.last === run.first) continue;
    // "قاعدة الملك فيصل الجوية" (King Faisal Air Base): a name after a facility word names the facility.
    const chainStart = before.length ? before[0].m.first : run.first;
    if (chainStart > 0 && pack.notAfter.has(tokens[chainStart - 1].key)) continue;
    // "Combat Training Centre", "Defense POW/MIA Accounting Agency": institutions, not people.
    if (tokens.slice(run.first, run.last).some((x) => pack.notNameWords.has(x.key))) continue;
    if (pack.caseless && !describedBefore && !describedAfter) continue;
    // Without capitals, only a rank, a title, an honorific or a lead word says a name follows
    // ("البحرية الروسية تقدّر": the Russian navy appreciates).
    if (pack.caseless && !before.some(isPersonal) && !describedAfter) continue;
    // A rank and a name between quotation marks name a ship ("أدميرال بانتيليف", "Admiral Tributs").
    if (chainStart > 0 && QUOTES.has(tokens[chainStart - 1].text) && QUOTES.has(tokens[run.last]?.text ?? '')) continue;
    // Without capitals, a lead word alone ("ترأس أشغال ...") does not make the next words a name.
    if (pack.caseless && !before.some((d) => d.kind !== 'lead') && !describedAfter) continue;
    const chain = [...before, ...after.chain];
    const rank = [...before].reverse().find((d) => d.kind === 'rank') ?? after.chain.find((d) => d.kind === 'rank');
    // The country nearest the name among country phrases overlapping the description chain.
    const preFirst = before.length ? before[0].m.first : run.first;
    const postLast = after.chain.length ? after.last : run.last;
    const overlapping = layers.countries.filter((c) => c.last > preFirst && c.first < postLast &&
      (c.last <= run.first || c.first >= run.last) && !venueAt.has(c.first));
    const country = overlapping.filter((c) => c.last <= run.first).pop() ?? overlapping.find((c) => c.first >= run.last);
    const descriptors = chain.filter((d) => d.kind === 'word').map((d) => d.m as PhraseMatch<PersonWord>);
    const nameText = joinName(tokens, run.first, run.last);
    out.push({
      name: nameText,
      start: tokens[run.first].start,
      end: tokens[run.last - 1].end,
      first: run.first,
      last: run.last,
      sentence: sentenceOf[run.first],
      rank: rank ? (rank.m as PhraseMatch<Rank>) : null,
      descriptors,
      country: country ?? null,
      via: describedBefore ? (before[before.length - 1].kind) : surname ? 'surname' : 'apposition',
      descEnd: Math.max(run.last, after.last),
    });
    for (let k = run.first; k < run.last; k++) used[k] = 1;
    for (let k = run.last; k < after.last; k++) consumed[k] = 1;
    i = run.last - 1;
  }
  return out;
}

function joinName(tokens: Token[], first: number, last: number): string {
  let s = '';
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    if (k > first && t.start > tokens[k - 1].end) s += ' ';
    s += t.text;
  }
  return s;
}
