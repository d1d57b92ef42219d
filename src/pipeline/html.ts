import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

/**
 * HTML reader: the article body as plain text with one line per block, the
 * title, and the publication date from page metadata. Mozilla Readability
 * picks the article; when it finds none (a short page), the whole body is used
 * and the text cleaner removes the furniture.
 */

export interface HtmlArticle {
  title: string | null;
  published: string | null;
  text: string;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TD', 'TH', 'TR', 'UL', 'CAPTION',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT']);

/** Text of a DOM subtree, one line per block element. */
export function blockText(root: any): string {
  const out: string[] = [];
  const walk = (node: any) => {
    if (node.nodeType === 3) {
      out.push(String(node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = String(node.tagName ?? '').toUpperCase();
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) out.push('\n');
    for (const child of node.childNodes ?? []) walk(child);
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n');
}

function meta(document: any, ...names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"]`) ?? document.querySelector(`meta[name="${n}"]`) ??
      document.querySelector(`meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return null;
}

function jsonLdDate(document: any): string | null {
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findKey(JSON.parse(s.textContent ?? ''), 'datePublished');
      if (found) return found;
    } catch {
      // A broken JSON-LD block is common and says nothing about the article.
    }
  }
  return null;
}

function findKey(v: unknown, key: string): string | null {
  if (Array.isArray(v)) {
    for (const x of v) {
      const f = findKey(x, key);
      if (f) return f;
    }
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o[key] === 'string') return o[key] as string;
    for (const x of Object.values(o)) {
      const f = findKey(x, key);
      if (f) return f;
    }
  }
  return null;
}

/** `2023-03-29T10:00:00+07:00` -> `2023-03-29` (the local calendar date written by the site). */
export function isoDatePart(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v.trim());
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

function siteTitle(raw: string | null): string | null {
  if (!raw) return null;
  // "Headline | Site" and "Headline - Site": keep the longest part.
  const parts = raw.split(/\s+[|–—-]\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return raw.trim();
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/** A fragment or a broken page parses as a whole document once wrapped. */
function parsePage(html: string) {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const parsed = parseHTML(page);
  if (!parsed.document.documentElement) return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return parsed;
}

export function readHtml(html: string): HtmlArticle {
  const { document } = parsePage(html);
  const published = isoDatePart(
    meta(document, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate',
      'date', 'DC.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date') ??
      jsonLdDate(document) ??
      document.querySelector('time[datetime]')?.getAttribute('datetime'),
  );
  const h1 = document.querySelector('h1')?.textContent?.trim() || null;
  const title = meta(document, 'og:title', 'twitter:title') ?? h1 ?? siteTitle(document.querySelector('title')?.textContent ?? null);

  let text = '';
  try {
    // Readability mutates the document; the metadata above was read first.
    const article = new Readability(document as any, { charThreshold: 200 }).parse();
    if (article?.content) text = blockText(parseHTML(`<html><body>${article.content}</body></html>`).document.body);
  } catch {
    text = '';
  }
  if (text.length < 200) {
    try {
      const again = parsePage(html).document;
      text = blockText(again.body ?? again);
    } catch {
      // A page the DOM cannot read at all: its text without tags.
      text = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, '\n').replace(/\n\s*\n+/g, '\n\n');
    }
  }
  return { title: title ? title.replace(/\s+/g, ' ').trim() : null, published, text };
}
