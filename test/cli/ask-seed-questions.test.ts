import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVAL_DIR, runCli, SAMPLE_PAGE, temporaryHome } from '../helpers/run-cli.js';

interface SeedQuestion {
  id: string;
  q: string;
  answer?: string[];
}

function readJsonl(file: string): SeedQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SeedQuestion);
}

// The public seed set: answers must contain every gold string and cite the article holding it.
describe('ask on the sample page (public seed questions)', () => {
  const home = temporaryHome();
  const env = { NEWSBOT_HOME: home };
  const page = fs.readFileSync(SAMPLE_PAGE, 'utf8');

  /** Asks each question of the page; lists, as `id question → answer`, those whose answer `listed` picks. */
  const askedWhere = async (questions: readonly SeedQuestion[], listed: (result: { answered: boolean; answer: string }, question: SeedQuestion) => boolean) => {
    const picked: string[] = [];
    for (const question of questions) {
      const result = (await runCli(['ask', question.q, '--json'], env)).json();
      if (listed(result, question)) picked.push(`${question.id} ${question.q} → ${result.answer}`);
    }
    return picked;
  };

  beforeAll(async () => {
    const run = await runCli(['ingest', SAMPLE_PAGE, '--json'], env);
    expect(run.code).toBe(0);
  });

  it('answers at least 14 of 15 questions with the gold text and a citation of the right article', async () => {
    const questions = readJsonl(path.join(EVAL_DIR, 'seed-questions.jsonl'));
    const failures: string[] = [];
    for (const question of questions) {
      const result = (await runCli(['ask', question.q, '--json'], env)).json();
      const golds = question.answer ?? [];
      const answerHasGold = result.answered && golds.every((gold) => result.answer.includes(gold));
      const citesSource = result.citations.some((citation: { quote: string; title: string }) => golds.every((gold) => citation.quote.includes(gold)));
      const markersValid = [...result.answer.matchAll(/\[(\d+)\]/g)].every((match) => result.citations.some((citation: { n: number }) => citation.n === Number(match[1])));
      if (!(answerHasGold && citesSource && markersValid)) failures.push(`${question.id} ${question.q} → ${result.answer}`);
    }
    expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(1);
    expect(page.length).toBeGreaterThan(0);
  });

  // Simple questions a reader would ask, written after the answer model was fitted and never tuned on: paraphrase
  // (赔 for 赔偿, 缴税 for 实缴缴税款), framing (请问, 目前, 总共) and the page's layout breaks. r01–r26: 24 of 26 at
  // the fit. r27–r51 were written later, in one go, and asked before any change was made for them: 21 of 25. r52 is the
  // bot tests' own question, added when a refit stopped answering it (45 of 52 then). Since a pair of sentences is
  // measured as one text, and with the share of the choice's probability the quoted sentences hold: 49 of 52 (missed:
  // r02, r14, r30). r53–r82 were written at stop 36, in one go, and asked before any change: 28 of 30 (missed: r73,
  // whose hospital is named sentences away from 苏明, and r81, refused with 3个月后 at hand). 77 of 82 in all. Since a
  // story's first sentence counts as context for every sentence of the story: 80 of 82 (missed: r02, r73). r83–r106
  // were written at stop 37, in one go, and asked before any change: 23 of 24 (missed: r91, whose date sentence ties
  // with a sentence naming 美的时代广场). 103 of 106 in all. Since 哪天 asks for a day, not an era: 104 of 106 (missed:
  // r02, r73).
  it('answers the further reader questions with the gold text', async () => {
    const questions = readJsonl(path.join(EVAL_DIR, 'reader-questions.jsonl'));
    expect(questions.length).toBeGreaterThanOrEqual(106);
    const failures = await askedWhere(questions, (result, question) => !(result.answered && (question.answer ?? []).every((gold) => result.answer.includes(gold))));
    expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(2);
  }, 120_000);

  const unanswerable = readJsonl(path.join(EVAL_DIR, 'seed-unanswerable.jsonl'));
  const refuses = async (question: SeedQuestion) => {
    const result = (await runCli(['ask', question.q, '--json'], env)).json();
    expect(result.answered, `${question.q} → ${result.answer}`).toBe(false);
    expect(result.citations).toEqual([]);
  };

  it('says so when the archive does not answer', async () => {
    await refuses(unanswerable.find((question) => question.id === 'pu01')!);
  });

  // Questions a reader would ask that the page does not answer: the story is there, the asked fact is not (澳维膜's
  // chairman, 苏明's wife, 渌口博物馆's opening hours). Written at stop 38 in one go, before any change: 1 of 24
  // refused. Since the answerability model is also fitted on questions whose fact was cut out of their passage
  // (docs/how-it-works.md, "A fact left out of its story"): 4 of 24 (ru05, ru06, ru12, ru14); since what the question
  // asks about is cut with the fact (stop 40): 6 (ru02 and ru07 too). Since the choice reads the question's characters
  // in order (stop 41): 5 (ru13 now refused; ru07 and ru12, refused at stop 40 near the threshold, answered again).
  // Since the answerability model reads the best answer's characters as well (stop 42): 7 (ru12 and ru15 too).
  // Most of the rest quote a sentence holding every word of the question but the answer (澳维膜的母公司叫什么名字 →
  // 澳维膜…母公司IPO全局), which the answer step's word measures cannot tell from an answer.
  it('says so for some of the further questions the page does not answer', async () => {
    const questions = readJsonl(path.join(EVAL_DIR, 'reader-unanswerable.jsonl'));
    expect(questions.length).toBe(24);
    const answered = await askedWhere(questions, (result) => result.answered);
    expect(questions.length - answered.length, answered.join('\n')).toBeGreaterThanOrEqual(7);
  }, 120_000);

  // A known miss of the fitted answer model (issue 21): the page never names 中车株洲所's chairman, yet a sentence
  // about the company scores about 0.74 (0.80 before stop 38's fit, 0.72 at stop 41). Expected to fail until the
  // answerability model weighs a missing asked-about word (董事长) more; when it passes, this marker fails and should
  // become a plain test.
  it.fails('says so when asked for a person the page never names', async () => {
    await refuses(unanswerable.find((question) => question.id === 'pu02')!);
  });
});
