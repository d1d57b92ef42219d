import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDocument } from '../model.js';

/**
 * A deterministic benchmark corpus: documents recombined from the sentences of
 * the sample and dev reports, with countries, people and dates varied and page
 * furniture added, about 5 KB each. Generated lazily, so a corpus of any size
 * costs the memory of one document.
 */

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES_VI = ['Lào', 'Campuchia', 'Nhật Bản', 'Ấn Độ', 'Australia', 'Hoa Kỳ', 'Liên bang Nga', 'Pháp', 'Cuba', 'Singapore',
  'Hàn Quốc', 'Indonesia', 'Thái Lan', 'Malaysia', 'Philippines', 'Belarus', 'Israel', 'Ai Cập', 'Brazil', 'Đức'];
const PEOPLE = ['Nguyễn Văn Hùng', 'Trần Quang Minh', 'Lê Đức Thắng', 'Phạm Hồng Sơn', 'Hoàng Văn Đồng', 'Vũ Hải Sản',
  'Kenji Watanabe', 'Rajesh Kumar', 'Sergei Volkov', 'Marie Dubois', 'Carlos Hernández', 'Ahmad Fauzi'];
const RANKS = ['Thượng tướng', 'Trung tướng', 'Thiếu tướng', 'Đại tá', 'Đại tướng', 'Chuẩn Đô đốc'];
const BOILERPLATE_HEAD = ['Quảng cáo', 'Click để copy', '• Chia sẻ', 'Trang chủ | Thời sự | Quốc phòng | Thế giới'];
const BOILERPLATE_TAIL = ['Theo QĐND', 'BÌNH LUẬN', 'Bạn còn 500/500 ký tự', 'Bạn vui lòng nhập từ 5 ký tự trở lên !!!', 'Tin mới'];
const TAIL_HEADLINES = ['Giá vàng hôm nay tăng mạnh', 'Bão số 5 đổ bộ vào miền Trung', 'Đội tuyển bóng đá giành chiến thắng',
  'Thời tiết Hà Nội ngày mai có mưa rào', 'Cả nước ghi nhận thêm ca mắc mới'];

function sentencesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    if (!/\.(txt)$/.test(f)) continue;
    const text = readFileSync(join(dir, f), 'utf8');
    for (const para of text.split(/\n+/)) {
      for (const s of para.split(/(?<=[.!?])\s+/)) {
        const t = s.trim();
        if (t.length > 60 && t.length < 600 && !/Tin mới|BÌNH LUẬN|ký tự/.test(t)) out.push(t);
      }
    }
  }
  return out;
}

export interface CorpusOptions {
  seed?: number;
  targetBytes?: number;
  sources: string[];
}

export function* corpus(n: number, opts: CorpusOptions): Generator<RawDocument> {
  const pool = opts.sources.flatMap(sentencesOf);
  if (!pool.length) throw new Error(`no sentences found in ${opts.sources.join(', ')}`);
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  // About 5 KB of UTF-8 per document (Vietnamese letters take two or three bytes).
  const target = opts.targetBytes ?? 5000;
  for (let i = 0; i < n; i++) {
    const partner = pick(COUNTRIES_VI);
    const person = pick(PEOPLE);
    const rank = pick(RANKS);
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const lines: string[] = [];
    if (rand() < 0.6) lines.push(` date ${2015 + Math.floor(rand() * 10)}-${String(month).padStart(2, '0')} ${pick(BOILERPLATE_HEAD)}`);
    lines.push(`Hội đàm hợp tác quốc phòng Việt Nam - ${partner}`);
    lines.push(`${rand() < 0.5 ? 'Chiều' : 'Sáng'} ${day}-${month}, tại Hà Nội, ${rank} ${person}, Thứ trưởng Bộ Quốc phòng đã tiếp đoàn đại biểu quân sự ${partner} và hai bên đã hội đàm về hợp tác quốc phòng.`);
    let bytes = Buffer.byteLength(lines.join('\n'));
    while (bytes < target - 600) {
      const s = pick(pool).replace(/Cuba|Belarus|Anh|Indonesia/g, partner);
      lines.push(s);
      bytes += Buffer.byteLength(s) + 2;
      // Photo captions, sometimes repeated.
      if (rand() < 0.1) {
        const cap = `${rank} ${person} tại buổi hội đàm.`;
        lines.push(cap, cap);
      }
    }
    lines.push(...BOILERPLATE_TAIL);
    for (let k = 0; k < 3; k++) lines.push(pick(TAIL_HEADLINES));
    yield { source: `bench:${i}`, body: lines.join('\n\n'), format: 'text', published: null };
  }
}
