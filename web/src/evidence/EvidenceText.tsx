import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Evidence } from '../api/types';
import { useI18n } from '../i18n';
import { segments, supports } from './segments';

export interface EvidenceTextProps {
  text: string;
  evidence: Record<string, Evidence[]> | undefined;
  /** The record row being pointed at: its passages are marked and scrolled to. */
  activeKey?: string | null;
  /** Called with the fields (and origins) of the passage being pointed at, or null. */
  onPoint?: (p: { fields: string[]; origins: string[] } | null) => void;
}

/**
 * The document text with every evidence span highlighted. The text is
 * rendered as text nodes only (never as markup), so a report that contains
 * `<script>` shows it literally.
 */
export function EvidenceText({ text, evidence, activeKey, onPoint }: EvidenceTextProps) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const runs = useMemo(() => segments(text.length, evidence), [text, evidence]);

  useEffect(() => {
    if (!activeKey || !box.current) return;
    const first = box.current.querySelector<HTMLElement>('mark.ev.ev-active');
    if (!first) return;
    const c = box.current;
    // .source-text is positioned, so offsetTop is measured from its top edge.
    const top = first.offsetTop;
    if (top < c.scrollTop + 8 || top > c.scrollTop + c.clientHeight - 40) {
      c.scrollTo({ top: Math.max(0, top - c.clientHeight / 3), behavior: 'smooth' });
    }
  }, [activeKey]);

  if (!text) return <div class="state state-empty">{t('event.noText')}</div>;
  return (
    <div class="source-text" ref={box} data-testid="source-text">
      {runs.map((r) => {
        const chunk = text.slice(r.start, r.end);
        if (!r.fields.length) return chunk;
        const active = activeKey ? r.fields.some((f) => supports(f, activeKey)) : false;
        const cls = `ev${r.fields.length > 1 ? ' ev-multi' : ''}${active ? ' ev-active' : ''}`;
        const point = () => onPoint?.({ fields: r.fields, origins: r.origins });
        return (
          <mark
            key={r.start}
            class={cls}
            data-fields={r.fields.join(' ')}
            data-start={r.start}
            data-end={r.end}
            tabIndex={0}
            title={r.fields.map((f, i) => `${f} ← ${r.origins[i]}`).join('\n')}
            onMouseEnter={point}
            onFocus={point}
            onMouseLeave={() => onPoint?.(null)}
            onBlur={() => onPoint?.(null)}
          >
            {chunk}
          </mark>
        );
      })}
    </div>
  );
}
