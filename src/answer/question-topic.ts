import { analyzeQuestion } from './question-profile.js';
import { normalizeForMatching } from '../text/normalize-text.js';

/** Longest topic drawn from a question, in characters. */
const MAX_TOPIC_CHARS = 16;

/**
 * What a question is about, as a topic to follow: its nouns and names (the profile's `topic` units) in the question's
 * order, words that stand together in the question written together (湘江四桥什么时候通车？ → 湘江四桥), at most
 * 16 characters. Null when it names nothing.
 */
export function questionTopic(question: string): string | null {
  const text = normalizeForMatching(question);
  let topic = '';
  let end = -1;
  for (const unit of analyzeQuestion(question).units) {
    if (unit.role !== 'topic') continue;
    const start = text.indexOf(unit.text, Math.max(end, 0));
    const longer = topic.length === 0 ? unit.text : start === end ? `${topic}${unit.text}` : `${topic} ${unit.text}`;
    if ([...longer].length > MAX_TOPIC_CHARS) break;
    topic = longer;
    if (start >= 0) end = start + unit.text.length;
  }
  return topic.length > 0 ? topic : null;
}
