// Follow-up pairs a reader would ask about the sample page (data/eval/follow-up-pairs.jsonl): a question, then a short
// one that leans on it (他/她/它, 那…呢). Each pair goes the way the bot takes it: the first answer is remembered
// (its articles, the name it gave), the follow-up is made self-contained and answered from that story first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerStoryFirst } from '../../../src/answer/follow-up/answer-story-first.js';
import { answerSubject } from '../../../src/answer/follow-up/answer-subject.js';
import type { PreviousTurn } from '../../../src/answer/follow-up/previous-turn.js';
import { resolveFollowUp } from '../../../src/answer/follow-up/resolve-follow-up.js';
import { parseSourceFile } from '../../../src/ingest/parse-source-file.js';
import type { Archive } from '../../../src/pipeline/archive.js';
import { openTestArchive } from '../../helpers/open-test-archive.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface Turn {
  q: string;
  answer: string[];
}
interface FollowUpPair {
  id: string;
  first: Turn;
  then: Turn;
}

const pairs = fs
  .readFileSync(path.join(ROOT, 'data/eval/follow-up-pairs.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as FollowUpPair);

describe('follow-up pairs on the sample page', () => {
  let home: string;
  let archive: Archive;
  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-follow-ups-'));
    archive = await openTestArchive(home);
    await archive.indexArticles((await parseSourceFile(path.join(ROOT, 'data/zhuzhou-daily-page.md'))).articles);
  });
  afterAll(() => {
    archive?.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('answers each follow-up with its fact, read as a question about what the first one was about', async () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    const holds = (answer: string, golds: string[]) => golds.every((gold) => answer.includes(gold));
    for (const pair of pairs) {
      const first = await archive.answerer.answer(pair.first.q, {});
      if (!first.answered || !holds(first.answer, pair.first.answer)) {
        failures.push(`${pair.id} first: ${pair.first.q} → ${first.answer}`);
        continue;
      }
      const subject = answerSubject(pair.first.q, first.answer);
      const previous: PreviousTurn = { question: pair.first.q, articleIds: first.citations.map((citation) => citation.articleId), at: 0, ...(subject ? { subject } : {}) };
      const resolved = resolveFollowUp(pair.then.q, previous, { now: 1_000 });
      if (!resolved.followUp) failures.push(`${pair.id} not read as a follow-up: ${pair.then.q}`);
      const then = await answerStoryFirst((question, options) => archive.answerer.answer(question, options), resolved.question, {
        preferArticleIds: resolved.previousArticleIds,
      });
      if (!then.answered || !holds(then.answer, pair.then.answer)) failures.push(`${pair.id} then: ${resolved.question} → ${then.answer}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 60_000);

  it('reads a pronoun as the one the first question asked something of (苏明, not 苏明的职业)', () => {
    const previous: PreviousTurn = { question: '苏明的职业是什么？', articleIds: ['a'], at: 0 };
    expect(resolveFollowUp('他今年多大？', previous, { now: 1_000 }).question).toBe('苏明今年多大？');
  });
});
