import type { Token } from '../text/tokenize.js';
import type { Sentence } from './doc.js';

/**
 * Segment stage: paragraphs are the lines of the cleaned text; sentences end
 * at . ! ? ؟ … when what follows starts a new sentence. Abbreviations that
 * come before names (Gen., Lt., Mr., Dr.) and single initials do not end one.
 */

const ENDERS = new Set(['.', '!', '?', '؟', '…', '。', '！', '？']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'adm', 'sen', 'st', 'no', 'vol', 'jr', 'sr',
  'brig', 'cmdr', 'cdr', 'sgt', 'rep', 'gov', 'prof', 'mme', 'mlle', 'm', 'sr', 'sra', 'dña', 'gral', 'ген', 'г',
  'tp', 'ts', 'pgs', 'ths', 'th', 'ing', 'lic', 'excmo', 'vs', 'etc', 'u', 's', 'e', 'v', 'd', 'c', 'co', 'inc', 'ltd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'pres', 'min', 'amb', 'hon',
]);

export function segment(text: string, tokens: Token[], hasTitle: boolean, abbreviations?: Set<string>): { sentences: Sentence[]; sentenceOf: Int32Array } {
  const sentences: Sentence[] = [];
  const sentenceOf = new Int32Array(tokens.length);
  let paragraph = -1;
  let startTok = 0;

  const close = (endTok: number) => {
    if (endTok <= startTok) return;
    const first = startTok;
    const start = tokens[first].start;
    const end = tokens[endTok - 1].end;
    sentences.push({
      index: sentences.length,
      start,
      end,
      first,
      last: endTok,
      paragraph,
      isTitle: hasTitle && paragraph === 0,
      isCaption: false,
    });
    for (let k = first; k < endTok; k++) sentenceOf[k] = sentences.length - 1;
    startTok = endTok;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.lineStart) {
      close(i);
      paragraph++;
      startTok = i;
    }
    if (!ENDERS.has(t.text)) continue;
    const next = tokens[i + 1];
    if (!next || next.lineStart) continue;
    // "29.09.2021", "U.S.": no space after the dot, not a boundary.
    if (next.start === t.end && t.text === '.') continue;
    const prev = tokens[i - 1];
    if (t.text === '.' && prev && prev.isWord) {
      const k = prev.key;
      if (ABBREVIATIONS.has(k) || abbreviations?.has(k) || (prev.text.length === 1 && prev.upper)) continue;
    }
    // The next sentence starts with a capital, a digit, a quote or a caseless letter.
    if (next.isWord && !next.upper && /^\p{Ll}/u.test(next.text)) continue;
    close(i + 1);
  }
  close(tokens.length);

  // Captions: a paragraph of one short sentence (under a photo, or a subheading).
  const byParagraph = new Map<number, Sentence[]>();
  for (const s of sentences) {
    const list = byParagraph.get(s.paragraph) ?? [];
    list.push(s);
    byParagraph.set(s.paragraph, list);
  }
  for (const list of byParagraph.values()) {
    if (list.length !== 1) continue;
    const s = list[0];
    if (!s.isTitle && s.end - s.start < 160) s.isCaption = true;
  }
  void text;
  return { sentences, sentenceOf };
}
