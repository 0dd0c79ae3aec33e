// One behaviour for every adapter of the question log and the answer votes: the same tests run against SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import { buildQuestionReport } from '../../../src/report/build-question-report.js';
import type { StateStores } from '../../../src/store/state-stores.js';
import type { QuestionLogEntry } from '../../../src/store/question-log-store.js';

/** The two ports under test. */
export type QuestionLogStores = Pick<StateStores, 'questionLog' | 'answerFeedback'>;

/** Fresh, empty stores; `other` opens a second connection to the same data, as another worker would. */
export interface QuestionLogFixture {
  stores: QuestionLogStores;
  other(): Promise<QuestionLogStores>;
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The reader of the /forget test, as /forget names them to the stores. */
const readerX = { readerHash: 'reader-x', privateChatHash: 'chat-x', privateChatId: '42' };

function entry(question: string, askedAt: string, extra: Partial<QuestionLogEntry> = {}): QuestionLogEntry {
  return {
    askedAt: new Date(askedAt),
    readerHash: 'reader-a',
    chatType: 'private',
    question,
    answered: false,
    mode: null,
    citedArticleIds: [],
    citedChunkIds: [],
    latencyMs: 10,
    ...extra,
  };
}

/** Registers the contract tests for one backend. */
export function questionLogStoreContract(backend: string, open: () => Promise<QuestionLogFixture>): void {
  describe(`question log and answer feedback on ${backend}`, () => {
    const fixtures: QuestionLogFixture[] = [];
    afterEach(async () => {
      for (const fixture of fixtures.splice(0)) await fixture.close();
    });
    const fresh = async (): Promise<QuestionLogFixture> => {
      const fixture = await open();
      fixtures.push(fixture);
      return fixture;
    };

    it('records an entry and reads it back field for field; unknown ids are null', async () => {
      const { questionLog } = (await fresh()).stores;
      const recorded = entry('爱心驿站有多少家？', '2026-04-23T08:15:30.123Z', {
        readerHash: 'c0ffee',
        chatType: 'supergroup',
        answered: true,
        mode: 'llm',
        citedArticleIds: ['zz-1', 'zz-2'],
        citedChunkIds: [17, 4_294_967_295],
        latencyMs: 123.6,
      });
      const id = await questionLog.record(recorded);
      expect(Number.isInteger(id)).toBe(true);
      expect(await questionLog.get(id)).toEqual({ ...recorded, latencyMs: 124, id });
      const second = await questionLog.record(entry('火星上有没有咖啡馆？', '2026-04-23T08:16:00.000Z'));
      expect(second).not.toBe(id);
      expect(await questionLog.get(second)).toMatchObject({ answered: false, mode: null, citedArticleIds: [], citedChunkIds: [] });
      expect(await questionLog.get(second + 1000)).toBeNull();
      // Ids from a button's callback data that no entry can have.
      expect(await questionLog.get(0)).toBeNull();
      expect(await questionLog.get(Number.MAX_SAFE_INTEGER * 4)).toBeNull();
    });

    it('lists entries since a time, oldest first, all or only answered or unanswered ones', async () => {
      const { questionLog } = (await fresh()).stores;
      await questionLog.record(entry('third', '2026-04-23T10:00:00.000Z', { answered: true, mode: 'extractive' }));
      await questionLog.record(entry('first', '2026-04-23T08:00:00.000Z'));
      await questionLog.record(entry('too old', '2026-04-22T23:59:59.999Z'));
      await questionLog.record(entry('second', '2026-04-23T09:00:00.000Z'));
      await questionLog.record(entry('at the boundary', '2026-04-23T00:00:00.000Z'));
      const since = new Date('2026-04-23T00:00:00.000Z');
      expect((await questionLog.list({ since })).map((logged) => logged.question)).toEqual(['at the boundary', 'first', 'second', 'third']);
      expect((await questionLog.list({ since, answered: true })).map((logged) => logged.question)).toEqual(['third']);
      expect((await questionLog.list({ since, answered: false })).map((logged) => logged.question)).toEqual(['at the boundary', 'first', 'second']);
      expect(await questionLog.list({ since: new Date('2026-04-24T00:00:00.000Z') })).toEqual([]);
    });

    it('one vote per answer, only by the reader who asked, changeable; the vote carries the question and its cited chunks', async () => {
      const { questionLog, answerFeedback } = (await fresh()).stores;
      const id = await questionLog.record(entry('爱心驿站有多少家？', '2026-04-23T08:00:00.000Z', { answered: true, mode: 'extractive', citedChunkIds: [3, 9] }));
      expect(await answerFeedback.vote(id, 'reader-a', 'up', new Date('2026-04-23T08:01:00.000Z'))).toBe(true);
      expect(await answerFeedback.vote(id, 'reader-a', 'down', new Date('2026-04-23T08:02:00.000Z'))).toBe(true);
      // Someone else's question: no vote, the same answer as an unknown id.
      expect(await answerFeedback.vote(id, 'reader-c', 'up', new Date('2026-04-23T08:03:00.000Z'))).toBe(false);
      expect(await answerFeedback.votes(new Date('2026-04-23T00:00:00.000Z'))).toEqual([
        {
          questionId: id,
          question: '爱心驿站有多少家？',
          citedChunkIds: [3, 9],
          askedAt: new Date('2026-04-23T08:00:00.000Z'),
          vote: 'down',
          votedAt: new Date('2026-04-23T08:02:00.000Z'),
        },
      ]);
      // Votes are selected by when their question was asked.
      expect(await answerFeedback.votes(new Date('2026-04-23T08:00:00.001Z'))).toEqual([]);
      expect(await answerFeedback.vote(id + 1000, 'reader-a', 'up', new Date())).toBe(false);
      expect(await answerFeedback.vote(0, 'reader-a', 'up', new Date())).toBe(false);
    });

    it('one reader pressing 👍 and 👎 through two workers at once leaves one vote', async () => {
      const fixture = await fresh();
      const other = await fixture.other();
      const id = await fixture.stores.questionLog.record(entry('q', '2026-04-23T08:00:00.000Z', { answered: true }));
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          (index % 2 ? other : fixture.stores).answerFeedback.vote(id, 'reader-a', index % 2 ? 'down' : 'up', new Date(Date.UTC(2026, 3, 23, 9, 0, index))),
        ),
      );
      expect(results).toEqual(Array(10).fill(true));
      const votes = await other.answerFeedback.votes(new Date(0));
      expect(votes).toHaveLength(1);
      expect(['up', 'down']).toContain(votes[0]!.vote);
    });

    it('/forget: deletes one reader’s entries and, separately, the votes they gave; nothing else', async () => {
      const fixture = await fresh();
      const { questionLog, answerFeedback } = fixture.stores;
      const mine = await questionLog.record(entry('mine', '2026-04-23T08:00:00.000Z', { readerHash: 'reader-x', answered: true }));
      await questionLog.record(entry('mine too', '2026-04-23T08:05:00.000Z', { readerHash: 'reader-x' }));
      const theirs = await questionLog.record(entry('theirs', '2026-04-23T08:10:00.000Z', { readerHash: 'reader-y', answered: true }));
      await answerFeedback.vote(mine, 'reader-x', 'down', new Date('2026-04-23T09:00:00.000Z'));
      await answerFeedback.vote(theirs, 'reader-y', 'up', new Date('2026-04-23T09:00:00.000Z'));

      // Through another worker: the log is one.
      const other = await fixture.other();
      expect(await other.answerFeedback.forgetReader(readerX)).toBe(1);
      expect(await other.questionLog.forgetReader(readerX)).toBe(2);
      expect((await questionLog.list({ since: new Date(0) })).map((logged) => logged.question)).toEqual(['theirs']);
      expect(await questionLog.get(mine)).toBeNull();
      expect((await answerFeedback.votes(new Date(0))).map((vote) => [vote.questionId, vote.vote])).toEqual([[theirs, 'up']]);
      expect(await answerFeedback.vote(mine, 'reader-x', 'down', new Date())).toBe(false);
      expect(await other.questionLog.forgetReader(readerX)).toBe(0);
      expect(await other.answerFeedback.forgetReader(readerX)).toBe(0);
    });

    it('answer messages: each bot message leads to its question in its chat only, until the question goes (/forget, retention)', async () => {
      const fixture = await fresh();
      const { questionLog, answerFeedback } = fixture.stores;
      const mine = await questionLog.record(entry('mine', '2026-04-23T08:00:00.000Z', { readerHash: 'reader-x', answered: true }));
      const theirs = await questionLog.record(entry('theirs', '2026-04-23T08:10:00.000Z', { readerHash: 'reader-y', answered: true }));
      await answerFeedback.rememberAnswerMessages(mine, 'chat-x', [10, 11]);
      await answerFeedback.rememberAnswerMessages(theirs, 'chat-group', [10]);
      await answerFeedback.rememberAnswerMessages(mine + 1000, 'chat-x', [12]);
      const other = await fixture.other();
      expect(await other.answerFeedback.answeredQuestion('chat-x', 11)).toBe(mine);
      expect(await other.answerFeedback.answeredQuestion('chat-group', 10)).toBe(theirs);
      expect(await answerFeedback.answeredQuestion('chat-group', 11)).toBeNull();
      expect(await answerFeedback.answeredQuestion('chat-x', 12)).toBeNull();
      expect(await answerFeedback.forgetReader(readerX)).toBe(0);
      expect(await answerFeedback.answeredQuestion('chat-x', 10)).toBeNull();
      expect(await answerFeedback.answeredQuestion('chat-group', 10)).toBe(theirs);
      await questionLog.deleteOlderThan(new Date('2026-05-01T00:00:00.000Z'));
      expect(await answerFeedback.answeredQuestion('chat-group', 10)).toBeNull();
    });

    it('retention: entries asked before the cutoff go, with the votes on them; the cutoff itself stays', async () => {
      const { questionLog, answerFeedback } = (await fresh()).stores;
      const cutoff = new Date('2026-04-01T00:00:00.000Z');
      const old = await questionLog.record(entry('old', new Date(cutoff.getTime() - 1).toISOString(), { answered: true }));
      const kept = await questionLog.record(entry('kept', cutoff.toISOString(), { answered: true }));
      await answerFeedback.vote(old, 'reader-a', 'down', new Date('2026-04-02T00:00:00.000Z'));
      await answerFeedback.vote(kept, 'reader-a', 'up', new Date('2026-04-02T00:00:00.000Z'));
      expect(await questionLog.deleteOlderThan(cutoff)).toBe(1);
      expect(await questionLog.deleteOlderThan(cutoff)).toBe(0);
      expect(await questionLog.get(old)).toBeNull();
      expect(await questionLog.get(kept)).toMatchObject({ question: 'kept' });
      expect((await answerFeedback.votes(new Date(0))).map((vote) => vote.questionId)).toEqual([kept]);
      expect(await answerFeedback.vote(old, 'reader-a', 'up', new Date())).toBe(false);
    });

    it('holds no secret of its own: an empty store has no legacy secret, and deleting it finds nothing', async () => {
      const { questionLog } = (await fresh()).stores;
      expect(await questionLog.legacySecret()).toBeNull();
      expect(await questionLog.deleteLegacySecret()).toBe(false);
    });

    it('feeds the report: unanswered questions grouped, votes per week, most disliked answers', async () => {
      const fixture = await fresh();
      const { questionLog, answerFeedback } = fixture.stores;
      const other = await fixture.other();
      const now = Date.parse('2026-04-23T12:00:00.000Z');
      const at = (ageMs: number) => new Date(now - ageMs).toISOString();
      await questionLog.record(entry('地铁5号线什么时候通车？', at(2 * 60_000)));
      await other.questionLog.record(entry('地铁票价是多少？', at(3 * 60_000), { readerHash: 'reader-b' }));
      await questionLog.record(entry('今年地铁新线路有哪些？', at(4 * 60_000), { readerHash: 'reader-c' }));
      await other.questionLog.record(entry('图书馆几点开门？', at(5 * 60_000)));
      await questionLog.record(entry('十天前没人能答的问题：动物园门票', at(10 * DAY_MS)));
      const liked = await questionLog.record(entry('株洲有几个产业集群？', at(60_000), { answered: true, mode: 'extractive', citedChunkIds: [5] }));
      const disliked = await other.questionLog.record(
        entry('爱心驿站有多少家？', at(30_000), { readerHash: 'reader-b', answered: true, mode: 'extractive', citedChunkIds: [1, 2] }),
      );
      const dislikedToo = await questionLog.record(entry('爱心驿站一共几家？', at(20_000), { readerHash: 'reader-c', answered: true, mode: 'extractive', citedChunkIds: [1] }));
      const lastWeek = await other.questionLog.record(entry('公园有几座？', at(40_000), { readerHash: 'reader-d', answered: true, mode: 'extractive', citedChunkIds: [7] }));
      // Monday 2026-04-20 is the week of these votes; one from the week before. Each answer's vote is its asker's.
      await answerFeedback.vote(disliked, 'reader-b', 'down', new Date('2026-04-23T12:01:00.000Z'));
      await other.answerFeedback.vote(dislikedToo, 'reader-c', 'down', new Date('2026-04-23T12:02:00.000Z'));
      await answerFeedback.vote(liked, 'reader-a', 'up', new Date('2026-04-23T12:03:00.000Z'));
      await answerFeedback.vote(lastWeek, 'reader-d', 'down', new Date('2026-04-19T12:00:00.000Z'));

      const report = await buildQuestionReport(fixture.stores, new Date(now - 7 * DAY_MS));
      expect(report).toMatchObject({ questions: 8, answered: 4 });
      expect(report.unanswered[0]).toEqual({ keywords: ['地铁'], count: 3, example: '地铁5号线什么时候通车？' });
      expect(report.unanswered.slice(1).map((group) => group.count)).toEqual([1]);
      expect(JSON.stringify(report)).not.toContain('动物园');
      expect(report.feedback.weeks).toEqual([
        { week: '2026-04-13', up: 0, down: 1, upShare: 0 },
        { week: '2026-04-20', up: 1, down: 2, upShare: 1 / 3 },
      ]);
      expect(report.feedback.mostDisliked).toEqual([
        { questionId: lastWeek, question: '公园有几座？', down: 1, up: 0, citedChunkIds: [7] },
        { questionId: dislikedToo, question: '爱心驿站一共几家？', down: 1, up: 0, citedChunkIds: [1] },
        { questionId: disliked, question: '爱心驿站有多少家？', down: 1, up: 0, citedChunkIds: [1, 2] },
      ]);
      // Another worker reads the same report.
      expect(await buildQuestionReport(other, new Date(now - 7 * DAY_MS))).toEqual(report);
    });
  });
}
