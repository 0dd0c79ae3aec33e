import type { Article } from '../ingest/article.js';
import type { EvalQuestion, SquadSet } from './load-squad.js';
import { goldMatcher } from './run-squad-eval.js';
import { splitSentenceSpans } from '../text/split-sentences.js';
import { normalizeForMatching } from '../text/normalize-text.js';
import { analyzeQuestion } from '../answer/question-profile.js';
import { unitMatcher } from '../answer/match-unit.js';

/** A set with some passages' asked facts cut out of them, and the questions those passages can no longer answer. */
export interface FactsLeftOut {
  /** Every article of the set, the trimmed ones in place of their passages. */
  articles: Article[];
  /** Questions whose gold no longer appears in their own passage: the story is in the archive, the fact is not. */
  questions: Set<EvalQuestion>;
}

/**
 * Cuts facts out of their stories, to ask what an archive cannot answer although it holds the story: out of every
 * `every`-th passage, counted from `every / 2` (at the default 5, none of the every 10th from the first that
 * `leftOutPassages` leaves out) and never one of `wholeLeftOut`, the sentences holding the first question's gold are
 * removed, and with them those saying what the question asks about its subject (the words beside its question word
 * that the title does not hold: 全长 of 石桥全长多少米): a story that never says it, as a reader's question often meets
 * (苏明的妻子叫什么名字 of a story about 苏明 that never mentions a wife). A question of that passage whose gold is then
 * absent from it asks for a fact left out; its passage's other sentences stay, so the question's subject is still
 * found. A passage whose gold runs across sentences, or that would be left empty, is kept whole.
 */
export function leftOutFacts(set: SquadSet, wholeLeftOut: ReadonlySet<string> = new Set(), every = 5): FactsLeftOut {
  const questionsOf = new Map<string, EvalQuestion[]>();
  for (const question of set.questions) {
    const questions = questionsOf.get(question.articleId);
    if (questions) questions.push(question);
    else questionsOf.set(question.articleId, [question]);
  }
  const leftOut = new Set<EvalQuestion>();
  const articles = set.articles.map((article, index) => {
    const first = questionsOf.get(article.id)?.[0];
    if (index % every !== Math.floor(every / 2) || first === undefined || wholeLeftOut.has(article.id)) return article;
    const holdsFirstGold = goldMatcher(first);
    // What the question asks about its subject (毕业, 大学 of 楼曾瑞毕业于哪个大学; not the title's 楼曾瑞) goes too.
    const title = normalizeForMatching(article.title);
    const asked = analyzeQuestion(first.question)
      .focus.map(unitMatcher)
      .filter((match) => match(title) < 1);
    const saysAsked = (sentence: string): boolean => {
      const folded = normalizeForMatching(sentence);
      return asked.some((match) => match(folded) >= 1);
    };
    const sentences = splitSentenceSpans(article.paragraphs.join('\n')).map((span) => span.text);
    if (!sentences.some(holdsFirstGold)) return article;
    const kept = sentences.filter((sentence) => !holdsFirstGold(sentence) && !saysAsked(sentence));
    const trimmed = kept.join('');
    if (kept.length === 0 || holdsFirstGold(trimmed)) return article;
    for (const question of questionsOf.get(article.id) ?? []) if (!goldMatcher(question)(trimmed)) leftOut.add(question);
    return { ...article, paragraphs: [trimmed] };
  });
  return { articles, questions: leftOut };
}
