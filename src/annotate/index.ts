import type { Doc } from '../pipeline/doc.js';
import { annotateDates } from './dates.js';
import { annotateEditions } from './editions.js';
import { annotatePersons } from './persons.js';

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
  doc.countries = pack.countries.matchAll(t);
  doc.places = pack.places.matchAll(t);
  doc.ranks = pack.ranks.matchAll(t);
  doc.personWords = pack.personWords.matchAll(t);
  doc.cues = pack.cues.matchAll(t);
  doc.clauseCues = pack.clauseCues.matchAll(t);
  doc.mechanisms = pack.mechanisms.matchAll(t);
  doc.areas = pack.areas.matchAll(t);
  doc.agreementKinds = pack.agreementKinds.matchAll(t);
  doc.dates = annotateDates(t, pack);
  doc.editions = annotateEditions(t, pack);

  const other = [...doc.places, ...doc.mechanisms, ...doc.dates, ...doc.cues, ...doc.agreementKinds];
  const leadCues = doc.clauseCues.filter((c) => c.value.has('lead'));
  doc.persons = annotatePersons(t, doc.sentences, doc.sentenceOf, {
    ranks: doc.ranks,
    personWords: doc.personWords,
    countries: doc.countries,
    other,
    leadCues,
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
