import type { Token } from '../text/tokenize.js';
import type { LanguagePack } from '../lexicon/language-pack.js';
import type { EditionMention } from '../pipeline/doc.js';

/**
 * Session numbers: "lần thứ 4", "lần thứ tư", "4th", "fourth", "4e", "IVe",
 * "IV", "4.º", "4-й", "الرابع", "الدورة الرابعة". Which mechanism a number
 * belongs to is decided by the assembler from where it stands.
 */

const ROMAN = /^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

export function romanValue(s: string): number | null {
  if (!s || !ROMAN.test(s)) return null;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]];
    const b = v[s[i + 1]] ?? 0;
    total += a < b ? -a : a;
  }
  return total > 0 && total < 200 ? total : null;
}

/** A number written as digits, an upper-case Roman numeral, or an ordinal word, at token i. */
function numberAt(tokens: Token[], i: number, pack: LanguagePack, ordinals: Map<number, { n: number; last: number }>):
  { n: number; last: number; how: string } | null {
  const t = tokens[i];
  if (!t) return null;
  if (/^\d{1,3}$/.test(t.key)) return { n: Number(t.key), last: i + 1, how: 'digits' };
  if (/^[IVXLC]+$/.test(t.text)) {
    const roman = romanValue(t.text);
    if (roman) return { n: roman, last: i + 1, how: 'roman' };
  }
  const o = ordinals.get(i);
  if (o) return { n: o.n, last: o.last, how: 'word' };
  const suffixed = /^(\d{1,3})([\p{L}\p{M}]+)$/u.exec(t.key);
  if (suffixed && pack.ordinalSuffixes.has(suffixed[2])) return { n: Number(suffixed[1]), last: i + 1, how: 'suffix' };
  return null;
}

export function annotateEditions(tokens: Token[], pack: LanguagePack, matches = pack.match(tokens)): EditionMention[] {
  const ordinals = new Map<number, { n: number; last: number }>();
  for (const m of pack.ordinals.of(matches)) ordinals.set(m.first, { n: m.value, last: m.last });
  const out: EditionMention[] = [];
  const taken = new Set<number>();
  const push = (n: number, first: number, last: number, origin: string) => {
    if (n < 1 || n > 150) return;
    out.push({ n, first, last, start: tokens[first].start, end: tokens[last - 1].end, origin });
    for (let k = first; k < last; k++) taken.add(k);
  };

  // Marker + number: "lần thứ 4", "session 4", "الدورة الرابعة".
  for (const m of pack.editionMarkers.of(matches)) {
    const num = numberAt(tokens, m.last, pack, ordinals);
    if (num) push(num.n, m.first, num.last, `${m.origin}+${num.how}`);
  }

  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const t = tokens[i];
    const c0 = t.key.charCodeAt(0);
    const digit = c0 >= 48 && c0 <= 57;
    // Most tokens are words that start with a lower-case letter: no edition can start there
    // unless it is an ordinal word or a Roman numeral (upper case).
    if (!digit && !t.upper && !ordinals.has(i)) continue;
    // "4th", "4e", "4º" in one token.
    const suffixed = /^(\d{1,3})([\p{L}\p{M}]+)$/u.exec(t.key);
    if (suffixed && pack.ordinalSuffixes.has(suffixed[2])) {
      push(Number(suffixed[1]), i, i + 1, `${pack.code}/mechanisms:ordinal-suffix`);
      continue;
    }
    // "4.º", "4-й", "4-го": number, a dot or hyphen, a suffix.
    if (/^\d{1,3}$/.test(t.key) && tokens[i + 2] && (tokens[i + 1].text === '.' || tokens[i + 1].text === '-') &&
        tokens[i + 1].start === t.end && tokens[i + 2].start === tokens[i + 1].end && pack.ordinalSuffixes.has(tokens[i + 2].key)) {
      push(Number(t.key), i, i + 3, `${pack.code}/mechanisms:ordinal-suffix`);
      i += 2;
      continue;
    }
    // Ordinal words standing alone ("fourth", "الرابع"), when the language writes them so.
    const o = ordinals.get(i);
    if (o && !pack.ordinalsNeedMarker) {
      push(o.n, i, o.last, `${pack.code}/mechanisms:ordinal-word`);
      i = o.last - 1;
      continue;
    }
    // Roman numerals ("IV Diálogo", "IVe Dialogue", "XII Reunión") stand as editions; the
    // assembler only keeps them when they touch a mechanism.
    const roman = /^([IVXLC]+)(e|er|ème)?$/.exec(t.text);
    if (roman && roman[1].length <= 6 && !(roman[1].length === 1 && !roman[2] && tokens[i + 1]?.text === '.')) {
      const n = romanValue(roman[1]);
      if (n) push(n, i, i + 1, `${pack.code}/mechanisms:roman`);
    }
  }
  return out.sort((a, b) => a.first - b.first);
}
