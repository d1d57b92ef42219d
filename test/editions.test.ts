import { describe, it, expect } from 'vitest';
import { tokenize } from '../src/text/tokenize.js';
import { languagePack } from '../src/lexicon/language-pack.js';
import { annotateEditions } from '../src/annotate/editions.js';

/** Session numbers as each language writes them. */
const numbers = (lang: string, text: string) => annotateEditions(tokenize(text), languagePack(lang)).map((e) => e.n);

describe('session numbers', () => {
  it.each([
    ['vi', 'Đối thoại Chính sách quốc phòng lần thứ 4', [4]],
    ['vi', 'Hội nghị lần thứ tư', [4]],
    ['en', 'the 11th Defence Policy Dialogue', [11]],
    ['fr', 'la 9ème réunion de la Commission militaire mixte', [9]],
    ['fr', 'la 4e session du Dialogue', [4]],
    ['es', 'la XII Reunión del Comité Bilateral', [12]],
    ['ru', '4-й раунд консультаций', [4]],
  ])('%s: %s', (lang, text, expected) => {
    expect(numbers(lang, text)).toEqual(expected);
  });
});
