import type { EventSummary } from '../api/types';
import { useI18n } from '../i18n';
import { useCountries } from '../lib/countries';
import { leads, pairsOf } from '../lib/format';
import { Link } from '../lib/router';
import { DateText, StatusBadge, TypeBadge } from '../ui/badges';

export interface EventTableProps {
  events: EventSummary[];
  /** The country the list is about: pair links start from it. */
  focus?: string;
  sort?: 'date' | '-date';
  onSort?: (s: 'date' | '-date') => void;
  /** Link rows to the review form instead of the event page. */
  linkTo?: 'event' | 'review';
  showStatus?: boolean;
}

/** Events as a table: date, type, countries (with pair profiles), mechanism, leads. */
export function EventTable({ events, focus, sort, onSort, linkTo = 'event', showStatus }: EventTableProps) {
  const { t } = useI18n();
  const countries = useCountries();
  if (!events.length) return <div class="state state-empty" data-testid="events-empty">{t('table.empty')}</div>;
  const next = sort === 'date' ? '-date' : 'date';
  return (
    <div class="table-wrap">
      <table class="events-table" data-testid="events-table">
        <thead>
          <tr>
            <th scope="col" aria-sort={sort ? (sort === 'date' ? 'ascending' : 'descending') : undefined}>
              {onSort ? (
                <button type="button" class="sort" data-testid="sort-date" onClick={() => onSort(next)} title={t('table.sortBy')}>
                  {t('table.date')} <span aria-hidden="true">{sort === 'date' ? '▲' : '▼'}</span>
                  <span class="sr-only">{sort === 'date' ? t('table.sortAsc') : t('table.sortDesc')}</span>
                </button>
              ) : t('table.date')}
            </th>
            <th scope="col">{t('table.type')}</th>
            <th scope="col">{t('table.countries')}</th>
            <th scope="col">{t('table.mechanism')}</th>
            <th scope="col">{t('table.leads')}</th>
            {showStatus && <th scope="col">{t('table.status')}</th>}
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const href = linkTo === 'review' ? `/review/${e.id}` : `/event/${e.id}`;
            const pairs = pairsOf(e.event.countries, focus && e.event.countries.includes(focus) ? focus : undefined);
            return (
              <tr key={e.id} data-testid="event-row" data-event-id={e.id} class={e.status === 'wrong' ? 'row-wrong' : ''}>
                <td class="nowrap">
                  <Link href={href} class="event-link" title={t('table.open')}>
                    <DateText date={e.event.date} compact />
                  </Link>
                </td>
                <td><TypeBadge type={e.event.type} /></td>
                <td>
                  <span class="country-list">
                    {e.event.countries.map((c) => <span class="country-tag" key={c} title={countries.name(c)}>{countries.name(c)}</span>)}
                  </span>
                  {pairs.length > 0 && pairs.length <= 3 && (
                    <span class="pair-links">
                      {pairs.map(([a, b]) => (
                        <Link key={`${a}-${b}`} href={`/pair/${a}/${b}`} class="pair-link" data-testid="pair-link">
                          {a}–{b} {t('table.pair')}
                        </Link>
                      ))}
                    </span>
                  )}
                </td>
                <td>
                  {e.event.mechanism ? (
                    <span>
                      {e.event.mechanism.name}
                      {e.event.mechanism.edition !== null && <span class="edition"> #{e.event.mechanism.edition}</span>}
                    </span>
                  ) : <span class="muted">—</span>}
                </td>
                <td>
                  {leads(e.event).map((p, i) => (
                    <span class="lead" key={i}>
                      {p.name}
                      {p.country && <span class="muted"> ({p.country})</span>}
                    </span>
                  ))}
                </td>
                {showStatus && (
                  <td>
                    {e.status === 'wrong' && <StatusBadge status="wrong" />}
                    {e.corrected && <span class="badge badge-info">{t('table.corrected')}</span>}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
