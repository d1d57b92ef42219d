import type { Doc } from '../pipeline/doc.js';
import { annotateDates } from './dates.js';
import { annotateEditions } from './editions.js';
import { annotatePersons } from './persons.js';
import { numberedBodies } from './bodies.js';

/**
 * Annotate stage: every lexicon layer over the tokens, then dates, session
 * numbers and people. Each layer keeps its own spans; conflicts between layers
 * are settled where they matter (a country word inside a person's name is the
 * name, see the end of this function).
 */
export function annotate(doc: Doc): Doc {
  const pack = doc.pack;
  if (!pack) return doc;
  const t = doc.tokens;
  // One pass of the language's whole lexicon over the tokens serves every layer.
  const m = (doc.matches = pack.match(t));
  doc.countries = pack.countries.of(m);
  doc.places = pack.places.of(m);
  doc.ranks = pack.ranks.of(m);
  doc.personWords = pack.personWords.of(m);
  doc.cues = pack.cues.of(m);
  doc.clauseCues = pack.clauseCues.of(m);
  // A mechanism inside a longer office is that office's body ("نائب أمين اللجنة العسكرية المركزية",
  // Deputy Secretary of the Central Military Commission), not a meeting of it.
  doc.mechanisms = pack.mechanisms.of(m).filter((x) => !doc.personWords.some((p) =>
    p.first <= x.first && p.last >= x.last && p.last - p.first > x.last - x.first));
  doc.areas = pack.areas.of(m);
  doc.agreementKinds = pack.agreementKinds.of(m);
  doc.dates = annotateDates(t, pack, m);
  doc.editions = annotateEditions(t, pack, m);
  const bodies = numberedBodies(t, pack, doc.editions, doc.mechanisms);
  if (bodies.length) doc.mechanisms = [...doc.mechanisms, ...bodies].sort((a, b) => a.first - b.first);

  const other = [...doc.places, ...doc.mechanisms, ...doc.dates, ...doc.cues, ...doc.agreementKinds];
  const leadCues = doc.clauseCues.filter((c) => c.value.has('lead'));
  doc.persons = annotatePersons(t, doc.sentences, doc.sentenceOf, {
    ranks: doc.ranks,
    personWords: doc.personWords,
    countries: doc.countries,
    other,
    leadCues,
    nameStop: pack.nameStop.of(m),
    // ("Ambassador of Japan to India": a state after "to" is where the person is posted, too.)
    venues: doc.clauseCues.filter((c) => c.value.has('venue') || c.value.has('toward')),
    places: doc.places,
  }, pack);

  // A country word inside a name ("Nguyễn Văn Anh") is part of the name.
  if (doc.persons.length) {
    const inName = new Uint8Array(t.length);
    for (const p of doc.persons) for (let k = p.first; k < p.last; k++) inName[k] = 1;
    doc.countries = doc.countries.filter((c) => !inName[c.first]);
    doc.places = doc.places.filter((c) => !inName[c.first]);
  }
  return doc;
}
