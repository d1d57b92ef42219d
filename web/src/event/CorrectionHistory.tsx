import type { Correction } from '../api/types';
import { useI18n } from '../i18n';
import { fieldLabel } from '../evidence/fieldLabel';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Every correction of an event, oldest first, as it was stored. */
export function CorrectionHistory({ corrections }: { corrections: Correction[] }) {
  const { t } = useI18n();
  if (!corrections.length) return <div class="state state-empty">{t('event.noHistory')}</div>;
  return (
    <ol class="history" data-testid="history">
      {corrections.map((c, i) => (
        <li key={c.id ?? i} data-field={c.field}>
          <div class="history-head">
            <strong>{fieldLabel(c.field, t)}</strong> <code class="muted">{c.field}</code>
            <span class="muted"> · {new Date(c.createdAt).toLocaleString()}</span>
            {c.author && <span class="muted"> · {c.author}</span>}
          </div>
          <pre class="history-value">{show(c.value)}</pre>
          {c.note && <p class="history-note">{c.note}</p>}
        </li>
      ))}
    </ol>
  );
}
