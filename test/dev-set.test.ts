import { describe, it, expect } from 'vitest';
import { evaluate, formatReport } from '../src/eval/run.js';
import { DEV_DIR } from './helpers.js';

// The end-to-end test: the whole pipeline over ../shared/eval/dev, scored as `attache eval` scores it.
describe('dev set end to end', () => {
  const r = evaluate(DEV_DIR);
  const rows = new Map(r.scorer.report().map((x) => [x.field, x]));
  it('finds every event and nothing else', () => {
    expect(rows.get('events')!.f1, formatReport(r)).toBe(1);
  });
  for (const field of ['type', 'date', 'countries', 'location.country', 'location.virtual', 'mechanism.edition', 'areas',
    'agreements', 'anniversaries', 'participants', 'clean'] as const) {
    it(`${field} F1 is at least 0.9`, () => {
      expect(rows.get(field)!.f1, formatReport(r)).toBeGreaterThanOrEqual(0.9);
    });
  }
  it('detects every document language', () => {
    expect(r.languageErrors).toEqual([]);
  });
});
