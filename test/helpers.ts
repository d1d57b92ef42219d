import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { extract } from '../src/pipeline/extract.js';
import type { ExtractionRecord } from '../src/model.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared dev set: ../shared/eval/dev beside the repository (CI has it there too). */
export const DEV_DIR = join(ROOT, '..', 'shared', 'eval', 'dev');
export const BIN = join(ROOT, 'bin', 'attache.js');

export function tmp(prefix = 'attache-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Extract from a text given inline (the crawl-dump shape unless `format` says html). */
export function run(text: string, opts: { published?: string | null; format?: 'text' | 'html' } = {}): ExtractionRecord {
  return extract({ source: 'inline', body: text, format: opts.format ?? 'text', published: opts.published ?? null }, { withText: true });
}

export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
