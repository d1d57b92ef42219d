import { describe, it, expect } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../src/pipeline/decode.js';
import { readPaths, type ReadItem } from '../src/pipeline/read.js';
import { readHtml } from '../src/pipeline/html.js';
import { InputError } from '../src/model.js';
import { tmp } from './helpers.js';

async function all(paths: string[], opts = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const x of readPaths(paths, opts)) out.push(x);
  return out;
}

describe('decode', () => {
  it('rejects empty, binary and invalid UTF-8 input with the file named', () => {
    expect(() => decode(new Uint8Array(), 'a.txt')).toThrow(/a\.txt: empty file/);
    expect(() => decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), 'b.txt')).toThrow(/b\.txt: binary file/);
    expect(() => decode(new Uint8Array([0x48, 0x69, 0xc3, 0x28]), 'c.txt')).toThrow(/c\.txt: invalid UTF-8 at byte 2/);
    expect(() => decode(new TextEncoder().encode('x'.repeat(20)), 'd.txt', 10)).toThrow(InputError);
  });
  it('reads UTF-8 with a BOM and UTF-16 with a BOM', () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'x')).toBe('hi');
    expect(decode(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]), 'x')).toBe('hi');
  });
});

describe('readers', () => {
  it('walks folders recursively, skips gold files and reports every bad input while going on', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'Một bài báo.');
    writeFileSync(join(dir, 'a.gold.json'), '{}');
    writeFileSync(join(dir, 'sub', 'b.html'), '<html><head><title>T</title></head><body><p>Body text here.</p></body></html>');
    writeFileSync(join(dir, 'sub', 'deeper', 'empty.txt'), '');
    writeFileSync(join(dir, 'sub', 'deeper', 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    writeFileSync(join(dir, 'sub', 'feed.jsonl'), [
      JSON.stringify({ url: 'https://x/1', published: '2024-05-02', title: 'One', text: 'First report.' }),
      '{not json',
      JSON.stringify({ url: 'https://x/2', html: '<p>Second report.</p>' }),
      JSON.stringify({ url: 'https://x/3' }),
      '',
    ].join('\n'));
    const items = await all([dir]);
    const docs = items.filter((x) => 'doc' in x).map((x) => ('doc' in x ? x.doc : null)!);
    const errors = items.filter((x) => 'error' in x).map((x) => ('error' in x ? x.error.message : ''));
    expect(docs.map((d) => d.source).sort()).toEqual([join(dir, 'a.txt'), join(dir, 'sub', 'b.html'), 'https://x/1', 'https://x/2'].sort());
    expect(docs.find((d) => d.source === 'https://x/1')!.published).toBe('2024-05-02');
    expect(docs.find((d) => d.source === 'https://x/2')!.format).toBe('html');
    expect(errors.some((e) => e.includes('empty.txt: empty file'))).toBe(true);
    expect(errors.some((e) => e.includes('bin.txt: binary file'))).toBe(true);
    expect(errors.some((e) => /feed\.jsonl:2: malformed JSON/.test(e))).toBe(true);
    expect(errors.some((e) => /feed\.jsonl:4: no "text" or "html"/.test(e))).toBe(true);
  });
  it('refuses a file over the size limit without reading it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(2048, 0x61));
    const items = await all([join(dir, 'big.txt')], { maxBytes: 1024 });
    expect('error' in items[0] && items[0].error.message).toMatch(/big\.txt: 0\.0 MB is larger than the 0\.0 MB limit/);
  });
  it('names a path that does not exist', async () => {
    const items = await all(['/nonexistent/x.txt']);
    expect('error' in items[0] && items[0].error.message).toMatch(/\/nonexistent\/x\.txt: cannot be read \(ENOENT\)/);
  });
});

describe('HTML reader', () => {
  const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
  const article = '<article><h1>Viet Nam, UK hold defence policy dialogue</h1>' +
    '<p>Deputy Minister of National Defence Sen. Lt. Gen. Hoang Xuan Chien and UK Minister of State for Defence Baroness Goldie co-chaired the fourth Viet Nam-UK Defence Policy Dialogue in Hanoi on March 29.</p>' +
    '<p>The two sides reviewed cooperation in training, peacekeeping and defence industry. <script>alert("x")</script>They also discussed maritime security and hydrography.</p></article>' +
    '<aside><h3>Related</h3><a href="/1">Storm hits</a></aside>';
  it('reads the publication date from article:published_time, JSON-LD and <time>', () => {
    expect(readHtml(page('<meta property="article:published_time" content="2023-03-29T10:00:00+07:00">', article)).published).toBe('2023-03-29');
    expect(readHtml(page('<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-03-30"}]}</script>', article)).published).toBe('2023-03-30');
    expect(readHtml(page('', `<time datetime="2023-03-31">31 March</time>${article}`)).published).toBe('2023-03-31');
  });
  it('keeps the article, drops scripts, takes the headline', () => {
    const r = readHtml(page('<title>Dialogue | VNA</title><meta property="og:title" content="Viet Nam, UK hold defence policy dialogue">', article));
    expect(r.title).toBe('Viet Nam, UK hold defence policy dialogue');
    expect(r.text).toContain('co-chaired the fourth Viet Nam-UK Defence Policy Dialogue');
    expect(r.text).not.toContain('alert');
  });
});

describe('robustness', () => {
  it('reads fragments and broken pages as HTML without failing', () => {
    for (const html of ['', 'plain text, no tags', '<p>A fragment', '</div></div>text<<<', '<html><body><p>ok</p>']) {
      expect(() => readHtml(html)).not.toThrow();
    }
    expect(readHtml('<p>Một đoạn văn</p>').text).toContain('Một đoạn văn');
  });
});
