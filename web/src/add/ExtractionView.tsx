import { useState } from 'preact/hooks';
import type { ExtractResult } from '../api/types';
import { RecordView } from '../event/RecordView';
import { SourcePanel, type Pointed } from '../event/SourcePanel';
import { useI18n } from '../i18n';

/** What the extractor found in a pasted report: each event's record, and the cleaned text with its evidence. */
export function ExtractionView({ result }: { result: ExtractResult }) {
  const { t } = useI18n();
  const [index, setIndex] = useState(0);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [pointed, setPointed] = useState<Pointed | null>(null);
  const { document: doc, events } = result.record;
  const i = Math.min(index, Math.max(0, events.length - 1));
  const ev = events[i];
  const evidence = ev?.evidence ?? {};
  return (
    <div class="extraction" data-testid="extraction">
      <p class="muted">{t('add.document', { id: doc.id, lang: doc.language })}</p>
      <p><strong data-testid="events-found">{events.length ? t('add.eventsFound', { n: events.length }) : t('add.noEvents')}</strong></p>
      {events.length > 1 && (
        <div class="tabs" role="tablist">
          {events.map((_, j) => (
            <button type="button" role="tab" aria-selected={j === i} key={j} class={`tab ${j === i ? 'active' : ''}`} onClick={() => setIndex(j)}>
              {t('add.eventN', { n: j + 1 })}
            </button>
          ))}
        </div>
      )}
      {ev && <RecordView event={ev} evidence={evidence} pointed={pointed?.fields} activeKey={activeKey} onActivate={setActiveKey} />}
      <h3 class="rec-group">{t('add.cleaned')}</h3>
      <SourcePanel
        document={{ id: doc.id, title: doc.title, source: doc.source, language: doc.language, published: doc.published, url: doc.url ?? null, text: doc.text ?? '' }}
        evidence={evidence} activeKey={activeKey} pointed={pointed} onPoint={setPointed} />
    </div>
  );
}
