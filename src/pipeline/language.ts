import { francAll } from 'franc-min';

/**
 * Language stage: franc (trigram profiles, maintained by the unified
 * collective) on the cleaned text, mapped to ISO 639-1. franc-min knows the 82
 * most spoken languages; Indonesian and Malay share most trigrams, so a close
 * call between them is settled by a handful of words only one of them uses.
 */

const ISO3_TO_1: Record<string, string> = {
  vie: 'vi', eng: 'en', arb: 'ar', ara: 'ar', fra: 'fr', spa: 'es', rus: 'ru', ind: 'id', zlm: 'ms', cmn: 'zh',
  por: 'pt', deu: 'de', ita: 'it', nld: 'nl', pol: 'pl', ukr: 'uk', tur: 'tr', pes: 'fa', jpn: 'ja', kor: 'ko',
  tha: 'th', khm: 'km', lao: 'lo', hin: 'hi', ben: 'bn', urd: 'ur', swh: 'sw', tgl: 'tl', ron: 'ro', hun: 'hu',
  ces: 'cs', ell: 'el', swe: 'sv', bul: 'bg', srp: 'sr', hrv: 'hr', bel: 'be', kaz: 'kk', uzn: 'uz', azj: 'az',
  heb: 'he', amh: 'am', hau: 'ha', yor: 'yo', ibo: 'ig', zul: 'zu', som: 'so', mya: 'my', sin: 'si', tam: 'ta',
  tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml', pan: 'pa', npi: 'ne', ckb: 'ku', kin: 'rw', mad: 'mad',
  sun: 'su', jav: 'jv', ceb: 'ceb', ilo: 'ilo', hat: 'ht', nya: 'ny', sna: 'sn', xho: 'xh', tuk: 'tk', uig: 'ug',
};

// Words frequent in Indonesian news and rare in Malay news.
const INDONESIAN = /\b(tidak|bisa|sejumlah|mengatakan|Indonesia|TNI|Kemhan|Menhan|Panglima|Tiongkok|Amerika Serikat)\b/gi;
const MALAY = /\b(kerajaan|boleh|ialah|daripada|kerana|beliau|Malaysia|ATM|Kementerian Pertahanan Malaysia)\b/gi;

// The headline and lead are enough to tell the language, and franc's cost grows with the sample.
const SAMPLE = 300;
const SHORT_SAMPLE = 140;
// Languages of news an analyst of defence diplomacy meets: comparing with these only (not the
// long tail of franc's list) keeps detection fast and avoids rare look-alikes.
const CANDIDATES = ['vie', 'eng', 'arb', 'fra', 'spa', 'rus', 'ind', 'zlm', 'cmn', 'por', 'deu', 'ita', 'nld', 'pol',
  'ukr', 'tur', 'pes', 'urd', 'hin', 'bel', 'bul', 'srp', 'hrv', 'bos', 'kaz', 'uzn', 'azj', 'tgl', 'ron', 'ces',
  'hun', 'swe', 'swh', 'hau', 'jpn', 'kor', 'tha', 'khm', 'lao', 'ell', 'heb', 'mya', 'kat', 'hye', 'amh', 'ben', 'tam'];

// Letters that only the Vietnamese alphabet has: their presence narrows franc's comparison
// to the Latin-script languages a Vietnamese report could be confused with.
const VIETNAMESE_LETTERS = /[ăơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const NEAR_VIETNAMESE = ['vie', 'eng', 'fra', 'ind', 'spa', 'por', 'tgl'];
const ARABIC_SCRIPT = ['arb', 'pes', 'urd'];
const CYRILLIC = ['rus', 'ukr', 'bel', 'bul', 'srp', 'kaz'];

/** franc's candidates for this sample, from the letters it is written in. */
function candidatesFor(sample: string): string[] {
  const vi = sample.match(VIETNAMESE_LETTERS)?.length ?? 0;
  if (vi >= 8) return NEAR_VIETNAMESE;
  const arabic = sample.match(/[\u0600-\u06ff]/g)?.length ?? 0;
  const cyrillic = sample.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 1;
  if (arabic > letters / 2) return ARABIC_SCRIPT;
  if (cyrillic > letters / 2) {
    // A few letters tell Cyrillic alphabets apart where trigrams of a short sample may not:
    // ы э ё are Russian (and Belarusian), never Bulgarian, Ukrainian or Serbian.
    if (/[ыэё]/i.test(sample)) return ['rus', 'bel', 'kaz'];
    if (/[іїєґ]/i.test(sample)) return ['ukr', 'bel'];
    return CYRILLIC;
  }
  return CANDIDATES;
}

export function detectLanguage(text: string): string {
  let sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const only = candidatesFor(sample);
  // Vietnamese letters already narrow the field to a few languages: a shorter sample decides.
  if (only === NEAR_VIETNAMESE && sample.length > SHORT_SAMPLE) sample = sample.slice(0, SHORT_SAMPLE);
  const scores = francAll(sample, { minLength: 10, only });
  const [top, score] = scores[0] ?? ['und', 0];
  if (top === 'und') return scriptGuess(sample);
  if ((top === 'zlm' || top === 'ind') && score > 0) {
    const id = (sample.match(INDONESIAN) ?? []).length;
    const ms = (sample.match(MALAY) ?? []).length;
    return ms > id / 2 ? 'ms' : 'id';
  }
  return ISO3_TO_1[top] ?? top;
}

/** Too short for trigrams: the script decides where it is unambiguous. */
function scriptGuess(s: string): string {
  if (/[\u0600-\u06ff]/.test(s)) return 'ar';
  if (/[\u0400-\u04ff]/.test(s)) return 'ru';
  if (/[\u4e00-\u9fff]/.test(s)) return 'zh';
  if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(s)) return 'vi';
  return 'und';
}
