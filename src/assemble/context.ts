import type { Doc, Sentence } from '../pipeline/doc.js';
import type { CueKind } from '../lexicon/language-pack.js';
import type { Evidence } from '../model.js';

/**
 * Reading helpers shared by the assemblers: clauses, clause cues near a span,
 * and the framing clause of a lead sentence.
 */

const CLAUSE_BREAK = new Set([',', ';', ':', '،', '؛', '(', ')', '"']);
const STRONG_BREAK = new Set([';', ':', '؛']);

export interface Range {
  first: number;
  last: number;
}

export class Reader {
  /** Token index -> set of clause-cue kinds covering it. */
  private readonly cueAt: Array<Set<CueKind> | undefined>;

  constructor(readonly doc: Doc) {
    this.cueAt = new Array(doc.tokens.length);
    for (const c of doc.clauseCues) {
      for (let k = c.first; k < c.last; k++) this.cueAt[k] = c.value;
    }
  }

  sentence(tokenIndex: number): Sentence {
    return this.doc.sentences[this.doc.sentenceOf[tokenIndex]];
  }

  /** The clause around a token: bounded by , ; : and the sentence. */
  clause(tokenIndex: number, strong = false): Range {
    const s = this.sentence(tokenIndex);
    const breaks = strong ? STRONG_BREAK : CLAUSE_BREAK;
    let first = tokenIndex;
    while (first > s.first && !breaks.has(this.doc.tokens[first - 1].text)) first--;
    let last = tokenIndex + 1;
    while (last < s.last && !breaks.has(this.doc.tokens[last].text)) last++;
    return { first, last };
  }

  /** Is a clause cue of `kind` in the token range? */
  hasCue(kind: CueKind, r: Range): boolean {
    for (let k = r.first; k < r.last; k++) if (this.cueAt[k]?.has(kind)) return true;
    return false;
  }

  /** Clause cues of `kind` in a range, as matches. */
  cues(kind: CueKind, r: Range) {
    return this.doc.clauseCues.filter((c) => c.first >= r.first && c.last <= r.last && c.value.has(kind));
  }

  /** A plan, not a fact: a future cue in the clause of the span, or within `window` tokens before it in its sentence. */
  isFuture(r: Range, window = 8): boolean {
    const c = this.clause(r.first);
    if (this.hasCue('future', { first: c.first, last: Math.max(c.last, r.last) })) return true;
    const s = this.sentence(r.first);
    return this.hasCue('future', { first: Math.max(s.first, r.first - window), last: r.first });
  }

  isBackground(r: Range, window = 6): boolean {
    const s = this.sentence(r.first);
    const c = this.clause(r.first);
    return this.hasCue('background', { first: Math.max(s.first, Math.min(c.first, r.first - window)), last: r.last });
  }

  /**
   * Framing clauses of a sentence ("Trong khuôn khổ chuyến thăm ...,", "On the
   * sidelines of ...,"): from the cue to the next comma. People and cues there
   * are context, not the event.
   */
  framing(s: Sentence): Range[] {
    const out: Range[] = [];
    for (const c of this.cues('framing', s)) {
      let last = c.last;
      const toks = this.doc.tokens;
      while (last < s.last && toks[last].text !== ',' && toks[last].text !== '،') last++;
      out.push({ first: c.first, last });
    }
    return out;
  }

  inRanges(first: number, ranges: Range[]): boolean {
    return ranges.some((r) => first >= r.first && first < r.last);
  }

  ev(start: number, end: number, origin: string): Evidence {
    return { start, end, origin };
  }
}
