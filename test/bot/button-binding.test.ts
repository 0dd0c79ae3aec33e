// Buttons bound to what they may open, through the Bot API emulator, as an attacker presses them: a "more results"
// key works only in the chat it was drawn in (and a private answer's only for its reader), keys cannot be counted up,
// votes count only from the reader who asked, in that chat, and every refusal reads the same as an unknown key.
// Every callback query is answered, also a malformed one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BotHarness, type BotReply, GROUP_CHAT_ID, startBotHarness } from './harness.js';

const QUESTION = '株洲有几个国家中小企业特色产业集群？';
const EXPIRED = '这个按钮已过期，请重新提问。';
const OTHER_GROUP_ID = -1009876543210;
const READER = 8101;
const STRANGER = 8102;
const GROUP_MEMBER = 8103;

function callbackData(reply: BotReply, prefix: string): string {
  const data = reply.buttons.flat().find((button) => button.callbackData?.startsWith(prefix))?.callbackData;
  if (!data) throw new Error(`no ${prefix} button under message ${reply.messageId}`);
  return data;
}

describe('buttons bound to their reader and chat', () => {
  let harness: BotHarness;
  let privateAnswer: BotReply;
  let strangersMessage: BotReply;

  beforeAll(async () => {
    harness = await startBotHarness({ env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    [privateAnswer] = (await harness.sendPrivateMessage(QUESTION, { userId: READER })) as [BotReply];
    [strangersMessage] = (await harness.sendPrivateMessage('/start', { userId: STRANGER })) as [BotReply];
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('“more results” keys are random, not counted up', async () => {
    const [again] = await harness.sendPrivateMessage(QUESTION, { userId: READER });
    const first = callbackData(privateAnswer, 'more:');
    const second = callbackData(again!, 'more:');
    expect(first).toMatch(/^more:[A-Za-z0-9_-]{22}$/);
    expect(second).not.toBe(first);
  });

  test('a stranger pressing a reader’s key in their own chat gets nothing, the same reply as an unknown or made-up key', async () => {
    const own = await harness.pressButton(privateAnswer, /^more:/, { userId: READER });
    expect(own.replies).toHaveLength(1);
    expect(own.callbackAnswer?.text).toBeUndefined();

    const stolen = await harness.pressCallbackData(strangersMessage, callbackData(privateAnswer, 'more:'), { userId: STRANGER });
    const madeUp = await harness.pressCallbackData(strangersMessage, 'more:AAAAAAAAAAAAAAAAAAAAAA', { userId: STRANGER });
    const oldStyle = await harness.pressCallbackData(strangersMessage, 'more:1', { userId: STRANGER });
    for (const pressed of [stolen, madeUp, oldStyle]) {
      expect(pressed.replies).toEqual([]);
      expect(pressed.callbackAnswer).toMatchObject({ text: EXPIRED });
    }
    // Even under the reader's own answer, in the reader's chat, another user gets nothing.
    const underAnswer = await harness.pressButton(privateAnswer, /^more:/, { userId: STRANGER });
    expect(underAnswer.replies).toEqual([]);
    expect(underAnswer.callbackAnswer).toMatchObject({ text: EXPIRED });
  });

  test('a group answer’s key works for anyone in that group, and in no other chat', async () => {
    const [groupAnswer] = await harness.sendGroupMessage(`@TestNameBot ${QUESTION}`, { userId: READER });
    const member = await harness.pressButton(groupAnswer!, /^more:/, { userId: GROUP_MEMBER });
    expect(member.replies).toHaveLength(1);
    expect(member.replies[0]!.chatId).toBe(GROUP_CHAT_ID);

    const [otherGroupMessage] = await harness.sendGroupMessage('/help@TestNameBot', { userId: STRANGER, chatId: OTHER_GROUP_ID });
    const elsewhere = await harness.pressCallbackData(otherGroupMessage!, callbackData(groupAnswer!, 'more:'), { userId: READER });
    expect(elsewhere.replies).toEqual([]);
    expect(elsewhere.callbackAnswer).toMatchObject({ text: EXPIRED });
  });

  test('votes count only from the reader who asked, in that chat; forged or foreign presses get the “expired” reply whether the id exists or not', async () => {
    const [answer] = await harness.sendPrivateMessage(QUESTION, { userId: 8110 });
    const up = callbackData(answer!, 'fb:');
    const questionId = Number(/^fb:(\d+):/.exec(up)![1]);
    const since = new Date(Date.now() - 60_000);
    const votesOn = async () => (await harness.archive.state.answerFeedback.votes(since)).filter((vote) => vote.questionId === questionId);

    const stolen = await harness.pressCallbackData(strangersMessage, up, { userId: STRANGER });
    const underAnswer = await harness.pressButton(answer!, '👍', { userId: STRANGER });
    const forgedExisting = await harness.pressCallbackData(strangersMessage, `fb:${questionId}:down:AAAAAAAAAAAAAAAA`, { userId: STRANGER });
    const forgedMissing = await harness.pressCallbackData(strangersMessage, 'fb:999999:down:AAAAAAAAAAAAAAAA', { userId: STRANGER });
    const oldStyle = await harness.pressCallbackData(strangersMessage, `fb:${questionId}:down`, { userId: STRANGER });
    for (const pressed of [stolen, underAnswer, forgedExisting, forgedMissing, oldStyle]) expect(pressed.callbackAnswer).toMatchObject({ text: EXPIRED });
    expect(await votesOn()).toEqual([]);

    const own = await harness.pressButton(answer!, '👎', { userId: 8110 });
    expect(own.callbackAnswer?.text).toContain('谢谢');
    expect((await votesOn()).map((vote) => vote.vote)).toEqual(['down']);
    await harness.pressButton(answer!, '👍', { userId: 8110 });
    expect((await votesOn()).map((vote) => vote.vote)).toEqual(['up']);
  });

  test('in a group, only the asker’s vote counts', async () => {
    const [answer] = await harness.sendGroupMessage(`@TestNameBot ${QUESTION}`, { userId: 8120 });
    const other = await harness.pressButton(answer!, '👎', { userId: 8121 });
    expect(other.callbackAnswer).toMatchObject({ text: EXPIRED });
    const asker = await harness.pressButton(answer!, '👍', { userId: 8120 });
    expect(asker.callbackAnswer?.text).toContain('谢谢');
  });

  test('every callback query is answered, also a malformed one', async () => {
    for (const data of ['fb:1:sideways', 'src:x', 'whatever', '']) {
      const pressed = await harness.pressCallbackData(strangersMessage, data, { userId: STRANGER });
      expect(pressed.callbackAnswer, data).toMatchObject({ text: EXPIRED });
      expect(pressed.replies).toEqual([]);
    }
  });
});
