import { useI18n, type MessageKey } from '../i18n';

/** The most frequent cooperation areas, as bars; clicking one filters to it. */
export function AreaBars({ byArea, active, onPick, limit = 12 }: { byArea: Array<{ area: string; count: number }>; active?: string; onPick: (area: string) => void; limit?: number }) {
  const { t, num } = useI18n();
  if (!byArea.length) return <div class="state state-empty">{t('overview.areasEmpty')}</div>;
  const top = byArea.slice(0, limit);
  const max = Math.max(1, ...top.map((a) => a.count));
  return (
    <ol class="bar-list" data-testid="area-bars">
      {top.map((a) => (
        <li key={a.area} class={a.area === active ? 'active' : ''}>
          <button type="button" class="bar-row" onClick={() => onPick(a.area)} data-area={a.area}>
            <span class="bar-label" title={t(`area.${a.area}` as MessageKey)}>{t(`area.${a.area}` as MessageKey)}</span>
            <span class="bar-track"><span class="bar-fill bar-fill-area" style={{ width: `${(100 * a.count) / max}%` }} /></span>
            <span class="bar-value">{num(a.count)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
