import type { QuestionRow } from './collect-answer-rows.js';
import { decide, fitAnswerModels, type Decision } from './fit-answer-model.js';

/**
 * Out-of-fold decisions: the passages are dealt into `folds` folds (by a hash of set and passage id, so a
 * passage's questions stay together and the deal does not depend on row order); each fold is decided by models
 * fitted on the others. `judged` rows (the same passages asked in another archive) are dealt the same way and
 * decided by the same models, but never fitted on.
 */
export function crossValidate(rows: readonly QuestionRow[], folds = 5, judged: readonly QuestionRow[] = []): Decision[] {
  const foldOf = (row: QuestionRow): number => hash(row.foldKey) % folds;
  const decisions: Decision[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const models = fitAnswerModels(rows.filter((row) => foldOf(row) !== fold));
    decisions.push(
      ...decide(
        [...rows, ...judged].filter((row) => foldOf(row) === fold),
        models,
      ),
    );
  }
  return decisions;
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}
