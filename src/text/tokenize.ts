import { foldToken, lexiconKeyId, lexiconKeyGeneration } from './fold.js';

/**
 * A token of the cleaned text. Words are runs of letters, marks and digits;
 * any other non-space character is a token of its own, so that lexicon
 * phrases with hyphens or dots (`Bê-la-rút`, `U.S.`) match token by token.
 */
export interface Token {
  text: string;
  /** Folded form (lower case), see fold.ts. */
  key: string;
  /** The folded form's lexicon key id (-1 when no lexicon has it), see fold.ts. */
  keyId: number;
  start: number;
  end: number;
  isWord: boolean;
  /** First character is an upper-case letter. */
  upper: boolean;
  /** A line break (paragraph or caption boundary) precedes this token. */
  lineStart: boolean;
  /** Folded with case kept, for case-sensitive lexicon entries (computed when first needed). */
  caseKey?: string;
}

// Han characters are tokens of one character each: Chinese writes no spaces, so
// phrases are matched character by character. Digits and Arabic letters written
// together ("2023م", "الـ14") are separate tokens too.
// (The `v` flag allows the set difference; Node 20 has it, TypeScript's target does not know it.)
const TOKEN_RE = new RegExp(String.raw`(\p{Script=Han}|[[\p{L}\p{M}\p{N}]--\p{Script=Han}]+)|[^\s\p{L}\p{M}\p{N}]`, 'gv');
const ARABIC_WITH_DIGITS = /[\u0600-\u06ff][\u064b-\u065f\u0640]*[0-9\u0660-\u0669]|[0-9\u0660-\u0669][\u0600-\u06ff]/;
const DIGIT_RUNS = /[0-9\u0660-\u0669]+|[^0-9\u0660-\u0669]+/g;
const UPPER_RE = /^\p{Lu}/u;

/**
 * Character classes for the tokenizer, decided once per code point with the same Unicode
 * properties as TOKEN_RE and cached: scanning char codes is several times faster than running
 * a Unicode-set expression over every document, and tokenizing is the hottest loop of extraction.
 */
const SPACE = 0;
const WORD = 1;
const HAN = 2;
const OTHER = 3;
const bmpClass = new Int8Array(0x10000).fill(-1);
const SPACE_RE = /^\s$/u;
const HAN_RE = /^\p{Script=Han}$/u;
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return SPACE_RE.test(ch) ? SPACE : HAN_RE.test(ch) ? HAN : WORD_RE.test(ch) ? WORD : OTHER;
}
function classOf(cp: number): number {
  if (cp < 0x10000) {
    let k = bmpClass[cp];
    if (k < 0) bmpClass[cp] = k = classify(cp);
    return k;
  }
  return classify(cp);
}
for (let cp = 0; cp < 128; cp++) bmpClass[cp] = classify(cp);

/** The code point at index i (a character outside the BMP is two UTF-16 units; a lone surrogate is itself). */
function codePoint(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? s.codePointAt(i)! : c;
}

/**
 * Token spellings seen before, by a hash of their characters computed during the scan. A
 * report's vocabulary repeats (within it and across a corpus), so most tokens are found here
 * without cutting a new string out of the text, hashing it again and folding it again: the
 * token then shares the one string, key and case flag of its first occurrence.
 */
interface Spelling {
  text: string;
  hash: number;
  key: string;
  keyId: number;
  /** The lexicon generation `keyId` was read in. */
  generation: number;
  upper: boolean;
  /** An Arabic word written with digits ("2023م"): split, not interned. */
  split: boolean;
}
// Open addressing over a typed array (slot -> index in `spellingList`, -1 when empty): a probe
// is an array read, cheaper than a Map lookup for every token of every document.
const SLOTS = 1 << 18;
const SPELLING_LIMIT = SLOTS >> 1;
const slots = new Int32Array(SLOTS).fill(-1);
let spellingList: Spelling[] = [];

function spelling(text: string, start: number, end: number, hash: number, isWord: boolean): Spelling {
  const len = end - start;
  let slot = hash & (SLOTS - 1);
  for (let at = slots[slot]; at >= 0; at = slots[slot]) {
    const e = spellingList[at];
    if (e.hash === hash && e.text.length === len && text.startsWith(e.text, start)) return current(e);
    slot = (slot + 1) & (SLOTS - 1);
  }
  const t = text.slice(start, end);
  const c = t.charCodeAt(0);
  const split = isWord && ((c >= 0x600 && c <= 0x6ff) || (c < 58 && c >= 48)) && ARABIC_WITH_DIGITS.test(t);
  const key = foldToken(t);
  const e: Spelling = { text: t, hash, key, keyId: lexiconKeyId(key), generation: lexiconKeyGeneration,
    upper: c < 128 ? c >= 65 && c <= 90 : isWord && UPPER_RE.test(t), split };
  if (spellingList.length >= SPELLING_LIMIT) {
    // A bounded memory: start again (the vocabulary in use comes back within a few documents).
    slots.fill(-1);
    spellingList = [];
    slot = hash & (SLOTS - 1);
  }
  slots[slot] = spellingList.length;
  spellingList.push(e);
  return e;
}

function current(e: Spelling): Spelling {
  if (e.generation !== lexiconKeyGeneration) {
    e.keyId = lexiconKeyId(e.key);
    e.generation = lexiconKeyGeneration;
  }
  return e;
}

/** The lexicon generation each token list's key ids were read in (see `currentKeyIds`). */
const listGeneration = new WeakMap<Token[], number>();

/**
 * Make sure a token list's key ids know every lexicon loaded so far: a language pack loaded after
 * the text was tokenized (the first document in that language) adds keys.
 */
export function currentKeyIds(tokens: Token[]): Token[] {
  if (listGeneration.get(tokens) === lexiconKeyGeneration) return tokens;
  for (const t of tokens) t.keyId = lexiconKeyId(t.key);
  listGeneration.set(tokens, lexiconKeyGeneration);
  return tokens;
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const len = text.length;
  let newline = true;
  let i = 0;
  while (i < len) {
    const cp = codePoint(text, i);
    const w = cp > 0xffff ? 2 : 1;
    const k = classOf(cp);
    if (k === SPACE) {
      if (cp === 10) newline = true;
      i += w;
      continue;
    }
    const start = i;
    let hash = cp;
    i += w;
    if (k === WORD) {
      while (i < len) {
        const c2 = codePoint(text, i);
        const w2 = c2 > 0xffff ? 2 : 1;
        if (classOf(c2) !== WORD) break;
        // (Kept within 30 bits: a small integer key, not a heap number, for the Map.)
        hash = (Math.imul(hash, 31) + c2) & 0x3fffffff;
        i += w2;
      }
    }
    const lineStart = newline;
    newline = false;
    // Words are runs of letters, marks and digits (a Han character is a word of its own).
    const isWord = k !== OTHER;
    const sp = spelling(text, start, i, hash, isWord);
    if (sp.split) {
      // "2023م", "الـ14": the number is a token of its own.
      let off = start;
      for (const part of sp.text.match(DIGIT_RUNS)!) {
        const key = foldToken(part);
        tokens.push({ text: part, key, keyId: lexiconKeyId(key), start: off + offset, end: off + part.length + offset,
          isWord: true, upper: false, lineStart: lineStart && off === start, caseKey: undefined });
        off += part.length;
      }
      continue;
    }
    // (Every field is set here, caseKey too, so all tokens share one object shape.)
    tokens.push({ text: sp.text, key: sp.key, keyId: sp.keyId, start: start + offset, end: i + offset, isWord, upper: sp.upper, lineStart, caseKey: undefined });
  }
  listGeneration.set(tokens, lexiconKeyGeneration);
  return tokens;
}

/**
 * The runs of letters, marks and digits of a string (what `split(/[^\p{L}\p{M}\p{N}]+/u)` keeps),
 * by the tokenizer's cached character classes: line-level folding in the cleaner calls this on
 * every short line of every page.
 */
export function wordRuns(s: string): string[] {
  const out: string[] = [];
  const len = s.length;
  let start = -1;
  let i = 0;
  while (i < len) {
    const cp = codePoint(s, i);
    const w = cp > 0xffff ? 2 : 1;
    const k = classOf(cp);
    if (k === WORD || k === HAN) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
    i += w;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** Tokenise a lexicon phrase into folded keys (same rules as the text). */
export function phraseKeys(phrase: string, keepCase = false): string[] {
  const out: string[] = [];
  for (const m of phrase.normalize('NFC').matchAll(new RegExp(TOKEN_RE.source, 'gv'))) out.push(foldToken(m[0], keepCase));
  return out;
}
