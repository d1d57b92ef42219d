import type { Evidence, StoredDocument } from '../api/types';
import { useI18n } from '../i18n';
import { EvidenceText } from '../evidence/EvidenceText';
import { fieldLabel } from '../evidence/fieldLabel';

export interface Pointed { fields: string[]; origins: string[] }

/** The document's metadata and its text with the evidence marked, plus what the pointed passage supports. */
export function SourcePanel({ document, evidence, activeKey, pointed, onPoint }: {
  document: Pick<StoredDocument, 'id' | 'title' | 'source' | 'language' | 'published' | 'text'> & { url?: string | null };
  evidence: Record<string, Evidence[]>;
  activeKey: string | null;
  pointed: Pointed | null;
  onPoint: (p: Pointed | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="source-panel">
      <dl class="doc-meta">
        {document.title && <div><dt>{t('event.docTitle')}</dt><dd class="doc-title">{document.title}</dd></div>}
        <div><dt>{t('event.sourceLabel')}</dt><dd class="break">{document.url ?? document.source}</dd></div>
        <div><dt>{t('event.language')}</dt><dd>{document.language}</dd></div>
        <div><dt>{t('event.published')}</dt><dd>{document.published ?? '—'}</dd></div>
      </dl>
      <div class="supports" aria-live="polite" data-testid="supports">
        {pointed ? (
          <>
            <span>{t('event.supports')}</span>
            <ul>
              {pointed.fields.map((f, i) => (
                <li key={f}><strong>{fieldLabel(f, t)}</strong> <code>{pointed.origins[i]}</code></li>
              ))}
            </ul>
          </>
        ) : <span class="muted">{t('event.pointHint')}</span>}
      </div>
      <EvidenceText text={document.text ?? ''} evidence={evidence} activeKey={activeKey} onPoint={onPoint} />
    </div>
  );
}
