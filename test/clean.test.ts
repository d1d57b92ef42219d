import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../src/pipeline/clean.js';
import { DEV_DIR } from './helpers.js';

const devDocs = readdirSync(DEV_DIR).filter((f) => f.endsWith('.txt'));

describe('cleaning the dev set', () => {
  for (const f of devDocs) {
    it(`${f}: keeps the article, removes the page`, () => {
      const gold = JSON.parse(readFileSync(join(DEV_DIR, f.replace(/\.txt$/, '.gold.json')), 'utf8'));
      const c = clean({ source: f, body: readFileSync(join(DEV_DIR, f), 'utf8'), format: 'text' });
      for (const s of gold.clean.must_contain) expect(c.text).toContain(s);
      for (const s of gold.clean.must_not_contain) expect(c.text).not.toContain(s);
    });
  }
});

describe('cleaning rules', () => {
  const body = [
    ' date 2021-05 Quảng cáo',
    'Hội đàm quốc phòng Việt Nam - Lào',
    'Thứ 3, 11.05.2021 | 09:12:01',
    '1.234 lượt xem',
    'Sáng 10-5, tại Hà Nội, hai bên đã hội đàm về hợp tác quốc phòng và nhất trí tăng cường trao đổi đoàn các cấp trong thời gian tới, đồng thời thúc đẩy hợp tác đào tạo.',
    'Các đại biểu dự hội đàm.',
    'Các đại biểu dự hội đàm. ',
    'Ảnh: TTXVN',
    'Hai bên cũng trao đổi về hợp tác khắc phục hậu quả chiến tranh, tìm kiếm hài cốt liệt sĩ.',
    'Theo QĐND',
    'Tin liên quan',
    'Bão số 3 đổ bộ vào miền Trung',
    'Giá vàng hôm nay tăng mạnh',
  ].join('\n');
  const c = clean({ source: 'x', body, format: 'text' });
  it('reads the crawl header and the dateline as publication dates and removes them', () => {
    expect(c.published).toBe('2021-05');
    expect(c.text).not.toContain('09:12:01');
  });
  it('takes a headline-shaped first line as the title', () => {
    expect(c.title).toBe('Hội đàm quốc phòng Việt Nam - Lào');
    expect(c.text.startsWith('Hội đàm quốc phòng Việt Nam - Lào\n\n')).toBe(true);
  });
  it('keeps a repeated caption once, and drops counters, credits and the related-news tail', () => {
    expect(c.text.match(/Các đại biểu dự hội đàm/g)?.length).toBe(1);
    for (const gone of ['lượt xem', 'Ảnh: TTXVN', 'Theo QĐND', 'Tin liên quan', 'Bão số 3', 'Giá vàng', 'Quảng cáo']) expect(c.text).not.toContain(gone);
    expect(c.text).toContain('tìm kiếm hài cốt liệt sĩ');
  });
  it('records what it removed and why', () => {
    const rules = new Set(c.removed.map((r) => r.rule));
    for (const r of ['crawl-header', 'dateline', 'view-counter', 'duplicate', 'credit', 'related-tail', 'marker']) expect(rules).toContain(r);
  });
});
