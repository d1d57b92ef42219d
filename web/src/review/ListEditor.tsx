import { useEffect, useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../i18n';
import { numOrNull, orNull } from './draft';

export interface Column<T> {
  key: keyof T & string;
  label: MessageKey;
  kind: 'text' | 'nullable' | 'number' | 'code' | 'select' | 'nullableSelect';
  options?: readonly string[];
  /** Label an option (e.g. a translated status). */
  optionLabel?: (o: string) => string;
  wide?: boolean;
}

export interface ListEditorProps<T> {
  name: string;
  rows: T[];
  columns: Column<T>[];
  blank: () => T;
  onChange: (rows: T[]) => void;
  /** Reports whether the editor holds something that cannot be saved (bad JSON). */
  onValidity?: (ok: boolean) => void;
  addLabel?: string;
}

/**
 * Editable rows (participants, agreements, commitments, anniversaries), or the
 * same list as JSON for what the form does not cover.
 */
export function ListEditor<T extends Record<string, unknown>>({ name, rows, columns, blank, onChange, onValidity, addLabel }: ListEditorProps<T>) {
  const { t } = useI18n();
  const [asJson, setAsJson] = useState(false);
  const [text, setText] = useState(() => JSON.stringify(rows, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!asJson) setText(JSON.stringify(rows, null, 2));
  }, [rows, asJson]);

  const set = (i: number, key: keyof T, value: unknown) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const cell = (r: T, i: number, c: Column<T>) => {
    const v = r[c.key];
    const id = `${name}-${i}-${c.key}`;
    const common = { id, name: `${name}.${i}.${c.key}`, 'aria-label': `${t(c.label)} ${i + 1}` };
    switch (c.kind) {
      case 'select':
      case 'nullableSelect':
        return (
          <select {...common} value={(v as string | null) ?? ''} onChange={(e) => set(i, c.key, c.kind === 'nullableSelect' ? orNull(e.currentTarget.value) : e.currentTarget.value)}>
            {c.kind === 'nullableSelect' && <option value="">—</option>}
            {(c.options ?? []).map((o) => <option key={o} value={o}>{c.optionLabel ? c.optionLabel(o) : o}</option>)}
          </select>
        );
      case 'number':
        return <input {...common} type="number" value={v === null || v === undefined ? '' : String(v)} onInput={(e) => set(i, c.key, numOrNull(e.currentTarget.value))} />;
      case 'code':
        return <input {...common} class="input-code" maxLength={3} value={(v as string | null) ?? ''} placeholder="VNM"
          onInput={(e) => set(i, c.key, orNull(e.currentTarget.value.toUpperCase()))} />;
      case 'nullable':
        return <input {...common} value={(v as string | null) ?? ''} onInput={(e) => set(i, c.key, e.currentTarget.value === '' ? null : e.currentTarget.value)} />;
      default:
        return <input {...common} value={(v as string) ?? ''} onInput={(e) => set(i, c.key, e.currentTarget.value)} />;
    }
  };

  return (
    <div class="list-editor" data-editor={name}>
      <div class="list-editor-bar">
        <button type="button" class="btn btn-small btn-ghost" onClick={() => {
          if (asJson && error) return;
          setAsJson(!asJson);
          setText(JSON.stringify(rows, null, 2));
        }}>
          {asJson ? t('review.asForm') : t('review.asJson')}
        </button>
      </div>
      {asJson ? (
        <>
          <textarea class={`json ${error ? 'invalid' : ''}`} name={`${name}-json`} rows={Math.min(16, 3 + text.split('\n').length)} value={text} spellcheck={false}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setText(v);
              try {
                const parsed = JSON.parse(v);
                if (!Array.isArray(parsed)) throw new Error(t('review.jsonNotList'));
                setError(null);
                onValidity?.(true);
                onChange(parsed as T[]);
              } catch (err) {
                setError((err as Error).message);
                onValidity?.(false);
              }
            }} />
          {error ? <p class="form-error">{t('review.jsonError', { msg: error })}</p> : <p class="hint">{t('review.jsonHint')}</p>}
        </>
      ) : (
        <div class="table-wrap">
          <table class="edit-table">
            <thead>
              <tr>
                {columns.map((c) => <th key={c.key} class={c.wide ? 'wide' : ''}>{t(c.label)}</th>)}
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-row={i}>
                  {columns.map((c) => <td key={c.key} class={c.wide ? 'wide' : ''}>{cell(r, i, c)}</td>)}
                  <td>
                    <button type="button" class="btn btn-small btn-ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`${t('review.remove')} ${i + 1}`}>
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" class="btn btn-small" data-add={name} onClick={() => onChange([...rows, blank()])}>+ {addLabel ?? t('review.addRow')}</button>
        </div>
      )}
    </div>
  );
}
