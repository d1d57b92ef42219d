/**
 * Folding: the keys under which text and lexicon phrases are compared.
 *
 * Two foldings exist because they answer two different questions:
 * - `foldToken` is for lexicon matching. It keeps every letter distinct but
 *   forgives spelling conventions that carry no meaning: Vietnamese tone-mark
 *   placement (`hoà` / `hòa`), Arabic short vowels and alef variants, `ё`, dash
 *   and quote variants, Arabic-Indic digits.
 * - `foldSearch` is for full-text search typed by a person on any keyboard: all
 *   diacritics go (`doi thoai` finds `Đối thoại`).
 */

// Vietnamese tone marks as combining characters after NFD. Vowel-quality marks
// (circumflex U+0302, breve U+0306, horn U+031B) are letters, not tones, and stay.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const HAS_TONE_OR_NONASCII = /[^\x00-\x7f]/;

const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

const CHAR_MAP: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u00b4': "'",
  '\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627', '\u0671': '\u0627',
  '\u0649': '\u064a', '\u0629': '\u0647', '\u0624': '\u0648', '\u0626': '\u064a',
  '\u0451': '\u0435', '\u0401': '\u0435',
};
const MAPPED_CHARS = new RegExp(`[${Object.keys(CHAR_MAP).join('')}]`, 'g');

function mapChar(c: string): string {
  return CHAR_MAP[c] ?? c;
}

function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String.fromCharCode(48 + (code >= 0x6f0 ? code - 0x6f0 : code - 0x660));
  });
}

const ASCII = /^[\x00-\x7f]*$/;
const tokenCache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Matching key of one token (see module comment). Case is folded unless `keepCase`. */
export function foldToken(token: string, keepCase = false): string {
  // Punctuation and single ASCII characters fold to themselves (or their lower case).
  if (token.length === 1) {
    const c = token.charCodeAt(0);
    if (c < 128) return keepCase || c < 65 || c > 90 ? token : token.toLowerCase();
  }
  const cacheKey = keepCase ? '\u0001' + token : token;
  const hit = tokenCache.get(cacheKey);
  if (hit !== undefined) return hit;
  // Plain ASCII needs no table (most tokens of English, numbers, punctuation).
  if (ASCII.test(token)) {
    const k = keepCase ? token : token.toLowerCase();
    if (tokenCache.size >= CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(cacheKey, k);
    return k;
  }
  let s = keepCase ? token : token.toLowerCase();
  if (HAS_TONE_OR_NONASCII.test(s)) {
    s = asciiDigits(s).replace(MAPPED_CHARS, mapChar).replace(ARABIC_MARKS, '');
    const nfd = s.normalize('NFD');
    const tones = nfd.match(TONE_MARKS);
    if (tones) {
      // The tone is a property of the syllable, not of one vowel: strip it and
      // append it, so every placement convention gives the same key.
      s = nfd.replace(TONE_MARKS, '').normalize('NFC') + tones.join('');
    } else {
      s = nfd.normalize('NFC');
    }
  }
  if (tokenCache.size >= CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(cacheKey, s);
  return s;
}

/** Folding for full-text search: no case, no diacritics, `đ` = `d`. */
export function foldSearch(text: string): string {
  return asciiDigits(text.toLowerCase())
    .replace(MAPPED_CHARS, mapChar)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[ıİ]/g, 'i')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .normalize('NFC');
}

/** Fold a whole string for comparison of titles and names (token-wise, spaces kept). */
export function foldPhrase(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => foldToken(t))
    .join(' ');
}

/**
 * Small integer ids for the folded keys that occur in some lexicon. The trie is keyed by them and
 * every token carries its key's id (-1 for a key no lexicon has), so matching compares integers
 * instead of hashing strings. Ids are only handed out while lexicons load; `lexiconKeyGeneration`
 * tells a cached token spelling that a newly loaded language may have given its key an id.
 */
const lexiconKeys = new Map<string, number>();
export let lexiconKeyGeneration = 0;

export function internLexiconKey(key: string): number {
  let id = lexiconKeys.get(key);
  if (id === undefined) {
    id = lexiconKeys.size;
    lexiconKeys.set(key, id);
    lexiconKeyGeneration++;
  }
  return id;
}

export function lexiconKeyId(key: string): number {
  return lexiconKeys.get(key) ?? -1;
}
