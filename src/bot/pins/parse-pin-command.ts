import type { NewPin } from '../../store/pin-store.js';

/** The text of the message a `/pin` replies to: the part quoted, when the staff member quoted one. */
export interface RepliedText {
  text: string;
}

/**
 * A `/pin` as a new pin, or null when it has the wrong shape. `问题 | 答案 | 文章id` (the article optional); as a reply,
 * `答案 | 文章id` with the question taken from the replied message: from its last “…” when it has one (a line of
 * /unanswered: `3 次 地铁 — 例：“地铁5号线什么时候通车？”`), otherwise its whole text (a reader's question).
 */
export function parsePinCommand(payload: string, replied: RepliedText | null): NewPin | null {
  const parts = payload.split(/[|｜]/).map((part) => part.trim());
  if (payload.trim() === '') return null;
  if (replied !== null && parts.length <= 2) {
    return { question: questionIn(replied.text), answer: parts[0]!, articleId: parts[1] || null };
  }
  if (parts.length < 2 || parts.length > 3) return null;
  return { question: parts[0]!, answer: parts[1]!, articleId: parts[2] || null };
}

function questionIn(text: string): string {
  const quoted = [...text.matchAll(/“([^”]+)”/g)].at(-1)?.[1];
  return (quoted ?? text).trim();
}
