import type { BotContext } from '../shared/bot-context.js';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { OtherStory } from '../../answer/other-stories/other-story.js';
import type { BotRuntime } from '../bot-runtime.js';
import type { Messages } from '../shared/i18n/messages.js';
import { shortenText } from '../../telegram/shorten-text.js';

/** Callback data of a button asking about another story: `story:<key>`, the random key of its entry in chat memory. */
export const OTHER_STORY_BUTTON = /^story:([A-Za-z0-9_-]{22})$/;

/** Longest title on a button, in characters. */
const BUTTON_TITLE_CHARACTERS = 18;

/**
 * One button row per other story, each asking the reader's question again about that story's article alone.
 * Callback data holds 64 bytes, so the question and the article are kept in chat memory and the button carries the
 * key, bound as a "more results" key is, and always to the reader who asked (in a group too); /forget erases the
 * entry. A story whose entry could not be stored (the store away) gets no button.
 */
export async function otherStoryButtons(
  ctx: BotContext,
  runtime: BotRuntime,
  question: string,
  stories: readonly OtherStory[] | undefined,
  messages: Messages,
): Promise<InlineKeyboardButton[][]> {
  if (!stories || stories.length === 0 || !ctx.chat || !ctx.from) return [];
  const askedIn = { chatId: ctx.chat.id, userId: ctx.from.id, readerOnly: true };
  const rows: InlineKeyboardButton[][] = [];
  for (const story of stories) {
    const key = await runtime.memory.rememberQuestion({ question, shownArticleIds: [], articleId: story.articleId }, askedIn);
    if (key !== null) rows.push([{ text: messages.otherStoryButton(shortenText(story.title, BUTTON_TITLE_CHARACTERS)), callback_data: `story:${key}` }]);
  }
  return rows;
}
