import type { CorrectionStore } from '../../store/correction-store.js';
import type { BotLanguage } from '../shared/i18n/messages.js';
import { escapeHtml } from '../../telegram/escape-html.js';

/**
 * What a source card and `/source` say about an article's printed corrections ("更正于 2026-08-03：…应为…") and an
 * update in place ("更新于 …"), as HTML lines; empty when there is nothing to say.
 */
export function correctionNotes(corrections: CorrectionStore | undefined, articleId: string, language: BotLanguage): string[] {
  if (!corrections) return [];
  const notes = corrections.correctionsOf(articleId).map((correction) => {
    const day = escapeHtml(correction.correctedOn ?? '');
    const what =
      correction.wrong && correction.corrected
        ? language === 'en'
          ? `"${escapeHtml(correction.wrong)}" should read "${escapeHtml(correction.corrected)}"`
          : `“${escapeHtml(correction.wrong)}”应为“${escapeHtml(correction.corrected)}”`
        : '';
    const source = `/source ${escapeHtml(correction.correctionId)}`;
    return language === 'en' ? `<b>Corrected on ${day}</b>: ${what} (${source})` : `<b>更正于 ${day}</b>：${what}（${source}）`;
  });
  const updated = corrections.updatedOn(articleId);
  if (updated) notes.push(language === 'en' ? `<i>Updated on ${escapeHtml(updated)}</i>` : `<i>更新于 ${escapeHtml(updated)}</i>`);
  return notes;
}
