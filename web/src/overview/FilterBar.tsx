import { useEffect, useState } from 'preact/hooks';
import { AREAS, EVENT_TYPES } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { useCountries } from '../lib/countries';
import { DATE_RE, FILTER_KEYS, overviewUrl, type Filters, type ListState } from '../lib/filters';
import { navigate } from '../lib/router';

const LANGUAGES = ['vi', 'en', 'ar', 'fr', 'es', 'ru', 'id', 'zh', 'lo', 'km', 'th', 'pt', 'de', 'ja', 'ko'];

/**
 * Country, partner, type, area, dates, report language and free text. Lists
 * apply as soon as they change; text and dates on Enter or "Search". Every
 * change goes into the URL (and back to page 1).
 */
export interface FilterBarProps {
  state: ListState;
  languages: string[];
  /** Events per country and per partner in the current view (from the facets), shown in the lists. */
  countryCounts: Map<string, number>;
  partnerCounts: Map<string, number>;
}

export function FilterBar({ state, languages, countryCounts, partnerCounts }: FilterBarProps) {
  const { t, num } = useI18n();
  const countries = useCountries();
  const [q, setQ] = useState(state.q ?? '');
  const [from, setFrom] = useState(state.from ?? '');
  const [to, setTo] = useState(state.to ?? '');
  useEffect(() => {
    setQ(state.q ?? '');
    setFrom(state.from ?? '');
    setTo(state.to ?? '');
  }, [state.q, state.from, state.to]);

  const go = (patch: Partial<ListState>) => navigate(overviewUrl({ ...state, ...patch, page: 1 }));
  const badFrom = from !== '' && !DATE_RE.test(from);
  const badTo = to !== '' && !DATE_RE.test(to);
  const submit = (e: Event) => {
    e.preventDefault();
    if (badFrom || badTo) return;
    go({ q: q.trim() || undefined, from: from || undefined, to: to || undefined });
  };

  // Countries with events in this view first (with their counts), then every other country.
  const countryOptions = (counts: Map<string, number>) => {
    const withEvents = countries.list.filter((c) => (counts.get(c.code) ?? 0) > 0);
    const others = countries.list.filter((c) => !((counts.get(c.code) ?? 0) > 0));
    const option = (c: { code: string; name: string }) => {
      const n = counts.get(c.code);
      return <option value={c.code} key={c.code}>{`${c.name} (${c.code})${n ? ` · ${num(n)}` : ''}`}</option>;
    };
    return (
      <>
        {withEvents.length > 0 && <optgroup label={t('filters.withEvents')}>{withEvents.map(option)}</optgroup>}
        <optgroup label={t('filters.otherCountries')}>{others.map(option)}</optgroup>
      </>
    );
  };
  const langs = [...new Set([...languages, ...LANGUAGES, ...(state.lang ? [state.lang] : [])])];
  const active = FILTER_KEYS.filter((k) => state[k]);

  return (
    <form class="filter-bar" onSubmit={submit} role="search" aria-label={t('filters.title')}>
      <div class="filter-grid">
        <label class="field">
          <span>{t('filters.country')}</span>
          <select name="country" value={state.country ?? ''} onChange={(e) => go({ country: e.currentTarget.value || undefined })}>
            <option value="">{t('filters.any')}</option>
            {countryOptions(countryCounts)}
          </select>
        </label>
        <label class="field">
          <span>{t('filters.partner')}</span>
          <select name="partner" value={state.partner ?? ''} onChange={(e) => go({ partner: e.currentTarget.value || undefined })}>
            <option value="">{t('filters.any')}</option>
            {countryOptions(partnerCounts)}
          </select>
        </label>
        <label class="field">
          <span>{t('filters.type')}</span>
          <select name="type" value={state.type ?? ''} onChange={(e) => go({ type: e.currentTarget.value || undefined })}>
            <option value="">{t('filters.any')}</option>
            {EVENT_TYPES.map((x) => <option value={x} key={x}>{t(`type.${x}` as MessageKey)}</option>)}
          </select>
        </label>
        <label class="field">
          <span>{t('filters.area')}</span>
          <select name="area" value={state.area ?? ''} onChange={(e) => go({ area: e.currentTarget.value || undefined })}>
            <option value="">{t('filters.any')}</option>
            {AREAS.map((x) => <option value={x} key={x}>{t(`area.${x}` as MessageKey)}</option>)}
          </select>
        </label>
        <label class="field">
          <span>{t('filters.lang')}</span>
          <select name="lang" value={state.lang ?? ''} onChange={(e) => go({ lang: e.currentTarget.value || undefined })}>
            <option value="">{t('filters.any')}</option>
            {langs.map((x) => <option value={x} key={x}>{x}</option>)}
          </select>
        </label>
        <label class={`field field-date ${badFrom ? 'invalid' : ''}`}>
          <span>{t('filters.from')}</span>
          <input name="from" value={from} placeholder={t('filters.datePlaceholder')} inputMode="numeric" aria-invalid={badFrom}
            onInput={(e) => setFrom(e.currentTarget.value.trim())} />
        </label>
        <label class={`field field-date ${badTo ? 'invalid' : ''}`}>
          <span>{t('filters.to')}</span>
          <input name="to" value={to} placeholder={t('filters.datePlaceholder')} inputMode="numeric" aria-invalid={badTo}
            onInput={(e) => setTo(e.currentTarget.value.trim())} />
        </label>
        <label class="field field-q">
          <span>{t('filters.q')}</span>
          <input name="q" type="search" value={q} placeholder={t('filters.qPlaceholder')} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <div class="field field-buttons">
          <button type="submit" class="btn btn-primary">{t('filters.apply')}</button>
        </div>
      </div>
      {(badFrom || badTo) && <p class="form-error">{t('filters.badDate')}</p>}
      {active.length > 0 && (
        <div class="chips" aria-label={t('filters.active', { n: active.length })}>
          {active.map((k) => {
            const v = state[k as keyof Filters]!;
            const label = k === 'type' ? t(`type.${v}` as MessageKey) : k === 'area' ? t(`area.${v}` as MessageKey)
              : k === 'country' || k === 'partner' ? countries.name(v) : v;
            const name = t(`filters.${k}` as MessageKey);
            return (
              <button type="button" class="chip" key={k} data-filter={k} title={t('filters.remove', { name })}
                onClick={() => go({ [k]: undefined })}>
                <span class="chip-key">{name}:</span> {label} <span aria-hidden="true">×</span>
              </button>
            );
          })}
          <button type="button" class="chip chip-clear" onClick={() => navigate('/')}>{t('filters.clear')}</button>
        </div>
      )}
    </form>
  );
}
