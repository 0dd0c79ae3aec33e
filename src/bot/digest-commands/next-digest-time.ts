import { Cron } from 'croner';

/** The next digest time as the subscriber reads it: "2026-04-24 08:00 (Asia/Shanghai)"; empty when the pattern never runs again. */
export function nextDigestTime(cron: string, timezone: string, now: Date): string {
  const next = new Cron(cron, { timezone, paused: true }).nextRun(now);
  if (!next) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(next);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${timezone})`;
}
