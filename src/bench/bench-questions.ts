import { seededRandom } from './seeded-random.js';

/** Ways a reader might phrase the same question, used once the real questions run out. */
const PHRASINGS: readonly ((question: string) => string)[] = [
  (question) => `请问${question}`,
  (question) => `${question.replace(/[？?]$/, '')}？`,
  (question) => `我想知道${question}`,
];

/**
 * `count` distinct questions drawn from `questions` in a seeded order; when more are asked for
 * than exist, rephrased copies fill the rest.
 */
export function benchQuestions(questions: readonly string[], count: number, seed = 11): string[] {
  const unique = [...new Set(questions.map((question) => question.trim()).filter((question) => question.length > 0))];
  if (unique.length === 0) throw new Error('no questions to benchmark with');
  const random = seededRandom(seed);
  for (let index = unique.length - 1; index > 0; index -= 1) {
    const other = random.integer(0, index);
    [unique[index], unique[other]] = [unique[other]!, unique[index]!];
  }
  const chosen = unique.slice(0, count);
  for (let index = chosen.length; index < count; index += 1) {
    const base = unique[index % unique.length]!;
    chosen.push(PHRASINGS[Math.floor(index / unique.length) % PHRASINGS.length]!(base));
  }
  return chosen;
}
