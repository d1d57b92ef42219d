import type { Token } from '../text/tokenize.js';
import { foldToken } from '../text/fold.js';

/**
 * A phrase lexicon compiled into a token trie. Matching is leftmost-longest
 * over folded tokens, so a longer entry (or a blocker) always beats a phrase
 * inside it, and one pass over the tokens finds every mention.
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
}

interface Entry<V> {
  value: V | null;
  origin: string;
  /** Original tokens, present when the entry only matches as written. */
  exact: string[] | null;
}

interface Node<V> {
  next: Map<string, Node<V>> | null;
  /** Stem edges (`Вьетнам*`): checked with startsWith. */
  stems: Array<[string, Node<V>]> | null;
  entries: Entry<V>[] | null;
}

const PHRASE_TOKEN_RE = /[\p{L}\p{M}\p{N}]+\*?|[^\s\p{L}\p{M}\p{N}]/gu;

function newNode<V>(): Node<V> {
  return { next: null, stems: null, entries: null };
}

export interface AddOptions {
  caseSensitive?: boolean;
}

export class PhraseMatcher<V> {
  private readonly root: Node<V> = newNode();
  private proclitics: string[] = [];
  size = 0;

  constructor(readonly name: string) {}

  /** Prefixes glued to a word's first token (Arabic `و`, `ال` ...), longest first. */
  setProclitics(list: string[]): this {
    this.proclitics = [...new Set(list.map((p) => foldToken(p)))].sort((a, b) => b.length - a.length);
    return this;
  }

  /** Add a phrase; `value` null makes it a blocker. */
  add(phrase: string, value: V | null, origin: string, opts: AddOptions = {}): void {
    const parts = [...phrase.normalize('NFC').matchAll(PHRASE_TOKEN_RE)].map((m) => m[0]);
    if (parts.length === 0) return;
    let node = this.root;
    for (const part of parts) {
      const stem = part.length > 1 && part.endsWith('*');
      const key = foldToken(stem ? part.slice(0, -1) : part);
      if (stem) {
        node.stems ??= [];
        let found = node.stems.find(([k]) => k === key);
        if (!found) {
          found = [key, newNode<V>()];
          node.stems.push(found);
        }
        node = found[1];
      } else {
        node.next ??= new Map();
        let child = node.next.get(key);
        if (!child) {
          child = newNode<V>();
          node.next.set(key, child);
        }
        node = child;
      }
    }
    node.entries ??= [];
    const exact = opts.caseSensitive ? parts.map((p) => foldToken(p.replace(/\*$/, ''), true)) : null;
    // Re-adding the same phrase replaces its value: later files refine earlier ones.
    const same = node.entries.findIndex((e) => (e.exact === null) === (exact === null));
    const entry = { value, origin, exact };
    if (same >= 0) node.entries[same] = entry;
    else node.entries.push(entry);
    this.size++;
  }

  private step(node: Node<V>, key: string): Node<V>[] {
    const out: Node<V>[] = [];
    const exact = node.next?.get(key);
    if (exact) out.push(exact);
    if (node.stems) for (const [stem, child] of node.stems) if (key.startsWith(stem)) out.push(child);
    return out;
  }

  private accept(entries: Entry<V>[] | null, tokens: Token[], first: number): Entry<V> | null {
    if (!entries) return null;
    for (const e of entries) {
      if (!e.exact) return e;
      let ok = true;
      for (let j = 0; j < e.exact.length; j++) {
        const t = tokens[first + j];
        const written = foldToken(t.text, true);
        // A proclitic may precede the case-sensitive word: compare its tail.
        if (written !== e.exact[j] && !(j === 0 && written.endsWith(e.exact[j]))) {
          ok = false;
          break;
        }
      }
      if (ok) return e;
    }
    return null;
  }

  /** Longest entry starting at token `i` (blockers included), or null. */
  longestAt(tokens: Token[], i: number): { entry: Entry<V>; last: number } | null {
    const firstKeys = [tokens[i].key];
    for (const p of this.proclitics) {
      const k = tokens[i].key;
      if (k.length > p.length + 1 && k.startsWith(p)) firstKeys.push(k.slice(p.length));
    }
    let best: { entry: Entry<V>; last: number } | null = null;
    for (const k0 of firstKeys) {
      // Depth-first over the trie; stems can branch.
      const stack: Array<[Node<V>, number]> = this.step(this.root, k0).map((n) => [n, i + 1]);
      while (stack.length) {
        const [node, next] = stack.pop()!;
        const e = this.accept(node.entries, tokens, i);
        if (e && (!best || next > best.last)) best = { entry: e, last: next };
        if (next < tokens.length && (node.next || node.stems)) {
          for (const child of this.step(node, tokens[next].key)) stack.push([child, next + 1]);
        }
      }
    }
    return best;
  }

  /** All non-overlapping leftmost-longest matches in `tokens[from, to)`. Blockers consume text silently. */
  matchAll(tokens: Token[], from = 0, to = tokens.length): PhraseMatch<V>[] {
    const out: PhraseMatch<V>[] = [];
    let i = from;
    while (i < to) {
      const m = this.longestAt(tokens, i);
      if (m && m.last <= to) {
        if (m.entry.value !== null) {
          out.push({
            value: m.entry.value,
            first: i,
            last: m.last,
            start: tokens[i].start,
            end: tokens[m.last - 1].end,
            origin: m.entry.origin,
          });
        }
        i = m.last;
      } else i++;
    }
    return out;
  }
}
