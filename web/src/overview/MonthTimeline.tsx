import { useMemo } from 'preact/hooks';
import { useI18n, type MessageKey } from '../i18n';
import { TYPE_ORDER, typeColor } from '../ui/palette';

const W = 900;
const H = 210;
const M = { top: 10, right: 8, bottom: 24, left: 36 };

interface Column { month: string; total: number; parts: Array<{ type: string; count: number }> }

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const endY = Number(last.slice(0, 4));
  const endM = Number(last.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function niceTicks(max: number): number[] {
  if (max <= 0) return [0];
  // Counts are whole numbers: steps of 1, 2, 5, 10, 20, 50 …
  const step0 = Math.max(1, max / 4);
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= step0) ?? mag * 10;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return ticks;
}

/** Events per month, stacked by type (from /api/facets byMonth). Clicking a month filters to it. */
export function MonthTimeline({ byMonth, onPickMonth, active }: { byMonth: Array<{ month: string; type: string; count: number }>; onPickMonth?: (month: string) => void; active?: string }) {
  const { t, num } = useI18n();
  const { columns, types, max } = useMemo(() => {
    const rows = byMonth.filter((r) => /^\d{4}-\d{2}$/.test(r.month));
    if (!rows.length) return { columns: [] as Column[], types: [] as string[], max: 0 };
    const sorted = rows.map((r) => r.month).sort();
    const months = monthsBetween(sorted[0], sorted[sorted.length - 1]);
    const index = new Map(months.map((m, i) => [m, i]));
    const columns: Column[] = months.map((month) => ({ month, total: 0, parts: [] }));
    const present = new Set<string>();
    for (const r of rows) {
      const c = columns[index.get(r.month)!];
      c.total += r.count;
      c.parts.push({ type: r.type, count: r.count });
      present.add(r.type);
    }
    for (const c of columns) c.parts.sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
    return { columns, types: TYPE_ORDER.filter((x) => present.has(x)), max: Math.max(...columns.map((c) => c.total)) };
  }, [byMonth]);

  if (!columns.length) return <div class="state state-empty" data-testid="timeline-empty">{t('overview.timelineEmpty')}</div>;

  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const step = innerW / columns.length;
  const barW = Math.max(1, step * 0.82);
  const y = (v: number) => innerH - (innerH * v) / max;
  const ticks = niceTicks(max);
  const years = columns.length / 12;
  const every = years > 40 ? 10 : years > 16 ? 5 : years > 7 ? 2 : 1;
  return (
    <div class="timeline" data-testid="timeline">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('overview.timeline')}>
        <g transform={`translate(${M.left},${M.top})`}>
          {ticks.map((v) => (
            <g key={v} class="tick">
              <line x1={0} x2={innerW} y1={y(v)} y2={y(v)} />
              <text x={-6} y={y(v)} dy="0.32em" text-anchor="end">{num(v)}</text>
            </g>
          ))}
          {columns.map((c, i) => {
            let acc = 0;
            const x = i * step + (step - barW) / 2;
            const label = `${c.month}: ${num(c.total)}${c.parts.length ? ` — ${c.parts.map((p) => `${t(`type.${p.type}` as MessageKey)} ${p.count}`).join(', ')}` : ''}`;
            const isYear = c.month.endsWith('-01') && Number(c.month.slice(0, 4)) % every === 0;
            return (
              <g key={c.month} class={`month ${active && c.month.startsWith(active) ? 'active' : ''}`} data-month={c.month}
                onClick={() => c.total && onPickMonth?.(c.month)}>
                <title>{label}</title>
                <rect class="hit" x={i * step} y={0} width={step} height={innerH} />
                {c.parts.map((p) => {
                  const y0 = y(acc);
                  acc += p.count;
                  const y1 = y(acc);
                  return <rect key={p.type} x={x} y={y1} width={barW} height={Math.max(0.5, y0 - y1)} fill={typeColor(p.type)} />;
                })}
                {(isYear || (i === 0 && columns.length < 12)) && (
                  <text class="x-label" x={i * step + step / 2} y={innerH + 16} text-anchor={i === 0 ? 'start' : 'middle'}>
                    {columns.length < 12 ? c.month : c.month.slice(0, 4)}
                  </text>
                )}
              </g>
            );
          })}
          <line class="axis" x1={0} x2={innerW} y1={innerH} y2={innerH} />
        </g>
      </svg>
      <div class="legend">
        {types.map((x) => (
          <span class="legend-item" key={x}>
            <span class="swatch" style={{ background: typeColor(x) }} />
            {t(`type.${x}` as MessageKey)}
          </span>
        ))}
      </div>
    </div>
  );
}
