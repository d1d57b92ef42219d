import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';

/** Loading, error and empty states, the same everywhere. */

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function ErrorBox({ error, onRetry }: { error: Error | string; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div class="state state-error" role="alert">
      <strong>{t('state.error')}</strong>
      <span class="state-error-message">
        {t('state.errorHint')} <code data-testid="api-error">{message}</code>
      </span>
      {onRetry && (
        <button type="button" class="btn btn-small" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: ComponentChildren }) {
  const { t } = useI18n();
  return <div class="state state-empty">{children ?? t('state.empty')}</div>;
}

export function Panel({ title, actions, children, class: cls, id }: { title?: ComponentChildren; actions?: ComponentChildren; children: ComponentChildren; class?: string; id?: string }) {
  return (
    <section class={`panel ${cls ?? ''}`} id={id}>
      {(title || actions) && (
        <header class="panel-head">
          {title && <h2>{title}</h2>}
          {actions && <div class="panel-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}
