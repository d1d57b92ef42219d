import { stat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readPaths, type ReadOptions } from './pipeline/read.js';
import { extractDocument } from './pipeline/extract.js';
import type { Store, StoredDocument } from './store/store.js';
import type { DefenceEvent, ExtractionRecord, RawDocument } from './model.js';
import { ExtractorPool, type WorkResult } from './pipeline/workers.js';

/**
 * Ingest: read, extract and store, in batches of one transaction each. A run
 * that is interrupted loses at most the batch in flight, and running it again
 * skips every document already stored (a document is the hash of its text),
 * so nothing is lost or stored twice.
 */

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  failed: number;
  events: number;
  failures: Array<{ source: string; reason: string }>;
  seconds: number;
}

export interface IngestOptions extends ReadOptions {
  batchSize?: number;
  /** Called with bytes done (of `total`) after each document. */
  onProgress?: (done: number, total: number) => void;
  /** Called once per failing input, as it happens. */
  onFailure?: (source: string, reason: string) => void;
  /** Stop cleanly (after the batch in flight) when this returns true. */
  shouldStop?: () => boolean;
  /** Extract on this many worker threads (1: in this thread). */
  workers?: number;
}

/** Total size of the inputs, for a progress bar that moves by bytes (files and JSON lines alike). */
export async function inputSize(paths: string[]): Promise<number> {
  let total = 0;
  const walk = async (p: string) => {
    try {
      const st = await stat(p);
      if (st.isDirectory()) {
        for (const name of await readdir(p)) if (!name.startsWith('.')) await walk(join(p, name));
      } else total += st.size;
    } catch {
      // Reported by the reader with its reason.
    }
  };
  for (const p of paths) await walk(p);
  return total;
}

export async function ingest(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 200;
  const total = opts.onProgress ? await inputSize(paths) : 0;
  const summary: IngestSummary = { read: 0, new: 0, duplicate: 0, failed: 0, events: 0, failures: [], seconds: 0 };
  let done = 0;
  let batch: Array<{ doc: StoredDocument; events: DefenceEvent[] }> = [];

  const fail = (source: string, reason: string) => {
    summary.failed++;
    summary.failures.push({ source, reason });
    opts.onFailure?.(source, reason);
  };
  const flush = async () => {
    if (!batch.length) return;
    const results = await store.saveMany(batch);
    for (const r of results) {
      if (r.status === 'new') {
        summary.new++;
        summary.events += r.events;
      } else summary.duplicate++;
    }
    batch = [];
  };

  const accept = async (doc: RawDocument, r: WorkResult) => {
    if (r.error || !r.record) {
      fail(doc.source, `extraction failed: ${r.error ?? 'no result'}`);
    } else if (!r.text?.trim()) {
      fail(doc.source, 'no article text left after cleaning');
    } else {
      const record: ExtractionRecord = r.record;
      batch.push({
        doc: {
          id: record.document.id,
          source: record.document.source,
          url: record.document.url ?? null,
          language: record.document.language,
          published: record.document.published,
          title: record.document.title,
          text: r.text,
          ingestedAt: new Date().toISOString(),
        },
        events: record.events,
      });
    }
    if (batch.length >= batchSize) await flush();
  };
  const inline = (doc: RawDocument): WorkResult => {
    try {
      const { record, cleaned } = extractDocument(doc);
      return { record, text: cleaned.text };
    } catch (err) {
      return { error: (err as Error).message };
    }
  };

  const pool = (opts.workers ?? 1) > 1 ? new ExtractorPool(opts.workers!) : null;
  // With workers, a bounded window of documents is in flight (memory stays flat), accepted in order.
  const inFlight: Array<{ doc: RawDocument; result: Promise<WorkResult> }> = [];
  const window = (opts.workers ?? 1) * 8;
  try {
    for await (const item of readPaths(paths, opts)) {
      if ('error' in item) {
        fail(item.error.source, item.error.message.slice(item.error.source.length + 2));
        continue;
      }
      summary.read++;
      done += Buffer.byteLength(item.doc.body);
      if (pool) {
        inFlight.push({ doc: item.doc, result: pool.run(item.doc) });
        while (inFlight.length >= window) {
          const next = inFlight.shift()!;
          await accept(next.doc, await next.result);
        }
      } else {
        await accept(item.doc, inline(item.doc));
      }
      opts.onProgress?.(Math.min(done, total), total);
      if (opts.shouldStop?.()) break;
    }
    while (inFlight.length) {
      const next = inFlight.shift()!;
      await accept(next.doc, await next.result);
    }
  } finally {
    await pool?.close();
  }
  await flush();
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
