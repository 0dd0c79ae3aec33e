import { ASKS_FOR_NAME, ASKS_WHICH, ELLIPSIS_CLOSERS, ELLIPSIS_OPENERS, LEADING_PERSON, LEADING_REFERENCE, QUESTION_WORD, SWAPPABLE_KINDS } from './follow-up-patterns.js';
import type { PreviousTurn } from './previous-turn.js';
import { tagWords } from '../../text/jieba/tag-words.js';

/** jieba tags of nouns and names (x: a word its guesser found, mostly a name), abbreviations, and modifiers inside a name (精密, 省级). */
const NOUN_OR_NAME_TAG = /^(n[a-z]*|x|j|b|a|eng)$/;

export interface ResolveFollowUpOptions {
  /** The time now, in ms since the epoch. */
  now: number;
  /** How long a previous question stays in play. Default `FOLLOW_UP_DEFAULTS.windowMs`. */
  windowMs?: number;
}

/** What `resolveFollowUp` made of a question. */
export interface ResolveFollowUpResult {
  /** The question to answer: self-contained, or the original when it stands on its own. */
  question: string;
  /** Whether it leaned on the previous question. */
  followUp: boolean;
  /** The articles the previous answer cited, for a follow-up (empty otherwise). */
  previousArticleIds: string[];
}

export const FOLLOW_UP_DEFAULTS = {
  /** Five minutes: a conversation, not a reader coming back the next day. */
  windowMs: 5 * 60 * 1000,
  /** Longest question (characters, punctuation excluded) read as leaning on the previous one. */
  maxChars: 24,
} as const;

/**
 * Makes a short follow-up self-contained from the previous question of the same conversation:
 * `那去年呢？` after `株洲今年新增多少家企业？` becomes `株洲去年新增多少家企业？` (the same kind of word swapped);
 * `她后来去了哪所学校？` after `青年教师奖的获奖者是谁？` answered with 王晓梅 becomes `王晓梅后来去了哪所学校？`
 * (the person the previous answer named; without one, what the previous question was about), so retrieval finds
 * the same story. A question that stands on its own, or one asked after the window, is returned unchanged.
 */
export function resolveFollowUp(question: string, previous: PreviousTurn | null, options: ResolveFollowUpOptions): ResolveFollowUpResult {
  const standalone: ResolveFollowUpResult = { question, followUp: false, previousArticleIds: [] };
  if (!previous || options.now - previous.at > (options.windowMs ?? FOLLOW_UP_DEFAULTS.windowMs) || options.now < previous.at) return standalone;
  const text = stripPunctuation(question);
  if (text.length === 0 || text.length > FOLLOW_UP_DEFAULTS.maxChars) return standalone;
  const earlier = { question: stripPunctuation(previous.question), subject: previous.subject ?? null };
  const resolved = ELLIPSIS_CLOSERS.test(text) ? resolveEllipsis(text, earlier) : LEADING_REFERENCE.test(text) ? resolveReference(text, earlier) : null;
  if (resolved === null || resolved === text) return standalone;
  return { question: `${resolved}？`, followUp: true, previousArticleIds: previous.articleIds };
}

/** The previous turn as the rewrite reads it: its question without punctuation, and the name its answer gave. */
interface Earlier {
  question: string;
  subject: string | null;
}

/** `那去年呢` → the earlier question with its time word swapped for 去年; an unmatched kind is put in front of it. */
function resolveEllipsis(text: string, earlier: Earlier): string | null {
  const core = text.replace(ELLIPSIS_CLOSERS, '').replace(ELLIPSIS_OPENERS, '').trim();
  if (core.length === 0) return null;
  if (QUESTION_WORD.test(core)) return LEADING_REFERENCE.test(core) ? resolveReference(core, earlier) : `${subjectOf(earlier.question)}${core}`;
  for (const kind of SWAPPABLE_KINDS) {
    const anchored = new RegExp(`^${kind.source}$`);
    if (!anchored.test(core)) continue;
    const match = kind.exec(earlier.question);
    if (match) return earlier.question.slice(0, match.index) + core + earlier.question.slice(match.index + match[0].length);
  }
  return `${core} ${earlier.question}`;
}

/**
 * `她后来去了哪所学校` → the pronoun replaced by whom it means: the person the previous answer named (王晓梅,
 * after 青年教师奖的获奖者是谁？), for 它/该/这家 the thing it named when the question asked which one; otherwise
 * what the earlier question was about (王晓梅获得了什么奖？ → 王晓梅).
 */
function resolveReference(text: string, earlier: Earlier): string | null {
  const named = earlier.subject !== null && (LEADING_PERSON.test(text) || ASKS_WHICH.test(earlier.question)) ? earlier.subject : null;
  const subject = named ?? subjectOf(earlier.question);
  if (subject.length === 0) return null;
  return text.replace(LEADING_REFERENCE, subject);
}

/**
 * What a question is about. A question for a person or thing (谁, 哪位) is about the one it asks for: the words before
 * its question word (`澳维膜的常务副总经理是谁` → 澳维膜的常务副总经理). Any other question asks something of a
 * subject: the owner before 的 (`苏明的职业是什么` → 苏明), or the name that opens it (`苏明减肥前体重是多少` → 苏明,
 * `株洲有几个产业集群` → 株洲), so a later 他/它 means 苏明, not 苏明的职业.
 */
export function subjectOf(question: string): string {
  const text = stripPunctuation(question).replace(/^(?:请问|问一下|想知道)/, '');
  const match = QUESTION_WORD.exec(text);
  const before = (match ? text.slice(0, match.index) : text).replace(/(?:是|的|有|在|了|要|将|叫|为|获得|共有|一共|总共)+$/, '');
  if (before.length === 0) return text.replace(QUESTION_WORD, '');
  return ASKS_FOR_NAME.test(text) ? before : ownerOf(before);
}

/** The owner in `X的Y`, else the run of nouns and names that opens the phrase; the phrase itself when neither is found. */
function ownerOf(phrase: string): string {
  const possessive = phrase.indexOf('的');
  if (possessive > 0) return phrase.slice(0, possessive);
  let opening = '';
  for (const { word, tag } of tagWords(phrase)) {
    if (!NOUN_OR_NAME_TAG.test(tag)) break;
    opening += word;
  }
  return opening.length > 0 ? opening : phrase;
}

function stripPunctuation(text: string): string {
  return text.replace(/[\s？?！!。，,、；;：:“”"'‘’]+/g, '').trim();
}
