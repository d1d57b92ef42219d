import { createHash } from 'node:crypto';
import { clean, type CleanDocument } from './clean.js';
import { detectLanguage } from './language.js';
import { segment } from './segment.js';
import { tokenize } from '../text/tokenize.js';
import { languagePack, availableLanguages, type LanguagePack } from '../lexicon/language-pack.js';
import { emptyLayers, type Doc } from './doc.js';
import { annotate } from '../annotate/index.js';
import { assemble } from '../assemble/index.js';
import type { ExtractionRecord, RawDocument } from '../model.js';

/**
 * The pipeline, stage by stage: decode (readers) -> clean -> detect language ->
 * segment -> annotate -> assemble. Each stage is a function of its input;
 * `extract` only composes them.
 */

export function documentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

let supported: Set<string> | null = null;
function packFor(language: string): LanguagePack | null {
  supported ??= new Set(availableLanguages());
  return supported.has(language) ? languagePack(language) : null;
}

/** Build the document object from cleaned text (tokens, sentences, annotation layers). */
export function buildDoc(c: CleanDocument, language: string): Doc {
  const tokens = tokenize(c.text);
  const hasTitle = Boolean(c.title) && c.text.startsWith(c.title!);
  const pack = packFor(language);
  const { sentences, sentenceOf } = segment(c.text, tokens, hasTitle, pack?.abbreviations);
  return {
    source: c.source,
    text: c.text,
    title: c.title,
    published: c.published,
    url: c.url,
    language,
    opinion: c.opinion,
    pack,
    tokens,
    sentences,
    sentenceOf,
    ...emptyLayers(),
  };
}

export interface ExtractOptions {
  withText?: boolean;
  /** Force a language instead of detecting it. */
  language?: string;
}

export interface Extraction {
  record: ExtractionRecord;
  doc: Doc;
  cleaned: CleanDocument;
}

export function extractDocument(raw: RawDocument, opts: ExtractOptions = {}): Extraction {
  const cleaned = clean(raw);
  const language = opts.language ?? detectLanguage(cleaned.text);
  const doc = annotate(buildDoc(cleaned, language));
  const events = assemble(doc);
  const record: ExtractionRecord = {
    document: {
      id: documentId(cleaned.text),
      source: raw.source,
      language,
      published: cleaned.published,
      title: cleaned.title,
      url: cleaned.url,
      ...(opts.withText ? { text: cleaned.text } : {}),
    },
    events,
  };
  return { record, doc, cleaned };
}

export function extract(raw: RawDocument, opts: ExtractOptions = {}): ExtractionRecord {
  return extractDocument(raw, opts).record;
}
