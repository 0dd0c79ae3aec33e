const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * How an answer says when the report it quotes was published: 据2026年10月15日报道， or (reported 15 Oct 2026).
 * Null for an undated report or a date that is not YYYY-MM-DD: better nothing than a guess.
 */
export function reportDatePhrase(isoDate: string | null, language: 'zh' | 'en'): string | null {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return language === 'en' ? `(reported ${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year})` : `据${year}年${Number(month)}月${Number(day)}日报道，`;
}
