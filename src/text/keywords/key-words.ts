import { cutWords } from '../jieba/cut-words.js';
import { isStopWord } from '../stop-words.js';

/** The words of a question that carry its topic: jieba words of two or more letters, digits or CJK characters, not stop words; each once. */
export function keyWords(question: string): string[] {
  const words = cutWords(question).filter((word) => /^[\p{L}\p{N}]{2,}$/u.test(word) && !isStopWord(word));
  return [...new Set(words)];
}
