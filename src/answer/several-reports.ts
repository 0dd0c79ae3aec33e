import type { Passage } from '../retrieval/passage.js';
import { normalizeForMatching } from '../text/normalize-text.js';
import { foldNumerals } from '../text/numbers/fold-numerals.js';
import type { ScoredSentence } from './score-sentences.js';
import type { ExpectedAnswer } from './expected-answer.js';
import { tellsAnotherStory } from './other-stories/tells-another-story.js';

/** One report of the asked-for figure: the sentence, its passage, and the figure as written. */
export interface Report {
  sentence: ScoredSentence;
  passage: Passage;
  value: string;
}

/** How close to the best a sentence from another article of the same day must score to count as a second report. */
const SECOND_REPORT_SHARE = 0.8;
/**
 * How much of the best sentence's fit (coverage + context) a report of another day must reach: a later report
 * that revised a figure often restates less of the question (出租车增至2400辆 after 全市共有出租车2100辆), and
 * whatever it scores, it must be told. A report that gives the asked thing's figure right beside its name
 * (公交线路增至96条) is told however little else of the question it restates.
 */
const REVISED_REPORT_FIT = 0.5;
/** Ranked sentences looked through for reports of other days. */
const REPORT_DEPTH = 24;
/** Words of a plan or target (计划新建6所), as against what was done. */
const PLAN = /计划|拟|将于|预计|力争|规划|目标是|有望|plan/i;

/**
 * When the best sentences come from different dated articles and give different figures for what is asked
 * (8所 in one, 6所 in another), the reports in the order to tell them: newest first, so a figure that a later
 * article updated leads, also when it scores lower than the earlier one; a plan and its later outcome oldest
 * first (planned, then done). Null when there is only one report, or they agree. Articles of the same day are
 * compared as before (the second must score near the best), so an archive of one day reads as it did. A sentence
 * about another story of the same kind (`tellsAnotherStory`) is not a report of this one.
 */
export function findReports(scored: readonly ScoredSentence[], passages: readonly Passage[], expects: ExpectedAnswer = 'number'): Report[] | null {
  const best = scored[0];
  // A reason, a definition or another name is found by its marker (因为, 是指, 又名): the marker is no value to compare;
  // a list holds several values.
  if (!best || expects === 'reason' || expects === 'definition' || expects === 'alias' || expects === 'list') return null;
  const first = toReport(best, passages);
  if (!first) return null;
  const bestFit = best.coverage + best.context;
  const reports = [first];
  for (const candidate of scored.slice(1, REPORT_DEPTH)) {
    const report = toReport(candidate, passages);
    if (!report || reports.some((other) => other.passage.articleId === report.passage.articleId)) continue;
    const sameDay = report.passage.date === first.passage.date;
    if (sameDay && candidate.score < best.score * SECOND_REPORT_SHARE) continue;
    if (candidate.coverage + candidate.context < bestFit * (sameDay ? SECOND_REPORT_SHARE : REVISED_REPORT_FIT) && (sameDay || !givesAskedFigure(candidate))) continue;
    // Another event of the same kind (an attack elsewhere) is no report of this one's figure: see `findOtherStories`.
    if (tellsAnotherStory({ text: best.text, passage: first.passage }, { text: candidate.text, passage: report.passage })) continue;
    // 1280米 and 600个 are no two reports of one figure.
    if (!sameDay && !sameKind(first, report)) continue;
    if (reports.some((other) => sameValue(other.value, report.value))) {
      if (sameDay && reports.length === 1) return null;
      continue;
    }
    reports.push(report);
  }
  if (reports.length < 2) return null;
  const newestFirst = reports.sort((left, right) => (right.passage.date ?? '').localeCompare(left.passage.date ?? ''));
  const [newest, ...earlier] = newestFirst as [Report, ...Report[]];
  const planThenOutcome = !PLAN.test(newest.sentence.text) && earlier.every((report) => PLAN.test(report.sentence.text));
  return planThenOutcome ? newestFirst.reverse() : newestFirst;
}

/** Whether a sentence names what is asked (the words next to 多少) with its value beside them: 公交线路增至96条. */
function givesAskedFigure(sentence: ScoredSentence): boolean {
  return sentence.features.focus === 1 && sentence.features.slotNearFocus === 1;
}

/** Whether a report tells a plan (计划, 预计) rather than what was done. */
export function isPlan(report: Report): boolean {
  return PLAN.test(report.sentence.text);
}

function toReport(sentence: ScoredSentence, passages: readonly Passage[]): Report | null {
  const passage = passages[sentence.passageIndex];
  const slot = sentence.slots[0];
  if (!passage?.date || !slot) return null;
  return { sentence, passage, value: slot.text };
}

/** A unit: the first character after a number (辆 of 2400辆, 米 of 1280米), a date's last. */
const UNIT_CHARACTER = /^[^\d.,，\s０-９〇零一二三四五六七八九十百千万亿两]/;

/** Whether two reports' values measure the same kind of thing: the same unit (written in the value or right after it), or both dates. */
function sameKind(left: Report, right: Report): boolean {
  const unitOf = (report: Report): string => {
    const slot = report.sentence.slots[0];
    const after = slot ? report.sentence.text.slice(slot.end, slot.end + 1) : '';
    const last = report.value.slice(-1);
    return UNIT_CHARACTER.test(last) ? last : UNIT_CHARACTER.test(after) ? after : '';
  };
  const date = /[年月日]$/;
  return unitOf(left) === unitOf(right) || (date.test(left.value) && date.test(right.value));
}

/** Whether two written values are one (8所 and ８所, 1,200个 and 1200个). */
export function sameValue(left: string, right: string): boolean {
  const fold = (text: string): string => foldNumerals(normalizeForMatching(text)).replace(/[,，\s]/g, '');
  return fold(left) === fold(right);
}

/** 2024-09-02 → 9月2日, with the year when it differs from `otherYear`. */
export function reportDate(isoDate: string, otherYear: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${year !== otherYear ? `${year}年` : ''}${Number(month)}月${Number(day)}日`;
}
