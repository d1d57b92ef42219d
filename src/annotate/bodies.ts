import type { Token } from '../text/tokenize.js';
import type { LanguagePack } from '../lexicon/language-pack.js';
import type { PhraseMatch } from '../lexicon/matcher.js';
import type { MechanismKind } from '../model.js';
import type { EditionMention } from '../pipeline/doc.js';

/**
 * Recurring bodies the lexicon does not list, recognised by their session number: a numbered,
 * capitalised name with a head word ("the 56th Malaysia-Thailand General Border Committee",
 * "la 25.ª reunión del Comité Permanente de Seguridad"). A number says the body meets again and
 * again; capitals say it has a name. Head words and their kinds are language data
 * (`named_body_heads` in mechanisms.yaml); English puts the head last, French and Spanish first.
 */

/** Tokens a numbered name may run over. */
const MAX_NAME = 10;
/** Lower-case words between the number and a head-first name ("réunion du", "reunión del"). */
const MAX_LEAD_IN = 3;

export function numberedBodies(tokens: Token[], pack: LanguagePack, editions: EditionMention[],
  known: PhraseMatch<MechanismKind>[]): PhraseMatch<MechanismKind>[] {
  if (pack.caseless || !pack.namedBodyHeads.size) return [];
  const small = pack.agreementTitleSmallWords;
  const taken = new Uint8Array(tokens.length);
  for (const m of known) for (let k = m.first; k < m.last; k++) taken[k] = 1;
  const out: PhraseMatch<MechanismKind>[] = [];
  /** The head starting at token k: its kind and end, or null (capitalised, as written). */
  const headAt = (k: number): { kind: MechanismKind; last: number } | null => {
    for (const [words, kind] of pack.namedBodyHeads) {
      if (k + words.length > tokens.length) continue;
      if (words.every((w, j) => tokens[k + j].text === w)) return { kind, last: k + words.length };
    }
    return null;
  };
  const nameWord = (t: Token) => (t.isWord && t.upper) || t.text === '-' || t.text === '/' || t.text === '&';
  const push = (first: number, last: number, kind: MechanismKind) => {
    for (let k = first; k < last; k++) if (taken[k]) return;
    out.push({ value: kind, first, last, start: tokens[first].start, end: tokens[last - 1].end,
      origin: `${pack.code}/mechanisms:named_body_heads` });
    for (let k = first; k < last; k++) taken[k] = 1;
  };
  for (const e of editions) {
    let j = e.last;
    if (tokens[j] && small.has(tokens[j].key) && !tokens[j].upper) j++;
    if (pack.namedBodyHeadLast) {
      // "56th Malaysia-Thailand General Border Committee": capitalised words up to the last head.
      let end = -1;
      let kind: MechanismKind | null = null;
      for (let k = j; k < Math.min(tokens.length, j + MAX_NAME); k++) {
        const t = tokens[k];
        if (!nameWord(t) && !(small.has(t.key) && k > j && tokens[k + 1] && tokens[k + 1].upper)) break;
        const h = headAt(k);
        if (h) {
          end = h.last;
          kind = h.kind;
          k = h.last - 1;
        }
      }
      if (kind && end > j) push(j, end, kind);
    } else {
      // "25.ª reunión del Comité Permanente de Seguridad": a few lower-case words, the head, its name.
      let k = j;
      while (k < j + MAX_LEAD_IN && tokens[k] && tokens[k].isWord && !tokens[k].upper) k++;
      const h = headAt(k);
      if (!h) continue;
      let last = h.last;
      for (let x = h.last; x < Math.min(tokens.length, h.last + MAX_NAME); x++) {
        const t = tokens[x];
        if (nameWord(t)) last = x + 1;
        else if (!small.has(t.key)) break;
      }
      push(k, last, h.kind);
    }
  }
  return out;
}
