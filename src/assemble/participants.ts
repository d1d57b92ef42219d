import type { Doc, PersonMention } from '../pipeline/doc.js';
import type { Evidence, Participant } from '../model.js';
import { surnameCountries, type PersonWord, type Rank } from '../lexicon/language-pack.js';
import type { PhraseMatch } from '../lexicon/matcher.js';
import { foldToken } from '../text/fold.js';
import type { Reader, Range } from './context.js';

/**
 * Participants: the people the lead of the report puts in the encounter, not
 * the people it mentions. A person counts when named in the headline, in the
 * lead sentence outside its framing clause, or in a sentence that names the
 * head of a delegation; people in plans and background clauses do not.
 */

export interface ParticipantDraft {
  p: Participant;
  mention: PersonMention;
  /** The rank as matched (its per-country ladder applies once the state is known). */
  rankMatch?: PhraseMatch<Rank> | null;
  evidence: Record<string, Evidence[]>;
  countryKnown: boolean;
}

/** Folded name tokens: "Bộ trưởng Ravkov" and "Ravkov Andrei Alekseevich" are the same person. */
const nameKeys = new Map<string, string[]>();
export function nameKey(name: string): string[] {
  let k = nameKeys.get(name);
  if (!k) {
    k = name.split(/[\s\-']+/).filter(Boolean).map((t) => foldToken(t));
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(name, k);
  }
  return k;
}

export function samePerson(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (!short.length) return false;
  return short.every((t) => long.includes(t));
}

/**
 * The same name in another grammatical case ("Виктором Головановым" / "Виктор Голованов"):
 * every word of one starts with the corresponding word of the other, minus a short ending.
 */
export function sameStems(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka.length !== kb.length || !ka.length) return false;
  return ka.every((x, i) => {
    const y = kb[i];
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    return long.startsWith(short.slice(0, Math.max(3, short.length - 1))) && long.length - short.length <= 3;
  });
}

/** Of the ways a name is written in a report, the base form: inflected forms are longer. */
function baseForm(doc: Doc, name: string): string {
  let best = name;
  for (const m of doc.persons) if (sameStems(m.name, best) && m.name.length < best.length) best = m.name;
  return best;
}

/** English position from a person's descriptions: "Director of the Foreign Relations Department, Ministry of National Defence". */
export function positionOf(descriptors: PhraseMatch<PersonWord>[], abroad: boolean): string | null {
  const units: string[] = [];
  let current: string | null = null;
  let ofUsed = false;
  for (const d of descriptors) {
    const w = d.value;
    if (w.kind === 'party' || w.kind === 'honorific') continue;
    if (w.kind === 'title') {
      if (current) units.push(current);
      current = w.en;
      ofUsed = /\b(of|for)\b/.test(w.en);
      continue;
    }
    // An organisation: "of" it for the title before, or a unit of its own.
    const orgName = abroad && w.en.startsWith('Ministry of National Defence') ? 'Ministry of Defence' : w.en;
    if (current && !ofUsed) {
      const office = w.office && !(abroad && w.office === 'of National Defence') ? w.office : w.office ? 'of Defence' : null;
      current = office ? `${current} ${office}` : `${current} of the ${orgName}`;
      ofUsed = true;
    } else {
      if (current) units.push(current);
      current = null;
      units.push(orgName);
    }
  }
  if (current) units.push(current);
  const seen = new Set<string>();
  const out = units.filter((u) => (seen.has(u) ? false : (seen.add(u), true)));
  return out.length ? out.join(', ') : null;
}

/** A person of a defence establishment: a military rank, or a description with a defence word in it. */
function defencePerson(doc: Doc, reader: Reader, m: PersonMention): boolean {
  if (m.rank?.value.code) return true;
  if (m.descriptors.some((d) => reader.hasCue('defence', d))) return true;
  // The lexicon may know only the title of an apposition whose institution says defence
  // (", secretario de Productos de Defensa del Ministerio de Defensa de Brasil").
  const t = doc.tokens;
  if (!m.descriptors.length || !APPOSITION_OPEN.has(t[m.last]?.text)) return false;
  const s = reader.sentence(m.first);
  let end = m.last + 1;
  while (end < s.last && end < m.last + APPOSITION_WORDS && !APPOSITION_CLOSE.has(t[end].text)) end++;
  return reader.hasCue('defence', { first: m.last + 1, last: end });
}
const APPOSITION_OPEN = new Set([',', '،']);
/** Words between "his counterpart" and the name ("son homologue mauritanien, le général de division X"). */
const COUNTERPART_REACH = 8;
const APPOSITION_CLOSE = new Set([',', '،', ';', '؛', '(']);
const APPOSITION_WORDS = 16;

export function participantsFrom(
  doc: Doc,
  reader: Reader,
  scopes: Range[],
  exclude: Range[],
  /** Further sentences where only people of the defence establishments count. */
  defenceScopes: Range[] = [],
): ParticipantDraft[] {
  const drafts: ParticipantDraft[] = [];
  const within = (m: PersonMention, rs: Range[]) => rs.some((r) => m.first >= r.first && m.last <= r.last);
  // A counterpart named in a framing clause ("à l'invitation de son homologue mauritanien, le général X") hosts.
  const counterpart = (m: PersonMention) => reader.hasCue('counterpart', { first: Math.max(reader.sentence(m.first).first, m.first - COUNTERPART_REACH), last: m.first });
  const inScope = (m: PersonMention) =>
    (within(m, scopes) || (within(m, defenceScopes) && defencePerson(doc, reader, m))) &&
    (!reader.inRanges(m.first, exclude) || counterpart(m));
  for (const m of doc.persons) {
    if (!inScope(m)) continue;
    // A person needs a rank, an office or an honorific to be a participant (not a passing name).
    if (!m.rank && !m.descriptors.length) continue;
    if (reader.isFuture({ first: m.first, last: m.last }, 4)) continue;
    const existing = drafts.find((d) => samePerson(d.p.name, m.name) || sameStems(d.p.name, m.name));
    if (existing) {
      // A fuller name in a later mention ("Ravkov" then "Ravkov Andrei Alekseevich").
      if (nameKey(m.name).length > nameKey(existing.p.name).length) existing.p.name = m.name;
      continue;
    }
    drafts.push(draftOf(doc, m));
  }
  enrich(doc, drafts);
  for (const d of drafts) d.p.name = baseForm(doc, d.p.name);
  return drafts;
}

function draftOf(doc: Doc, m: PersonMention): ParticipantDraft {
  const evidence: Record<string, Evidence[]> = {};
  const ev = (k: string, s: number, e: number, o: string) => ((evidence[k] ??= []).push({ start: s, end: e, origin: o }));
  ev('name', m.start, m.end, `person:${m.via}`);
  let country = m.country?.value ?? null;
  if (m.country) ev('country', m.country.start, m.country.end, m.country.origin);
  let weak = false;
  if (!country) {
    // No country written: a family name may still tell ("le colonel Lê Văn Sơn").
    const first = m.name.split(/\s+/)[0];
    const hint = surnameCountries().get(foldToken(first));
    if (hint) {
      country = hint;
      weak = true;
      ev('country', m.start, m.start + first.length, `surnames:${hint}`);
    }
  }
  let rank: string | null = null;
  let rankLabel: string | null = null;
  if (m.rank) {
    rank = m.rank.value.code;
    rankLabel = m.rank.value.label;
    ev('rank', m.rank.start, m.rank.end, m.rank.origin);
  }
  const abroad = Boolean(doc.pack?.homeCountry && country && country !== doc.pack.homeCountry);
  const position = positionOf(m.descriptors, abroad);
  for (const d of m.descriptors) if (d.value.kind !== 'party' && d.value.kind !== 'honorific') ev('position', d.start, d.end, d.origin);
  return {
    p: { name: m.name, country, rank, rank_label: rankLabel, position, role: 'lead' },
    mention: m,
    rankMatch: m.rank,
    evidence,
    countryKnown: Boolean(country) && !weak,
  };
}

/** Fill what the chosen mention lacks from other mentions of the same person. */
function enrich(doc: Doc, drafts: ParticipantDraft[]): void {
  for (const d of drafts) {
    for (const m of doc.persons) {
      if (m === d.mention || !samePerson(m.name, d.p.name)) continue;
      if (!d.p.rank && !d.p.rank_label && m.rank) {
        d.p.rank = m.rank.value.code;
        d.p.rank_label = m.rank.value.label;
        d.rankMatch = m.rank;
        (d.evidence.rank ??= []).push({ start: m.rank.start, end: m.rank.end, origin: m.rank.origin });
      }
      if (!d.p.country && m.country) {
        d.p.country = m.country.value;
        d.countryKnown = true;
        (d.evidence.country ??= []).push({ start: m.country.start, end: m.country.end, origin: m.country.origin });
      }
      if (!d.p.position && m.descriptors.length) {
        const abroad = Boolean(doc.pack?.homeCountry && d.p.country && d.p.country !== doc.pack.homeCountry);
        d.p.position = positionOf(m.descriptors, abroad);
        for (const x of m.descriptors) (d.evidence.position ??= []).push({ start: x.start, end: x.end, origin: x.origin });
      }
    }
  }
}

/** Apply a per-country rank ladder once the person's country is known. */
export function settleRank(d: ParticipantDraft): void {
  const r = (d.rankMatch ?? d.mention.rank)?.value;
  if (r?.byCountry && d.p.country && r.byCountry[d.p.country]) d.p.rank = r.byCountry[d.p.country];
}
