const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * How an answer says when the report it quotes was published: 据2026年10月15日报道， or (reported 15 Oct 2026).
 * Null for an undated report or a date that is not YYYY-MM-DD: better nothing than a guess.
 */
export function reportDatePhrase(isoDate: string | null, language: 'zh' | 'en'): string | null {
  return language === 'en' ? reportDatesPhrase(isoDate ? [isoDate] : []) : chineseReportDate(isoDate);
}

/**
 * The English phrase for an answer that tells several reports, each with its date (a plan, then its outcome): (reported
 * 20 Feb 2024 and 18 Jan 2026). Null when none of the dates is YYYY-MM-DD.
 */
export function reportDatesPhrase(isoDates: readonly string[]): string | null {
  const days = isoDates.flatMap((isoDate) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
    return match ? [`${Number(match[3])} ${MONTHS_EN[Number(match[2]) - 1]} ${match[1]}`] : [];
  });
  return days.length > 0 ? `(reported ${days.join(' and ')})` : null;
}

function chineseReportDate(isoDate: string | null): string | null {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!match) return null;
  return `据${match[1]}年${Number(match[2])}月${Number(match[3])}日报道，`;
}
