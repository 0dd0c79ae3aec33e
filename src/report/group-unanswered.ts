import type { LoggedQuestion } from '../store/question-log-store.js';
import { keyWords } from '../text/keywords/key-words.js';

/** Unanswered questions that share key words. */
export interface UnansweredGroup {
  /** Words every question of the group contains, the one that grouped them first. */
  keywords: string[];
  count: number;
  /** The newest question of the group, as asked. */
  example: string;
}

/**
 * Groups questions by shared key words (jieba words without stop words): each question joins the group of its
 * key word that most questions share (longer words first on ties), so "地铁5号线什么时候通车" and "地铁票价多少"
 * meet under 地铁. Questions without a key word are grouped by their exact text. Most frequent group first.
 */
export function groupUnanswered(questions: readonly LoggedQuestion[]): UnansweredGroup[] {
  const wordsOf = questions.map((entry) => keyWords(entry.question));
  const frequency = new Map<string, number>();
  for (const words of wordsOf) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);

  const groups = new Map<string, { members: { entry: LoggedQuestion; words: string[] }[] }>();
  questions.forEach((entry, index) => {
    const words = wordsOf[index]!;
    const ranked = [...words].sort((left, right) => (frequency.get(right) ?? 0) - (frequency.get(left) ?? 0) || right.length - left.length || left.localeCompare(right));
    const key = ranked[0] ?? `\u0000${entry.question.trim()}`;
    const group = groups.get(key) ?? { members: [] };
    group.members.push({ entry, words: ranked });
    groups.set(key, group);
  });

  return [...groups.entries()]
    .map(([key, group]) => {
      const newest = group.members.reduce((latest, member) => (member.entry.askedAt >= latest.entry.askedAt ? member : latest));
      const shared = key.startsWith('\u0000') ? [] : newest.words.filter((word) => group.members.every((member) => member.words.includes(word)));
      return { keywords: shared, count: group.members.length, example: newest.entry.question, newestAt: newest.entry.askedAt.getTime() };
    })
    .sort((left, right) => right.count - left.count || right.newestAt - left.newestAt)
    .map(({ keywords, count, example }) => ({ keywords, count, example }));
}
