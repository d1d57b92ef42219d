import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n';
import { useCountries } from '../lib/countries';
import { mappedNumerics } from './WorldMap';

/** The busiest partners as bars: the same counts as the map, readable and clickable from the keyboard. */
export function PartnerList({ counts, partner, onPick, limit = 12 }: { counts: Array<{ country: string; count: number }>; partner?: string; onPick: (code: string) => void; limit?: number }) {
  const { t, num } = useI18n();
  const countries = useCountries();
  const onMap = useMemo(mappedNumerics, []);
  const top = counts.slice(0, limit);
  const max = Math.max(1, ...top.map((c) => c.count));
  return (
    <ol class="bar-list" data-testid="partner-list">
      {top.map((c) => {
        const numeric = countries.byCode.get(c.country)?.numeric?.padStart(3, '0');
        const small = numeric !== undefined && !onMap.has(numeric);
        return (
          <li key={c.country} class={c.country === partner ? 'active' : ''}>
            <button type="button" class="bar-row" onClick={() => onPick(c.country)} data-code={c.country}>
              <span class="bar-label" title={countries.name(c.country)}>
                {countries.name(c.country)}
                {small && <span class="hint" title={t('overview.notOnMap')}> ◦</span>}
              </span>
              <span class="bar-track"><span class="bar-fill" style={{ width: `${(100 * c.count) / max}%` }} /></span>
              <span class="bar-value">{num(c.count)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
