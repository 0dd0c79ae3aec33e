/**
 * The polite "the archive doesn't say" reply, in the asker's language. It names no command: the same text
 * reaches the CLI, JSON consumers and the bot, and only the bot has `/latest` (the bot says so in its own
 * `noAnswer` text).
 */
export function notFoundMessage(language: 'zh' | 'en'): string {
  return language === 'en' ? 'Sorry, I could not find this in the archive. Try rephrasing the question.' : '抱歉，报社档案中没有找到这个问题的答案。可以换个说法再问。';
}
