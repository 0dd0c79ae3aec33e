import type { Article } from '../ingest/article.js';
import { readCorrection } from '../ingest/corrections/read-correction.js';
import type { CorrectionStore, CorrectionTarget } from '../store/correction-store.js';

/**
 * Links every correction notice among `articles` to the article it corrects: the one at the web address it names,
 * or with the title it quotes (《…》), of the day it names when several are, else the latest before the notice.
 * Returns how many were linked; a notice whose article is not in the archive stays a plain article.
 */
export function linkCorrections(articles: readonly Article[], store: CorrectionStore): number {
  let linked = 0;
  for (const article of articles) {
    const notice = readCorrection(article);
    if (!notice) continue;
    const targets = store.findTargets({ title: notice.quotedTitle, url: notice.url }).filter((target) => target.id !== article.id);
    const target = chooseTarget(targets, notice.namedDate, article.date);
    if (!target) continue;
    store.linkCorrection({ correctionId: article.id, articleId: target.id, correctedOn: article.date, wrong: notice.wrong, corrected: notice.corrected });
    linked += 1;
  }
  return linked;
}

function chooseTarget(targets: readonly CorrectionTarget[], namedDate: string | null, noticeDate: string | null): CorrectionTarget | undefined {
  const onDay = targets.find((target) => namedDate !== null && target.date === namedDate);
  if (onDay) return onDay;
  const before = targets.filter((target) => noticeDate === null || target.date === null || target.date <= noticeDate);
  return before.at(-1) ?? targets.at(-1);
}
