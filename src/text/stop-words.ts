/**
 * The one home of stop words: words that carry no topic. Each use takes the groups it needs and adds its own
 * words beside it (claim checking, the English question reader, the gloss index); keyword search takes them all.
 */

const words = (list: string): readonly string[] => list.trim().split(/\s+/);

/** Chinese particles, prepositions, demonstratives, plural pronouns and the commonest question words: no use reads a topic in them. */
export const CHINESE_FUNCTION_WORDS = words(`
  的 了 是 在 和 与 及 或 吗 呢 吧 啊 着 过 地 得 之 其 而 也 都 就 又 还 被 把 将 对 从 向 于 以 为 由 给 让
  这 那 这个 那个 这些 那些 这里 那里 这种 那种 有 没有 个 等 等等 我们 你们 他们 她们 它们 自己
  什么 哪些 多少 如何 怎么 是否`);

/** Chinese words of a spoken question: modal particles, singular pronouns and the other question words. */
export const CHINESE_QUESTION_WORDS = words(`
  呀 嘛 么 我 你 他 她 它
  啥 哪 哪个 哪里 哪儿 哪家 哪位 哪年 哪天 谁 几 几个 怎么样 怎样 为什么 为何 是不是 有没有 多久 多大 多长 何时 请问`);

/** English articles, prepositions, conjunctions and the words that never carry the meaning of a phrase on their own. */
export const ENGLISH_FUNCTION_WORDS = words(`a an the of to in on at by for with from and or is be it its that which who`);

/** English auxiliaries, demonstratives and question words. */
export const ENGLISH_QUESTION_WORDS = words(`are was were been this these those what whom when where why how do does did`);

/**
 * Keyword search's stop words: every group. Kept small on purpose: BM25 already discounts frequent words; these
 * are the ones that would otherwise pull in chunks that merely share the shape of the question.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([...CHINESE_FUNCTION_WORDS, ...CHINESE_QUESTION_WORDS, ...ENGLISH_FUNCTION_WORDS, ...ENGLISH_QUESTION_WORDS]);

/** Whether a normalized (lowercase) token is a stop word. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}
