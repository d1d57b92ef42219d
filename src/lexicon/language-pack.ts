import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { PhraseMatcher, Layer } from './matcher.js';
import type { PhraseMatch } from './matcher.js';
import { wordRuns, type Token } from '../text/tokenize.js';
import { foldToken } from '../text/fold.js';
import { AREAS, EVENT_TYPES, type AgreementKind, type Area, type EventType, type MechanismKind } from '../model.js';

/**
 * Everything the pipeline knows about one language, compiled from
 * data/lang/<code>/*.yaml (see data/README.md). Packs are built once and cached.
 */

export type DateWord = { kind: 'day' | 'part' | 'weekday' | 'year' | 'local' | 'next' | 'last' | 'prep' | 'connector' | 'range' | 'relday'; n?: number };
export interface Rank {
  code: string | null;
  label: string;
  /** Armies whose grade ladder differs (Viet Nam has no brigadier): alpha-3 -> STANAG code. */
  byCountry?: Record<string, string>;
}
export interface Place { place: string; country: string | null }
/** A word of a person's description: a title, an organisation, a party post, an honorific. */
export type PersonWord =
  | { kind: 'title'; en: string }
  | { kind: 'org'; en: string; office: string | null }
  | { kind: 'party'; en: string }
  | { kind: 'honorific'; en: string };

export type CueKind =
  | 'framing' | 'future' | 'background' | 'virtual' | 'visiting' | 'venue' | 'commitment' | 'defence'
  | 'request' | 'lead' | 'member' | 'proposal' | 'anniversary' | 'subject' | 'toward' | 'sidelines' | 'same_day' | 'counterpart';
/** An event-type cue of codebook 2.1. */
export type Cue = { cue: 'type'; type: EventType };

export interface LanguagePack {
  code: string;
  name: string;
  homeCountry: string | null;
  caseless: boolean;
  /** How a name reads without the clitic glued to it (ar: "للجنة" -> "اللجنة"): written start -> replacement. */
  cliticRestore: Array<[string, string]>;
  /** Every phrase of the language in one trie; `match` runs all layers in one pass. */
  lexicon: PhraseMatcher;
  match(tokens: Token[]): PhraseMatch<any>[][];
  countries: Layer<string>;
  places: Layer<Place>;
  ranks: Layer<Rank>;
  personWords: Layer<PersonWord>;
  cues: Layer<Cue>;
  /** Clause cues: one phrase can be several kinds at once ("sẽ" is future and commitment). */
  clauseCues: Layer<Set<CueKind>>;
  mechanisms: Layer<MechanismKind>;
  /** Head words of numbered bodies the lexicon does not list ("Committee"), as written, with their kind. */
  namedBodyHeads: Map<string[], MechanismKind>;
  /** The head ends the body's name (English) rather than starting it (French, Spanish). */
  namedBodyHeadLast: boolean;
  editionMarkers: Layer<true>;
  ordinals: Layer<number>;
  ordinalSuffixes: Set<string>;
  /** Ordinal words count only after an edition marker (vi "thứ tư" alone is also "Wednesday"). */
  ordinalsNeedMarker: boolean;
  areas: Layer<Area>;
  agreementKinds: Layer<AgreementKind>;
  agreementTitledOnly: boolean;
  /** The language lists words that follow a kind word in a title (title_after). */
  agreementQualified: boolean;
  agreementTitleAfter: Layer<true>;
  agreementTitleStop: Layer<true>;
  /** Small words a title written in Title Case keeps in lower case ("of", "de", "sobre"): see agreements.ts. */
  agreementTitleSmallWords: Set<string>;
  signed: Layer<true>;
  months: Layer<number>;
  dateWords: Layer<DateWord>;
  surnames: Set<string>;
  nameStop: Layer<true>;
  nameParticles: Set<string>;
  /** Small words allowed inside a description chain between two descriptions ("of", "de"). */
  nameGlue: Set<string>;
  /** Words written with a dot inside ranks, titles and honorifics ("Lieut.", "Gen.", "Sr."): no sentence ends there. */
  abbreviations: Set<string>;
  /** Words that make a capitalised run an institution, not a person ("Agency", "Centre"). */
  notNameWords: Set<string>;
  /** "and" words: what follows one describes the next person. */
  conjunctions: Set<string>;
  /** Prepositions after which a noun phrase with a title opens ("por el secretario de ..., Name"). */
  titleOpeners: Set<string>;
  /** Conjunctions written as a word prefix (Arabic "و"): after a comma they open the next conjunct. */
  conjunctionPrefixes: string[];
  /** Head words that end an institution's name in languages that put the head last ("... Agency"). */
  orgHeadsLast: Set<string>;
  /** Prefixes a name never starts with (Arabic article "ال"). */
  nameStartBlock: string[];
  /** Facility words: an honorific and name after one names the facility ("قاعدة الملك فيصل"). */
  notAfter: Set<string>;
}

/** Page-furniture markers of every language, merged: cleaning runs before the language is known. */
export interface Boilerplate {
  lines: Set<string>;
  tail: Set<string>;
  credits: string[];
  /** Folded view-counter words ("lượt xem"). */
  views: Set<string>;
  /** Folded comment-form phrases, padded with spaces for whole-word search. */
  comments: string[];
  /** Month names of every language (folded, written without digits) -> month number, for datelines. */
  months: Map<string, number>;
  /** The same names as written (for a regular expression over raw text). */
  monthNames: string[];
  /** Section labels of opinion pieces ("Opinion", "Góc nhìn"): such a page reports no encounter. */
  opinion: Set<string>;
}

const here = dirname(fileURLToPath(import.meta.url));
/** data/ sits beside dist/ and src/ in the package. */
export const DATA_DIR = process.env.ATTACHE_DATA ?? join(here, '..', '..', 'data');

const require = createRequire(import.meta.url);

type Yaml = Record<string, any>;

function loadYaml(path: string): Yaml {
  if (!existsSync(path)) return {};
  try {
    return (parse(readFileSync(path, 'utf8')) as Yaml) ?? {};
  } catch (err) {
    throw new Error(`language data ${path}: ${(err as Error).message}`);
  }
}

function list(v: unknown): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v.map(String);
  return [String(v)];
}

let globalPlaces: Record<string, string> | null = null;
function placeCountries(): Record<string, string> {
  globalPlaces ??= loadYaml(join(DATA_DIR, 'places.yaml')) as Record<string, string>;
  return globalPlaces;
}

let surnameMap: Map<string, string> | null = null;
/** data/surnames.yaml: a family name's folded form -> alpha-3 (a weak hint, see the file). */
export function surnameCountries(): Map<string, string> {
  if (!surnameMap) {
    surnameMap = new Map();
    for (const [a3, names] of Object.entries(loadYaml(join(DATA_DIR, 'surnames.yaml')))) {
      for (const n of list(names)) surnameMap.set(foldToken(n), a3);
    }
  }
  return surnameMap;
}

let isoCountries: any = null;
function iso(): any {
  if (!isoCountries) {
    isoCountries = require('i18n-iso-countries');
  }
  return isoCountries;
}

/** ISO 3166-1 alpha-3 codes known to the system. */
export function knownCountryCodes(): Set<string> {
  return new Set(Object.keys(iso().getAlpha3Codes()));
}

export function countryName(alpha3: string, lang = 'en'): string {
  registerIsoLocale(lang);
  return iso().getName(alpha3, lang) ?? iso().getName(alpha3, 'en') ?? alpha3;
}

export function countryNumeric(alpha3: string): string | undefined {
  return iso().alpha3ToNumeric(alpha3);
}

const registered = new Set<string>();
function registerIsoLocale(lang: string): boolean {
  if (registered.has(lang)) return true;
  try {
    iso().registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    registered.add(lang);
    return true;
  } catch {
    return false;
  }
}

const packs = new Map<string, LanguagePack>();

export function availableLanguages(): string[] {
  const dir = join(DATA_DIR, 'lang');
  return readdirSync(dir).filter((d) => existsSync(join(dir, d, 'lang.yaml'))).sort();
}

export function languagePack(code: string): LanguagePack {
  let pack = packs.get(code);
  if (!pack) {
    pack = buildPack(code);
    packs.set(code, pack);
  }
  return pack;
}

function buildPack(code: string): LanguagePack {
  const dir = join(DATA_DIR, 'lang', code);
  const cache = new Map<string, Yaml>();
  const file = (name: string) => {
    let y = cache.get(name);
    if (!y) {
      y = loadYaml(join(dir, `${name}.yaml`));
      cache.set(name, y);
    }
    return y;
  };
  const caseSets = new Map<string, Set<string>>();
  /** Add a form to a matcher with the case rule of its file. */
  const abbreviations = new Set<string>();
  const noteAbbreviations = (form: string) => {
    for (const m of form.matchAll(/([\p{L}]+)\./gu)) abbreviations.add(foldToken(m[1]));
  };
  const put = <V>(m: Layer<V>, fileName: string, form: string, value: V | null) => {
    if (fileName === 'ranks' || fileName === 'offices' || fileName === 'persons') noteAbbreviations(form);
    let cs = caseSets.get(fileName);
    if (!cs) {
      cs = new Set(list(file(fileName).case_sensitive).map((x) => x.normalize('NFC')));
      caseSets.set(fileName, cs);
    }
    m.add(form, value, origin(fileName, form), { caseSensitive: cs.has(form.normalize('NFC')) });
    const definite = definiteForm(form, fileName);
    if (definite) m.add(definite, value, origin(fileName, form), {});
  };
  const blockers = <V>(m: Layer<V>, fileName: string) => {
    for (const f of list(file(fileName).block)) m.add(f, null, origin(fileName, f));
  };
  const lang = file('lang');
  const proclitics = list(lang.proclitics);
  // Languages that mark definiteness on every word of a phrase (Arabic): the definite reading too.
  const article = typeof lang.definite_article === 'string' ? lang.definite_article : null;
  const definiteIn = new Set(list(lang.definite_in));
  const noArticle = new Set(list(lang.no_article));
  function definiteForm(form: string, fileName: string): string | null {
    if (!article || !definiteIn.has(fileName)) return null;
    const words = form.normalize('NFC').split(/\s+/);
    if (words.length < 2) return null;
    let changed = false;
    const out = words.map((w, i) => {
      if (i === 0 || w.startsWith(article) || noArticle.has(w) || w.length < 3) return w;
      changed = true;
      return article + w;
    });
    return changed ? out.join(' ') : null;
  }
  const origin = (name: string, phrase: string) => `${code}/${name}:${phrase}`;
  const lexicon = new PhraseMatcher(code).setProclitics(proclitics);
  const matcher = <V>(name: string) => lexicon.layer<V>(`${code}/${name}`);

  // Countries: the standard names of i18n-iso-countries, then our own forms.
  const countriesY = file('countries');
  const countries = matcher<string>('countries');
  const known = knownCountryCodes();
  // "جمهورية باكستان الإسلامية", "Republic of ...": the words an official name may open with.
  const statePrefixes = list(countriesY.state_prefixes);
  const addCountry = (form: string, value: string | null) => {
    put(countries, 'countries', form, value);
    if (value) for (const p of statePrefixes) put(countries, 'countries', `${p} ${form}`, value);
  };
  if (registerIsoLocale(code)) {
    for (const a3 of known) {
      const names = iso().getName(a3, code, { select: 'all' }) as string[] | undefined;
      for (const n of names ?? []) addCountry(n, a3);
    }
  }
  for (const [a3, forms] of Object.entries((countriesY.countries ?? {}) as Record<string, unknown>)) {
    if (!known.has(a3)) throw new Error(`data/lang/${code}/countries.yaml: unknown ISO 3166-1 alpha-3 code ${a3}`);
    for (const f of list(forms)) addCountry(f, a3);
  }
  blockers(countries, 'countries');
  // Warship prefixes ("INS Shivalik"): the same in every language's press.
  for (const [a3, forms] of Object.entries(loadYaml(join(DATA_DIR, 'ship-prefixes.yaml')) as Record<string, unknown>)) {
    for (const f of list(forms)) countries.add(f, a3, `ship-prefixes:${f}`, { caseSensitive: true });
  }

  const places = matcher<Place>('places');
  const pc = placeCountries();
  const placesY = file('places');
  if (code === 'en') for (const [place, country] of Object.entries(pc)) places.add(place, { place, country }, origin('places', place));
  for (const [place, forms] of Object.entries(placesY as Record<string, unknown>)) {
    const country = pc[place] ?? null;
    for (const f of list(forms)) put(places, 'places', f, { place, country });
  }
  blockers(places, 'places');

  const ranks = matcher<Rank>('ranks');
  for (const [form, v] of Object.entries((file('ranks').ranks ?? {}) as Record<string, unknown>)) {
    if (v == null) {
      put(ranks, 'ranks', form, null);
      continue;
    }
    const obj = (Array.isArray(v) ? { code: v[0], label: v[1], by_country: v[2] } : v) as Record<string, any>;
    const rcode = obj.code == null || obj.code === 'null' ? null : String(obj.code);
    put(ranks, 'ranks', form, { code: rcode, label: String(obj.label ?? form), byCountry: obj.by_country ?? undefined });
  }
  blockers(ranks, 'ranks');

  const personWords = matcher<PersonWord>('offices');
  const offices = file('offices');
  for (const [form, en] of Object.entries((offices.titles ?? {}) as Record<string, unknown>)) {
    put(personWords, 'offices', form, en == null ? null : { kind: 'title', en: String(en) });
  }
  for (const [form, v] of Object.entries((offices.orgs ?? {}) as Record<string, any>)) {
    const en = typeof v === 'string' ? v : v?.en;
    put(personWords, 'offices', form, en == null ? null : { kind: 'org', en, office: v?.office ?? null });
  }
  for (const form of list(offices.party)) put(personWords, 'offices', form, { kind: 'party', en: form });
  blockers(personWords, 'offices');
  const persons = file('persons');
  for (const [form, en] of Object.entries((persons.honorifics ?? {}) as Record<string, unknown>)) {
    put(personWords, 'persons', form, { kind: 'honorific', en: String(en ?? form) });
  }

  const cuesY = file('cues');
  const cues = matcher<Cue>('cues');
  for (const [type, forms] of Object.entries((cuesY.types ?? {}) as Record<string, unknown>)) {
    if (type !== 'none' && !EVENT_TYPES.includes(type as EventType)) {
      throw new Error(`data/lang/${code}/cues.yaml: unknown event type ${type}`);
    }
    for (const f of list(forms)) put(cues, 'cues', f, type === 'none' ? null : { cue: 'type', type: type as EventType });
  }
  const cueKinds: CueKind[] = ['framing', 'future', 'background', 'virtual', 'visiting', 'venue', 'commitment',
    'defence', 'request', 'lead', 'member', 'proposal', 'anniversary', 'subject', 'toward', 'sidelines', 'same_day', 'counterpart'];
  blockers(cues, 'cues');
  const clauseCues = matcher<Set<CueKind>>('cues');
  const kindsOf = new Map<string, Set<CueKind>>();
  for (const k of cueKinds) {
    for (const f of list(cuesY[k])) {
      const set = kindsOf.get(f) ?? new Set<CueKind>();
      set.add(k);
      kindsOf.set(f, set);
    }
  }
  for (const [f, set] of kindsOf) put(clauseCues, 'cues', f, set);

  const mechY = file('mechanisms');
  const mechanisms = matcher<MechanismKind>('mechanisms');
  for (const [form, kind] of Object.entries((mechY.mechanisms ?? {}) as Record<string, unknown>)) {
    put(mechanisms, 'mechanisms', form, kind == null ? null : (String(kind) as MechanismKind));
  }
  blockers(mechanisms, 'mechanisms');
  const namedBodyHeads = new Map<string[], MechanismKind>();
  for (const [form, kind] of Object.entries((mechY.named_body_heads ?? {}) as Record<string, unknown>)) {
    namedBodyHeads.set(form.normalize('NFC').split(/\s+/), String(kind) as MechanismKind);
  }
  const editionMarkers = matcher<true>('mechanisms');
  for (const f of list(mechY.edition_markers)) editionMarkers.add(f, true, origin('mechanisms', f));
  const ordinals = matcher<number>('mechanisms');
  for (const [f, n] of Object.entries((mechY.ordinals ?? {}) as Record<string, unknown>)) {
    ordinals.add(f, Number(n), origin('mechanisms', f));
  }

  const areasY = file('areas');
  const areas = matcher<Area>('areas');
  for (const [area, forms] of Object.entries((areasY.areas ?? {}) as Record<string, unknown>)) {
    const value = area === 'none' ? null : (area as Area);
    if (value && !AREAS.includes(value)) throw new Error(`data/lang/${code}/areas.yaml: unknown area ${area}`);
    for (const f of list(forms)) put(areas, 'areas', f, value);
  }
  blockers(areas, 'areas');

  const agrY = file('agreements');
  const agreementKinds = matcher<AgreementKind>('agreements');
  for (const [kind, forms] of Object.entries((agrY.kinds ?? {}) as Record<string, unknown>)) {
    for (const f of list(forms)) put(agreementKinds, 'agreements', f, kind === 'none' ? null : (kind as AgreementKind));
  }
  blockers(agreementKinds, 'agreements');
  const agreementTitleAfter = matcher<true>('agreements');
  for (const f of list(agrY.title_after)) agreementTitleAfter.add(f, true, origin('agreements', f));
  const agreementTitleStop = matcher<true>('agreements');
  for (const f of list(agrY.title_stop)) agreementTitleStop.add(f, true, origin('agreements', f));
  const signed = matcher<true>('agreements');
  for (const f of list(agrY.signed)) signed.add(f, true, origin('agreements', f));

  const datesY = file('dates');
  const months = matcher<number>('dates');
  for (const [f, n] of Object.entries((datesY.months ?? {}) as Record<string, unknown>)) put(months, 'dates', f, Number(n));
  const dateWords = matcher<DateWord>('dates');
  const simple: Array<[string, DateWord['kind']]> = [['day_words', 'day'], ['day_parts', 'part'], ['year_words', 'year'],
    ['local_time', 'local'], ['next', 'next'], ['last', 'last'], ['prepositions', 'prep'], ['connectors', 'connector'], ['range', 'range']];
  for (const [key, kind] of simple) for (const f of list(datesY[key])) put(dateWords, 'dates', f, { kind });
  for (const [f, n] of Object.entries((datesY.weekdays ?? {}) as Record<string, unknown>)) {
    put(dateWords, 'dates', f, { kind: 'weekday', n: Number(n) });
  }
  // "today", "yesterday": days counted from the publication date.
  for (const f of list(datesY.today)) put(dateWords, 'dates', f, { kind: 'relday', n: 0 });
  for (const f of list(datesY.yesterday)) put(dateWords, 'dates', f, { kind: 'relday', n: -1 });
  blockers(dateWords, 'dates');
  blockers(months, 'dates');

  const nameStop = matcher<true>('persons');
  for (const f of list(persons.name_stop)) nameStop.add(f, true, origin('persons', f));
  blockers(nameStop, 'persons');


  return {
    code,
    name: String(lang.name ?? code),
    homeCountry: lang.home_country ?? null,
    caseless: Boolean(lang.caseless),
    cliticRestore: Object.entries((lang.clitic_display ?? {}) as Record<string, string>).map(([k, v]) => [k.normalize('NFC'), String(v ?? '')]),
    lexicon,
    match: (tokens: Token[]) => lexicon.matchLayers(tokens),
    countries,
    places,
    ranks,
    personWords,
    cues,
    clauseCues,
    mechanisms,
    editionMarkers,
    ordinals,
    ordinalSuffixes: new Set(list(mechY.ordinal_suffixes).map((s) => foldToken(s))),
    ordinalsNeedMarker: Boolean(mechY.ordinals_need_marker),
    areas,
    agreementKinds,
    agreementTitledOnly: agrY.titled_only !== false,
    agreementQualified: list(agrY.title_after).length > 0,
    agreementTitleAfter,
    agreementTitleStop,
    namedBodyHeads,
    namedBodyHeadLast: mechY.named_body_head_last === true,
    agreementTitleSmallWords: new Set(list(agrY.title_small_words).map((w) => foldToken(w))),
    signed,
    months,
    dateWords,
    surnames: new Set(list(persons.surnames).map((s) => foldToken(s))),
    nameStop,
    nameParticles: new Set(list(persons.name_particles).map((s) => foldToken(s))),
    nameGlue: new Set(list(persons.glue).map((s) => foldToken(s))),
    abbreviations,
    notNameWords: new Set(list(persons.not_name_words).map((s) => foldToken(s))),
    conjunctions: new Set(list(persons.conjunctions).map((s) => foldToken(s))),
    titleOpeners: new Set(list(persons.title_openers).map((s) => foldToken(s))),
    conjunctionPrefixes: list(persons.conjunction_prefixes).map((s) => foldToken(s)),
    orgHeadsLast: new Set(list(persons.org_heads_last).map((s) => foldToken(s))),
    nameStartBlock: list(persons.name_start_block).map((s) => s.normalize('NFC')),
    notAfter: new Set(list(persons.not_after).map((s) => foldToken(s))),
  };
}

let boilerplateCache: Boilerplate | null = null;

export function boilerplate(): Boilerplate {
  if (boilerplateCache) return boilerplateCache;
  const b: Boilerplate = { lines: new Set(), tail: new Set(), credits: [], views: new Set(), comments: [], months: new Map(), monthNames: [], opinion: new Set() };
  for (const code of availableLanguages()) {
    const y = loadYaml(join(DATA_DIR, 'lang', code, 'boilerplate.yaml'));
    for (const f of list(y.lines)) b.lines.add(foldLine(f));
    for (const f of list(y.tail)) b.tail.add(foldLine(f));
    for (const o of list(y.opinion)) b.opinion.add(foldLine(o));
    b.credits.push(...list(y.credits));
    for (const v of list(y.views)) b.views.add(foldLine(v));
    for (const c of list(y.comments)) if (foldLine(c)) b.comments.push(` ${foldLine(c)} `);
    const months = loadYaml(join(DATA_DIR, 'lang', code, 'dates.yaml')).months ?? {};
    for (const [name, n] of Object.entries(months as Record<string, unknown>)) {
      if (!/\d/.test(name) && name.length >= 3) {
        b.months.set(foldLine(name), Number(n));
        b.monthNames.push(name.normalize('NFC'));
      }
    }
  }
  boilerplateCache = b;
  return b;
}

/** A whole line folded for comparison with marker lists: tokens folded, punctuation dropped. */
export function foldLine(s: string): string {
  // Pages of one site repeat their menus, markers and counters: a line folded once is remembered.
  const hit = foldedLines.get(s);
  if (hit !== undefined) return hit;
  const words = wordRuns(s.normalize('NFC'));
  let out = '';
  for (let k = 0; k < words.length; k++) out += (k ? ' ' : '') + foldToken(words[k]);
  if (foldedLines.size >= FOLDED_LINES_LIMIT) foldedLines.clear();
  foldedLines.set(s, out);
  return out;
}
const foldedLines = new Map<string, string>();
const FOLDED_LINES_LIMIT = 50_000;

/** Does token k open a new conjunct ("and", "و", or "وكذلك" right after a comma)? */
export function opensConjunct(pack: LanguagePack, tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (pack.conjunctions.has(t.key)) return true;
  if (!pack.conjunctionPrefixes.length || k === 0 || (tokens[k - 1].text !== ',' && tokens[k - 1].text !== '،')) return false;
  return pack.conjunctionPrefixes.some((p) => t.key.length > p.length + 1 && t.key.startsWith(p));
}
