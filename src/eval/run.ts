import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { extractDocument } from '../pipeline/extract.js';
import { decode } from '../pipeline/decode.js';
import { Scorer, type GoldEvent } from './score.js';

/** `attache eval GOLD_DIR`: run the extractor on every gold pair and score it. */

export interface GoldFile {
  name: string;
  docPath: string;
  gold: {
    source?: { url?: string | null; published?: string | null };
    language?: string;
    events: GoldEvent[];
    clean?: { must_contain?: string[]; must_not_contain?: string[] };
  };
}

export function findGold(dir: string): GoldFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir}: not a folder of gold pairs`);
  const out: GoldFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        walk(p);
        continue;
      }
      if (!name.endsWith('.gold.json')) continue;
      const stem = name.slice(0, -'.gold.json'.length);
      const doc = ['.txt', '.html', '.htm'].map((e) => join(d, stem + e)).find(existsSync);
      if (!doc) throw new Error(`${p}: no ${stem}.txt or ${stem}.html beside it`);
      let gold: GoldFile['gold'];
      try {
        gold = JSON.parse(readFileSync(p, 'utf8'));
      } catch (err) {
        throw new Error(`${p}: malformed JSON (${(err as Error).message})`);
      }
      out.push({ name: stem, docPath: doc, gold });
    }
  };
  walk(dir);
  return out;
}

export interface EvalResult {
  scorer: Scorer;
  documents: number;
  languageErrors: Array<{ document: string; expected: string; got: string }>;
}

export function evaluate(dir: string): EvalResult {
  const scorer = new Scorer();
  const languageErrors: EvalResult['languageErrors'] = [];
  const files = findGold(dir);
  for (const f of files) {
    const body = decode(readFileSync(f.docPath), f.docPath);
    const published = f.gold.source?.published ?? null;
    const { record, cleaned } = extractDocument({
      source: f.docPath,
      body,
      format: /\.html?$/.test(f.docPath) ? 'html' : 'text',
      published,
    });
    const name = basename(f.docPath);
    if (f.gold.language && f.gold.language !== record.document.language) {
      languageErrors.push({ document: name, expected: f.gold.language, got: record.document.language });
    }
    scorer.scoreClean(name, cleaned.text, f.gold.clean);
    scorer.scoreDocument(name, f.gold.events ?? [], record.events, Boolean(record.document.published));
  }
  return { scorer, documents: files.length, languageErrors };
}

export function formatReport(r: EvalResult): string {
  const lines: string[] = [];
  const pct = (x: number) => x.toFixed(3);
  lines.push(`${r.documents} documents`);
  lines.push('');
  lines.push(`${'field'.padEnd(20)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)}   tp  fp  fn`);
  for (const row of r.scorer.report()) {
    lines.push(`${row.field.padEnd(20)} ${pct(row.precision).padStart(9)} ${pct(row.recall).padStart(7)} ${pct(row.f1).padStart(6)} ${String(row.tp).padStart(4)}${String(row.fp).padStart(4)}${String(row.fn).padStart(4)}`);
  }
  const o = r.scorer.overall();
  lines.push(`${'overall'.padEnd(20)} ${pct(o.precision).padStart(9)} ${pct(o.recall).padStart(7)} ${pct(o.f1).padStart(6)}`);
  if (r.languageErrors.length) {
    lines.push('', 'language:');
    for (const e of r.languageErrors) lines.push(`  ${e.document}: expected ${e.expected}, got ${e.got}`);
  }
  if (r.scorer.misses.length) {
    lines.push('', 'misses:');
    for (const m of r.scorer.misses) {
      lines.push(`  ${m.document}  ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
    }
  }
  return lines.join('\n');
}
