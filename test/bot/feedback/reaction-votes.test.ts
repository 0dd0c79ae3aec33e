// 👍 / 👎 reactions on an answer, through the Bot API emulator (message_reaction updates): the same vote as the buttons,
// one per reader and answer, only from the reader who asked; a changed reaction replaces it, a removed one keeps it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BotHarness, type BotReply, GROUP_CHAT_ID, startBotHarness } from '../harness.js';

const QUESTION = '株洲有几个国家中小企业特色产业集群？';

function reaction(answer: BotReply, userId: number, oldEmoji: string[], newEmoji: string[]): Record<string, unknown> {
  const chat = answer.chatId > 0 ? { id: answer.chatId, type: 'private', first_name: `Reader${userId}` } : { id: answer.chatId, type: 'supergroup', title: 'Newsroom readers' };
  const emoji = (values: string[]) => values.map((value) => ({ type: 'emoji', emoji: value }));
  return {
    message_reaction: {
      chat,
      message_id: answer.messageId,
      user: { id: userId, is_bot: false, first_name: `Reader${userId}`, language_code: 'zh-hans' },
      date: Math.floor(Date.now() / 1000),
      old_reaction: emoji(oldEmoji),
      new_reaction: emoji(newEmoji),
    },
  };
}

describe('reactions on answers are votes', () => {
  let harness: BotHarness;
  const since = new Date(Date.now() - 60_000);

  beforeAll(async () => {
    harness = await startBotHarness({ env: { RATE_LIMIT_PER_MINUTE: '1000' } });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  async function ask(userId: number, group = false): Promise<{ answer: BotReply; questionId: number }> {
    const [answer] = group ? await harness.sendGroupMessage(`@TestNameBot ${QUESTION}`, { userId }) : await harness.sendPrivateMessage(QUESTION, { userId });
    const data = answer!.buttons.flat().find((button) => button.callbackData?.startsWith('fb:'))!.callbackData!;
    return { answer: answer!, questionId: Number(/^fb:(\d+):/.exec(data)![1]) };
  }

  async function votesOn(questionId: number): Promise<string[]> {
    return (await harness.archive.state.answerFeedback.votes(since)).filter((vote) => vote.questionId === questionId).map((vote) => vote.vote);
  }

  test('a 👍 reaction is counted once, a changed one replaces it, a removed one keeps it; the bot says nothing', async () => {
    const { answer, questionId } = await ask(8201);
    expect(await harness.sendUpdate(reaction(answer, 8201, [], ['👍']))).toEqual([]);
    expect(await votesOn(questionId)).toEqual(['up']);
    await harness.sendUpdate(reaction(answer, 8201, ['👍'], ['👎']));
    expect(await votesOn(questionId)).toEqual(['down']);
    await harness.sendUpdate(reaction(answer, 8201, ['👎'], []));
    await harness.sendUpdate(reaction(answer, 8201, [], ['🔥']));
    expect(await votesOn(questionId)).toEqual(['down']);
  });

  test('the same reader’s button and reaction are one vote', async () => {
    const { answer, questionId } = await ask(8202);
    await harness.pressButton(answer, '👎', { userId: 8202 });
    await harness.sendUpdate(reaction(answer, 8202, [], ['👍']));
    expect(await votesOn(questionId)).toEqual(['up']);
    await harness.pressButton(answer, '👎', { userId: 8202 });
    expect(await votesOn(questionId)).toEqual(['down']);
  });

  test('in a group only the asker’s reaction counts; a reaction on another message counts nothing', async () => {
    const { answer, questionId } = await ask(8203, true);
    expect(answer.chatId).toBe(GROUP_CHAT_ID);
    await harness.sendUpdate(reaction(answer, 8204, [], ['👎']));
    expect(await votesOn(questionId)).toEqual([]);
    await harness.sendUpdate(reaction(answer, 8203, [], ['👍']));
    expect(await votesOn(questionId)).toEqual(['up']);
    const [help] = await harness.sendPrivateMessage('/help', { userId: 8205 });
    await harness.sendUpdate(reaction(help!, 8205, [], ['👍']));
    expect((await harness.archive.state.answerFeedback.votes(since)).length).toBe(3);
  });

  test('polling asks Telegram for message_reaction updates', () => {
    const allowed = harness.apiCalls('getUpdates').at(-1)!.payload.allowed_updates as string[];
    expect(allowed).toContain('message_reaction');
    expect(allowed).toContain('callback_query');
  });
});
