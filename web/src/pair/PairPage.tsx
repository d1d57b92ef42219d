import { api } from '../api/client';
import { useApi } from '../api/useApi';
import { EventTable } from '../events/EventTable';
import { useI18n, type MessageKey } from '../i18n';
import { useCountries } from '../lib/countries';
import { ISO3_RE, overviewUrl } from '../lib/filters';
import { formatDateValue, isOpen } from '../lib/format';
import { Link } from '../lib/router';
import { ErrorBox, Loading, Panel } from '../ui/status';
import { MechanismSessions } from './MechanismSessions';
import { PairTimeline } from './PairTimeline';

/** Two countries' defence relations: events over time, mechanisms and their sessions, agreements, open commitments. */
export function PairPage({ a, b }: { a: string; b: string }) {
  const { t } = useI18n();
  const countries = useCountries();
  const A = a.toUpperCase();
  const B = b.toUpperCase();
  const valid = ISO3_RE.test(A) && ISO3_RE.test(B);
  const { data, error, loading, reload } = useApi(valid ? `pair:${A}:${B}` : null, (s) => api.pair(A, B, s));
  if (!valid) return <div class="page"><ErrorBox error={t('pair.badCodes')} /></div>;
  if (error) return <div class="page"><ErrorBox error={error} onRetry={reload} /></div>;
  if (loading || !data) return <div class="page"><Loading /></div>;

  const open = data.commitments.filter((c) => isOpen(c.due));
  const closed = data.commitments.length - open.length;
  return (
    <div class="page page-pair" data-testid="pair-page">
      <div class="page-head">
        <h1>{t('pair.title', { a: data.names[0] ?? countries.name(A), b: data.names[1] ?? countries.name(B) })}</h1>
        <div class="page-actions">
          <Link class="btn" href={`/pair/${B}/${A}`}>⇄ {t('pair.swap')}</Link>
          <Link class="btn" href={overviewUrl({ country: A, partner: B })}>{t('pair.filterOverview')}</Link>
        </div>
      </div>

      <Panel title={`${t('pair.timeline')} · ${t('overview.eventsCount', { n: data.events.length })}`}>
        {data.events.length ? <PairTimeline events={data.events} /> : <div class="state state-empty">{t('pair.noEvents')}</div>}
      </Panel>

      <Panel title={t('pair.mechanisms')}>
        {data.mechanisms.length
          ? data.mechanisms.map((m) => <MechanismSessions key={`${m.kind}|${m.name}`} series={m} />)
          : <div class="state state-empty">{t('pair.noMechanisms')}</div>}
      </Panel>

      <div class="grid grid-1-1">
        <Panel title={t('pair.agreements')}>
          {data.agreements.length ? (
            <div class="table-wrap">
              <table class="simple-table" data-testid="agreements">
                <thead><tr><th>{t('field.title')}</th><th>{t('field.kind')}</th><th>{t('field.year')}</th><th>{t('field.status')}</th><th>{t('table.date')}</th></tr></thead>
                <tbody>
                  {data.agreements.map((ag, i) => (
                    <tr key={i}>
                      <td>{ag.title}</td>
                      <td>{t(`agreement.${ag.kind}` as MessageKey)}</td>
                      <td>{ag.year ?? '—'}</td>
                      <td><span class={`badge badge-status badge-${ag.status}`}>{t(`status.${ag.status}` as MessageKey)}</span></td>
                      <td><Link href={`/event/${ag.eventId}`}>{formatDateValue(ag.date, t)}</Link></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <div class="state state-empty">{t('pair.noAgreements')}</div>}
        </Panel>
        <Panel title={t('pair.commitments')} actions={<span class="hint">{t('pair.commitmentsHint')}</span>}>
          {open.length ? (
            <ul class="commitments" data-testid="commitments">
              {open.map((c, i) => (
                <li key={i}>
                  <div><strong>{c.actor ? countries.name(c.actor) : '—'}</strong>: <q>{c.text}</q></div>
                  <div class="muted">
                    <span class={`badge ${c.due ? 'badge-info' : 'badge-muted'}`}>{c.due ? t('pair.due', { d: c.due }) : t('pair.undated')}</span>{' '}
                    <Link href={`/event/${c.eventId}`}>{t('pair.fromEvent', { d: formatDateValue(c.date, t) })}</Link>
                  </div>
                </li>
              ))}
            </ul>
          ) : <div class="state state-empty">{t('pair.noCommitments')}</div>}
          {closed > 0 && <p class="hint">{t('pair.closedCommitments', { n: closed })}</p>}
        </Panel>
      </div>

      <Panel title={t('pair.events')}>
        <EventTable events={[...data.events].reverse()} focus={A} />
      </Panel>
    </div>
  );
}
