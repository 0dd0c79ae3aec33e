/** Words that carry no slot or subject in a claim: particles, pronouns, question words, bounds, reporting verbs. */
const CLAIM_STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '了', '是', '在', '和', '与', '及', '或', '吗', '呢', '吧', '啊', '着', '过', '地', '得', '之', '其', '而', '也', '都',
  '就', '又', '还', '被', '把', '将', '对', '从', '向', '于', '以', '为', '由', '给', '让', '这', '那', '这个', '那个', '这些',
  '那些', '这里', '那里', '这种', '那种', '有', '没有', '个', '等', '等等', '我们', '你们', '他们', '她们', '它们', '自己',
  '什么', '哪些', '多少', '如何', '怎么', '是否', '以及', '已', '已经', '共', '达', '达到', '到', '其中', '该', '此', '并',
  '所', '进行', '据', '曾', '约', '超过', '超', '近', '余', '多', '以上', '以下', '左右', '将近', '接近', '不到', '不足',
  '突破', '逾', '至少', '大约', '同时', '此外', '目前', '近日', '日前', '今天', '今日', '报道', '称', '表示', '介绍', '显示',
  '已有', '一共', '总共', '位于', '成功', '正式', '分别', '各', '一', '第', '拥有', '共有',
]);

/** Whether a claim word is a function word to ignore when matching. */
export function isClaimStopWord(word: string): boolean {
  return CLAIM_STOP_WORDS.has(word);
}
