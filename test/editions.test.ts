import { describe, it, expect } from 'vitest';
import { tokenize } from '../src/text/tokenize.js';
import { languagePack } from '../src/lexicon/language-pack.js';
import { annotateEditions } from '../src/annotate/editions.js';
import { run } from './helpers.js';

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

describe('recurring series without a named mechanism', () => {
  it('reads the session of an exercise series from the headline', () => {
    const r = run(`Thai, Malaysian marines open sixth Sea Tiger exercise

SATTAHIP, Thailand, June 3 (Reuters) - Royal Thai Navy and Royal Malaysian Navy marines on Monday opened the sixth Sea Tiger exercise at the Sattahip naval base, the Thai navy said.

Rear Admiral Somchai Prasert, commander of the Royal Thai Marine Corps, and First Admiral Azlan Hashim of the Royal Malaysian Navy attended the opening ceremony.`);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].type).toBe('exercise');
    expect(r.events[0].mechanism).toMatchObject({ kind: 'other', edition: 6 });
    expect(r.events[0].mechanism!.name).toContain('Sea Tiger');
  });
  it('does not take "for the first time" as a session', () => {
    const r = run(`Thai, Malaysian marines hold joint exercise for the first time

SATTAHIP, Thailand, June 3 (Reuters) - Royal Thai Navy and Royal Malaysian Navy marines on Monday held a joint exercise for the first time at the Sattahip naval base.`);
    expect(r.events[0]?.mechanism ?? null).toBeNull();
  });
});
