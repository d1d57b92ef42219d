import { boilerplate, foldLine, type Boilerplate } from '../lexicon/language-pack.js';
import { readHtml, isoDatePart } from './html.js';
import type { RawDocument } from '../model.js';
import { wordRuns } from '../text/tokenize.js';

/**
 * Clean stage: the article as a person would copy it from the page, without
 * the page. Rules are general (line shape, position, density) with short
 * per-language marker lists from data/lang/<code>/boilerplate.yaml. Each rule
 * is documented where it is applied; everything that carries facts (captions
 * included) stays.
 */

export interface CleanDocument {
  source: string;
  /** Cleaned text: title, then body paragraphs, separated by blank lines. Evidence offsets point here. */
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  /** What was removed and why, for `attache show --removed` and tests. */
  removed: Array<{ line: string; rule: string }>;
  /** The page says it is an opinion piece ("OPINIÓN", "Góc nhìn" above the headline). */
  opinion: boolean;
}

const SENTENCE_END = /[.!?…。؟]["'”»)\]]*$/u;
// A full date with a year: 29.09.2021, 27/09/2024, 2021-09-29, 2024/05/14, 29-9-2021.
const NUMERIC_DATE = /(?<!\d)(?:(\d{1,2})[./-](\d{1,2})[./-](\d{4})|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))(?!\d)/;
const TIME = /\b\d{1,2}[:h]\d{2}(?::\d{2})?\b/g;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
const DOMAIN = /\b[\w-]+\.(?:vn|com|net|org|gov|int|ru|fr|es|ar|info|news|tv|uk|cn|id|co|edu|mil)\b/i;
const SHORT_LINE = 120;
const BULLETS = new Set([...'•·▪►»›*-–—']);
const CRAWL_HEADER = /^date\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\b\s*(.*)$/i;

// (Most texts have none of these: one scan decides whether the replacements below are needed.)
const ODD_SPACE = /[\r\t\u00a0\u2007\u202f\u3000\u200b\u2060\ufeff\u00ad]/;

export function normalizeText(s: string): string {
  s = s.normalize('NFC');
  if (!ODD_SPACE.test(s)) return s;
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\u3000]/g, ' ')
    .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
    .replace(/\t/g, ' ');
}

function isoFromNumeric(m: RegExpExecArray): string | null {
  const [y, mo, d] = m[3] ? [m[3], m[2], m[1]] : [m[4], m[5], m[6]];
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2019-09`, `2024-09-27T..`, `27/09/2024` -> ISO (possibly partial), else null. */
export function normalizePublished(v: string | null | undefined): string | null {
  if (!v) return null;
  const s = v.trim();
  const m = NUMERIC_DATE.exec(s);
  if (m && m[3]) return isoFromNumeric(m);
  return isoDatePart(s);
}

/**
 * A line that only says when the page was published: a full date with a year,
 * perhaps a clock time, a weekday and a site name, and little else
 * ("Thứ 4, 29.09.2021 | 16:24:29", "VTC News•27/09/2024").
 */
function datelineOf(line: string, c: Compiled): string | null {
  // Every dateline has a four-digit year.
  if (line.length > 90 || !/\d{4}/.test(line)) return null;
  let iso: string | null = null;
  let found = '';
  const m = NUMERIC_DATE.exec(line);
  if (m) {
    iso = isoFromNumeric(m);
    found = m[0];
  } else {
    // "Published Apr 2, 2024, 06:10 PM", "Monday, March 29, 2023 - 10:24", "29 mars 2023 à 10h".
    const w = c.monthDate.exec(line);
    if (w) {
      const [day, name, year] = w[1] ? [w[1], w[2], w[3]] : [w[5], w[4], w[6]];
      const month = c.months.get(foldLine(name));
      if (month) iso = `${year}-${String(month).padStart(2, '0')}-${String(Number(day)).padStart(2, '0')}`;
      found = w[0];
    }
  }
  if (!iso) return null;
  const rest = line.replace(found, ' ').replace(TIME, ' ').replace(c.monthDate, ' ');
  const words = rest.split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 1 || /\d/.test(x));
  // (A Hijri date may stand beside the Gregorian one: "19 شعبان 1446 هـ الموافق 18 فبراير 2025 م".)
  return words.length <= (line.length <= 70 ? 7 : 5) ? iso : null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Marker lists compiled once into regular expressions (one test per line, not one per marker). */
interface Compiled {
  credits: RegExp;
  comments: RegExp;
  inlineCredits: RegExp;
  /** A date written with a month name and a year, in any language with month names. */
  monthDate: RegExp;
  months: Map<string, number>;
}
let compiled: Compiled | null = null;
function compile(bp: Boilerplate): Compiled {
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    credits: new RegExp(`^(?:${[...new Set(bp.credits)].sort(byLength).map(escapeRe).join('|')})`, 'i'),
    comments: new RegExp(`(?:^| )(?:${[...new Set(bp.comments.map((c) => c.trim()))].sort(byLength).map(escapeRe).join('|')})(?: |$)`),
    inlineCredits: inlineCreditRe(bp),
    monthDate: monthDateRe(bp.monthNames),
    months: bp.months,
  };
}

function monthDateRe(names: string[]): RegExp {
  const alt = names.sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  return new RegExp(`(?<!\\p{L})(?:(\\d{1,2})\\.?\\s+(?:de\\s+)?(${alt})\\.?,?\\s+(?:de\\s+)?(\\d{4})|(${alt})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4}))(?!\\p{L})`, 'iu');
}

function creditLine(line: string, c: Compiled): boolean {
  if (line.length > 80) return false;
  const m = c.credits.exec(line);
  if (m) {
    const p = m[0];
    const rest = line.slice(p.length).trim();
    // "Theo ĐCSVN", "Ảnh: PV": a short attribution, not a sentence that starts with the same word.
    if (p.endsWith(':') || (rest.split(/\s+/).length <= 5 && !SENTENCE_END.test(rest))) return true;
  }
  // "HOÀNG VŨ/qdnd.vn": an author and a site.
  return line.split(/\s+/).length <= 6 && DOMAIN.test(line) && !SENTENCE_END.test(line.replace(DOMAIN, ''));
}

function inlineCreditRe(bp: Boilerplate): RegExp {
  const words = bp.credits
    .filter((c) => c.endsWith(':'))
    .map((c) => c.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\s*\\((?:${words.join('|')})\\s*:[^()\\n]{0,80}\\)`, 'giu');
}

function viewCounter(line: string, bp: Boilerplate): boolean {
  if (line.length > 40 || !/\d/.test(line)) return false;
  return bp.views.has(foldLine(line.replace(/[\d.,:]+/g, ' ')));
}

function commentForm(folded: string, length: number, c: Compiled): boolean {
  return length <= 120 && c.comments.test(folded);
}

/** Navigation: several short segments separated by | or •, or a line with no letters at all. */
const NAV_HINT = /[|•·»›>]|\s{3}|\s\/\s/;

/** A short line that starts with a furniture marker ("Share:", "Tags:", "Cỡ chữ"), followed by buttons or links. */
function markerHead(line: string, folded: string, bp: Boilerplate): boolean {
  const colon = line.indexOf(':');
  if (colon > 0 && colon < 30 && bp.lines.has(foldLine(line.slice(0, colon)))) return true;
  const words = folded.split(' ');
  if (words.length > 10) return false;
  let head = words[0];
  if (words.length > 1 && bp.lines.has(head)) return true;
  for (let k = 1; k < Math.min(4, words.length - 1); k++) {
    head += ' ' + words[k];
    if (bp.lines.has(head)) return true;
  }
  return false;
}

/** A line that reads like another article's headline: several words, no sentence ending, not too long. */
function headlineLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 4 && words <= 24 && line.length <= 160 && !SENTENCE_END.test(line) && !/[:;]$/.test(line);
}

function dedupeKey(line: string): string {
  return wordRuns(line.toLowerCase()).join(' ');
}

function navigation(line: string, raw = false): boolean {
  // A line without letters: counters, clock times, codes ("0104", "16:41").
  if (!/\p{L}/u.test(line)) return !/\d/.test(line) || line.length <= 12;
  if (!NAV_HINT.test(line)) return false;
  // In a text dump a menu keeps its items apart with runs of spaces or tabs.
  // Breadcrumbs too: "Accueil > Politique > Défense", "Главная / Политика / Оборона".
  const parts = line.split(raw ? /\s{3,}|\s*[|•·»›>]\s*|\s+\/\s+/ : /\s*[|•·»›>]\s*|\s+\/\s+/).filter(Boolean);
  if (parts.length >= (raw ? 4 : 3)) {
    const avg = parts.reduce((a, p) => a + p.length, 0) / parts.length;
    return avg < 25;
  }
  return false;
}


export function clean(raw: RawDocument): CleanDocument {
  const bp = boilerplate();
  compiled ??= compile(bp);
  const re = compiled;
  let body = raw.body;
  let title = raw.title?.trim() || null;
  let published = normalizePublished(raw.published);
  let url = raw.url ?? null;
  if (raw.format === 'html') {
    const art = readHtml(body);
    body = art.text;
    title ??= art.title;
    published ??= art.published;
  }
  const removed: CleanDocument['removed'] = [];
  const drop = (line: string, rule: string) => removed.push({ line, rule });

  const rawLines = normalizeText(body).split('\n');
  let lines = rawLines.map((l) => (l.includes('  ') ? l.replace(/ {2,}/g, ' ') : l).trim());

  // Crawl dumps open with " date YYYY-MM" (the crawl's publication month).
  const firstIdx = lines.findIndex((l) => l !== '');
  if (firstIdx >= 0) {
    const m = CRAWL_HEADER.exec(lines[firstIdx]);
    if (m) {
      published ??= normalizePublished(m[1]);
      drop(`date ${m[1]}`, 'crawl-header');
      lines[firstIdx] = m[2].trim();
    }
  }

  const kept: string[] = [];
  const seen = new Set<string>();
  let keptChars = 0;
  for (let i = 0; i < lines.length; i++) {
    // Bullets and share glyphs before a marker ("• Click để copy").
    let line = BULLETS.has(lines[i].charAt(0)) ? lines[i].replace(/^[•·▪►»›*\-–—]+\s*/u, '').trim() : lines[i];
    if (!line) continue;
    // Markers, counters and form prompts are short lines: only those need folding.
    const short = line.length <= SHORT_LINE;
    const folded = short ? foldLine(line) : '';
    if (short && bp.tail.has(folded) && keptChars >= 300) {
      // Everything after "Tin mới" / "Related" is other articles' headlines.
      drop(lines.slice(i).filter(Boolean).join(' / ').slice(0, 200), 'related-tail');
      break;
    }
    if (short && (bp.lines.has(folded) || bp.tail.has(folded))) {
      drop(line, 'marker');
      continue;
    }
    // "Compartir: Facebook Twitter", "Теги: армия, флот", "Cỡ chữ A A A": a marker and its buttons or links.
    if (short && line.length <= 100 && markerHead(line, folded, bp)) {
      drop(line, 'marker');
      continue;
    }
    if (URL_LINE.test(line)) {
      url ??= line;
      drop(line, 'url');
      continue;
    }
    const dateline = datelineOf(line, re);
    if (dateline) {
      published ??= dateline;
      drop(line, 'dateline');
      continue;
    }
    // "Сегодня, 19:55   Просмотров: 8 417   Комментарии: 23": counters among the page's other items.
    if (viewCounter(line, bp) || (line.length <= 100 && rawLines[i].split(/\s{3,}|\s*[|•·]\s*/).some((part) => viewCounter(part.trim(), bp)))) {
      drop(line, 'view-counter');
      continue;
    }
    if (short && commentForm(folded, line.length, re)) {
      drop(line, 'comment-form');
      continue;
    }
    if (creditLine(line, re)) {
      drop(line, 'credit');
      continue;
    }
    if (line.length <= 300 && (navigation(line) || (rawLines[i].length !== line.length && navigation(rawLines[i].trim(), true)))) {
      drop(line, 'navigation');
      continue;
    }
    if (line.includes('(') && line.includes(':')) {
      const stripped = line.replace(re.inlineCredits, '').trim();
      if (stripped !== line) {
        drop(line.slice(stripped.length), 'inline-credit');
        line = stripped;
      }
    }
    // (Compared without case and punctuation: "Caption." and "Caption " are the same caption;
    // a long paragraph is compared as written.)
    const key = line.length <= SHORT_LINE ? dedupeKey(line) : line;
    if (!line) continue;
    // A caption printed twice (under the photo and in the gallery) is kept once.
    if (seen.has(key)) {
      drop(line, 'duplicate');
      continue;
    }
    seen.add(key);
    kept.push(line);
    keptChars += line.length;
  }

  // A tail of other articles' headlines with no marker before it: two or more headline-like lines
  // closing the page (bylines between them and the article go too).
  let end = kept.length;
  while (end > 1 && headlineLike(kept[end - 1])) end--;
  if (kept.length - end >= 2 && end >= 2) {
    while (end > 1 && kept[end - 1].split(/\s+/).length <= 3 && !SENTENCE_END.test(kept[end - 1])) end--;
    drop(kept.slice(end).join(' / ').slice(0, 200), 'headline-tail');
    kept.length = end;
  }
  // Section labels above the headline ("Politique", "Thời sự"): one or two words, alone on their line.
  let opinion = false;
  const labelWords = (l: string) => l.split(/[\s/|>»]+/).filter((w) => /\p{L}/u.test(w)).length;
  while (kept.length > 2 && !title && labelWords(kept[0]) <= 2 && !SENTENCE_END.test(kept[0]) && kept[1].length > kept[0].length) {
    if (bp.opinion.has(foldLine(kept[0]))) opinion = true;
    drop(kept.shift()!, 'section-label');
  }
  // A masthead above the headline ("Nhan Dan Online", "Prensa Latina"): a few words, then a longer
  // headline, then the body.
  while (kept.length > 3 && !title && labelWords(kept[0]) <= 4 && !/\d/.test(kept[0]) && !SENTENCE_END.test(kept[0]) &&
    headlineLike(kept[1]) && kept[1].length > kept[0].length * 1.5 && kept[2].length > kept[1].length) {
    drop(kept.shift()!, 'masthead');
  }
  // The first line of a crawl dump is the headline when it reads like one.
  if (!title && kept.length > 1 && kept[0].length <= 250 && !SENTENCE_END.test(kept[0])) title = kept[0];
  if (title && kept.length && foldLine(kept[0]) !== foldLine(title)) {
    const tKey = foldLine(title);
    // (Only lines of about the title's length can fold to it: no need to fold every paragraph.)
    const idx = kept.findIndex((l) => Math.abs(l.length - title!.length) <= title!.length / 2 + 10 && foldLine(l) === tKey);
    if (idx > 0) kept.splice(idx, 1);
    kept.unshift(title);
  }
  return { source: raw.source, text: kept.join('\n\n'), title, published, url, removed, opinion };
}

