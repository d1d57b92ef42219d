import { useI18n, type MessageKey } from '../i18n';
import { typeColor } from './palette';
import type { EventDate } from '../api/types';
import { formatDate } from '../lib/format';

export function TypeBadge({ type }: { type: string }) {
  const { t } = useI18n();
  return (
    <span class="badge badge-type" data-type={type}>
      <span class="swatch" style={{ background: typeColor(type) }} aria-hidden="true" />
      {t(`type.${type}` as MessageKey)}
    </span>
  );
}

/** A codebook date; an inferred year is flagged (a badge, or a small mark in compact lists). */
export function DateText({ date, compact }: { date: EventDate | null | undefined; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <span class="date">
      {formatDate(date, t)}
      {date?.year_inferred && (compact ? (
        <sup class="inferred-mark" title={`${t('date.yearInferred')}: ${t('date.yearInferredHint')}`} aria-label={t('date.yearInferred')}>≈</sup>
      ) : (
        <span class="badge badge-muted" title={t('date.yearInferredHint')}>
          {t('date.yearInferred')}
        </span>
      ))}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span class={`badge badge-status badge-${status}`}>{t(`status.${status}` as MessageKey)}</span>;
}
