import type { BotLanguage } from '../shared/i18n/messages.js';
import type { PinProblem } from '../../answer/pinned/pin-problem.js';
import { PIN_LIMITS } from '../../answer/pinned/pin-problem.js';
import { escapeHtml } from '../../telegram/escape-html.js';

/** Texts of the pin commands (Telegram HTML; functions escape what they interpolate). Kept beside the feature, as the digest commands keep theirs. */
export interface PinMessages {
  readonly pinUsage: string;
  readonly unpinUsage: string;
  problem(problem: PinProblem, articleId: string | null): string;
  pinned(id: number, question: string, articleTitle: string | null): string;
  unpinned(id: number): string;
  notPinned(id: number): string;
  readonly noPins: string;
  readonly listHeading: string;
  listed(id: number, question: string, answer: string, articleId: string | null, served: boolean): string;
  readonly descriptions: Readonly<Record<'pin' | 'unpin' | 'pins', string>>;
}

export const PIN_MESSAGES_ZH: PinMessages = {
  pinUsage: '用法：<code>/pin 问题 | 答案 | 文章id</code>（文章可省略），或回复一条含问题的消息（读者的提问、/unanswered 中引用的一行）：<code>/pin 答案 | 文章id</code>。',
  unpinUsage: '用法：<code>/unpin 编号</code>，编号见 /pins。',
  problem: (problem, articleId) =>
    ({
      emptyQuestion: '缺少问题。',
      emptyAnswer: '缺少答案。',
      questionTooLong: `问题不能超过 ${PIN_LIMITS.questionChars} 字。`,
      answerTooLong: `答案不能超过 ${PIN_LIMITS.answerChars} 字。`,
      unknownArticle: `资料库中没有编号为 <code>${escapeHtml(articleId ?? '')}</code> 的文章。`,
    })[problem],
  pinned: (id, question, articleTitle) =>
    `已置顶编辑部答复 #${id}：“${escapeHtml(question)}”${articleTitle ? `，出处《${escapeHtml(articleTitle)}》` : ''}。同义的提问也会得到这条答复。`,
  unpinned: (id) => `已取消置顶 #${id}。`,
  notPinned: (id) => `没有置顶答复 #${id}。`,
  noPins: '还没有置顶的编辑部答复。',
  listHeading: '<b>置顶的编辑部答复</b>',
  listed: (id, question, answer, articleId, served) =>
    `#${id} “${escapeHtml(question)}” → ${escapeHtml(answer)}${articleId ? `（文章 <code>${escapeHtml(articleId)}</code>${served ? '' : '，已删除：不再答复'}）` : ''}`,
  descriptions: { pin: '置顶编辑部答复：/pin 问题 | 答案 | 文章id', unpin: '取消置顶答复：/unpin 编号', pins: '列出置顶的编辑部答复' },
};

export const PIN_MESSAGES_EN: PinMessages = {
  pinUsage:
    "Usage: <code>/pin question | answer | article id</code> (the article is optional), or as a reply to a message with the question (a reader's question, a line of /unanswered quoted): <code>/pin answer | article id</code>.",
  unpinUsage: 'Usage: <code>/unpin id</code>; the ids are in /pins.',
  problem: (problem, articleId) =>
    ({
      emptyQuestion: 'The question is missing.',
      emptyAnswer: 'The answer is missing.',
      questionTooLong: `The question must be at most ${PIN_LIMITS.questionChars} characters.`,
      answerTooLong: `The answer must be at most ${PIN_LIMITS.answerChars} characters.`,
      unknownArticle: `There is no article <code>${escapeHtml(articleId ?? '')}</code> in the archive.`,
    })[problem],
  pinned: (id, question, articleTitle) =>
    `Pinned editors' answer #${id}: “${escapeHtml(question)}”${articleTitle ? `, citing “${escapeHtml(articleTitle)}”` : ''}. Questions asking the same thing get it too.`,
  unpinned: (id) => `Unpinned #${id}.`,
  notPinned: (id) => `There is no pinned answer #${id}.`,
  noPins: "No editors' answers are pinned yet.",
  listHeading: "<b>Pinned editors' answers</b>",
  listed: (id, question, answer, articleId, served) =>
    `#${id} “${escapeHtml(question)}” → ${escapeHtml(answer)}${articleId ? ` (article <code>${escapeHtml(articleId)}</code>${served ? '' : ', removed: not served'})` : ''}`,
  descriptions: { pin: "Pin an editors' answer: /pin question | answer | article id", unpin: 'Unpin an answer: /unpin id', pins: "List the pinned editors' answers" },
};

/** The pin texts in the reader's language. */
export function pinMessagesFor(language: BotLanguage): PinMessages {
  return language === 'en' ? PIN_MESSAGES_EN : PIN_MESSAGES_ZH;
}
