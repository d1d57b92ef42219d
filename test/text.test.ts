import { describe, it, expect } from 'vitest';
import { foldToken, foldSearch } from '../src/text/fold.js';
import { tokenize } from '../src/text/tokenize.js';
import { PhraseMatcher } from '../src/lexicon/matcher.js';

describe('folding', () => {
  it('treats old and new Vietnamese tone placement as equal', () => {
    expect(foldToken('hoà')).toBe(foldToken('hòa'));
    expect(foldToken('thuỷ')).toBe(foldToken('thủy'));
    expect(foldToken('Khoá')).toBe(foldToken('khóa'));
    // Different tones stay different words.
    expect(foldToken('hòa')).not.toBe(foldToken('hóa'));
    expect(foldToken('Anh')).not.toBe(foldToken('Ánh'));
  });
  it('normalises composed and decomposed input alike', () => {
    expect(foldToken('Đối'.normalize('NFD'))).toBe(foldToken('Đối'));
  });
  it('folds Arabic letter variants, short vowels and digits', () => {
    expect(foldToken('أحمد')).toBe(foldToken('احمد'));
    expect(foldToken('مُحَادَثَات')).toBe(foldToken('محادثات'));
    expect(foldToken('٢٦')).toBe('26');
  });
  it('folds Russian ё and dash variants', () => {
    expect(foldToken('четвёртый')).toBe(foldToken('четвертый'));
    expect(foldToken('–')).toBe('-');
  });
  it('search folding drops every diacritic, đ included', () => {
    expect(foldSearch('Đối thoại')).toBe('doi thoai');
    expect(foldSearch('hòa bình')).toBe(foldSearch('hoà bình'));
    expect(foldSearch('hoà bình')).toBe('hoa binh');
  });
});

describe('tokenizer', () => {
  it('keeps offsets into the text and marks line starts', () => {
    const text = 'Chiều 29-3, tại Hà Nội\nBê-la-rút';
    const t = tokenize(text);
    for (const tok of t) expect(text.slice(tok.start, tok.end)).toBe(tok.text);
    expect(t.map((x) => x.text)).toEqual(['Chiều', '29', '-', '3', ',', 'tại', 'Hà', 'Nội', 'Bê', '-', 'la', '-', 'rút']);
    expect(t.find((x) => x.text === 'Bê')!.lineStart).toBe(true);
  });
  it('splits Han characters, Arabic words written with digits and characters outside the BMP', () => {
    const text = '中国国防部 2023م a\u{1F600}b';
    const t = tokenize(text);
    for (const tok of t) expect(text.slice(tok.start, tok.end)).toBe(tok.text);
    expect(t.map((x) => x.text)).toEqual(['中', '国', '国', '防', '部', '2023', 'م', 'a', '\u{1F600}', 'b']);
    // The same spelling twice is the same token (shared from the first occurrence), at its own offsets.
    const twice = tokenize('Hà Nội, Hà Nội');
    expect(twice[0].key).toBe(twice[3].key);
    expect([twice[0].start, twice[3].start]).toEqual([0, 8]);
  });
});

describe('phrase matcher', () => {
  const m = new PhraseMatcher<string>('test');
  m.add('Anh', 'GBR', 'c:Anh', { caseSensitive: true });
  m.add('Vương quốc Anh', 'GBR', 'c:VQA');
  m.add('tiếng Anh', null, 'block');
  m.add('Вьетнам*', 'VNM', 'ru');
  m.add('Bê-la-rút', 'BLR', 'vi');
  it('prefers the longest phrase and honours blockers', () => {
    const r = m.matchAll(tokenize('Vương quốc Anh và học tiếng Anh với Anh'));
    expect(r.map((x) => x.origin)).toEqual(['c:VQA', 'c:Anh']);
  });
  it('matches case-sensitive forms only as written', () => {
    expect(m.matchAll(tokenize('anh ấy')).length).toBe(0);
  });
  it('matches stems and hyphenated transliterations', () => {
    expect(m.matchAll(tokenize('министр обороны Вьетнама')).map((x) => x.value)).toEqual(['VNM']);
    expect(m.matchAll(tokenize('Bộ trưởng Bê-la-rút')).map((x) => x.value)).toEqual(['BLR']);
  });
  it('matches text tokenized before its phrases were added (a language loaded after the text was read)', () => {
    const tokens = tokenize('Đối thoại Zyxwvut lần thứ nhất');
    const late = new PhraseMatcher<string>('late');
    late.add('Đối thoại Zyxwvut', 'ZYX', 'late');
    expect(late.matchAll(tokens).map((x) => x.value)).toEqual(['ZYX']);
  });
  it('strips proclitics glued to the first word', () => {
    const ar = new PhraseMatcher<string>('ar').setProclitics(['و', 'ب', 'ال', 'وال']);
    ar.add('كوبا', 'CUB', 'ar');
    expect(ar.matchAll(tokenize('فيتنام وكوبا')).map((x) => x.value)).toEqual(['CUB']);
  });
});
