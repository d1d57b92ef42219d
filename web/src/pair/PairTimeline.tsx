import type { EventSummary } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../lib/router';
import { typeColor } from '../ui/palette';

const W = 900;
const ROW = 14;
const M = { left: 16, right: 16, top: 12, bottom: 26 };

/** Decimal year of an ISO date (2024-07-01 → 2024.5); null when the year is unknown. */
function when(v: string | null | undefined): number | null {
  if (!v || v.startsWith('--')) return null;
  const y = Number(v.slice(0, 4));
  const m = v.length >= 7 ? Number(v.slice(5, 7)) : 7;
  const d = v.length >= 10 ? Number(v.slice(8, 10)) : 15;
  return y + (m - 1) / 12 + (d - 1) / 365;
}

/** The pair's events on one time axis, a dot per event coloured by type; a dot opens its event. */
export function PairTimeline({ events }: { events: EventSummary[] }) {
  const { t } = useI18n();
  const dated = events.map((e) => ({ e, x: when(e.event.date?.value) })).filter((d): d is { e: EventSummary; x: number } => d.x !== null);
  const undated = events.length - dated.length;
  if (!dated.length) return <p class="hint">{t('pair.undatedNote', { n: undated })}</p>;
  const min = Math.floor(Math.min(...dated.map((d) => d.x)));
  const max = Math.floor(Math.max(...dated.map((d) => d.x))) + 1;
  const span = Math.max(1, max - min);
  const innerW = W - M.left - M.right;
  const px = (x: number) => M.left + ((x - min) / span) * innerW;
  // Stack dots that would overlap.
  const lanes: number[] = [];
  const placed = dated.sort((a, b) => a.x - b.x).map((d) => {
    const cx = px(d.x);
    let lane = lanes.findIndex((end) => end < cx - 11);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = cx;
    return { ...d, cx, lane };
  });
  const H = M.top + M.bottom + Math.max(1, lanes.length) * ROW + 8;
  const axisY = H - M.bottom;
  const every = span > 30 ? 5 : span > 12 ? 2 : 1;
  const years: number[] = [];
  for (let y = min; y <= max; y++) if ((y - min) % every === 0 || y === max) years.push(y);
  return (
    <div class="pair-timeline" data-testid="pair-timeline">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('pair.timeline')}>
        <line class="axis" x1={M.left} x2={W - M.right} y1={axisY} y2={axisY} />
        {years.map((y) => (
          <g key={y} class="tick">
            <line x1={px(y)} x2={px(y)} y1={axisY} y2={axisY + 4} />
            <text x={px(y)} y={axisY + 17} text-anchor="middle">{y}</text>
          </g>
        ))}
        {placed.map(({ e, cx, lane }) => (
          <a key={e.id} href={`/event/${e.id}`} class="dot" data-event-id={e.id}
            onClick={(ev) => { ev.preventDefault(); navigate(`/event/${e.id}`); }}>
            <title>{`${e.event.date?.value ?? ''} · ${t(`type.${e.event.type}` as MessageKey)}${e.event.mechanism ? ` · ${e.event.mechanism.name}` : ''}`}</title>
            <circle cx={cx} cy={axisY - 10 - lane * ROW} r={5.5} fill={typeColor(e.event.type)} />
          </a>
        ))}
      </svg>
      {undated > 0 && <p class="hint">{t('pair.undatedNote', { n: undated })}</p>}
    </div>
  );
}
