import { useState } from 'preact/hooks';
import { api, goldUrl } from '../api/client';
import { useApi } from '../api/useApi';
import { EventTable } from '../events/EventTable';
import { useI18n } from '../i18n';
import { pairsOf } from '../lib/format';
import { Link } from '../lib/router';
import { ErrorBox, Loading, Panel } from '../ui/status';
import { CorrectionHistory } from './CorrectionHistory';
import { EventHeading } from './EventHeading';
import { RecordView } from './RecordView';
import { SourcePanel, type Pointed } from './SourcePanel';

/** One event: the whole record beside its source text, the other reports of it, and its corrections. */
export function EventPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi(`event:${id}`, (s) => api.event(id, s));
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [pointed, setPointed] = useState<Pointed | null>(null);

  if (error) return <div class="page"><ErrorBox error={error} onRetry={reload} /></div>;
  if (loading || !data) return <div class="page"><Loading /></div>;
  const e = data.event;
  const record = { ...e, evidence: data.evidence };
  return (
    <div class="page page-event" data-testid="event-page" data-event-id={data.id}>
      <div class="page-head">
        <div>
          <p class="eyebrow">{t('event.title')} <code>{data.id}</code></p>
          <EventHeading event={e} />
        </div>
        <div class="page-actions">
          <Link class="btn btn-primary" href={`/review/${data.id}`} data-testid="review-link">{t('event.review')}</Link>
          <a class="btn" href={goldUrl(data.documentId)} download={`${data.documentId}.gold.json`} data-testid="gold-link">{t('event.gold')}</a>
          {pairsOf(e.countries).slice(0, 3).map(([a, b]) => (
            <Link key={`${a}${b}`} class="btn" href={`/pair/${a}/${b}`}>{t('event.pairProfile')} {a}–{b}</Link>
          ))}
        </div>
      </div>
      {data.status === 'wrong' && <div class="banner banner-wrong" data-testid="wrong-banner">{t('event.wrongBanner')}</div>}
      {data.corrected && data.status !== 'wrong' && <div class="banner banner-info">{t('event.correctedBanner')}</div>}

      <div class="grid grid-record">
        <Panel title={t('event.record')}>
          <RecordView event={record} evidence={data.evidence} pointed={pointed?.fields} activeKey={activeKey} onActivate={setActiveKey} />
        </Panel>
        <Panel title={t('event.source')} actions={<span class="hint">{t('event.sourceHint')}</span>} class="panel-source">
          {data.document ? (
            <SourcePanel document={data.document} evidence={data.evidence} activeKey={activeKey} pointed={pointed} onPoint={setPointed} />
          ) : <div class="state state-empty">{t('event.noText')}</div>}
        </Panel>
      </div>

      <div class="grid grid-1-1">
        <Panel title={t('event.others')}>
          {data.others.length ? <EventTable events={data.others} /> : <div class="state state-empty">{t('event.noOthers')}</div>}
        </Panel>
        <Panel title={t('event.history')}>
          <CorrectionHistory corrections={data.corrections} />
        </Panel>
      </div>
    </div>
  );
}
