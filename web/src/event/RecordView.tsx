import type { ComponentChildren } from 'preact';
import type { DefenceEvent, Evidence } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { useCountries } from '../lib/countries';
import { related, supports } from '../evidence/segments';
import { DateText, TypeBadge } from '../ui/badges';

export interface RecordViewProps {
  event: DefenceEvent;
  evidence: Record<string, Evidence[]>;
  /** Fields of the passage being pointed at in the text: their rows light up. */
  pointed?: string[] | null;
  activeKey?: string | null;
  onActivate?: (key: string | null) => void;
}

/**
 * Every field of the codebook record. A row with evidence can be pointed at
 * (hover or keyboard focus): its passages light up in the source text.
 */
export function RecordView({ event, evidence, pointed, activeKey, onActivate }: RecordViewProps) {
  const { t } = useI18n();
  const countries = useCountries();
  const keys = Object.keys(evidence);

  // A plain render helper, not a component: rows must keep their identity (and focus) across renders.
  const row = (k: string, label: ComponentChildren | null, children: ComponentChildren, cls = '') => {
    const spans = keys.filter((f) => supports(f, k)).flatMap((f) => evidence[f]);
    const inText = spans.filter((s) => s.end > s.start);
    const byAnalyst = keys.some((f) => related(f, k) && evidence[f].some((s) => s.origin === 'correction'));
    const origins = [...new Set(inText.map((s) => s.origin))];
    const lit = (pointed ?? []).some((f) => supports(f, k)) || activeKey === k;
    const enter = inText.length ? () => onActivate?.(k) : undefined;
    const leave = inText.length ? () => onActivate?.(null) : undefined;
    return (
      <div
        key={k}
        class={`rec-row ${cls} ${inText.length ? 'has-evidence' : 'no-evidence'} ${lit ? 'lit' : ''}`}
        data-field={k}
        tabIndex={inText.length ? 0 : undefined}
        onMouseEnter={enter}
        onMouseLeave={leave}
        onFocus={enter}
        onBlur={leave}
      >
        {label && <div class="rec-label">{label}</div>}
        <div class="rec-value">
          {children}
          <div class="rec-origin">
            {origins.map((o) => <code key={o}>{o}</code>)}
            {byAnalyst && <span class="badge badge-info">{t('event.byAnalyst')}</span>}
            {!inText.length && !byAnalyst && <span class="muted">{t('event.noEvidence')}</span>}
          </div>
        </div>
      </div>
    );
  };

  // A part of a row (a participant's rank, position…) that can be traced on its own.
  const sub = (k: string, parent: string, children: ComponentChildren, title?: string) => {
    const has = keys.some((f) => supports(f, k) && evidence[f].some((s) => s.end > s.start));
    const lit = has && ((pointed ?? []).some((f) => supports(f, k)) || activeKey === k);
    return (
      <span class={`rec-part ${has ? 'has-evidence' : ''} ${lit ? 'lit' : ''}`} data-field={k} title={title}
        onMouseEnter={has ? () => onActivate?.(k) : undefined} onMouseLeave={has ? () => onActivate?.(parent) : undefined}>
        {children}
      </span>
    );
  };

  const country = (c: string | null) => (c ? <span class="country-tag" title={c}>{countries.name(c)} <span class="muted">{c}</span></span> : <span class="muted">—</span>);
  const none = <span class="muted">{t('event.none')}</span>;

  return (
    <div class="record" data-testid="record">
      {row("type", t('field.type'), <><TypeBadge type={event.type} /></>)}
      {row("date", t('field.date'), <>
        <DateText date={event.date} />
        {event.date && <span class="muted"> · {t('date.precision', { p: t(`precision.${event.date.precision}` as MessageKey) })}</span>}
      </>)}
      {row("countries", t('field.countries'), <>
        <span class="country-list">{event.countries.map((c) => <span key={c}>{country(c)}</span>)}</span>
      </>)}
      {row("location", t('field.location'), <>
        {event.location.place ?? none}
        {event.location.country && <span>, {country(event.location.country)}</span>}
        {event.location.virtual && <span class="badge badge-muted">{t('event.virtual')}</span>}
      </>)}
      {row("mechanism", t('field.mechanism'), <>
        {event.mechanism ? (
          <span>
            {event.mechanism.name}{' '}
            <span class="muted">({t(`mechanism.${event.mechanism.kind}` as MessageKey)})</span>
            {event.mechanism.edition !== null && <span class="badge badge-info">{t('event.edition', { n: event.mechanism.edition })}</span>}
          </span>
        ) : none}
      </>)}

      <h3 class="rec-group">{t('field.participants')}</h3>
      {event.participants.length ? event.participants.map((p, i) => {
        const k = `participants.${i}`;
        return row(k, null, <>
          <div class="person">
            {sub(`${k}.name`, k, <strong>{p.name}</strong>, t('field.name'))} {sub(`${k}.country`, k, country(p.country), t('field.country'))}
            {sub(`${k}.role`, k, <span class={`badge badge-role badge-${p.role}`}>{t(`role.${p.role}` as MessageKey)}</span>, t('field.role'))}
          </div>
          <div class="person-detail">
            {(p.rank || p.rank_label) && sub(`${k}.rank`, k, <><span class="rank">{p.rank ?? '—'}</span> {p.rank_label}</>, t('field.rank'))}
            {p.position && sub(`${k}.position`, k, p.position, t('field.position'))}
          </div>
        </>, 'rec-person');
      }) : <div class="rec-row no-evidence"><span class="muted">—</span></div>}

      <h3 class="rec-group">{t('field.areas')}</h3>
      <div class="area-chips">
        {event.areas.length ? event.areas.map((a) => {
          const k = `areas.${a}`;
          const has = keys.some((f) => supports(f, k) && evidence[f].some((s) => s.end > s.start));
          const lit = (pointed ?? []).some((f) => supports(f, k)) || activeKey === k;
          return (
            <span key={a} class={`area-chip ${has ? 'has-evidence' : ''} ${lit ? 'lit' : ''}`} data-field={k} tabIndex={has ? 0 : undefined}
              onMouseEnter={has ? () => onActivate?.(k) : undefined} onMouseLeave={has ? () => onActivate?.(null) : undefined}
              onFocus={has ? () => onActivate?.(k) : undefined} onBlur={has ? () => onActivate?.(null) : undefined}>
              {t(`area.${a}` as MessageKey)}
            </span>
          );
        }) : <span class="muted">—</span>}
      </div>

      <h3 class="rec-group">{t('field.agreements')}</h3>
      {event.agreements.length ? event.agreements.map((a, i) =>
        row(`agreements.${i}`, null, <>
          <span class="agreement-title">{a.title}</span>{' '}
          <span class="muted">{t(`agreement.${a.kind}` as MessageKey)}{a.year !== null ? `, ${a.year}` : ''}</span>{' '}
          <span class={`badge badge-status badge-${a.status}`}>{t(`status.${a.status}` as MessageKey)}</span>
        </>)) : <div class="rec-row no-evidence"><span class="muted">—</span></div>}

      <h3 class="rec-group">{t('field.commitments')}</h3>
      {event.commitments.length ? event.commitments.map((c, i) =>
        row(`commitments.${i}`, null, <>
          <span class="commitment-actor">{c.actor ? countries.name(c.actor) : '—'}:</span> <q>{c.text}</q>
          <span class="muted"> · {c.due ? t('pair.due', { d: c.due }) : t('pair.undated')}</span>
        </>)) : <div class="rec-row no-evidence"><span class="muted">—</span></div>}

      <h3 class="rec-group">{t('field.anniversaries')}</h3>
      {event.anniversaries.length ? event.anniversaries.map((a, i) =>
        row(`anniversaries.${i}`, null, <>
          {t('event.years', { n: a.years })} <span class="muted">({a.from ?? '?'}–{a.to ?? '?'})</span>
        </>)) : <div class="rec-row no-evidence"><span class="muted">—</span></div>}
    </div>
  );
}
