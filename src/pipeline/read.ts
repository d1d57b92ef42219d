import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename, extname, join } from 'node:path';
import { InputError, type RawDocument } from '../model.js';
import { decode, DEFAULT_MAX_BYTES, tooLarge } from './decode.js';

/**
 * Readers: paths in, raw documents out, one at a time (a folder of a million
 * files, or a JSON Lines file of any size, never sits in memory whole).
 * Each problem is yielded as an InputError naming its source, and reading goes on.
 */

export type ReadItem = { doc: RawDocument } | { error: InputError };

export interface ReadOptions {
  maxBytes?: number;
  /** Publication date given by the caller (`--published`), used when the input has none. */
  published?: string | null;
}

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);

/** Files that sit beside documents but are not documents (gold answers, notes). */
function ignored(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.gold.json') || name === 'README.md' || name === 'node_modules';
}

export async function* readPaths(paths: string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const p of paths) yield* readPath(p, opts, true);
}

async function* readPath(path: string, opts: ReadOptions, explicit: boolean): AsyncGenerator<ReadItem> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    yield { error: new InputError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`) };
    return;
  }
  if (st.isDirectory()) {
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (err) {
      yield { error: new InputError(path, `folder cannot be listed (${(err as NodeJS.ErrnoException).code})`) };
      return;
    }
    for (const name of names) if (!ignored(name)) yield* readPath(join(path, name), opts, false);
    return;
  }
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    yield* readJsonLines(path, opts);
    return;
  }
  if (!explicit && !TEXT_EXT.has(ext) && !HTML_EXT.has(ext) && ext !== '.json') return;
  if (!explicit && ignored(basename(path))) return;
  try {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    // Refuse before reading: a 50 MB dump must not be loaded to be rejected.
    if (st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    const text = decode(await readFile(path), path, maxBytes);
    if (ext === '.json') {
      yield* jsonDocuments(text, path, opts);
      return;
    }
    const html = HTML_EXT.has(ext) || (!TEXT_EXT.has(ext) && /^\s*<(!doctype|html|head|body|article)/i.test(text));
    yield { doc: { source: path, body: text, format: html ? 'html' : 'text', published: opts.published ?? null } };
  } catch (err) {
    yield { error: err instanceof InputError ? err : new InputError(path, (err as Error).message) };
  }
}

/** One JSON object per line: `{url, published, title, text | html}`. */
async function* readJsonLines(path: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let lineNo = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNo++;
      if (!line.trim()) continue;
      const where = `${path}:${lineNo}`;
      if (Buffer.byteLength(line) > maxBytes) {
        yield { error: tooLarge(where, Buffer.byteLength(line), maxBytes) };
        continue;
      }
      if (line.includes('\ufffd')) {
        yield { error: new InputError(where, 'invalid UTF-8 in this line (convert the file to UTF-8)') };
        continue;
      }
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (err) {
        yield { error: new InputError(where, `malformed JSON (${(err as Error).message})`) };
        continue;
      }
      const item = fromObject(obj, where, opts);
      yield item;
    }
  } catch (err) {
    yield { error: new InputError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`) };
  }
}

function* jsonDocuments(text: string, path: string, opts: ReadOptions): Generator<ReadItem> {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    yield { error: new InputError(path, `malformed JSON (${(err as Error).message})`) };
    return;
  }
  const list = Array.isArray(obj) ? obj : [obj];
  for (let i = 0; i < list.length; i++) yield fromObject(list[i], list.length > 1 ? `${path}[${i}]` : path, opts);
}

function fromObject(obj: unknown, where: string, opts: ReadOptions): ReadItem {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    return { error: new InputError(where, 'expected a JSON object with "text" or "html"') };
  }
  const o = obj as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string) : null);
  const body = str('text') ?? str('html') ?? str('content') ?? str('body');
  if (!body) return { error: new InputError(where, 'no "text" or "html" field with content') };
  const format = str('text') ? 'text' : str('html') ? 'html' : /^\s*</.test(body) ? 'html' : 'text';
  return {
    doc: {
      source: str('url') ?? where,
      body,
      format,
      url: str('url'),
      title: str('title'),
      published: str('published') ?? str('date') ?? str('published_at') ?? opts.published ?? null,
    },
  };
}
