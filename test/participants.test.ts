import { describe, it, expect } from 'vitest';
import { run } from './helpers.js';

/** Who took part, read from the ways reports in each language introduce people. */
function people(text: string) {
  const r = run(text);
  expect(r.events).toHaveLength(1);
  return Object.fromEntries(r.events[0].participants.map((p) => [p.name, p]));
}

describe('participants', () => {
  it('en: an institution the lexicon does not know, between a title and a name, and its acronym later', () => {
    const p = people("Vietnam, US discuss war legacy cooperation\n\nHanoi (VNA) \u2013 Deputy Minister of National Defence Sen. Lieut. Gen. Hoang Van Nam received Director of the US Defense Threat Reduction Agency (DTRA) Robert Kline in Hanoi on March 4.\n\nAlso present at the meeting was Col. Peter Lam, Chief of the DTRA Cooperative Programs Office.\n\nThe two sides agreed to continue cooperation in dealing with unexploded ordnance.\n");
    expect(p['Robert Kline']).toMatchObject({ country: 'USA', role: 'lead', position: 'Director of the Defense Threat Reduction Agency' });
    expect(p['Peter Lam']).toMatchObject({ country: 'USA', rank: 'OF-5', role: 'member' });
    expect(p['Hoang Van Nam']).toMatchObject({ country: 'VNM', rank: 'OF-8', role: 'lead' });
  });

  it('es: a title, words the lexicon does not know, a comma, the name', () => {
    const p = people("Per\u00fa y Colombia celebran reuni\u00f3n de su comit\u00e9 bilateral de defensa\n\nLima, 12 de mayo. La reuni\u00f3n fue copresidida por el viceministro de Defensa de Per\u00fa, general de divisi\u00f3n Jorge Salas, y la directora de Cooperaci\u00f3n Internacional para la Defensa de Colombia, Mar\u00eda Restrepo.\n\nAmbas partes revisaron la cooperaci\u00f3n en educaci\u00f3n militar y ciberdefensa.\n");
    expect(p['María Restrepo']).toMatchObject({ country: 'COL', role: 'lead', position: 'Director' });
    expect(p['Jorge Salas']).toMatchObject({ country: 'PER', rank: 'OF-7', role: 'lead' });
  });

  it('fr: a head of state who gave instructions is not a participant; co-chairs lead their sides', () => {
    const p = people("Tenue \u00e0 Yaound\u00e9 de la r\u00e9union de la commission mixte de d\u00e9fense franco-camerounaise\n\nYaound\u00e9, 14 novembre. Sur hautes instructions du Pr\u00e9sident Paul Biya, la r\u00e9union a \u00e9t\u00e9 copr\u00e9sid\u00e9e par le g\u00e9n\u00e9ral de brigade camerounais Alain Mbarga et le g\u00e9n\u00e9ral de division a\u00e9rienne Luc Fontaine, sous-chef d'\u00e9tat-major \u00ab Coop\u00e9ration \u00bb de l'\u00c9tat-major des arm\u00e9es fran\u00e7aises.\n\nLes deux d\u00e9l\u00e9gations ont examin\u00e9 la coop\u00e9ration en mati\u00e8re de formation.\n");
    expect(Object.keys(p).sort()).toEqual(['Alain Mbarga', 'Luc Fontaine']);
    expect(p['Luc Fontaine']).toMatchObject({ country: 'FRA', rank: 'OF-7', role: 'lead' });
    expect(p['Alain Mbarga']).toMatchObject({ country: 'CMR', rank: 'OF-6', role: 'lead' });
  });

  it('en: a rank and a name in quotation marks name a ship, not a person', () => {
    const p = people(`Russian warships visit Cam Ranh

Khanh Hoa (VNA) – The Russian Pacific Fleet's destroyer "Admiral Tributs" and tanker "Boris Butoma" docked at Cam Ranh International Port on April 7 for a friendly visit to Vietnam.

Senior Colonel Nguyen Van Tung, Deputy Commander of Naval Region 4, welcomed the ships. The detachment is led by Captain 1st Rank Dmitry Kuznetsov.`);
    expect(Object.keys(p)).not.toContain('Tributs');
    expect(p['Dmitry Kuznetsov']).toMatchObject({ country: 'RUS', rank: 'OF-5' });
  });
});
