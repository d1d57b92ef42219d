import type { Translate, MessageKey } from '../i18n';

/** A field path as a person reads it: `participants.0.rank` → "Participants 1 › Rank". */
export function fieldLabel(path: string, t: Translate): string {
  const [top, second, third] = path.split('.');
  const has = (k: string): k is MessageKey => t(k as MessageKey) !== k;
  const topLabel = has(`field.${top}`) ? t(`field.${top}` as MessageKey) : top;
  if (second === undefined) return topLabel;
  if (top === 'areas') return `${topLabel} › ${has(`area.${second}`) ? t(`area.${second}` as MessageKey) : second}`;
  if (/^\d+$/.test(second)) {
    const n = Number(second) + 1;
    if (third === undefined) return `${topLabel} ${n}`;
    return `${topLabel} ${n} › ${has(`field.${third}`) ? t(`field.${third}` as MessageKey) : third}`;
  }
  const full = `field.${top}.${second}`;
  return has(full) ? t(full as MessageKey) : `${topLabel} › ${second}`;
}
