import type { Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { OtherStory } from '../../answer/other-stories/other-story.js';
import type { BotRuntime } from '../bot-runtime.js';
import type { Messages } from '../i18n/messages.js';
import { shortenText } from '../render/shorten-text.js';

/** Callback data of a button asking about another story: `story:<key>`, the key of its entry in chat memory. */
export const OTHER_STORY_BUTTON = /^story:([0-9a-z]+)$/;

/** Longest title on a button, in characters. */
const BUTTON_TITLE_CHARACTERS = 18;

/**
 * One button row per other story, each asking the reader's question again about that story's article alone.
 * Callback data holds 64 bytes, so the question, the article and who asked where are kept in chat memory and
 * the button carries the key; the button is the asker's alone, and /forget erases the entry. A story whose
 * entry could not be stored (the store away) gets no button.
 */
export async function otherStoryButtons(
  ctx: Context,
  runtime: BotRuntime,
  question: string,
  stories: readonly OtherStory[] | undefined,
  messages: Messages,
): Promise<InlineKeyboardButton[][]> {
  if (!stories || stories.length === 0 || !ctx.chat || !ctx.from) return [];
  const askedBy = { chatId: ctx.chat.id, userId: ctx.from.id };
  const rows: InlineKeyboardButton[][] = [];
  for (const story of stories) {
    const key = await runtime.memory.rememberQuestion({ question, shownArticleIds: [], askedBy, articleId: story.articleId });
    if (key !== null) rows.push([{ text: messages.otherStoryButton(shortenText(story.title, BUTTON_TITLE_CHARACTERS)), callback_data: `story:${key}` }]);
  }
  return rows;
}
