import { EVENT_TYPES } from '../api/types';

/** Colours: one per event type (colour-blind-safe where it matters), and a sequential ramp for counts. */

const TYPE_COLORS: Record<string, string> = {
  dialogue: '#1f77b4',
  working_group: '#17becf',
  talks: '#2ca02c',
  reception: '#98df8a',
  visit: '#ff7f0e',
  signing: '#d62728',
  exercise: '#8c564b',
  port_call: '#9467bd',
  training: '#e377c2',
  conference: '#bcbd22',
  exhibition: '#7f7f7f',
  other: '#c7c7c7',
};

export const typeColor = (t: string) => TYPE_COLORS[t] ?? '#999';
export const TYPE_ORDER: readonly string[] = EVENT_TYPES;

const LOW = [222, 235, 247];
const HIGH = [8, 48, 107];

/** A blue ramp on a log scale, so that one busy country does not wash the others out. */
export function countColor(count: number, max: number): string {
  if (count <= 0 || max <= 0) return '#e9edf1';
  // A floor on the scale keeps a map of ones and twos from looking saturated.
  const top = Math.max(max, 4);
  const t = Math.log(1 + count) / Math.log(1 + top);
  const c = LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * (0.15 + 0.85 * t)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
