import { describe, it, expect } from 'vitest';
import { detectLanguage } from '../src/pipeline/language.js';

describe('language detection', () => {
  const samples: Record<string, string> = {
    vi: 'Chiều 29-3, tại Trụ sở Bộ Quốc phòng, Thượng tướng đã tiếp đoàn đại biểu quân sự cấp cao và hai bên trao đổi về hợp tác quốc phòng.',
    en: 'The two defence ministers held talks in Hanoi on Tuesday and agreed to strengthen cooperation in training, peacekeeping and maritime security.',
    ar: 'أجرى وزير الدفاع محادثات مع نظيره في العاصمة واتفق الجانبان على تعزيز التعاون الدفاعي في مجالات التدريب وحفظ السلام.',
    fr: 'Le ministre de la Défense a reçu son homologue à Paris et les deux parties ont convenu de renforcer la coopération dans la formation.',
    es: 'El ministro de Defensa recibió a su homólogo en La Habana y ambas partes acordaron fortalecer la cooperación en la formación de personal.',
    ru: 'Министр обороны провёл переговоры со своим коллегой в Москве, стороны договорились укреплять сотрудничество в области подготовки кадров.',
    id: 'Menteri Pertahanan Indonesia menerima kunjungan kehormatan dari Kepala Staf Angkatan Darat dan membahas kerja sama pertahanan kedua negara.',
    zh: '越南国防部长与古巴革命武装力量部长举行会谈，双方同意加强在培训、国防工业和网络安全等领域的合作。',
  };
  for (const [lang, text] of Object.entries(samples)) {
    it(lang, () => expect(detectLanguage(text)).toBe(lang));
  }
});
