import type { ChosenTranslation } from './choose-translations.js';

/** The one English line above a Chinese answer: where it comes from and what was searched, so a reader can judge it. */
export function englishLeadIn(translations: readonly ChosenTranslation[]): string {
  const searched = translations.map((translation) => (translation.chinese === translation.english ? translation.english : `${translation.chinese} (${translation.english})`));
  return `From the Chinese-language reports below (searched for ${searched.join(', ')}):`;
}
