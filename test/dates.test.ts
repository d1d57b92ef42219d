import { describe, it, expect } from 'vitest';
import { tokenize } from '../src/text/tokenize.js';
import { languagePack } from '../src/lexicon/language-pack.js';
import { annotateDates } from '../src/annotate/dates.js';
import { resolveDate } from '../src/assemble/dates.js';

function first(text: string, lang: string) {
  const d = annotateDates(tokenize(text), languagePack(lang)).filter((x) => !x.yearOnly)[0];
  return d ? { y: d.year, m: d.month, d: d.day } : null;
}

describe('Vietnamese dates', () => {
  it('reads the forms news uses', () => {
    expect(first('Chiều 29-3, tại Hà Nội', 'vi')).toEqual({ y: null, m: 3, d: 29 });
    expect(first('Ngày 29/9, cuộc họp', 'vi')).toEqual({ y: null, m: 9, d: 29 });
    expect(first('sáng 26/9 (giờ địa phương)', 'vi')).toEqual({ y: null, m: 9, d: 26 });
    expect(first('ngày 15 tháng 11 năm 2018', 'vi')).toEqual({ y: 2018, m: 11, d: 15 });
    expect(first('vào tháng 7-2021', 'vi')).toEqual({ y: 2021, m: 7, d: null });
    expect(first('ngày 29/9/2021', 'vi')).toEqual({ y: 2021, m: 9, d: 29 });
  });
  it('does not take counters, ratios or session numbers for dates', () => {
    expect(first('Bạn còn 500/500 ký tự, phục vụ 24/7', 'vi')).toBeNull();
    expect(first('Đối thoại lần thứ 4 diễn ra', 'vi')).toBeNull();
  });
});

describe('year resolution', () => {
  const d = (day: number, month: number, year: number | null = null) =>
    ({ year, month, day, weekday: null, start: 0, end: 0, first: 0, last: 1, origin: 't', anchored: true, yearOnly: false, relative: null });
  it('takes the year from publication, the year before when the date would follow it', () => {
    expect(resolveDate(d(26, 9), '2024-09-27')).toEqual({ value: '2024-09-26', precision: 'day', year_inferred: true });
    expect(resolveDate(d(29, 12), '2024-01-02')).toEqual({ value: '2023-12-29', precision: 'day', year_inferred: true });
    expect(resolveDate(d(15, 11), '2019-09')?.value).toBe('2018-11-15');
  });
  it('never invents a year', () => {
    expect(resolveDate(d(15, 11), null)).toEqual({ value: '--11-15', precision: 'day', year_inferred: false });
  });
  it('keeps a written year', () => {
    expect(resolveDate(d(3, 5, 2024), '2025-01-01')).toEqual({ value: '2024-05-03', precision: 'day', year_inferred: false });
  });
});

describe('two-day encounters', () => {
  it.each([
    ['ar', 'انعقدت يومي 14 و15 ماي الجاري بالرباط'],
    ['en', 'held on 14 and 15 May in Rabat'],
    ['fr', 'réunie les 14 et 15 mai à Rabat'],
    ['es', 'celebrada los días 14 y 15 de mayo'],
    ['vi', 'Trong hai ngày 14 và 15/5, tại Hà Nội'],
  ])('%s: dated by the first day', (lang, text) => {
    expect(first(text, lang)).toEqual({ y: null, m: 5, d: 14 });
  });
});
