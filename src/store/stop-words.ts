/**
 * Words that carry no topic: question words, particles, the commonest function words.
 * Kept small on purpose: BM25 already discounts frequent words; these are the ones that
 * would otherwise pull in chunks that merely share the shape of the question.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // Chinese particles and function words
  '的', '了', '是', '在', '和', '与', '及', '或', '吗', '呢', '吧', '啊', '呀', '嘛', '么', '着', '过', '地', '得',
  '之', '其', '而', '也', '都', '就', '又', '还', '被', '把', '将', '对', '从', '向', '于', '以', '为', '由', '给', '让',
  '这', '那', '这个', '那个', '这些', '那些', '这里', '那里', '这种', '那种', '有', '没有', '个', '等', '等等',
  '我', '你', '他', '她', '它', '我们', '你们', '他们', '她们', '它们', '自己',
  // Chinese question words
  '什么', '啥', '哪', '哪个', '哪些', '哪里', '哪儿', '哪家', '哪位', '哪年', '哪天', '谁', '多少', '几', '几个',
  '如何', '怎么', '怎么样', '怎样', '为什么', '为何', '是否', '是不是', '有没有', '多久', '多大', '多长', '何时', '请问',
  // English
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'and', 'or', 'is', 'are', 'was', 'were',
  'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'what', 'which', 'who', 'whom', 'when', 'where', 'why',
  'how', 'do', 'does', 'did',
]);

/** Whether a normalized (lowercase) token is a stop word. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}
