import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { extractDocument } from './extract.js';
import type { ExtractionRecord, RawDocument } from '../model.js';


/**
 * Extraction on several cores: a pool of worker threads, each running the
 * whole pipeline on the documents it is given, while the caller (ingest) reads
 * files and writes the database. Extraction is pure, so results do not depend
 * on which worker ran them; they come back in the order they were submitted.
 */

/** Young generation of each extraction worker (three semi-spaces of 32 MB). */
const YOUNG_GENERATION_MB = 96;

export interface WorkResult {
  record?: ExtractionRecord;
  text?: string;
  error?: string;
}

interface Job {
  id: number;
  doc: RawDocument;
}

export class ExtractorPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly waiting = new Map<number, (r: WorkResult) => void>();
  private nextId = 0;

  constructor(size: number) {
    // Run from TypeScript sources (the test runner), a worker loads the compiled twin in dist/.
    const file = fileURLToPath(import.meta.url).replace(/[\\/]src[\\/](.*)\.ts$/, '/dist/$1.js');
    for (let i = 0; i < size; i++) {
      // A larger young generation: extraction makes many short-lived objects (tokens, matches), and
      // fewer, larger scavenges give about 8% more documents per second (see `npm run bench`).
      const w = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      w.on('message', (m: { id: number } & WorkResult) => {
        const done = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        done?.(m);
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (err) => {
        // A worker that dies fails its job; the pool goes on with the others.
        for (const [id, done] of this.waiting) {
          done({ error: `worker failed: ${err.message}` });
          this.waiting.delete(id);
        }
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** How many documents are submitted and not yet finished. */
  get pending(): number {
    return this.waiting.size;
  }

  run(doc: RawDocument): Promise<WorkResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.queue.push({ id, doc });
      this.pump();
    });
  }

  private pump() {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      w.postMessage(this.queue.shift());
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    try {
      const { record, cleaned } = extractDocument(job.doc);
      port.postMessage({ id: job.id, record, text: cleaned.text });
    } catch (err) {
      port.postMessage({ id: job.id, error: (err as Error).message });
    }
  });
}
