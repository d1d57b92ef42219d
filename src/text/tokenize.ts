import { foldToken } from './fold.js';

/**
 * A token of the cleaned text. Words are runs of letters, marks and digits;
 * any other non-space character is a token of its own, so that lexicon
 * phrases with hyphens or dots (`Bê-la-rút`, `U.S.`) match token by token.
 */
export interface Token {
  text: string;
  /** Folded form (lower case), see fold.ts. */
  key: string;
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

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  // One compiled expression for every call (compiling a Unicode-set expression is not cheap).
  const re = TOKEN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let nextNewline = text.indexOf('\n');
  while ((m = re.exec(text))) {
    const start = m.index;
    const t = m[0];
    let lineStart = tokens.length === 0;
    if (nextNewline >= 0 && nextNewline < start) {
      lineStart = true;
      nextNewline = text.indexOf('\n', start);
    }
    const c = t.charCodeAt(0);
    if ((c >= 0x600 && c <= 0x6ff) || (c < 58 && c >= 48)) {
      if (ARABIC_WITH_DIGITS.test(t)) {
        // "2023م", "الـ14": the number is a token of its own.
        let off = start;
        for (const part of t.match(DIGIT_RUNS)!) {
          tokens.push({ text: part, key: foldToken(part), start: off + offset, end: off + part.length + offset,
            isWord: true, upper: false, lineStart: lineStart && off === start, caseKey: undefined });
          off += part.length;
        }
        last = start + t.length;
        continue;
      }
    }
    // The first group of the expression matched: a word (letters, marks, digits).
    const isWord = m[1] !== undefined;
    const upper = c < 128 ? c >= 65 && c <= 90 : isWord && UPPER_RE.test(t);
    // (Every field is set here, caseKey too, so all tokens share one object shape.)
    tokens.push({ text: t, key: foldToken(t), start: start + offset, end: start + t.length + offset, isWord, upper, lineStart, caseKey: undefined });
    last = start + t.length;
  }
  return tokens;
}

/** Tokenise a lexicon phrase into folded keys (same rules as the text). */
export function phraseKeys(phrase: string, keepCase = false): string[] {
  const out: string[] = [];
  for (const m of phrase.normalize('NFC').matchAll(new RegExp(TOKEN_RE.source, 'gv'))) out.push(foldToken(m[0], keepCase));
  return out;
}
