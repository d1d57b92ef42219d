import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { useApi } from '../api/useApi';
import { EventTable } from '../events/EventTable';
import { Pager } from '../events/Pager';
import { useI18n } from '../i18n';
import { PAGE_SIZE } from '../lib/filters';
import { navigate, type Route } from '../lib/router';
import { ErrorBox, Loading, Panel } from '../ui/status';
import { TokenBox } from '../ui/TokenBox';

const url = (q: string, page: number) => {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/review?${s}` : '/review';
};

/** Every event (those marked wrong too), to pick one to review. */
export function ReviewQueuePage({ route }: { route: Route }) {
  const { t, num } = useI18n();
  const q = route.query.get('q') ?? '';
  const page = Math.max(1, Number(route.query.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = useApi(`review:${q}:${page}`, (s) => api.events({ q: q || undefined, includeWrong: true, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, s), { keepPrevious: true });
  return (
    <div class="page page-review-queue">
      <div class="page-head">
        <h1>{t('review.title')}</h1>
        {list.data && <span class="count-pill">{t('overview.events', { n: num(list.data.total) })}</span>}
      </div>
      <TokenBox />
      <Panel title={t('review.queue')} actions={
        <form class="inline-search" role="search" onSubmit={(e) => { e.preventDefault(); navigate(url(text.trim(), 1)); }}>
          <input type="search" name="q" value={text} placeholder={t('filters.qPlaceholder')} onInput={(e) => setText(e.currentTarget.value)} />
          <button class="btn btn-small" type="submit">{t('filters.apply')}</button>
        </form>
      }>
        <p class="hint">{t('review.queueHint')}</p>
        {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
        {list.data ? (
          <div class={list.loading ? 'is-stale' : ''}>
            <EventTable events={list.data.events} linkTo="review" showStatus />
            <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} href={(p) => url(q, p)} />
          </div>
        ) : !list.error && <Loading />}
      </Panel>
    </div>
  );
}
