import type { Token } from '../text/tokenize.js';
import type { LanguagePack, Rank, PersonWord, Cue, CueKind, Place } from '../lexicon/language-pack.js';
import type { PhraseMatch } from '../lexicon/matcher.js';
import type { AgreementKind, Area, MechanismKind } from '../model.js';

/**
 * The document object every stage after cleaning reads and extends: the
 * cleaned text, its tokens and sentences, and annotation layers whose spans
 * are offsets into `text` (the same offsets the evidence reports).
 */

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Token range, end exclusive. */
  first: number;
  last: number;
  /** Paragraph (line) number in the cleaned text; 0 is the title when there is one. */
  paragraph: number;
  isTitle: boolean;
  /** A short line without final punctuation: a photo caption or a subheading. */
  isCaption: boolean;
}

export interface DateMention {
  year: number | null;
  month: number | null;
  day: number | null;
  weekday: number | null;
  start: number;
  end: number;
  first: number;
  last: number;
  origin: string;
  /** Introduced by a day word, a part of the day, a weekday or a date preposition. */
  anchored: boolean;
  /** A year on its own ("năm 2020", "in 2017"). */
  yearOnly: boolean;
  /** Followed by a "next" word or preceded by a "last" word. */
  relative: 'next' | 'last' | null;
  /** "today" (0), "yesterday" (-1): days from the publication date. */
  daysFromPublication?: number;
}

export interface PersonMention {
  name: string;
  start: number;
  end: number;
  first: number;
  last: number;
  sentence: number;
  rank: PhraseMatch<Rank> | null;
  /** Titles and organisations describing this person, in text order. */
  descriptors: PhraseMatch<PersonWord>[];
  country: PhraseMatch<string> | null;
  /** How the name was found: after a rank, title, honorific, or as a surname-initial run. */
  via: string;
  /** Token after the description that follows the name (the name's end when there is none). */
  descEnd: number;
}

export interface EditionMention {
  n: number;
  start: number;
  end: number;
  first: number;
  last: number;
  origin: string;
}

export interface Doc {
  source: string;
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  language: string;
  /** An opinion piece by its page label: it reports no encounter. */
  opinion: boolean;
  pack: LanguagePack | null;
  tokens: Token[];
  sentences: Sentence[];
  /** Token index -> sentence index. */
  sentenceOf: Int32Array;
  countries: PhraseMatch<string>[];
  places: PhraseMatch<Place>[];
  ranks: PhraseMatch<Rank>[];
  personWords: PhraseMatch<PersonWord>[];
  cues: PhraseMatch<Cue>[];
  clauseCues: PhraseMatch<Set<CueKind>>[];
  mechanisms: PhraseMatch<MechanismKind>[];
  editions: EditionMention[];
  areas: PhraseMatch<Area>[];
  agreementKinds: PhraseMatch<AgreementKind>[];
  dates: DateMention[];
  persons: PersonMention[];
  /** Every lexicon layer's matches, from one pass (index by `pack.<layer>.of(matches)`). */
  matches: PhraseMatch<any>[][];
}

export function emptyLayers(): Pick<Doc, 'countries' | 'places' | 'ranks' | 'personWords' | 'cues' | 'clauseCues' |
  'mechanisms' | 'editions' | 'areas' | 'agreementKinds' | 'dates' | 'persons' | 'matches'> {
  return {
    countries: [], places: [], ranks: [], personWords: [], cues: [], clauseCues: [], mechanisms: [], editions: [],
    areas: [], agreementKinds: [], dates: [], persons: [], matches: [],
  };
}

/** Matches of a layer inside a token range. */
export function within<T extends { first: number; last: number }>(layer: T[], first: number, last: number): T[] {
  return layer.filter((m) => m.first >= first && m.last <= last);
}
