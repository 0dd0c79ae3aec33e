import type { Passage } from '../../retrieval/passage.js';
import type { ChatMessage } from './chat-completions-client.js';

/** What the model replies when the passages do not answer; matched by {@link isNotFoundReply}. */
export const NOT_FOUND_REPLY = 'NOT_FOUND';

export interface BuildPromptOptions {
  question: string;
  /** Numbered 1..n in this order; `[n]` in the answer refers to `passages[n - 1]`. */
  passages: readonly Passage[];
  language: 'zh' | 'en';
}

/**
 * The chat messages for a grounded answer: instructions in the system message,
 * the numbered passages (title and date with each) and the question in the user message.
 */
export function buildPrompt(options: BuildPromptOptions): ChatMessage[] {
  const languageName = options.language === 'zh' ? 'Chinese (the language of the question)' : 'English (the language of the question)';
  const system = [
    'You answer questions about a city newspaper using ONLY the numbered passages from its articles that the user gives you.',
    `Rules:`,
    `1. Use only facts stated in the passages. Do not add outside knowledge, guesses or advice.`,
    `2. After every sentence put the number of the passage it comes from in square brackets, e.g. [1] or [1][3]. Every sentence needs one.`,
    `3. Copy numbers, dates, amounts, percentages and names exactly as the passages write them.`,
    `4. Answer in ${languageName}, briefly: one to four sentences, plain text, no headings, no list of sources.`,
    `5. If the passages do not answer the question, reply with exactly ${NOT_FOUND_REPLY} and nothing else.`,
    `6. If passages from different articles give different figures or facts for what is asked, say so: the newest report first with its date, then the earlier or other report with its date and title (e.g. "9月2日报道为8所[2]；7月15日《…》报道为6所[1]"). When a later article updates an earlier one, the newest figure leads.`,
  ].join('\n');
  const passages = options.passages.map((passage, index) => formatPassage(passage, index + 1)).join('\n\n');
  const user = `Passages:\n\n${passages}\n\nQuestion: ${options.question.trim()}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** Passage `n` as the model sees it: number, title, date, subtitle, then the text. */
export function formatPassage(passage: Passage, n: number): string {
  const date = passage.date ? ` (${passage.date})` : '';
  const subtitle = passage.subtitle ? `\n${passage.subtitle}` : '';
  return `[${n}] ${passage.title}${date}${subtitle}\n${passage.text.trim()}`;
}

/**
 * What the model was told about a passage, without its number; claims are checked against this.
 * The date is given both as written in the prompt and in Chinese form (2024年5月12日), so either wording verifies.
 */
export function passageEvidence(passage: Passage): string {
  return [passage.title, passage.date ? `${passage.date} ${chineseDate(passage.date)}` : '', passage.subtitle ?? '', passage.text].join('\n');
}

function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : '';
}

/** Whether the reply is the model saying the passages do not answer. */
export function isNotFoundReply(reply: string): boolean {
  const visible = reply.replace(/<think>[\s\S]*?<\/think>/gi, '');
  return visible
    .trim()
    .replace(/^[*`"'「“\s]+/, '')
    .toUpperCase()
    .startsWith(NOT_FOUND_REPLY);
}
