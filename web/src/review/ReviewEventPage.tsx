import { useState } from 'preact/hooks';
import { api, goldUrl } from '../api/client';
import { useApi } from '../api/useApi';
import { CorrectionHistory } from '../event/CorrectionHistory';
import { SourcePanel, type Pointed } from '../event/SourcePanel';
import { useI18n } from '../i18n';
import { Link } from '../lib/router';
import { StatusBadge } from '../ui/badges';
import { EventHeading } from '../event/EventHeading';
import { ErrorBox, Loading, Panel } from '../ui/status';
import { TokenBox } from '../ui/TokenBox';
import { ReviewForm } from './ReviewForm';

/** Correct one event beside its source text; the history shows what is stored. */
export function ReviewEventPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useApi(`event:${id}`, (s) => api.event(id, s), { keepPrevious: true });
  const [pointed, setPointed] = useState<Pointed | null>(null);
  if (error && !data) return <div class="page"><ErrorBox error={error} onRetry={reload} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  const e = data.event;
  return (
    <div class="page page-review" data-testid="review-page" data-event-id={data.id}>
      <div class="page-head">
        <div>
          <p class="eyebrow">{t('review.edit')} <code>{data.id}</code></p>
          <EventHeading event={e}>{data.status === 'wrong' && <StatusBadge status="wrong" />}</EventHeading>
        </div>
        <div class="page-actions">
          <Link class="btn" href={`/event/${data.id}`}>← {t('review.back')}</Link>
          <a class="btn" href={goldUrl(data.documentId)} download={`${data.documentId}.gold.json`} data-testid="gold-link">{t('event.gold')}</a>
        </div>
      </div>
      <TokenBox />
      {data.status === 'wrong' && <div class="banner banner-wrong" data-testid="wrong-banner">{t('event.wrongBanner')}</div>}
      <div class="grid grid-review">
        <Panel title={t('review.edit')}>
          <ReviewForm detail={data} onSaved={reload} />
        </Panel>
        <div class="stack">
          <Panel title={t('review.sourceTitle')} class="panel-source">
            {data.document ? <SourcePanel document={data.document} evidence={data.evidence} activeKey={null} pointed={pointed} onPoint={setPointed} />
              : <div class="state state-empty">{t('event.noText')}</div>}
          </Panel>
          <Panel title={t('event.history')}>
            <CorrectionHistory corrections={data.corrections} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
