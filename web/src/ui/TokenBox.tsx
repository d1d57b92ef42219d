import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { useToken } from '../session/token';
import { KeyIcon } from './icons';

/** Enter the write token once for this tab; it is shown masked and can be forgotten. */
export function TokenBox() {
  const { t } = useI18n();
  const [token, setToken] = useToken();
  const [draft, setDraft] = useState('');
  if (token) {
    return (
      <div class="token-box token-set" data-testid="token-set">
        <span class="badge badge-ok"><KeyIcon /> {t('token.isSet')}</span>
        <button type="button" class="btn btn-small" onClick={() => setToken(null)}>{t('token.clear')}</button>
      </div>
    );
  }
  return (
    <form class="token-box" onSubmit={(e) => { e.preventDefault(); if (draft.trim()) setToken(draft.trim()); setDraft(''); }}>
      <label class="field">
        <span>{t('token.label')}</span>
        <input type="password" name="token" autocomplete="off" value={draft} placeholder={t('token.placeholder')}
          onInput={(e) => setDraft(e.currentTarget.value)} />
      </label>
      <button type="submit" class="btn" data-testid="token-submit">{t('token.set')}</button>
      <p class="hint">{t('token.hint')}</p>
    </form>
  );
}
