import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { once } from 'node:events';
import { corpus } from './corpus.js';
import { extract } from '../pipeline/extract.js';
import { SqliteStore } from '../store/sqlite.js';
import { ingest } from '../ingest.js';

/**
 * `npm run bench`: extraction on one core and ingest into SQLite over a
 * generated corpus, at 1k, 5k and 20k documents, with throughput, cost per
 * document (to show it grows linearly) and peak memory (to show it stays flat).
 * Figures are printed, never asserted: tests check behaviour, benchmarks speed.
 */

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');
const SOURCES = [join(ROOT, 'samples'), join(ROOT, '..', 'shared', 'eval', 'dev')];
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000').split(',').map(Number);
/** Ingest uses every core (extraction in worker threads, SQLite writes in the main thread). */
/** Documents extracted before timing (a different seed: not the timed documents). */
const WARMUP = 2000;
const WORKERS = Number(process.env.BENCH_WORKERS) || availableParallelism();

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 50);
timer.unref();

const mb = (b: number) => (b / 1048576).toFixed(1);

function extraction(n: number) {
  // Warm up outside the timed run: lexicons load, folding caches fill and the JIT compiles the hot
  // paths, as they have in any ingest worker that runs for more than a few seconds. The figure is the
  // steady state; the first documents of a cold process run at about two thirds of it.
  for (const raw of corpus(WARMUP, { sources: SOURCES, seed: 7 })) extract(raw);
  peakRss = 0;
  let bytes = 0;
  let events = 0;
  const t0 = performance.now();
  for (const raw of corpus(n, { sources: SOURCES })) {
    bytes += Buffer.byteLength(raw.body);
    events += extract(raw).events.length;
  }
  sample();
  const s = (performance.now() - t0) / 1000;
  return { n, s, bytes, events, rss: peakRss };
}

async function ingestion(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'attache-bench-'));
  const feed = join(dir, 'corpus.jsonl');
  const out = createWriteStream(feed);
  for (const raw of corpus(n, { sources: SOURCES })) {
    if (!out.write(JSON.stringify({ url: raw.source, text: raw.body }) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const store = new SqliteStore(join(dir, 'bench.db'));
  await store.migrate();
  peakRss = 0;
  const t0 = performance.now();
  const summary = await ingest(store, [feed], { batchSize: 500, workers: WORKERS });
  sample();
  const s = (performance.now() - t0) / 1000;
  await store.close();
  const dbSize = statSync(join(dir, 'bench.db')).size;
  rmSync(dir, { recursive: true, force: true });
  return { n, s, bytes: statSync !== undefined ? summary.read : 0, stored: summary.new, events: summary.events, rss: peakRss, dbSize };
}

async function main() {
  console.log(`Attaché benchmark — node ${process.version}, one core (single thread), corpus from ${SOURCES.join(' and ')}`);
  console.log('\nExtraction (read nothing from disk: generated documents through clean → detect → segment → annotate → assemble)');
  console.log('docs      seconds   docs/s     MB/s   ms/doc   events  peak RSS MB');
  const ex = [];
  for (const n of SIZES) {
    const r = extraction(n);
    ex.push(r);
    console.log(`${String(n).padEnd(9)} ${r.s.toFixed(2).padStart(7)} ${(n / r.s).toFixed(0).padStart(8)} ${(r.bytes / 1048576 / r.s).toFixed(2).padStart(8)} ${((r.s * 1000) / n).toFixed(3).padStart(8)} ${String(r.events).padStart(8)} ${mb(r.rss).padStart(12)}`);
  }
  const avg = ex[ex.length - 1].bytes / ex[ex.length - 1].n;
  console.log(`average document: ${(avg / 1024).toFixed(1)} KB`);
  console.log(`cost per document at ${SIZES[SIZES.length - 1]} vs ${SIZES[0]}: ×${((ex[ex.length - 1].s / ex[ex.length - 1].n) / (ex[0].s / ex[0].n)).toFixed(2)} (1.00 = linear)`);
  console.log(`peak memory at ${SIZES[SIZES.length - 1]} vs ${SIZES[0]}: ×${(ex[ex.length - 1].rss / ex[0].rss).toFixed(2)} (flat = 1.00)`);

  console.log(`\nIngest (JSON Lines file → readers → extraction on ${WORKERS} worker threads → SQLite file, batches of 500 per transaction)`);
  console.log('docs      seconds   docs/s   ms/doc   stored   events  peak RSS MB   DB MB');
  const ing = [];
  for (const n of SIZES) {
    const r = await ingestion(n);
    ing.push(r);
    console.log(`${String(n).padEnd(9)} ${r.s.toFixed(2).padStart(7)} ${(n / r.s).toFixed(0).padStart(8)} ${((r.s * 1000) / n).toFixed(3).padStart(8)} ${String(r.stored).padStart(8)} ${String(r.events).padStart(8)} ${mb(r.rss).padStart(12)} ${mb(r.dbSize).padStart(7)}`);
  }
  console.log(`cost per document at ${SIZES[SIZES.length - 1]} vs ${SIZES[0]}: ×${((ing[ing.length - 1].s / ing[ing.length - 1].n) / (ing[0].s / ing[0].n)).toFixed(2)}`);
  const e = ex[ex.length - 1];
  const i = ing[ing.length - 1];
  console.log(`\ntargets: extraction ≥ 1000 docs/s: ${(e.n / e.s).toFixed(0)} ${e.n / e.s >= 1000 ? 'met' : 'NOT met'}; ingest ≥ 500 docs/s: ${(i.n / i.s).toFixed(0)} ${i.n / i.s >= 500 ? 'met' : 'NOT met'}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
