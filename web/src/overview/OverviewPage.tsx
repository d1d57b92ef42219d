import { useEffect } from 'preact/hooks';
import { api, exportUrl } from '../api/client';
import { useApi } from '../api/useApi';
import { EventTable } from '../events/EventTable';
import { Pager } from '../events/Pager';
import { useI18n } from '../i18n';
import { useCountries } from '../lib/countries';
import { apiQuery, filterKey, overviewUrl, PAGE_SIZE, readFilters, type ListState } from '../lib/filters';
import { navigate, type Route } from '../lib/router';
import { Empty, ErrorBox, Loading, Panel } from '../ui/status';
import { AreaBars } from './AreaBars';
import { FilterBar } from './FilterBar';
import { MonthTimeline } from './MonthTimeline';
import { PartnerList } from './PartnerList';
import { WorldMap } from './WorldMap';

const EXPORTS = ['csv', 'json', 'jsonl', 'graphml'];

/** Marks the moment the map and the timeline are on screen (read by the load-time benchmark and tests). */
function useReadyMark(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const root = document.documentElement;
    if (!root.dataset.overviewReady) {
      performance.mark('attache:overview-ready');
      root.dataset.overviewReady = String(Math.round(performance.now()));
    }
  }, [ready]);
}

export function OverviewPage({ route }: { route: Route }) {
  const { t, num } = useI18n();
  const countries = useCountries();
  const state: ListState = readFilters(route.query);
  const filters = apiQuery(state);
  const key = filterKey(state);
  // The map keeps showing every partner of the chosen country while a partner is picked.
  const mapFilters = { ...filters, partner: undefined };
  const mapKey = filterKey({ ...state, partner: undefined });

  const facets = useApi(`facets:${key}`, (s) => api.facets(filters, s), { keepPrevious: true });
  const mapFacets = useApi(state.partner ? `facets:${mapKey}` : null, (s) => api.facets(mapFilters, s), { keepPrevious: true });
  const list = useApi(`events:${key}:${state.sort}:${state.page}`,
    (s) => api.events({ ...filters, sort: state.sort, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE }, s), { keepPrevious: true });

  const forMap = state.partner ? mapFacets.data : facets.data;
  const mapError = state.partner ? mapFacets.error : facets.error;
  useReadyMark(Boolean(forMap && facets.data && countries.loaded));

  const go = (patch: Partial<ListState>) => navigate(overviewUrl({ ...state, ...patch, page: patch.page ?? 1 }));
  const counts = new Map((forMap?.byPartner ?? []).map((c) => [c.country, c.count]));
  const dated = (facets.data?.byMonth ?? []).reduce((n, r) => n + r.count, 0);
  const undated = facets.data ? facets.data.total - dated : 0;
  const activeMonth = state.from && state.from === state.to && /^\d{4}-\d{2}$/.test(state.from) ? state.from : undefined;

  return (
    <div class="page page-overview">
      <div class="page-head">
        <h1>{t('overview.title')}</h1>
        {facets.data && <span class="count-pill" data-testid="total">{t('overview.events', { n: num(facets.data.total) })}</span>}
      </div>
      <FilterBar state={state} languages={(facets.data?.byLanguage ?? []).map((l) => l.language)}
        countryCounts={new Map((facets.data?.byCountry ?? []).map((c) => [c.country, c.count]))}
        partnerCounts={counts} />
      {facets.error && <ErrorBox error={facets.error} onRetry={facets.reload} />}
      {countries.error && <ErrorBox error={countries.error} />}

      <div class="grid grid-2-1">
        <Panel title={state.country ? t('overview.mapTitle', { country: countries.name(state.country) }) : t('overview.mapTitleAll')}>
          {forMap ? (
            <WorldMap counts={counts} selected={state.country} partner={state.partner} onPick={(code) => go({ partner: code })} />
          ) : mapError ? <Empty>—</Empty> : <Loading />}
        </Panel>
        <Panel title={t('overview.topPartners')}>
          {forMap ? <PartnerList counts={forMap.byPartner} partner={state.partner} onPick={(code) => go({ partner: code })} />
            : mapError ? <Empty>—</Empty> : <Loading />}
        </Panel>
      </div>

      <div class="grid grid-2-1">
        <Panel title={t('overview.timeline')} actions={<span class="hint">{t('overview.timelineHint')}</span>}>
          {facets.data ? (
            <>
              <MonthTimeline byMonth={facets.data.byMonth} active={activeMonth}
                onPickMonth={(m) => (activeMonth === m ? go({ from: undefined, to: undefined }) : go({ from: m, to: m }))} />
              {undated > 0 && <p class="hint">{t('overview.undated', { n: num(undated) })}</p>}
            </>
          ) : facets.error ? <Empty>—</Empty> : <Loading />}
        </Panel>
        <Panel title={t('overview.areas')}>
          {facets.data ? <AreaBars byArea={facets.data.byArea} active={state.area} onPick={(a) => go({ area: a === state.area ? undefined : a })} />
            : facets.error ? <Empty>—</Empty> : <Loading />}
        </Panel>
      </div>

      <Panel
        title={t('overview.list')}
        actions={
          <span class="export" title={t('overview.exportHint')}>
            {t('overview.export')}:{' '}
            {EXPORTS.map((f) => <a key={f} class="btn btn-small" href={exportUrl(f, filters)} download>{f.toUpperCase()}</a>)}
          </span>
        }
      >
        {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
        {list.data ? (
          <div class={list.loading ? 'is-stale' : ''} aria-busy={list.loading}>
            <EventTable events={list.data.events} focus={state.country} sort={state.sort} onSort={(sort) => go({ sort })} />
            <Pager page={state.page} pageSize={PAGE_SIZE} total={list.data.total} href={(page) => overviewUrl({ ...state, page })} />
          </div>
        ) : !list.error && <Loading />}
      </Panel>
    </div>
  );
}
