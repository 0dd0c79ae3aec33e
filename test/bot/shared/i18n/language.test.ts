import { expect, test } from 'vitest';
import { languageOf, messagesFor, questionLanguage } from '../../../../src/bot/shared/i18n/language.js';
import { MESSAGES_EN } from '../../../../src/bot/shared/i18n/messages-en.js';
import { MESSAGES_ZH } from '../../../../src/bot/shared/i18n/messages-zh.js';

test('English for en* clients, Chinese otherwise (the default)', () => {
  expect(languageOf('en')).toBe('en');
  expect(languageOf('en-GB')).toBe('en');
  expect(languageOf('zh-hans')).toBe('zh');
  expect(languageOf('ru')).toBe('zh');
  expect(languageOf(undefined)).toBe('zh');
  expect(messagesFor('en-US')).toBe(MESSAGES_EN);
  expect(messagesFor(undefined)).toBe(MESSAGES_ZH);
});

test('answers follow the question’s language', () => {
  expect(questionLanguage('株洲有几个产业集群？', 'en')).toBe('zh');
  expect(questionLanguage('How many clusters does Zhuzhou have?', 'zh')).toBe('en');
  expect(questionLanguage('2025?', 'en')).toBe('en');
});

test('both tables describe the same commands', () => {
  expect(Object.keys(MESSAGES_EN.commandDescriptions).sort()).toEqual(Object.keys(MESSAGES_ZH.commandDescriptions).sort());
});
