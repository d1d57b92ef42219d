import { describe, it, expect } from 'vitest';
import { dateMatches } from '../src/eval/score.js';

/** Codebook section 3: dates compared at the gold precision, a year never invented. */
describe('date scoring', () => {
  const d = (value: string, year_inferred = false, precision: 'day' | 'month' | 'year' = 'day') => ({ value, precision, year_inferred });
  it('compares at the gold precision', () => {
    expect(dateMatches(d('2021-09', false, 'month'), d('2021-09-29'), true)).toBe(true);
    expect(dateMatches(d('2021-09-29'), d('2021-09-28'), true)).toBe(false);
  });
  it('forgives a missing year only when the gold year was inferred and no publication date was given', () => {
    expect(dateMatches(d('2021-09-29', true), d('--09-29'), false)).toBe(true);
    expect(dateMatches(d('2021-09-29', true), d('--09-29'), true)).toBe(false);
    expect(dateMatches(d('2021-09-29', false), d('--09-29'), false)).toBe(false);
  });
  it('matches a gold date that has no year as written', () => {
    expect(dateMatches(d('--05-28'), d('--05-28'), false)).toBe(true);
    expect(dateMatches(d('--05-28'), d('--05-29'), false)).toBe(false);
  });
});
