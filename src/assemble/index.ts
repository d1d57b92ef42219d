import type { Doc, Sentence, DateMention } from '../pipeline/doc.js';
import type { Area, DefenceEvent, EventDate, EventType, Evidence, Location } from '../model.js';
import type { PhraseMatch } from '../lexicon/matcher.js';
import { opensConjunct, type Cue, type Place } from '../lexicon/language-pack.js';
import { Reader, type Range } from './context.js';
import { resolveDate, publishedAsDate, daysBetween } from './dates.js';
import { participantsFrom, settleRank, samePerson, sameStems, nameKey, type ParticipantDraft } from './participants.js';
import { mechanismMentions, chooseMechanism, seriesMechanism } from './mechanism.js';
import { extractAgreements } from './agreements.js';
import { extractCommitments, extractAnniversaries } from './commitments.js';

/**
 * Assemble stage: from annotations to the codebook event.
 *
 * A news report is written around one encounter, told in its headline and its
 * lead sentence. The assembler finds that lead (the first sentence with an
 * encounter cue or a mechanism and a date or a person), reads the encounter
 * from it, and reads the rest of the report for what the codebook asks beyond
 * the lead (areas, agreements, commitments, anniversaries). A report with no
 * such lead, fewer than two states, or nothing about defence gives no event.
 */

const MULTILATERAL = new Set<EventType>(['exercise', 'conference', 'training']);
/** Words that end an apposition: the next person or clause begins. */
const TYPE_OF_MECHANISM: Record<string, EventType> = {
  dialogue: 'dialogue',
  consultation: 'dialogue',
  working_group: 'working_group',
  committee: 'working_group',
};
// When two cues stand in a lead, the less generic one names the encounter.
const TYPE_RANK: EventType[] = ['signing', 'talks', 'reception', 'exercise', 'port_call', 'training', 'conference',
  'exhibition', 'visit', 'other', 'dialogue', 'working_group'];
/** A lead whose date is older than this before publication is background, not the news. */
const STALE_DAYS = 120;
const LEAD_SEARCH = 12;
/** How far before a name its introduction may name the person's state. */
const INTRODUCTION_WINDOW = 10;
/** Words between a lead word and the name of the person it introduces ("encabezada por el secretario de ... , X"). */
const LEAD_REACH = 16;
const APPOSITION_WORDS = 20;
const COMMA_TEXT = new Set([',', '،']);

interface Lead {
  /** The date of an agency dateline opening the lead ("Hanói, 5 oct (VNA) -"), if any. */
  datelineDate?: DateMention | null;
  sentence: Sentence;
  /** The lead minus its framing clauses. */
  main: Range;
  framing: Range[];
  date: DateMention | null;
}

export function assemble(doc: Doc): DefenceEvent[] {
  if (!doc.pack || doc.opinion) return [];
  const reader = new Reader(doc);
  if (!aboutDefence(doc)) return [];
  const lead = findLead(doc, reader);
  if (!lead) return [];
  const title = doc.sentences.filter((s) => s.isTitle);
  const evidence: Record<string, Evidence[]> = {};
  const ev = (k: string, e: Evidence | Evidence[]) => (evidence[k] ??= []).push(...(Array.isArray(e) ? e : [e]));

  const core: Range[] = [lead.main, ...title.map((s) => ({ first: s.first, last: s.last }))];

  // Participants: headline, lead, sentences that name a head of delegation.
  // Sentences that name the head of a delegation, or who else attended ("cùng dự có", "also present were").
  // Those who sign at the encounter take part in it too ("In their presence, Defence Secretary X and ... Y signed").
  // (Not "the MoU signed in 2017": a signing dated by a year alone is an earlier one.)
  const signs = (s: Range) => doc.cues.some((c) => c.value.type === 'signing' && c.first >= s.first && c.last <= s.last &&
    !reader.isFuture(c) && !reader.isBackground(c) && !doc.dates.some((d) => d.yearOnly && d.first >= c.last && d.first <= c.last + 2));
  const boundary = encounterBoundary(doc, reader, lead);
  const leadSentences = doc.sentences.filter((s) => !s.isTitle && s.first < boundary && (signs(s) ||
    ((reader.hasCue('lead', s) || reader.hasCue('member', s)) && !reader.isFuture(s, 0) && !reader.isBackground(s, 0))));
  const scopes = [...core, ...leadSentences.map((s) => ({ first: s.first, last: s.last }))];
  const exclude = [...lead.framing, ...leadSentences.flatMap((s) => reader.framing(s))];
  // The two or three sentences after the lead often name the other side's principal and the members;
  // there only people of the defence establishments count (not a head of state being accompanied).
  const after = doc.sentences.filter((s) => !s.isCaption && !s.isTitle && s.index > lead.sentence.index && s.first < boundary &&
    s.paragraph <= lead.sentence.paragraph + 1).slice(0, 3).map((s) => ({ first: s.first, last: s.last }));
  // The report may open with what was decided and who said it, and name the encounter after
  // ("..., said Defence Minister X." then "... the meeting, which he co-chaired with ..."): the
  // defence people of the sentences before the lead count too, after those of the lead.
  const opening: Range[] = [];
  for (const s of doc.sentences) {
    if (s.index >= lead.sentence.index) break;
    if (!s.isTitle && !s.isCaption && !reader.isBackground(s, 0)) opening.push({ first: s.first, last: s.last });
  }
  let drafts = participantsFrom(doc, reader, scopes, exclude, after);
  const coreCountries = doc.countries.filter((c) => core.some((r) => c.first >= r.first && c.last <= r.last) &&
    !reader.inRanges(c.first, lead.framing) && !afterVenue(doc, c.first));
  if (new Set([...countriesOf(drafts), ...coreCountries.map((c) => c.value)]).size < 2) {
    // The lead names one side; the next sentences of its paragraph often name the other.
    // The lead names one side; the next sentences of its paragraph, or the next paragraph, often name the other.
    const para = doc.sentences.filter((s) => !s.isCaption && s.index > lead.sentence.index && s.first < boundary &&
      s.paragraph <= lead.sentence.paragraph + 2).slice(0, 4);
    drafts = participantsFrom(doc, reader, [...scopes, ...para.map((s) => ({ first: s.first, last: s.last }))], exclude, after);
  }

  if (opening.length) {
    for (const d of participantsFrom(doc, reader, [], exclude, opening)) {
      if (!drafts.some((x) => samePerson(x.p.name, d.p.name) || sameStems(x.p.name, d.p.name))) drafts.push(d);
    }
  }

  // States the report writes with a person ("commandant de la flotte philippine"), read on copies: they
  // complete the event's states below when the headline and the lead name fewer than two.
  const written = drafts.filter((d) => !d.p.country).map((d) => ({ ...d, p: { ...d.p }, evidence: { ...d.evidence } }));
  fillCountries(doc, reader, written, [...new Set(doc.countries.map((c) => c.value))], null, lead, true);

  // Countries: the participants' states, completed from the dyad written in the headline, the lead or the mechanism.
  const mechMentions = mechanismMentions(doc, reader);
  const countries = new Map<string, Evidence>();
  for (const d of drafts) {
    if (d.p.country && !countries.has(d.p.country)) {
      const e = d.evidence.country?.[0] ?? d.evidence.name[0];
      countries.set(d.p.country, e);
    }
  }
  if (countries.size < 2) {
    for (const c of coreCountries) if (!countries.has(c.value)) countries.set(c.value, { start: c.start, end: c.end, origin: c.origin });
  }
  if (countries.size < 2) {
    for (const d of written) {
      if (d.p.country && !countries.has(d.p.country) && countries.size < 2) countries.set(d.p.country, d.evidence.country![d.evidence.country!.length - 1]);
    }
  }
  if (countries.size < 2) {
    // Countries named with the mechanism anywhere ("Đối thoại ... Việt Nam-Anh").
    for (const mm of mechMentions) {
      for (const c of doc.countries) {
        if (c.first >= mm.first && c.last <= mm.last && !countries.has(c.value)) countries.set(c.value, { start: c.start, end: c.end, origin: c.origin });
      }
    }
  }
  if (countries.size < 2) {
    // "is in Vietnam for an introductory visit": the country where it happens is the host side.
    for (const c of doc.countries) {
      if (countries.size >= 2) break;
      if (core.some((r) => c.first >= r.first && c.last <= r.last) && !reader.inRanges(c.first, lead.framing) &&
        afterVenue(doc, c.first) && !countries.has(c.value)) countries.set(c.value, { start: c.start, end: c.end, origin: `${c.origin}+venue` });
    }
  }
  // The place of the lead names the host when the report names only the guest ("Riyadh (SPA) - ...").
  if (countries.size < 2) {
    const from = datelineEnd(doc, lead.sentence);
    const place = doc.places.find((p) => p.first >= Math.max(lead.main.first, from) && p.last <= lead.main.last && p.value.country &&
      !reader.inRanges(p.first, lead.framing) && !countries.has(p.value.country));
    if (place && !countries.has(place.value.country!)) countries.set(place.value.country!, { start: place.start, end: place.end, origin: `${place.origin}+host` });
  }
  const home = doc.pack.homeCountry;
  const unknownSide = drafts.some((d) => !d.p.country);
  if (countries.size < 2 && home && !countries.has(home) && (unknownSide || drafts.length === 0 || homeOrgInCore(doc, core))) {
    countries.set(home, { start: lead.sentence.start, end: lead.sentence.end, origin: `${doc.pack.code}/lang:home_country` });
  }
  if (countries.size < 2) return [];

  // People without a written country: the side not yet represented, else the home state.
  // An encounter has people. A lead with neither a participant nor a precise kind and day is a
  // passing mention ("the last meeting, in October, ..."), as in commentary.
  if (!drafts.length && (!lead.date || lead.date.day === null) && !mechMentions.some((m) => core.some((r) => m.m.first >= r.first && m.m.last <= r.last))) return [];
  fillCountries(doc, reader, drafts, [...countries.keys()], home, lead);
  drafts = drafts.filter((d) => d.p.country === null || countries.has(d.p.country));
  assignRoles(doc, reader, drafts);
  drafts.forEach(settleRank);

  const type = eventType(doc, reader, lead, title, mechMentions);
  // Exercises, conferences and courses often bring more than two states: every state the lead names
  // as taking part joins them (not a place, not a framing clause).
  if (MULTILATERAL.has(type.type)) {
    for (const c of coreCountries) if (!countries.has(c.value)) countries.set(c.value, { start: c.start, end: c.end, origin: `${c.origin}+multilateral` });
  }
  // A meeting of three or more states that the report names no other way is a multilateral one.
  if (type.type === 'other' && countries.size >= 3) type.type = 'conference';
  ev('type', type.evidence);

  // Date.
  let date: EventDate | null = null;
  // The agency dateline dates the report: it stands for the publication date when none is known,
  // so "hoy" or "on Tuesday" in the lead resolve against it.
  const dl = lead.datelineDate ? resolveDate(lead.datelineDate, doc.published) : null;
  const published = doc.published ?? (dl && !dl.value.startsWith('--') ? dl.value : null);
  if (lead.date) {
    date = resolveDate(lead.date, published);
    if (!date && dl && lead.date.daysFromPublication !== undefined && dl.value.startsWith('--') && lead.date.daysFromPublication === 0) date = dl;
    if (date) ev('date', { start: lead.date.start, end: lead.date.end, origin: lead.date.origin });
  }
  if (!date && dl && (!lead.date || lead.date.daysFromPublication !== undefined || (lead.date.day === null && lead.date.weekday !== null))) {
    date = dl;
    ev('date', { start: lead.datelineDate!.start, end: lead.datelineDate!.end, origin: `${lead.datelineDate!.origin}+dateline` });
  }
  if (!date) {
    date = publishedAsDate(doc.published);
    if (date) ev('date', { start: 0, end: 0, origin: 'document:published' });
  }
  const eventYear = date && /^\d{4}/.test(date.value) ? Number(date.value.slice(0, 4)) : null;

  const location = locate(doc, reader, lead, [...countries.keys()], drafts, core, ev);
  const mechScopes = [...core, { first: lead.sentence.first, last: lead.sentence.last }];
  const mech = chooseMechanism(doc, mechMentions, mechScopes) ?? seriesMechanism(doc, type.type, mechScopes);
  if (mech) Object.assign(evidence, mech.evidence);

  const areas = collectAreas(doc, ev);
  const agreements = extractAgreements(doc, reader, eventYear);
  Object.assign(evidence, agreements.evidence);
  const commitments = extractCommitments(doc, reader, eventYear);
  Object.assign(evidence, commitments.evidence);
  const anniversaries = extractAnniversaries(doc, reader, eventYear);
  Object.assign(evidence, anniversaries.evidence);

  const sortedCountries = [...countries.keys()].sort();
  for (const c of sortedCountries) ev('countries', countries.get(c)!);
  drafts.forEach((d, i) => {
    for (const [k, list] of Object.entries(d.evidence)) for (const e of list) ev(`participants.${i}.${k}`, e);
  });

  const main: DefenceEvent = {
    type: type.type,
    date,
    countries: sortedCountries,
    location,
    mechanism: mech?.mechanism ?? null,
    participants: drafts.map((d) => d.p),
    areas,
    agreements: agreements.agreements,
    commitments: commitments.commitments,
    anniversaries: anniversaries.anniversaries,
    evidence,
  };
  const further = furtherEvents(doc, reader, lead, main);
  // A headline that sums up two encounters ("... tiếp đoàn Brazil; Cục Đối ngoại làm việc với Bộ Quốc
  // phòng Israel") gives the main one a state that only the other one has: it goes to that one.
  for (const f of further) {
    for (const c of f.countries) {
      const at = main.countries.indexOf(c);
      if (at < 0 || main.countries.length <= 2 || main.participants.some((p) => p.country === c)) continue;
      main.countries.splice(at, 1);
      evidence.countries?.splice(at, 1);
    }
  }
  return [main, ...further];
}

/**
 * Further encounters in the same report, each read from its own sentence, when they bring together a
 * different set of states than the main event: meetings "on the sidelines" of it ("Bên lề Hội nghị,
 * Đại tướng X đã gặp song phương ..."), and a paragraph that opens with another dated encounter
 * ("Cùng ngày, ... đã tiếp ... Bộ Quốc phòng Israel").
 */
/**
 * A paragraph that opens with another dated encounter ("Cùng ngày, ...", "On 15 May, ..."); with
 * `sameDayOnly`, only one that says so ("The same day, ..."): a dated paragraph may go on with the
 * same visit ("Le 13 avril, le commandant ... a été reçu par ...").
 */
function opensAnotherEncounter(doc: Doc, reader: Reader, s: Sentence, sameDayOnly = false): boolean {
  if (s.isTitle || s.isCaption || (s.index > 0 && doc.sentences[s.index - 1].paragraph === s.paragraph)) return false;
  if (reader.hasCue('same_day', { first: s.first, last: Math.min(s.last, s.first + 6) })) return true;
  return !sameDayOnly && doc.dates.some((d) => d.first >= s.first && d.first < s.first + 8 && d.day !== null && d.relative === null);
}

/**
 * Where the report turns to another encounter: the first paragraph after the lead's that opens with
 * one (people from there on are not the main event's), or the end of the text.
 */
function encounterBoundary(doc: Doc, reader: Reader, lead: Lead): number {
  for (const s of doc.sentences) {
    if (s.index <= lead.sentence.index || !opensAnotherEncounter(doc, reader, s, true)) continue;
    if (doc.cues.some((c) => c.first >= s.first && c.last <= s.last && !reader.isFuture(c, 5))) {
      // A caption printed just above it shows the same encounter.
      let first = s.first;
      for (let k = s.index - 1; k > lead.sentence.index && doc.sentences[k].isCaption; k--) first = doc.sentences[k].first;
      return first;
    }
  }
  return doc.tokens.length;
}

function furtherEvents(doc: Doc, reader: Reader, lead: Lead, main: DefenceEvent): DefenceEvent[] {
  const out: DefenceEvent[] = [];
  const seen = new Set([main.countries.join(',')]);
  for (const s of doc.sentences) {
    if (s.isTitle || s.isCaption || s.index <= lead.sentence.index || reader.isFuture(s, 0) || reader.isBackground(s, 0)) continue;
    if (!reader.hasCue('sidelines', s) && !opensAnotherEncounter(doc, reader, s)) continue;
    const cue = doc.cues.find((c) => c.first >= s.first && c.last <= s.last && !reader.isFuture(c, 5) &&
      ['talks', 'reception', 'other', 'signing'].includes(c.value.type));
    if (!cue) continue;
    // The encounter's paragraph tells who took part ("Tham dự buổi tiếp có ...").
    const paragraph = doc.sentences.filter((x) => x.paragraph === s.paragraph && x.index >= s.index);
    const drafts = participantsFrom(doc, reader, paragraph.map((x) => ({ first: x.first, last: x.last })), []);
    if (!drafts.length) continue;
    // "General Khôi": the main event's people keep their state here.
    for (const d of drafts) {
      const known = main.participants.find((p) => p.country && (samePerson(p.name, d.p.name) || sameStems(p.name, d.p.name)));
      if (!d.countryKnown && known) {
        d.p.country = known.country;
        d.countryKnown = true;
        if (!d.p.rank && known.rank) [d.p.rank, d.p.rank_label] = [known.rank, known.rank_label];
        d.p.position ??= known.position;
        d.p.name = known.name.length > d.p.name.length ? known.name : d.p.name;
      }
    }
    // People of the main meeting named again by their family name only ("... met with Khan").
    for (const p of main.participants) {
      if (!p.country || drafts.some((d) => samePerson(d.p.name, p.name))) continue;
      const keys = nameKey(p.name).filter((k) => k.length >= 3);
      const at = doc.tokens.slice(s.first, s.last).findIndex((t) => t.upper && keys.includes(t.key));
      if (at < 0) continue;
      const t = doc.tokens[s.first + at];
      const mention = doc.persons.find((m) => samePerson(m.name, p.name)) ?? null;
      if (!mention) continue;
      drafts.push({ p: { ...p, role: 'lead' }, mention: { ...mention, first: s.first + at, last: s.first + at + 1, start: t.start, end: t.end, sentence: s.index },
        rankMatch: null, evidence: { name: [{ start: t.start, end: t.end, origin: 'person:named-again' }] }, countryKnown: true });
    }
    const countries = new Map<string, Evidence>();
    for (const d of drafts) if (d.p.country) countries.set(d.p.country, d.evidence.country?.[0] ?? d.evidence.name[0]);
    for (const c of doc.countries) {
      if (c.first >= s.first && c.last <= s.last && !afterVenue(doc, c.first) && !countries.has(c.value)) {
        countries.set(c.value, { start: c.start, end: c.end, origin: c.origin });
      }
    }
    // Only the states of this meeting: those of its people, completed from the sentence when one is missing.
    const keys = [...countries.keys()];
    const own = new Set(drafts.map((d) => d.p.country).filter((c): c is string => Boolean(c)));
    const chosen = own.size >= 2 ? [...own] : keys.slice(0, 2);
    if (chosen.length < 2) continue;
    const key = [...chosen].sort().join(',');
    // The same states meet again when somebody new receives or meets them ("On the same day, Zhou
    // Haitao ... met with Khan"); a paragraph that only goes on about the main meeting does not.
    const newcomer = drafts.some((d) => (d.mention.rank || d.mention.descriptors.length) &&
      !main.participants.some((p) => samePerson(p.name, d.p.name) || sameStems(p.name, d.p.name)));
    if (seen.has(key) && !(opensAnotherEncounter(doc, reader, s, true) && newcomer)) continue;
    seen.add(key);
    fillCountries(doc, reader, drafts, chosen, doc.pack?.homeCountry ?? null);
    const kept = drafts.filter((d) => d.p.country && chosen.includes(d.p.country));
    assignRoles(doc, reader, kept);
    kept.forEach(settleRank);
    const evidence: Record<string, Evidence[]> = {
      type: [{ start: cue.start, end: cue.end, origin: cue.origin }],
      countries: chosen.sort().map((c) => countries.get(c)!),
    };
    const d = doc.dates.find((x) => x.first >= s.first && x.last <= s.last && !x.yearOnly && x.day !== null);
    const date = d ? resolveDate(d, doc.published) : main.date;
    if (d && date) evidence.date = [{ start: d.start, end: d.end, origin: d.origin }];
    else if (main.evidence.date) evidence.date = main.evidence.date;
    kept.forEach((x, i) => {
      for (const [k, list] of Object.entries(x.evidence)) evidence[`participants.${i}.${k}`] = list;
    });
    out.push({
      type: cue.value.type,
      date,
      countries: [...chosen].sort(),
      location: main.location,
      mechanism: null,
      participants: kept.map((x) => x.p),
      areas: [],
      agreements: [],
      commitments: [],
      anniversaries: [],
      evidence,
    });
  }
  return out;
}

function aboutDefence(doc: Doc): boolean {
  // A rank counts when it describes a person ("general" alone is also an adjective).
  if (doc.persons.some((p) => p.rank && p.rank.value.code)) return true;
  if (doc.clauseCues.some((c) => c.value.has('defence'))) return true;
  return doc.mechanisms.length > 0;
}

function homeOrgInCore(doc: Doc, core: Range[]): boolean {
  return doc.personWords.some((w) => w.value.kind === 'org' && core.some((r) => w.first >= r.first && w.last <= r.last));
}

function countriesOf(drafts: ParticipantDraft[]): Set<string> {
  return new Set(drafts.map((d) => d.p.country).filter((c): c is string => Boolean(c)));
}

/** "tại Việt Nam", "in Singapore": a country that says where, not who. */
/**
 * Acronyms the report defines in brackets after a state's institution ("the US Defense POW/MIA
 * Accounting Agency (DPAA)"), with that state: the nearest country in the few words before the bracket.
 */
function acronymStates(doc: Doc, reader: Reader): Map<string, { value: string; origin: string }> {
  const out = new Map<string, { value: string; origin: string }>();
  const t = doc.tokens;
  for (let k = 1; k + 2 < t.length; k++) {
    if (t[k - 1].text !== '(' || t[k + 1].text !== ')' || !/^[A-ZА-Я]{2,8}$/u.test(t[k].text) || out.has(t[k].text)) continue;
    const s = reader.sentence(k);
    const c = doc.countries.filter((x) => x.last <= k - 1 && x.first >= Math.max(s.first, k - 1 - ACRONYM_WINDOW) && !afterVenue(doc, x.first)).pop();
    if (c) out.set(t[k].text, { value: c.value, origin: c.origin });
  }
  return out;
}
const ACRONYM_WINDOW = 8;

function afterVenue(doc: Doc, first: number): boolean {
  return doc.clauseCues.some((c) => c.value.has('venue') && c.last === first);
}

/** A venue word a few tokens before ("tại Trụ sở Bộ Quốc phòng", "au port de Tiên Sa"). */
function venueWithin(doc: Doc, first: number, window: number): boolean {
  return doc.clauseCues.some((c) => c.value.has('venue') && c.last <= first && c.last >= first - window);
}

/** The lead: the first sentence that reports an encounter (a cue or a mechanism, with a date or a person). */
function findLead(doc: Doc, reader: Reader): Lead | null {
  const body = doc.sentences.filter((s) => !s.isTitle);
  const candidates = body.slice(0, LEAD_SEARCH);
  const score = (s: Sentence): Lead | null => {
    const framing = reader.framing(s);
    const main: Range = { first: s.first, last: s.last };
    const inMain = (first: number) => first >= s.first && first < s.last && !reader.inRanges(first, framing);
    const cue = doc.cues.find((c) => inMain(c.first) && !reader.isFuture(c, 5));
    const mech = doc.mechanisms.find((m) => inMain(m.first) && !reader.isFuture(m, 6));
    if (!cue && !mech) return null;
    // An agency dateline opening the lead ("La Habana, 4 may (CP) -") dates the report, not the event.
    const dateline = datelineEnd(doc, s);
    const dates = doc.dates.filter((d) => inMain(d.first) && d.first >= dateline && !d.yearOnly &&
      (d.day !== null || d.month !== null || d.weekday !== null || d.daysFromPublication !== undefined) && d.relative !== 'next' &&
      !reader.isFuture(d, 3));
    // A day beats a month ("déployée depuis le mois d'août, ... a fait escale à Manille du 18 au 21 octobre").
    const date = dates.find((d) => d.day !== null || d.weekday !== null || d.daysFromPublication !== undefined) ?? dates[0] ?? null;
    const person = doc.persons.some((p) => inMain(p.first) && (p.rank || p.descriptors.length));
    if (!date && !person) return null;
    if (date && date.year !== null && doc.published) {
      const resolved = resolveDate(date, doc.published);
      const gap = resolved ? daysBetween(resolved.value, doc.published) : null;
      if (gap !== null && gap > STALE_DAYS) return null;
    }
    const datelineDate = doc.dates.find((d) => d.first >= s.first && d.first < dateline && d.day !== null) ?? null;
    return { sentence: s, main, framing, date, datelineDate };
  };
  // Prefer a lead with both a date and a cue; else the first with either.
  let fallback: Lead | null = null;
  for (const s of candidates) {
    const l = score(s);
    if (!l) continue;
    if (l.date) return l;
    fallback ??= l;
  }
  if (fallback) {
    // The date may sit in the next sentence of the paragraph.
    const next = doc.sentences.filter((s) => s.paragraph === fallback!.sentence.paragraph && s.index > fallback!.sentence.index);
    for (const s of next) {
      const d = doc.dates.find((x) => x.first >= s.first && x.last <= s.last && !x.yearOnly && x.day !== null && x.relative !== 'next');
      if (d) return { ...fallback, date: d };
    }
    return fallback;
  }
  // A headline alone can carry the encounter (a caption-only page).
  const t = doc.sentences.find((s) => s.isTitle);
  if (t && (doc.mechanisms.some((m) => m.first >= t.first && m.last <= t.last) || doc.cues.some((c) => c.first >= t.first && c.last <= t.last))) {
    const any = body.find((s) => doc.persons.some((p) => p.first >= s.first && p.last <= s.last && (p.rank || p.descriptors.length)));
    if (any) return { sentence: any, main: { first: any.first, last: any.last }, framing: reader.framing(any), date: null };
  }
  // No dated lead: the first sentence with a mechanism or a cue, when the report names a head of delegation.
  const withMech = body.find((s) => doc.mechanisms.some((m) => m.first >= s.first && m.last <= s.last));
  if (withMech && doc.sentences.some((s) => reader.hasCue('lead', s))) {
    return { sentence: withMech, main: { first: withMech.first, last: withMech.last }, framing: reader.framing(withMech), date: null };
  }
  return null;
}

/**
 * The end of an agency dateline at the start of a sentence ("HÀ NỘI (TTXVN) -", "La Habana, 4 may (CP) -",
 * "SINGAPORE -"): a dash among the first words, after a bracketed agency or a capitalised place.
 * Returns the first token after it, or the sentence start when there is none.
 */
function datelineEnd(doc: Doc, s: Sentence): number {
  const t = doc.tokens;
  // "مسقط في 13 فبراير /العُمانية/ بدأ ...": the agency between slashes closes the dateline.
  const startsWithPlace = doc.places.some((p) => p.first === s.first);
  if (startsWithPlace) {
    for (let k = s.first + 1; k + 2 < Math.min(s.last, s.first + 14); k++) {
      if (t[k].text === '/' && t[k + 1].isWord && (t[k + 2].text === '/' || (t[k + 3]?.text === '/' && t[k + 2].isWord))) {
        return t[k + 2].text === '/' ? k + 3 : k + 4;
      }
    }
  }
  for (let k = s.first + 1; k < Math.min(s.last - 3, s.first + 14); k++) {
    if (t[k].key !== '-' || (t[k - 1].end === t[k].start && t[k - 1].text !== ')')) continue;
    const head = t.slice(s.first, k);
    const agency = head.some((x) => x.text === '(') && t[k - 1].text === ')';
    const place = doc.places.some((p) => p.first === s.first) || head.every((x) => !x.isWord || x.text === x.text.toUpperCase());
    if (agency || place) return k + 1;
  }
  return s.first;
}

function eventType(doc: Doc, reader: Reader, lead: Lead, title: Sentence[],
  mechs: ReturnType<typeof mechanismMentions>): { type: EventType; evidence: Evidence } {
  const inRange = (first: number, r: Range) => first >= r.first && first < r.last;
  const scopes: Range[] = [...title, lead.main];
  for (const scope of scopes) {
    const mech = mechs.find((m) => inRange(m.m.first, scope) && !m.future && !reader.inRanges(m.m.first, lead.framing));
    if (mech && TYPE_OF_MECHANISM[mech.m.value]) {
      return { type: TYPE_OF_MECHANISM[mech.m.value], evidence: { start: mech.m.start, end: mech.m.end, origin: mech.m.origin } };
    }
  }
  const pick = (list: PhraseMatch<Cue>[]) =>
    list.reduce<PhraseMatch<Cue> | null>((a, b) => (!a || TYPE_RANK.indexOf(b.value.type) < TYPE_RANK.indexOf(a.value.type) ? b : a), null);
  const leadCues = doc.cues.filter((c) => inRange(c.first, lead.main) && !reader.inRanges(c.first, lead.framing) && !reader.isFuture(c, 5));
  const best = pick(leadCues) ?? pick(doc.cues.filter((c) => title.some((t) => inRange(c.first, t))));
  if (best) return { type: best.value.type, evidence: { start: best.start, end: best.end, origin: best.origin } };
  return { type: 'other', evidence: { start: lead.sentence.start, end: lead.sentence.end, origin: 'type:default' } };
}

/**
 * States of people the text does not tie to one, in passes from strongest to weakest hint:
 * a state named in the words that introduce them ("the Australian Army's ..., Brigadier X"),
 * the one side not yet represented, the nearest state in their sentence, the home state.
 * `strongOnly`: only what the text writes with the person (introduction, delegation, apposition),
 * used before the event's states are known.
 */
function fillCountries(doc: Doc, reader: Reader, drafts: ParticipantDraft[], countries: string[], home: string | null,
  lead?: Lead, strongOnly = false): void {
  const set = (d: ParticipantDraft, c: string, origin: string, ev?: { start: number; end: number }) => {
    d.p.country = c;
    (d.evidence.country ??= []).push({ start: ev?.start ?? d.mention.start, end: ev?.end ?? d.mention.end, origin });
  };
  const persons = [...doc.persons].sort((a, b) => a.first - b.first);
  for (const d of drafts) {
    // (A family-name hint is weaker than a state named in the introduction.)
    if (d.countryKnown) continue;
    const m = d.mention;
    const s = doc.sentences[m.sentence];
    const prev = persons.filter((x) => x.last <= m.first && x.sentence === m.sentence).pop();
    // The introduction: the few words before the name, after the previous person, outside framing
    // clauses, and not a place ("đến Việt Nam", "إلى كوبا").
    let from = Math.max(prev ? prev.descEnd : s.first, m.first - INTRODUCTION_WINDOW);
    // "A, Chef ... des FAR, et le Général B": after a conjunction the introduction is B's own.
    for (let k = m.first - 1; k >= from; k--) if (opensConjunct(doc.pack!, doc.tokens, k)) {
      from = k + 1;
      break;
    }
    // (Not a state in a framing clause, unless the person is named in that clause too: "à l'invitation de
    // son homologue mauritanien, le général X".)
    const framing = reader.framing(s).filter((r) => !(m.first >= r.first && m.first < r.last) && !reader.hasCue('counterpart', r));
    const intro = doc.countries.filter((c) => c.first >= from && c.last <= m.first && countries.includes(c.value) &&
      !reader.inRanges(c.first, framing) && !afterVenue(doc, c.first) &&
      !doc.clauseCues.some((x) => x.value.has('toward') && x.last === c.first)).pop();
    if (intro) {
      set(d, intro.value, `${intro.origin}+introduction`, intro);
      continue;
    }
    // "La delegación argentina fue encabezada por el secretario ..., X": the state of the delegation
    // a lead word says the person heads, named just before that word.
    const ledBy = doc.clauseCues.filter((c) => c.value.has('lead') && c.last <= m.first && c.last >= m.first - LEAD_REACH &&
      c.first >= (prev ? prev.descEnd : s.first)).pop();
    const delegation = ledBy ? doc.countries.filter((c) => c.last <= ledBy.first && c.first >= Math.max(s.first, ledBy.first - 5) &&
      countries.includes(c.value) && !afterVenue(doc, c.first) &&
      !doc.tokens.slice(c.last, ledBy.first).some((x) => !x.isWord)).pop() : undefined;
    if (delegation) set(d, delegation.value, `${delegation.origin}+delegation`, delegation);
  }
  // With one side still unrepresented, a person without a state is of that side.
  const otherSide = () => {
    for (const d of drafts) {
      if (d.p.country) continue;
      const taken = new Set(drafts.filter((x) => x.p.country).map((x) => x.p.country));
      const free = countries.filter((c) => !taken.has(c));
      if (free.length === 1) set(d, free[0], 'participant:other-side');
    }
  };
  // A state named in the apposition after the name (", jefe de la Marina de Guerra Revolucionaria de Cuba,").
  const appositions = () => {
    let acronymsOfDoc: ReturnType<typeof acronymStates> | undefined;
    // Tokens where a description starts (a comma followed by one keeps the apposition open).
    const describes = new Set([...doc.personWords, ...doc.ranks, ...doc.countries].map((x) => x.first));
    for (const d of drafts) {
      if (d.p.country) continue;
      const m = d.mention;
      const t = doc.tokens;
      // (Arabic writes the description right after the name, without a comma.)
      if (t[m.last]?.text !== ',' && t[m.last]?.text !== '،' && !doc.pack?.caseless) continue;
      const s = doc.sentences[m.sentence];
      // Up to the next person or "and", within twenty words: ", Thứ trưởng phụ trách ..., Bộ Quốc phòng Nhật Bản".
      const next = doc.persons.find((x) => x.first > m.last && x.sentence === m.sentence);
      // (Twenty words, not tokens: "Sous-chef d'état-major" is seven tokens.)
      let end = m.last + 1;
      let words = 0;
      // A comma inside the apposition leads on to another description ("..., Bộ Quốc phòng Nhật Bản");
      // one followed by anything else closes it (", a entamé lundi une visite ...").
      while (end < s.last && words < APPOSITION_WORDS && (!next || end < next.first) && t[end].text !== ';' && t[end].text !== '؛' &&
        !opensConjunct(doc.pack!, t, end) && !(end > m.last + 1 && COMMA_TEXT.has(t[end].text) && !describes.has(end + 1) && !t[end + 1]?.upper)) {
        if (t[end++].isWord) words++;
      }
      const c = doc.countries.find((x) => x.first > m.last && x.last <= end && countries.includes(x.value) && !afterVenue(doc, x.first) &&
        !doc.clauseCues.some((y) => y.value.has('toward') && y.last === x.first));
      if (c) {
        set(d, c.value, `${c.origin}+apposition`, c);
        continue;
      }
      // ", Commander of the DPAA Indo-Pacific Directorate": an acronym the report defined for a state's institution.
      const acronyms = (acronymsOfDoc ??= acronymStates(doc, reader));
      for (let k = m.last + 1; k < end; k++) {
        const a = acronyms.get(t[k].text);
        if (a && countries.includes(a.value)) {
          set(d, a.value, `${a.origin}+acronym`, { start: t[k].start, end: t[k].end });
          break;
        }
      }
    }
  };
  if (strongOnly) {
    appositions();
    return;
  }
  otherSide();
  appositions();
  // The state of the place the report was filed from ("Tunis - La 36e session ..."): the home side
  // of officials the report does not qualify.
  const firstBody = doc.sentences.find((s) => !s.isTitle && !s.isCaption);
  const filed = firstBody ? doc.places.find((p) => p.first === firstBody.first && p.value.country && countries.includes(p.value.country)) : undefined;
  if (filed) {
    // Officials the report does not qualify belong to the state it is filed from; foreign ones are named as such.
    for (const d of drafts) if (!d.p.country) set(d, filed.value.country!, `${filed.origin}+filed-from`, filed);
  }
  // The press of no one state (wire services, Arabic and English editions) qualifies the guests and
  // leaves the hosts bare: officials still without a state belong to the place of the lead
  // ("عُقد اليوم في مقر وزارة الدفاع بالرياض ..."). Not for a language with a home press, whose
  // reports of visits abroad leave their own officials bare.
  const hostPlace = !home && lead ? doc.places.find((p) => p.first >= lead.main.first && p.last <= lead.main.last && p.value.country &&
    countries.includes(p.value.country) && !reader.inRanges(p.first, lead.framing)) : undefined;
  if (hostPlace) for (const d of drafts) if (!d.p.country) set(d, hostPlace.value.country!, `${hostPlace.origin}+host`, hostPlace);
  otherSide();
  const claimed = new Set(doc.persons.filter((p) => p.country).map((p) => p.country!.first));
  for (const d of drafts) {
    if (d.p.country) continue;
    const m = d.mention;
    const s = doc.sentences[m.sentence];
    // (Not a state that introduces somebody else: "X and France's Director General, Y".)
    const near = doc.countries
      .filter((c) => c.first >= s.first && c.last <= s.last && countries.includes(c.value) && !claimed.has(c.first))
      .sort((a, b) => Math.abs(a.first - m.first) - Math.abs(b.first - m.first))[0];
    if (near) set(d, near.value, `${near.origin}+nearest`, near);
    else if (home && countries.includes(home)) set(d, home, `${doc.pack?.code}/lang:home_country`);
  }
}

/**
 * The first person of each state is its lead; later ones are members. People named after "also
 * present were" are members of a state that has a lead named elsewhere; when everybody of a state
 * is named there ("وشهد الحفل الختامي ..."), the first of them leads it.
 */
function assignRoles(doc: Doc, reader: Reader, drafts: ParticipantDraft[]): void {
  const memberCues = doc.clauseCues.filter((c) => c.value.has('member'));
  const afterMember = (d: ParticipantDraft) => {
    const s = reader.sentence(d.mention.first);
    return memberCues.some((c) => c.first >= s.first && c.last <= d.mention.first);
  };
  const led = new Set<string | null>();
  for (const d of drafts) {
    if (afterMember(d)) continue;
    if (led.has(d.p.country)) d.p.role = 'member';
    else led.add(d.p.country);
  }
  for (const d of drafts) {
    if (!afterMember(d)) continue;
    if (led.has(d.p.country)) d.p.role = 'member';
    else led.add(d.p.country);
  }
}

function locate(doc: Doc, reader: Reader, lead: Lead, countries: string[], drafts: ParticipantDraft[], core: Range[],
  ev: (k: string, e: Evidence) => void): Location {
  const para: Range = (() => {
    const ss = doc.sentences.filter((s) => s.paragraph === lead.sentence.paragraph);
    return { first: ss[0].first, last: ss[ss.length - 1].last };
  })();
  const scopes = [...core, para];
  const inScopes = (first: number) => scopes.some((r) => first >= r.first && first < r.last);
  // (Not from the headline alone: a masthead such as "Nhan Dan Online" says nothing of the meeting.)
  const virtual = doc.clauseCues.find((c) => c.value.has('virtual') && c.first >= para.first && c.first < para.last && !reader.isFuture(c, 4));
  if (virtual) {
    ev('location.virtual', { start: virtual.start, end: virtual.end, origin: virtual.origin });
    return { country: null, place: null, virtual: true };
  }
  // Where: a place or country after a venue word in the lead ("tại Phủ Chủ tịch", "in Hanoi", "is in
  // Vietnam"), then in the headline and the lead paragraph; a dateline city ("SINGAPORE -") only says
  // where the report was written, so it comes last.
  const places = doc.places.filter((p) => inScopes(p.first) && !reader.inRanges(p.first, lead.framing) && !reader.isFuture(p, 4));
  const venueCountries = doc.countries.filter((c) => inScopes(c.first) && afterVenue(doc, c.first) && !reader.isFuture(c, 4) &&
    !reader.inRanges(c.first, lead.framing));
  const inLead = (x: { first: number }) => x.first >= lead.main.first && x.first < lead.main.last;
  const venued = (x: { first: number }) => afterVenue(doc, x.first) || venueWithin(doc, x.first, 3);
  const candidates: Array<{ kind: 'place' | 'country'; m: PhraseMatch<any> }> = [
    ...places.filter((p) => inLead(p) && venued(p)).map((m) => ({ kind: 'place' as const, m })),
    ...venueCountries.filter(inLead).map((m) => ({ kind: 'country' as const, m })),
    ...places.filter((p) => !inLead(p) && venued(p)).map((m) => ({ kind: 'place' as const, m })),
    ...venueCountries.filter((c) => !inLead(c)).map((m) => ({ kind: 'country' as const, m })),
    ...places.filter((p) => !venued(p)).map((m) => ({ kind: 'place' as const, m })),
  ];
  const best = candidates[0];
  if (best?.kind === 'place') {
    const place = best.m as PhraseMatch<Place>;
    ev('location.place', { start: place.start, end: place.end, origin: place.origin });
    if (place.value.country) ev('location.country', { start: place.start, end: place.end, origin: place.origin });
    return { country: place.value.country, place: place.value.place, virtual: false };
  }
  if (best?.kind === 'country') {
    const c = best.m as PhraseMatch<string>;
    ev('location.country', { start: c.start, end: c.end, origin: c.origin });
    return { country: c.value, place: null, virtual: false };
  }
  // A delegation of one side on a trip: the encounter is in the other side's country.
  const visitors = doc.clauseCues.filter((c) => c.value.has('visiting') && !reader.isFuture(c, 4));
  for (const v of visitors) {
    const s = reader.sentence(v.first);
    const c = doc.countries.find((x) => x.first >= v.last && x.first <= v.last + 6 && x.last <= s.last && countries.includes(x.value));
    if (!c) continue;
    const between = doc.tokens.slice(v.last, c.first);
    const toward = doc.clauseCues.some((x) => x.value.has('toward') && x.first >= v.last && x.last <= c.first);
    // "chuyến thăm chính thức Việt Nam", "visit to Cuba", "delegation to Japan": the country visited;
    // "đoàn quân sự cấp cao Cuba", "the Cuban delegation": the visitors' own.
    const delegation = /đoàn|delegation|délégation|delegación|делегац|وفد|delegasi/i.test(v.origin);
    const visited = toward || (between.length <= 2 && !delegation &&
      !doc.clauseCues.some((x) => x.value.has('subject') && x.first >= v.last && x.last <= c.first));
    const host = visited ? c.value : countries.find((x) => x !== c.value) ?? null;
    if (host && countries.length === 2) {
      ev('location.country', { start: v.start, end: c.end, origin: `${v.origin}+country` });
      return { country: host, place: null, virtual: false };
    }
  }
  void drafts;
  return { country: null, place: null, virtual: false };
}

function collectAreas(doc: Doc, ev: (k: string, e: Evidence) => void): Area[] {
  // Words inside a title or an organisation ("Học viện Khoa học quân sự") do not make an area.
  const covered = new Uint8Array(doc.tokens.length);
  for (const w of doc.personWords) for (let k = w.first; k < w.last; k++) covered[k] = 1;
  for (const p of doc.places) for (let k = p.first; k < p.last; k++) covered[k] = 1;
  const found = new Set<Area>();
  for (const a of doc.areas) {
    if (covered[a.first]) continue;
    found.add(a.value);
    ev(`areas.${a.value}`, { start: a.start, end: a.end, origin: a.origin });
  }
  return [...found].sort();
}
