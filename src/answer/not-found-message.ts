/** The polite "the archive doesn't say" reply, in the asker's language. */
export function notFoundMessage(language: 'zh' | 'en'): string {
  return language === 'en'
    ? 'Sorry, I could not find this in the archive. Try rephrasing the question, or see /latest for the newest articles.'
    : '抱歉，报社档案中没有找到这个问题的答案。可以换个说法再问，或发送 /latest 查看最新文章。';
}
