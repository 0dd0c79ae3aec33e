import { expect, test } from 'vitest';
import type { Message, UserFromGetMe } from 'telegraf/types';
import { addressedQuestion, startsWithCommand } from '../../../src/bot/shared/addressed-question.js';

const bot = { id: 666, is_bot: true, first_name: 'News', username: 'ZzNewsBot' } as UserFromGetMe;

function message(text: string, extra: Partial<Message.TextMessage> = {}): Message.TextMessage {
  const entities = [...text.matchAll(/@\w+/g)].map((match) => ({ type: 'mention' as const, offset: match.index!, length: match[0].length }));
  return { message_id: 1, date: 0, chat: { id: -1, type: 'supergroup', title: 'g' }, text, entities, ...extra } as Message.TextMessage;
}

test('a mention of this bot addresses it; the mention is removed from the question', () => {
  expect(addressedQuestion(message('@zznewsbot 株洲有几个产业集群？'), bot)).toBe('株洲有几个产业集群？');
  expect(addressedQuestion(message('请问 @ZzNewsBot 爱心驿站有多少家'), bot)).toBe('请问 爱心驿站有多少家');
});

test('other mentions and plain messages are not for the bot', () => {
  expect(addressedQuestion(message('@SomeoneElse 你好'), bot)).toBeNull();
  expect(addressedQuestion(message('今天天气不错'), bot)).toBeNull();
});

test('a reply to one of the bot’s messages addresses it', () => {
  const reply = message('那去年呢？', { reply_to_message: { message_id: 5, from: { id: 666 } } as Message.TextMessage['reply_to_message'] });
  expect(addressedQuestion(reply, bot)).toBe('那去年呢？');
  const replyToHuman = message('那去年呢？', { reply_to_message: { message_id: 5, from: { id: 7 } } as Message.TextMessage['reply_to_message'] });
  expect(addressedQuestion(replyToHuman, bot)).toBeNull();
});

test('commands are recognised by their entity', () => {
  expect(startsWithCommand({ ...message('/ask x'), entities: [{ type: 'bot_command', offset: 0, length: 4 }] })).toBe(true);
  expect(startsWithCommand(message('ask x'))).toBe(false);
});
