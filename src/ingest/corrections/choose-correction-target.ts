/** An article that may be the one a notice corrects. */
export interface CorrectionTarget {
  id: string;
  /** YYYY-MM-DD, or null when undated. */
  date: string | null;
}

/**
 * Which of the articles a notice names (by title or web address, oldest first) it corrects: the one of the day it
 * names, else the latest not after the notice, else the latest.
 */
export function chooseCorrectionTarget(targets: readonly CorrectionTarget[], namedDate: string | null, noticeDate: string | null): CorrectionTarget | undefined {
  const onDay = targets.find((target) => namedDate !== null && target.date === namedDate);
  if (onDay) return onDay;
  const before = targets.filter((target) => noticeDate === null || target.date === null || target.date <= noticeDate);
  return before.at(-1) ?? targets.at(-1);
}
