import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/pipeline/extract.js';
import { rng } from '../src/bench/corpus.js';
import { DEV_DIR, ROOT } from './helpers.js';

// Random recombinations of real reports, stray characters and line breaks: extraction never throws,
// and every piece of evidence points inside the text it returned.
describe('extraction on scrambled input', () => {
  const texts: string[] = [];
  for (const dir of [join(ROOT, 'samples'), DEV_DIR]) {
    for (const f of readdirSync(dir)) if (/\.(txt|html)$/.test(f)) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  const pieces = texts.join('\n').split(/(?<=[\s.,;:()\-/])/);
  it('never throws and keeps evidence inside the text', () => {
    const rand = rng(7);
    for (let i = 0; i < 250; i++) {
      let s = '';
      const n = 1 + Math.floor(rand() * 300);
      for (let k = 0; k < n; k++) {
        const r = rand();
        s += r < 0.9 ? pieces[Math.floor(rand() * pieces.length)] : r < 0.95 ? String.fromCharCode(1 + Math.floor(rand() * 0xfffe)) : '\n';
      }
      const rec = extract({ source: 'scrambled', body: s, format: rand() < 0.1 ? 'html' : 'text', published: rand() < 0.5 ? '2024-05-01' : null }, { withText: true });
      const len = rec.document.text!.length;
      for (const e of rec.events) {
        for (const list of Object.values(e.evidence)) for (const ev of list) {
          expect(ev.start).toBeGreaterThanOrEqual(0);
          expect(ev.end).toBeLessThanOrEqual(len);
          expect(ev.end).toBeGreaterThanOrEqual(ev.start);
        }
      }
    }
  });
});
