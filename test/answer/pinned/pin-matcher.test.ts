// The threshold of PIN_MATCH_DEFAULTS.lexical, re-measured: rewordings of a pinned question score above it with the
// offline embedder, questions about something else below it.
import { describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../../src/embedding/hash-embedder.js';
import { PIN_MATCH_DEFAULTS, PinMatcher } from '../../../src/answer/pinned/pin-matcher.js';
import type { Pin } from '../../../src/store/pin-store.js';
import { loadConfig } from '../../../src/config/config.js';

const pin = (id: number, question: string, articleId: string | null = null): Pin => ({ id, question, answer: `答复${id}`, articleId, createdAt: new Date(0) });

const PINS = [pin(1, '城南体育馆什么时候开放？', 'gym'), pin(2, '地铁5号线什么时候通车？'), pin(3, '今年的高考报名截止日期是哪天？')];
const REWORDINGS: [string, number][] = [
  ['城南体育馆哪天开门？', 1],
  ['请问城南体育馆几时对外开放', 1],
  ['5号线地铁哪天开通？', 2],
  ['地铁5号线通车时间', 2],
  ['高考报名哪天截止？', 3],
];
const OTHER_QUESTIONS = ['地铁票价是多少？', '城南菜市场的菜价涨了吗', '明天天气怎么样', '地铁3号线什么时候通车？', '市长今天去了哪里'];

function matcher(pins: readonly Pin[], articles: readonly string[] = ['gym']): PinMatcher {
  return new PinMatcher({ pins: async () => pins, embedder: new HashEmbedder(), articleExists: (articleId) => articles.includes(articleId) });
}

describe('PinMatcher', () => {
  it('matches rewordings of a pinned question to that pin, above the threshold', async () => {
    const pins = matcher(PINS);
    for (const [question, id] of REWORDINGS) {
      const match = await pins.match(question);
      expect(match?.pin.id, question).toBe(id);
      expect(match!.similarity).toBeGreaterThanOrEqual(PIN_MATCH_DEFAULTS.lexical);
    }
  });

  it('matches no pin to questions about something else, nor to another line number', async () => {
    const pins = matcher(PINS);
    for (const question of OTHER_QUESTIONS) expect(await pins.match(question), question).toBeNull();
  });

  it('does not serve a pin whose article is gone', async () => {
    expect(await matcher(PINS, []).match('城南体育馆什么时候开放？')).toBeNull();
    expect((await matcher(PINS, []).match('地铁5号线什么时候通车？'))?.pin.id).toBe(2);
  });

  it('follows the store: a pin added or removed is seen at the next question', async () => {
    const stored: Pin[] = [];
    const pins = new PinMatcher({ pins: async () => stored, embedder: new HashEmbedder(), articleExists: () => true });
    expect(await pins.match('地铁5号线什么时候通车？')).toBeNull();
    stored.push(PINS[1]!);
    expect((await pins.match('地铁5号线什么时候通车？'))?.pin.id).toBe(2);
    stored.pop();
    expect(await pins.match('地铁5号线什么时候通车？')).toBeNull();
  });
});

describe('PIN_MIN_SIMILARITY', () => {
  it('sets the threshold: stricter serves a pin to fewer rewordings; out of range is a configuration error', async () => {
    const strict = new PinMatcher({
      pins: async () => PINS,
      embedder: new HashEmbedder(),
      articleExists: () => true,
      minSimilarity: loadConfig({ PIN_MIN_SIMILARITY: '0.9' }).pinMinSimilarity!,
    });
    expect(await strict.match('城南体育馆哪天开门？')).toBeNull();
    expect((await strict.match('城南体育馆什么时候开放？'))?.pin.id).toBe(1);
    expect(loadConfig({}).pinMinSimilarity).toBeNull();
    expect(() => loadConfig({ PIN_MIN_SIMILARITY: '1.5' })).toThrow(/PIN_MIN_SIMILARITY must be a number from 0 to 1/);
  });
});
