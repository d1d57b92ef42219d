import { currentKeyIds, type Token } from '../text/tokenize.js';
import { foldToken, internLexiconKey, lexiconKeyId } from '../text/fold.js';

/**
 * A phrase lexicon compiled into a token trie. Matching is leftmost-longest
 * over folded tokens, so a longer entry (or a blocker) always beats a phrase
 * inside it. A matcher can hold several layers (countries, ranks, cues ...):
 * one walk of the trie per token serves them all, and each layer keeps its own
 * leftmost-longest, non-overlapping matches.
 */

export interface PhraseMatch<V> {
  value: V;
  /** Token indices, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** The lexicon entry as written, for evidence (`vi/ranks:Thượng tướng`). */
  origin: string;
  /** The clitic stripped from the first word to match (Arabic "و" in "ووزير"), if any. */
  proclitic?: string;
}

interface Entry {
  value: unknown;
  origin: string;
  /** Original tokens, present when the entry only matches as written. */
  exact: string[] | null;
  layer: number;
}

interface Node {
  /** Exact edges by lexicon key id (fold.ts). */
  next: Map<number, Node> | null;
  /** Stem edges (`Вьетнам*`), grouped by first character: checked with startsWith. */
  stems: Map<number, Array<[string, Node]>> | null;
  entries: Entry[] | null;
}

/** The clitic whose removal let an entry match the word (the longest that leaves its first key). */
function cliticFor(key: string, proclitics: string[], _tokens: Token[], e: Entry | null): string | undefined {
  void e;
  for (const p of proclitics) if (key.length > p.length + 1 && key.startsWith(p)) return p;
  return undefined;
}

const PHRASE_TOKEN_RE = new RegExp(String.raw`\p{Script=Han}|[[\p{L}\p{M}\p{N}]--\p{Script=Han}]+\*?|[^\s\p{L}\p{M}\p{N}]`, 'gv');

function newNode(): Node {
  return { next: null, stems: null, entries: null };
}

export interface AddOptions {
  caseSensitive?: boolean;
  layer?: number;
}

export class PhraseMatcher<V = unknown> {
  private readonly root: Node = newNode();
  /** The root's edges again, as an array indexed by key id: the first word of every token is looked up here. */
  private readonly rootNext: Array<Node | undefined> = [];
  private proclitics: string[] = [];
  private layers = 1;
  size = 0;

  constructor(readonly name: string) {}

  /** A new layer of this lexicon, for another kind of phrase. */
  layer<W>(name: string): Layer<W> {
    if (!this.layered) {
      // The first named layer takes layer 0.
      this.layered = true;
      this.layers = 0;
    }
    return new Layer<W>(this, this.layers++, name);
  }

  private layered = false;

  /** Prefixes glued to a word's first token (Arabic `و`, `ال` ...), longest first. */
  setProclitics(list: string[]): this {
    this.proclitics = [...new Set(list.map((p) => foldToken(p)))].sort((a, b) => b.length - a.length);
    return this;
  }

  /** Add a phrase; `value` null makes it a blocker (in its layer). */
  add(phrase: string, value: V | null, origin: string, opts: AddOptions = {}): void {
    const parts = [...phrase.normalize('NFC').matchAll(PHRASE_TOKEN_RE)].map((m) => m[0]);
    if (parts.length === 0) return;
    const layer = opts.layer ?? 0;
    if (!this.layered) this.layers = Math.max(this.layers, layer + 1);
    let node = this.root;
    for (const part of parts) {
      const stem = part.length > 1 && part.endsWith('*');
      const key = foldToken(stem ? part.slice(0, -1) : part);
      if (stem) {
        node.stems ??= new Map();
        let group = node.stems.get(key.charCodeAt(0));
        if (!group) {
          group = [];
          node.stems.set(key.charCodeAt(0), group);
        }
        let found = group.find(([k]) => k === key);
        if (!found) {
          found = [key, newNode()];
          group.push(found);
        }
        node = found[1];
      } else {
        node.next ??= new Map();
        const id = internLexiconKey(key);
        let child = node.next.get(id);
        if (!child) {
          child = newNode();
          node.next.set(id, child);
          if (node === this.root) this.rootNext[id] = child;
        }
        node = child;
      }
    }
    node.entries ??= [];
    const exact = opts.caseSensitive ? parts.map((p) => foldToken(p.replace(/\*$/, ''), true)) : null;
    // Re-adding the same phrase to a layer replaces its value: later files refine earlier ones.
    const same = node.entries.findIndex((e) => e.layer === layer && (e.exact === null) === (exact === null));
    const entry: Entry = { value, origin, exact, layer };
    if (same >= 0) node.entries[same] = entry;
    else node.entries.push(entry);
    this.size++;
  }

  private static accepts(e: Entry, tokens: Token[], first: number): boolean {
    if (!e.exact) return true;
    for (let j = 0; j < e.exact.length; j++) {
      const t = tokens[first + j];
      const written = (t.caseKey ??= foldToken(t.text, true));
      // A proclitic may precede the case-sensitive word: compare its tail.
      if (written !== e.exact[j] && !(j === 0 && written.endsWith(e.exact[j]))) return false;
    }
    return true;
  }

  /**
   * Longest entry per layer starting at token i, written into `bestLast` /
   * `bestEntry` (indexed by layer). Exact edges are followed in a loop; only
   * stem edges (rare) recurse.
   */
  private walk(node: Node, tokens: Token[], i: number, next: number, key: string, id: number, bestLast: Int32Array, bestEntry: (Entry | null)[]): void {
    let cur: Node | undefined = node;
    for (;;) {
      if (cur.stems) {
        const group = cur.stems.get(key.charCodeAt(0));
        if (group) {
          for (const [stem, child] of group) {
            if (!key.startsWith(stem)) continue;
            this.record(child, tokens, i, next + 1, bestLast, bestEntry);
            if (next + 1 < tokens.length && (child.next || child.stems)) {
              const t = tokens[next + 1];
              this.walk(child, tokens, i, next + 1, t.key, t.keyId, bestLast, bestEntry);
            }
          }
        }
      }
      if (id < 0) return;
      cur = cur === this.root ? this.rootNext[id] : cur.next?.get(id);
      if (!cur) return;
      next++;
      if (cur.entries) this.record(cur, tokens, i, next, bestLast, bestEntry);
      if (next >= tokens.length || (!cur.next && !cur.stems)) return;
      key = tokens[next].key;
      id = tokens[next].keyId;
    }
  }

  private record(node: Node, tokens: Token[], i: number, last: number, bestLast: Int32Array, bestEntry: (Entry | null)[]): void {
    if (!node.entries) return;
    for (const e of node.entries) {
      const L = e.layer;
      if (last > bestLast[L] && PhraseMatcher.accepts(e, tokens, i)) {
        if (bestLast[L] < 0) this.touched.push(L);
        bestLast[L] = last;
        bestEntry[L] = e;
      }
    }
  }

  /** Layers that found something at the current token (so only those are visited). */
  private touched: number[] = [];

  /** Leftmost-longest matches of every layer in `tokens[from, to)`; blockers consume text silently. */
  matchLayers(tokens: Token[], from = 0, to = tokens.length): PhraseMatch<any>[][] {
    currentKeyIds(tokens);
    const n = this.layers;
    const out: PhraseMatch<any>[][] = Array.from({ length: n }, () => []);
    const nextFree = new Int32Array(n).fill(from);
    const bestLast = new Int32Array(n);
    const bestEntry: (Entry | null)[] = new Array(n).fill(null);
    const bestClitic: (string | undefined)[] = new Array(n).fill(undefined);
    bestLast.fill(-1);
    for (let i = from; i < to; i++) {
      const touched = (this.touched = []);
      const k = tokens[i].key;
      this.walk(this.root, tokens, i, i, k, tokens[i].keyId, bestLast, bestEntry);
      if (this.proclitics.length) {
        const plain = touched.map((L) => bestLast[L]);
        const seen = touched.length;
        for (const p of this.proclitics) {
          if (k.length > p.length + 1 && k.startsWith(p)) {
            const stripped = k.slice(p.length);
            this.walk(this.root, tokens, i, i, stripped, lexiconKeyId(stripped), bestLast, bestEntry);
          }
        }
        // A layer whose best match needed a clitic stripped remembers which.
        for (let x = 0; x < touched.length; x++) {
          const L = touched[x];
          if (x >= seen || bestLast[L] !== plain[x]) bestClitic[L] = cliticFor(k, this.proclitics, tokens, bestEntry[L]);
        }
      }
      for (const L of touched) {
        const last = bestLast[L];
        const e = bestEntry[L]!;
        const clitic = bestClitic[L];
        bestLast[L] = -1;
        bestClitic[L] = undefined;
        if (i < nextFree[L] || last > to) continue;
        nextFree[L] = last;
        if (e.value !== null) {
          const m: PhraseMatch<unknown> = { value: e.value, first: i, last, start: tokens[i].start, end: tokens[last - 1].end, origin: e.origin };
          if (clitic !== undefined) m.proclitic = clitic;
          out[L].push(m);
        }
      }
    }
    return out;
  }

  /** All non-overlapping leftmost-longest matches of layer 0. */
  matchAll(tokens: Token[], from = 0, to = tokens.length): PhraseMatch<V>[] {
    return this.matchLayers(tokens, from, to)[0] as PhraseMatch<V>[];
  }
}

/** One kind of phrase (countries, ranks, cues ...) in a shared lexicon. */
export class Layer<V> {
  constructor(readonly lexicon: PhraseMatcher, readonly id: number, readonly name: string) {}

  add(phrase: string, value: V | null, origin: string, opts: AddOptions = {}): void {
    this.lexicon.add(phrase, value, origin, { ...opts, layer: this.id });
  }

  /** This layer's matches among all the layers' (see PhraseMatcher.matchLayers). */
  of(all: PhraseMatch<any>[][]): PhraseMatch<V>[] {
    return (all[this.id] ?? []) as PhraseMatch<V>[];
  }

  /** Match this layer alone (tests, one-off uses); the pipeline matches all layers in one pass. */
  matchAll(tokens: Token[]): PhraseMatch<V>[] {
    return this.of(this.lexicon.matchLayers(tokens));
  }
}
