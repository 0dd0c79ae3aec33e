/** The language a digest's own words (heading, labels) are written in; article text is never translated. */
export type DigestLanguage = 'zh' | 'en';

const ZH_WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026年4月23日 星期四 · 今日要闻" or "Thursday, 23 April 2026 · Today's news" for a YYYY-MM-DD date. */
export function digestHeading(date: string, language: DigestLanguage): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (language === 'en') return `${EN_WEEKDAYS[weekday]}, ${day} ${EN_MONTHS[month - 1]} ${year} · Today's news`;
  return `${year}年${month}月${day}日 星期${ZH_WEEKDAYS[weekday]} · 今日要闻`;
}
