import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import {
  AGREEMENT_KINDS, AGREEMENT_STATUSES, AREAS, EVENT_TYPES, MECHANISM_KINDS, RANKS,
  type Agreement, type Anniversary, type Commitment, type EventDetail, type EventFields, type Participant,
} from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { ISO3_RE } from '../lib/filters';
import { getAuthor, setAuthor, useToken } from '../session/token';
import { ErrorBox } from '../ui/status';
import { changedFields, numOrNull, orNull, precisionOf, toDraft, type FieldName } from './draft';
import { ListEditor } from './ListEditor';

export interface ReviewFormProps {
  detail: EventDetail;
  /** Called after corrections were stored (the page reloads the event). */
  onSaved: () => void;
}

type Outcome = { kind: 'ok'; n: number } | { kind: 'error'; n: number; error: Error } | { kind: 'nothing' } | null;

/**
 * Correct any field of an event, or mark it wrong, with a note. Each changed
 * field is sent as one correction (POST /api/events/{id}/corrections) with the token.
 */
export function ReviewForm({ detail, onSaved }: ReviewFormProps) {
  const { t } = useI18n();
  const [token] = useToken();
  const original = useMemo(() => toDraft(detail.event), [detail]);
  const [draft, setDraft] = useState<EventFields>(original);
  const [countriesText, setCountriesText] = useState(original.countries.join(', '));
  const [invalidJson, setInvalidJson] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [author, setAuthorState] = useState(getAuthor);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    setDraft(original);
    setCountriesText(original.countries.join(', '));
    setInvalidJson({});
  }, [original]);

  const changed = changedFields(original, draft);
  const badCodes = countriesText.split(/[\s,;]+/).filter(Boolean).filter((c) => !ISO3_RE.test(c.toUpperCase()));
  const blocked = badCodes.length > 0 || Object.values(invalidJson).some(Boolean);
  const patch = <K extends keyof EventFields>(k: K, v: EventFields[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const validity = (name: string) => (ok: boolean) => setInvalidJson((m) => ({ ...m, [name]: !ok }));

  const send = async (items: Array<{ field: string; value: unknown }>) => {
    setBusy(true);
    setOutcome(null);
    setAuthor(author);
    let n = 0;
    try {
      for (const it of items) {
        await api.correct(detail.id, { ...it, note: note.trim() || undefined, author: author.trim() || undefined }, token);
        n++;
      }
      setOutcome({ kind: 'ok', n });
      setNote('');
    } catch (err) {
      setOutcome({ kind: 'error', n, error: err instanceof Error ? err : new ApiError(0, String(err)) });
    } finally {
      setBusy(false);
      if (n > 0) onSaved();
    }
  };

  const save = (e: Event) => {
    e.preventDefault();
    if (!changed.length) {
      setOutcome({ kind: 'nothing' });
      return;
    }
    if (blocked) return;
    void send(changed.map((f) => ({ field: f, value: draft[f] })));
  };

  const section = (field: FieldName, children: ComponentChildren, label?: string) => (
    <fieldset class={`review-section ${changed.includes(field) ? 'is-changed' : ''}`} data-section={field}>
      <legend>
        {label ?? t(`field.${field}` as MessageKey)}
        {changed.includes(field) && <span class="badge badge-warn">{t('review.changed')}</span>}
      </legend>
      {children}
    </fieldset>
  );

  const d = draft;
  return (
    <form class="review-form" onSubmit={save} data-testid="review-form">
      {section('type', (
        <select name="type" value={d.type} onChange={(e) => patch('type', e.currentTarget.value as EventFields['type'])}>
          {EVENT_TYPES.map((x) => <option key={x} value={x}>{t(`type.${x}` as MessageKey)} ({x})</option>)}
        </select>
      ))}

      {section('date', (
        <div class="row-fields">
          <label class="check"><input type="checkbox" name="date-none" checked={d.date === null}
            onChange={(e) => patch('date', e.currentTarget.checked ? null : original.date ?? { value: '', precision: 'day', year_inferred: false })} /> {t('review.noDate')}</label>
          {d.date && (
            <>
              <label class="field"><span>{t('field.value')}</span>
                <input name="date-value" value={d.date.value} placeholder="2024-11-07 / 2019-09 / --11-15"
                  onInput={(e) => { const v = e.currentTarget.value.trim(); patch('date', { ...d.date!, value: v, precision: precisionOf(v) }); }} />
              </label>
              <label class="field"><span>{t('field.precision')}</span>
                <select name="date-precision" value={d.date.precision} onChange={(e) => patch('date', { ...d.date!, precision: e.currentTarget.value as 'day' })}>
                  {(['day', 'month', 'year'] as const).map((p) => <option key={p} value={p}>{t(`precision.${p}` as MessageKey)}</option>)}
                </select>
              </label>
              <label class="check"><input type="checkbox" name="date-inferred" checked={d.date.year_inferred}
                onChange={(e) => patch('date', { ...d.date!, year_inferred: e.currentTarget.checked })} /> {t('field.year_inferred')}</label>
            </>
          )}
        </div>
      ))}

      {section('countries', (
        <label class={`field ${badCodes.length ? 'invalid' : ''}`}>
          <input name="countries" value={countriesText} onInput={(e) => {
            const v = e.currentTarget.value;
            setCountriesText(v);
            patch('countries', [...new Set(v.split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()))].sort());
          }} />
          <span class="hint">{t('review.countriesHint')}</span>
          {badCodes.map((c) => <span class="form-error" key={c}>{t('review.badCode', { v: c })}</span>)}
        </label>
      ))}

      {section('location', (
        <div class="row-fields">
          <label class="field"><span>{t('field.location.country')}</span>
            <input name="location-country" class="input-code" maxLength={3} value={d.location.country ?? ''}
              onInput={(e) => patch('location', { ...d.location, country: orNull(e.currentTarget.value.toUpperCase()) })} />
          </label>
          <label class="field field-grow"><span>{t('field.location.place')}</span>
            <input name="location-place" value={d.location.place ?? ''} onInput={(e) => patch('location', { ...d.location, place: orNull(e.currentTarget.value) })} />
          </label>
          <label class="check"><input type="checkbox" name="location-virtual" checked={d.location.virtual}
            onChange={(e) => patch('location', { ...d.location, virtual: e.currentTarget.checked })} /> {t('field.location.virtual')}</label>
        </div>
      ))}

      {section('mechanism', (
        <div class="row-fields">
          <label class="check"><input type="checkbox" name="mechanism-none" checked={d.mechanism === null}
            onChange={(e) => patch('mechanism', e.currentTarget.checked ? null : original.mechanism ?? { kind: 'dialogue', name: '', edition: null })} /> {t('review.noMechanism')}</label>
          {d.mechanism && (
            <>
              <label class="field"><span>{t('field.mechanism.kind')}</span>
                <select name="mechanism-kind" value={d.mechanism.kind} onChange={(e) => patch('mechanism', { ...d.mechanism!, kind: e.currentTarget.value as 'dialogue' })}>
                  {MECHANISM_KINDS.map((k) => <option key={k} value={k}>{t(`mechanism.${k}` as MessageKey)}</option>)}
                </select>
              </label>
              <label class="field field-grow"><span>{t('field.mechanism.name')}</span>
                <input name="mechanism-name" value={d.mechanism.name} onInput={(e) => patch('mechanism', { ...d.mechanism!, name: e.currentTarget.value })} />
              </label>
              <label class="field field-narrow"><span>{t('field.mechanism.edition')}</span>
                <input name="mechanism-edition" type="number" min={1} value={d.mechanism.edition ?? ''}
                  onInput={(e) => patch('mechanism', { ...d.mechanism!, edition: numOrNull(e.currentTarget.value) })} />
              </label>
            </>
          )}
        </div>
      ))}

      {section('participants', (
        <ListEditor<Participant & Record<string, unknown>>
          name="participants" rows={d.participants as Array<Participant & Record<string, unknown>>} onValidity={validity('participants')}
          onChange={(rows) => patch('participants', rows)} addLabel={t('review.addParticipant')}
          blank={() => ({ name: '', country: null, rank: null, rank_label: null, position: null, role: 'member' })}
          columns={[
            { key: 'name', label: 'field.name', kind: 'text', wide: true },
            { key: 'country', label: 'field.country', kind: 'code' },
            { key: 'rank', label: 'field.rank', kind: 'nullableSelect', options: RANKS },
            { key: 'rank_label', label: 'field.rank_label', kind: 'nullable' },
            { key: 'position', label: 'field.position', kind: 'nullable', wide: true },
            { key: 'role', label: 'field.role', kind: 'select', options: ['lead', 'member'], optionLabel: (o) => t(`role.${o}` as MessageKey) },
          ]} />
      ))}

      {section('areas', (
        <div class="area-checks">
          {AREAS.map((a) => (
            <label class="check" key={a}>
              <input type="checkbox" name="areas" value={a} checked={d.areas.includes(a)}
                onChange={(e) => patch('areas', e.currentTarget.checked ? [...d.areas, a].sort() : d.areas.filter((x) => x !== a))} />
              {t(`area.${a}` as MessageKey)}
            </label>
          ))}
        </div>
      ))}

      {section('agreements', (
        <ListEditor<Agreement & Record<string, unknown>>
          name="agreements" rows={d.agreements as Array<Agreement & Record<string, unknown>>} onValidity={validity('agreements')}
          onChange={(rows) => patch('agreements', rows)}
          blank={() => ({ title: '', kind: 'mou', year: null, status: 'signed' })}
          columns={[
            { key: 'title', label: 'field.title', kind: 'text', wide: true },
            { key: 'kind', label: 'field.kind', kind: 'select', options: AGREEMENT_KINDS, optionLabel: (o) => t(`agreement.${o}` as MessageKey) },
            { key: 'year', label: 'field.year', kind: 'number' },
            { key: 'status', label: 'field.status', kind: 'select', options: AGREEMENT_STATUSES, optionLabel: (o) => t(`status.${o}` as MessageKey) },
          ]} />
      ))}

      {section('commitments', (
        <ListEditor<Commitment & Record<string, unknown>>
          name="commitments" rows={d.commitments as Array<Commitment & Record<string, unknown>>} onValidity={validity('commitments')}
          onChange={(rows) => patch('commitments', rows)}
          blank={() => ({ actor: null, text: '', due: null })}
          columns={[
            { key: 'actor', label: 'field.actor', kind: 'code' },
            { key: 'text', label: 'field.text', kind: 'text', wide: true },
            { key: 'due', label: 'field.due', kind: 'nullable' },
          ]} />
      ))}

      {section('anniversaries', (
        <ListEditor<Anniversary & Record<string, unknown>>
          name="anniversaries" rows={d.anniversaries as Array<Anniversary & Record<string, unknown>>} onValidity={validity('anniversaries')}
          onChange={(rows) => patch('anniversaries', rows)}
          blank={() => ({ years: 1, from: null, to: null })}
          columns={[
            { key: 'years', label: 'field.years', kind: 'number' },
            { key: 'from', label: 'field.from', kind: 'number' },
            { key: 'to', label: 'field.to', kind: 'number' },
          ]} />
      ))}

      <fieldset class="review-section review-submit">
        <legend>{t('review.note')}</legend>
        <div class="row-fields">
          <label class="field field-grow"><span>{t('review.note')}</span>
            <textarea name="note" rows={2} value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <label class="field"><span>{t('review.author')}</span>
            <input name="author" value={author} maxLength={200} onInput={(e) => setAuthorState(e.currentTarget.value)} />
          </label>
        </div>
        {!token && <p class="form-error" data-testid="need-token">{t('review.needToken')}</p>}
        <div class="button-row">
          <button type="submit" class="btn btn-primary" data-testid="save" disabled={busy || blocked || !token}>
            {busy ? t('review.saving') : t('review.save')}
          </button>
          {changed.length > 0 && <span class="badge badge-warn">{t('review.pending', { n: changed.length })}</span>}
          <button type="button" class="btn btn-ghost" disabled={!changed.length || busy} onClick={() => {
            setDraft(original);
            setCountriesText(original.countries.join(', '));
          }}>{t('review.reset')}</button>
          <span class="spacer" />
          {detail.status === 'wrong' ? (
            <button type="button" class="btn" data-testid="mark-ok" disabled={busy || !token} onClick={() => send([{ field: 'status', value: 'ok' }])}>
              {t('review.markOk')}
            </button>
          ) : (
            <button type="button" class="btn btn-danger" data-testid="mark-wrong" disabled={busy || !token} onClick={() => send([{ field: 'status', value: 'wrong' }])}>
              {t('review.markWrong')}
            </button>
          )}
        </div>
        {outcome?.kind === 'ok' && <p class="form-ok" role="status" data-testid="saved">{t('review.saved', { n: outcome.n })}</p>}
        {outcome?.kind === 'nothing' && <p class="hint" role="status">{t('review.nothing')}</p>}
        {outcome?.kind === 'error' && (
          <>
            {outcome.n > 0 && <p class="form-error">{t('review.savedPartly', { n: outcome.n })}</p>}
            <ErrorBox error={outcome.error} />
          </>
        )}
      </fieldset>
    </form>
  );
}
