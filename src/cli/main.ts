import { Command, Option, InvalidArgumentError } from 'commander';
import { createWriteStream, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { readPaths } from '../pipeline/read.js';
import { extractDocument } from '../pipeline/extract.js';
import { SqliteStore, DEFAULT_DB } from '../store/sqlite.js';
import { ingest, inputSize, type IngestSummary } from '../ingest.js';
import { evaluate, formatReport } from '../eval/run.js';
import { exportEvents, EXPORT_FORMATS, type ExportFormat } from '../export/index.js';
import { AREAS, EVENT_TYPES, type Area, type EventType } from '../model.js';
import type { EventQuery, StoredEvent } from '../store/store.js';
import { renderEvidence } from './show.js';
import { DEFAULT_MAX_BYTES } from '../pipeline/decode.js';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app.js';
import { goldFor } from '../eval/gold.js';
import { mkdirSync, writeFileSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
export const SAMPLES_DIR = join(here, '..', '..', 'samples');

const program = new Command();
program
  .name('attache')
  .description('Turn raw multilingual defence-diplomacy news into coded defence-cooperation events (see ../shared/codebook.md).')
  .version('0.1.0')
  .showHelpAfterError();

const dbOption = () => new Option('--db <path>', 'SQLite database file (or set ATTACHE_DB)').default(DEFAULT_DB);
const maxBytesOption = () =>
  new Option('--max-bytes <n>', 'largest document accepted, in bytes').default(DEFAULT_MAX_BYTES).argParser(positiveInt);

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

function isoDate(v: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new InvalidArgumentError('must be YYYY, YYYY-MM or YYYY-MM-DD');
  return v;
}

function country(v: string): string {
  if (!/^[A-Za-z]{3}$/.test(v)) throw new InvalidArgumentError('must be an ISO 3166-1 alpha-3 code such as VNM');
  return v.toUpperCase();
}

function choice<T extends string>(list: readonly T[]) {
  return (v: string): T => {
    if (!list.includes(v as T)) throw new InvalidArgumentError(`must be one of: ${list.join(', ')}`);
    return v as T;
  };
}

function fail(message: string): never {
  process.stderr.write(`attache: ${message}\n`);
  process.exit(2);
}

async function openStore(path: string): Promise<SqliteStore> {
  try {
    const store = new SqliteStore(path);
    await store.migrate();
    return store;
  } catch (err) {
    return fail(`cannot open database ${path}: ${(err as Error).message}`);
  }
}

program
  .command('extract')
  .description('extract events from documents without a database: one codebook object per document')
  .argument('<paths...>', 'files or folders (.txt, .html, .jsonl, .json)')
  .option('--json', 'pretty JSON objects, one per document (default)')
  .option('--jsonl', 'one JSON object per line')
  .option('--with-text', 'add document.text, the cleaned text the evidence offsets point into')
  .option('--published <date>', 'publication date to use when a document has none (YYYY[-MM[-DD]])', isoDate)
  .option('--lang <code>', 'force the language instead of detecting it')
  .addOption(maxBytesOption())
  .action(async (paths: string[], o) => {
    let failed = 0;
    for await (const item of readPaths(paths, { published: o.published ?? null, maxBytes: o.maxBytes })) {
      if ('error' in item) {
        failed++;
        process.stderr.write(`attache: ${item.error.message}\n`);
        continue;
      }
      try {
        const { record } = extractDocument(item.doc, { withText: Boolean(o.withText), language: o.lang });
        process.stdout.write(o.jsonl ? JSON.stringify(record) + '\n' : JSON.stringify(record, null, 2) + '\n');
      } catch (err) {
        failed++;
        process.stderr.write(`attache: ${item.doc.source}: extraction failed: ${(err as Error).message}\n`);
      }
    }
    if (failed) process.exitCode = 1;
  });

function printSummary(s: IngestSummary, dbPath: string) {
  const rate = s.seconds > 0 ? ` (${(s.read / s.seconds).toFixed(0)} documents/s)` : '';
  process.stdout.write(
    `read ${s.read} documents in ${s.seconds.toFixed(1)} s${rate}: ${s.new} new, ${s.duplicate} duplicate, ${s.failed} failed; ${s.events} events stored in ${dbPath}\n`,
  );
}

/** Worker threads for extraction: all cores for large inputs (their start-up costs about a second), else none. */
async function workerCount(option: string | undefined, paths: string[]): Promise<number> {
  if (option && option !== 'auto') return Math.max(1, Number(option) || 1);
  const { availableParallelism } = await import('node:os');
  return (await inputSize(paths)) > 20 * 1024 * 1024 ? Math.min(4, availableParallelism()) : 1;
}

async function runIngest(paths: string[], dbPath: string, maxBytes: number, published?: string | null, workers = 1): Promise<IngestSummary> {
  const store = await openStore(dbPath);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({
        format: 'ingest {bar} {percentage}% | {value}/{total} KB | {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        stream: process.stderr,
      }, cliProgress.Presets.shades_classic)
    : null;
  let started = false;
  let stop = false;
  const onSigint = () => {
    stop = true;
    process.stderr.write('\nattache: stopping after the current batch (run the same command again to continue)\n');
  };
  process.once('SIGINT', onSigint);
  try {
    const summary = await ingest(store, paths, {
      maxBytes,
      workers,
      published: published ?? null,
      shouldStop: () => stop,
      onProgress: bar
        ? (done, total) => {
            if (!started) {
              bar.start(Math.max(1, Math.ceil(total / 1024)), 0);
              started = true;
            }
            bar.update(Math.ceil(done / 1024));
          }
        : undefined,
      onFailure: (source, reason) => {
        process.stderr.write(`${bar && started ? '\r\x1b[K' : ''}attache: skipped ${source}: ${reason}\n`);
      },
    });
    bar?.stop();
    return summary;
  } finally {
    process.removeListener('SIGINT', onSigint);
    await store.close();
  }
}

program
  .command('ingest')
  .description('extract events from documents and store them (a progress bar, then a summary)')
  .argument('<paths...>', 'files or folders (.txt, .html, .jsonl, .json), read recursively')
  .addOption(dbOption())
  .option('--published <date>', 'publication date to use when a document has none', isoDate)
  .addOption(maxBytesOption())
  .option('--workers <n>', 'extract on n threads ("auto": every core for inputs over 20 MB)', 'auto')
  .action(async (paths: string[], o) => {
    const s = await runIngest(paths, o.db, o.maxBytes, o.published, await workerCount(o.workers, paths));
    printSummary(s, o.db);
    if (s.failed) process.exitCode = 1;
  });

function queryOptions(cmd: Command): Command {
  return cmd
    .option('--country <iso3>', 'events with this country', country)
    .option('--partner <iso3>', 'events with this partner (with --country: the dyad)', country)
    .addOption(new Option('--type <type>', 'event type').argParser(choice(EVENT_TYPES)))
    .addOption(new Option('--area <area>', 'cooperation area').argParser(choice(AREAS)))
    .option('--from <date>', 'events on or after this date', isoDate)
    .option('--to <date>', 'events on or before this date', isoDate)
    .option('--lang <code>', 'documents in this language');
}

function toQuery(q: string | undefined, o: Record<string, any>): EventQuery {
  return {
    q,
    country: o.country,
    partner: o.partner,
    type: o.type as EventType | undefined,
    area: o.area as Area | undefined,
    from: o.from,
    to: o.to,
    lang: o.lang,
  };
}

function line(e: StoredEvent): string {
  const ev = e.event;
  const who = ev.participants.filter((p) => p.role === 'lead').map((p) => `${p.name} (${p.country ?? '?'})`).join(' / ');
  const mech = ev.mechanism ? ` ${ev.mechanism.name}${ev.mechanism.edition ? ` #${ev.mechanism.edition}` : ''}` : '';
  return `${e.id}  ${(ev.date?.value ?? '?').padEnd(10)}  ${ev.type.padEnd(13)} ${ev.countries.join('-').padEnd(11)}${mech}${who ? `  ${who}` : ''}`;
}

queryOptions(
  program
    .command('search')
    .description('search stored events (full text ignores case and diacritics: "doi thoai" finds "Đối thoại")')
    .argument('[query]', 'words to find in the reports ("quoted phrase" for a phrase)'),
)
  .addOption(dbOption())
  .option('--limit <n>', 'how many events', positiveInt, 50)
  .option('--json', 'JSON lines instead of a table')
  .action(async (query: string | undefined, o) => {
    const store = await openStore(o.db);
    const { total, events } = await store.searchEvents({ ...toQuery(query, o), limit: o.limit });
    for (const e of events) process.stdout.write((o.json ? JSON.stringify(e) : line(e)) + '\n');
    if (!o.json) process.stdout.write(`${events.length} of ${total} events\n`);
    await store.close();
  });

program
  .command('show')
  .description('one event: the record, and the source text with each field\'s evidence marked')
  .argument('<eventId>')
  .addOption(dbOption())
  .option('--json', 'the stored record as JSON')
  .action(async (id: string, o) => {
    const store = await openStore(o.db);
    const e = await store.getEvent(id);
    if (!e) {
      await store.close();
      fail(`no event ${id} in ${o.db} (attache search lists event ids)`);
    }
    const doc = await store.getDocument(e.documentId);
    await store.close();
    if (o.json) {
      process.stdout.write(JSON.stringify({ ...e, document: doc }, null, 2) + '\n');
      return;
    }
    process.stdout.write(renderEvidence(e, doc?.text ?? '', Boolean(process.stdout.isTTY)) + '\n');
  });

queryOptions(
  program
    .command('export')
    .description('export stored events: csv (one row per event, dyad columns), json, jsonl, graphml'),
)
  .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('csv'))
  .option('-o, --output <file>', 'write to a file instead of standard output')
  .addOption(dbOption())
  .action(async (o) => {
    const store = await openStore(o.db);
    const out = o.output ? createWriteStream(o.output) : process.stdout;
    const n = await exportEvents(store.allEvents(toQuery(undefined, o)), o.format as ExportFormat, out);
    if (o.output) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(r));
    await store.close();
    process.stderr.write(`exported ${n} events as ${o.format}${o.output ? ` to ${o.output}` : ''}\n`);
  });

program
  .command('eval')
  .description('score the extractor on a folder of gold pairs (codebook section 3)')
  .argument('<goldDir>', 'folder of NAME.txt|NAME.html + NAME.gold.json')
  .option('--json', 'the scores and misses as JSON')
  .action((dir: string, o) => {
    let r;
    try {
      r = evaluate(dir);
    } catch (err) {
      fail((err as Error).message);
    }
    if (o.json) {
      process.stdout.write(JSON.stringify({ documents: r.documents, fields: r.scorer.report(), overall: r.scorer.overall(), misses: r.scorer.misses, language: r.languageErrors }, null, 2) + '\n');
    } else process.stdout.write(formatReport(r) + '\n');
  });

async function startServer(dbPath: string, port: number, host: string): Promise<void> {
  const store = await openStore(dbPath);
  const token = process.env.ATTACHE_TOKEN || null;
  const app = createApp({ store, token });
  await new Promise<void>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}/`;
      process.stdout.write(`Attaché dashboard: ${url}  (API: ${url}api/events, ${url}openapi.json)\n`);
      process.stdout.write(token ? 'Writing (review, add) is enabled with ATTACHE_TOKEN.\n' : 'Read-only: set ATTACHE_TOKEN to enable review and add.\n');
      resolve();
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} is in use (choose another with --port)` : err.message));
    });
    const stop = () => {
      server.close();
      void store.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

program
  .command('serve')
  .description('serve the dashboard and the JSON API (reading is open; writing needs ATTACHE_TOKEN)')
  .addOption(dbOption())
  .option('--port <n>', 'port to listen on', positiveInt, Number(process.env.PORT) || 8080)
  .option('--host <host>', 'address to listen on (127.0.0.1 keeps it on this machine)', '127.0.0.1')
  .action(async (o) => {
    try {
      await startServer(o.db, o.port, o.host);
    } catch (err) {
      fail((err as Error).message);
    }
  });

program
  .command('gold')
  .description('write reviewed documents as a gold set (NAME.txt + NAME.gold.json, codebook section 3)')
  .argument('<dir>', 'folder to write into')
  .option('--all', 'every stored document, not only the reviewed ones')
  .addOption(dbOption())
  .action(async (dir: string, o) => {
    const store = await openStore(o.db);
    const ids = o.all ? (await store.listDocuments(1_000_000, 0)).documents.map((d) => d.id) : await store.reviewedDocuments();
    mkdirSync(dir, { recursive: true });
    for (const id of ids) {
      const doc = (await store.getDocument(id))!;
      writeFileSync(join(dir, `${id}.txt`), doc.text);
      writeFileSync(join(dir, `${id}.gold.json`), JSON.stringify(await goldFor(store, doc), null, 1) + '\n');
    }
    await store.close();
    process.stdout.write(`wrote ${ids.length} gold pairs to ${dir}${ids.length ? '' : ' (no document has been reviewed yet; --all writes every one)'}\n`);
  });

program
  .command('start')
  .description('ingest the bundled sample reports into the embedded database, show what was found, and serve the dashboard')
  .addOption(dbOption())
  .option('--port <n>', 'port for the dashboard', positiveInt, Number(process.env.PORT) || 8080)
  .option('--no-serve', 'only ingest and print')
  .action(async (o) => {
    if (!existsSync(SAMPLES_DIR)) fail(`sample folder ${SAMPLES_DIR} is missing`);
    const s = await runIngest([SAMPLES_DIR], o.db, DEFAULT_MAX_BYTES);
    printSummary(s, o.db);
    const store = await openStore(o.db);
    const { total, events } = await store.searchEvents({ limit: 100, sort: 'date' });
    process.stdout.write(`\n${total} events in the database:\n`);
    for (const e of events) process.stdout.write(`  ${line(e)}\n`);
    process.stdout.write(`\nAlso: attache show ${events[0]?.id ?? '<event id>'}   attache search "hoi dam"   attache export --format csv\n\n`);
    await store.close();
    if (o.serve) {
      try {
        await startServer(o.db, o.port, '127.0.0.1');
      } catch (err) {
        fail((err as Error).message);
      }
    }
  });

program.parseAsync(process.argv).catch((err) => {
  process.stderr.write(`attache: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
