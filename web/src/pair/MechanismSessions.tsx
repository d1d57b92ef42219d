import type { MechanismSeries } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { formatDateValue } from '../lib/format';
import { Link } from '../lib/router';

/** Known sessions one by one; sessions without a report grouped into runs (#1–35) so that a long series stays readable. */
function runs(numbers: number[], known: Map<number, unknown>): Array<{ from: number; to: number; known: boolean }> {
  const out: Array<{ from: number; to: number; known: boolean }> = [];
  for (const n of numbers) {
    const k = known.has(n);
    const last = out[out.length - 1];
    if (!k && last && !last.known && last.to === n - 1) last.to = n;
    else out.push({ from: n, to: n, known: k });
  }
  return out;
}

/**
 * A recurring mechanism as its series of sessions, 1 to the highest known:
 * reported sessions link to their event, sessions known to exist (a later one
 * is numbered) with no stored report are flagged.
 */
export function MechanismSessions({ series }: { series: MechanismSeries }) {
  const { t } = useI18n();
  const byEdition = new Map(series.sessions.filter((s) => s.edition !== null).map((s) => [s.edition!, s]));
  const max = Math.max(0, ...byEdition.keys());
  const missing = new Set(series.missing);
  const numbers = Array.from({ length: max }, (_, i) => i + 1);
  const unnumbered = series.sessions.filter((s) => s.edition === null);
  return (
    <div class="mechanism" data-testid="mechanism">
      <div class="mechanism-head">
        <strong>{series.name}</strong>{' '}
        <span class="muted">({t(`mechanism.${series.kind}` as MessageKey)} · {series.countries.join('–')})</span>
        {series.missing.length > 0 && <span class="badge badge-warn">{t('pair.missingCount', { n: series.missing.length })}</span>}
      </div>
      <ol class="sessions">
        {runs(numbers, byEdition).map((r) => {
          if (r.known) {
            const s = byEdition.get(r.from)!;
            return (
              <li key={r.from} class="session session-known">
                <Link href={`/event/${s.eventId}`} title={t('pair.session', { n: r.from })}>
                  <span class="session-no">#{r.from}</span>
                  <span class="session-date">{formatDateValue(s.date, t)}</span>
                </Link>
              </li>
            );
          }
          const label = r.from === r.to ? `#${r.from}` : `#${r.from}–${r.to}`;
          const what = r.from === r.to ? t('pair.sessionMissing', { n: r.from }) : t('pair.sessionMissing', { n: `${r.from}–${r.to}` });
          return (
            <li key={r.from} class={`session ${missing.has(r.from) ? 'session-missing' : ''}`} data-testid="session-missing"
              data-from={r.from} data-to={r.to} title={what}>
              <span class="session-no">{label}</span>
              <span class="session-date" aria-label={what}>⚠ {r.from === r.to ? t('pair.missingLegend') : t('pair.missingLegendRange')}</span>
            </li>
          );
        })}
        {unnumbered.map((s) => (
          <li key={s.eventId} class="session session-known">
            <Link href={`/event/${s.eventId}`}>
              <span class="session-no">?</span>
              <span class="session-date">{t('pair.unnumbered')} · {formatDateValue(s.date, t)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
