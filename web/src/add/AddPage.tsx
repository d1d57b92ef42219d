import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { ExtractResult } from '../api/types';
import { useI18n } from '../i18n';
import { DATE_RE } from '../lib/filters';
import { Link } from '../lib/router';
import { useToken } from '../session/token';
import { ErrorBox, Loading, Panel } from '../ui/status';
import { TokenBox } from '../ui/TokenBox';
import { ExtractionView } from './ExtractionView';

interface Report { name: string; body: string; format: 'text' | 'html' }

const looksHtml = (s: string) => /<(!doctype|html|head|body|article|main|p|div|h1|h2)\b/i.test(s.slice(0, 5000));

/**
 * Paste a report or open files (read in the browser), see the extraction at
 * once (nothing stored), then keep it with the token.
 */
export function AddPage() {
  const { t } = useI18n();
  const [token] = useToken();
  const [body, setBody] = useState('');
  const [format, setFormat] = useState<'text' | 'html'>('text');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [files, setFiles] = useState<Report[]>([]);
  const [result, setResult] = useState<ExtractResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [kept, setKept] = useState<{ stored: string; id: string; events: number } | null>(null);
  const [keeping, setKeeping] = useState(false);
  const round = useRef(0);

  const badPublished = published !== '' && !DATE_RE.test(published);
  const payload = (keep: boolean) => ({
    ...(format === 'html' ? { html: body } : { text: body }),
    title: title.trim() || undefined, url: url.trim() || undefined, published: published && !badPublished ? published : undefined, keep,
  });

  // Extract as the report is typed or loaded (debounced); an older answer never replaces a newer one.
  useEffect(() => {
    setKept(null);
    if (!body.trim()) {
      setResult(null);
      setError(null);
      return;
    }
    const mine = ++round.current;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      api.extract(payload(false), null, ctl.signal).then(
        (r) => { if (mine === round.current) { setResult(r); setError(null); } },
        (err: Error) => { if (mine === round.current && err.name !== 'AbortError') { setError(err); setResult(null); } },
      ).finally(() => mine === round.current && setBusy(false));
    }, 450);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [body, format, title, url, published]);

  const load = (r: Report) => {
    setBody(r.body);
    setFormat(r.format);
    setTitle('');
  };

  const openFiles = async (list: FileList | null) => {
    if (!list || !list.length) return;
    const read = await Promise.all([...list].map(async (f) => {
      const text = await f.text();
      const html = /\.html?$/i.test(f.name) || f.type === 'text/html' || looksHtml(text);
      return { name: f.name, body: text, format: html ? 'html' : 'text' } as Report;
    }));
    setFiles(read);
    load(read[0]);
  };

  const keep = async () => {
    setKeeping(true);
    setError(null);
    try {
      const r = await api.extract(payload(true), token, undefined);
      setResult(r);
      setKept({ stored: r.stored ?? 'new', id: r.record.document.id, events: r.record.events.length });
    } catch (err) {
      setError(err as Error);
    } finally {
      setKeeping(false);
    }
  };

  return (
    <div class="page page-add" data-testid="add-page">
      <div class="page-head"><h1>{t('add.title')}</h1></div>
      <p class="lead-text">{t('add.hint')}</p>
      <div class="grid grid-add">
        <Panel title={t('add.paste')}>
          <div class="add-form">
            <textarea name="report" class="report-input" rows={14} value={body} placeholder={t('add.placeholder')} spellcheck={false}
              onInput={(e) => {
                const v = e.currentTarget.value;
                if (!body && looksHtml(v)) setFormat('html');
                setBody(v);
              }} />
            <div class="row-fields">
              <label class="field"><span>{t('add.format')}</span>
                <select name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as 'text')}>
                  <option value="text">{t('add.formatText')}</option>
                  <option value="html">{t('add.formatHtml')}</option>
                </select>
              </label>
              <label class="field field-grow"><span>{t('add.titleField')}</span>
                <input name="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
              </label>
            </div>
            <div class="row-fields">
              <label class="field field-grow"><span>{t('add.url')}</span>
                <input name="url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
              </label>
              <label class={`field ${badPublished ? 'invalid' : ''}`}><span>{t('add.published')}</span>
                <input name="published" value={published} placeholder={t('filters.datePlaceholder')} onInput={(e) => setPublished(e.currentTarget.value.trim())} />
              </label>
            </div>
            {badPublished && <p class="form-error">{t('filters.badDate')}</p>}
            <label class="field file-field"><span>{t('add.files')}</span>
              <input type="file" name="files" multiple accept=".txt,.text,.html,.htm,text/plain,text/html"
                onChange={(e) => void openFiles(e.currentTarget.files)} />
              <span class="hint">{t('add.filesHint')}</span>
            </label>
            {files.length > 1 && (
              <div class="file-list">
                <span>{t('add.fileList')}:</span>
                {files.map((f) => (
                  <button type="button" key={f.name} class={`chip ${f.body === body ? 'active' : ''}`} onClick={() => load(f)}>{f.name}</button>
                ))}
              </div>
            )}
            <TokenBox />
            <div class="button-row">
              <button type="button" class="btn btn-primary" data-testid="keep" disabled={!body.trim() || !token || keeping || badPublished} onClick={() => void keep()}>
                {keeping ? t('add.keeping') : t('add.keep')}
              </button>
              {busy && <span class="hint">{t('add.extracting')}</span>}
            </div>
            {kept && (
              <div class="form-ok" role="status" data-testid="kept">
                {kept.stored === 'duplicate' ? t('add.duplicate') : t('add.kept')}{' '}
                {Array.from({ length: kept.events }, (_, i) => (
                  <Link key={i} href={`/event/${kept.id}-${i}`} class="btn btn-small">{t('add.openEvent', { n: i + 1 })}</Link>
                ))}
              </div>
            )}
          </div>
        </Panel>
        <Panel title={t('add.result')} class="panel-source">
          {error && <ErrorBox error={error} />}
          {!body.trim() && !error && <div class="state state-empty">{t('add.empty')}</div>}
          {body.trim() && !result && !error && <Loading label={t('add.extracting')} />}
          {result && <div class={busy ? 'is-stale' : ''}><ExtractionView result={result} /></div>}
        </Panel>
      </div>
    </div>
  );
}
