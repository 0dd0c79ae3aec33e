import type { OtherStory } from '../../answer/other-stories/other-story.js';
import type { Messages } from '../shared/i18n/messages.js';

/**
 * The other stories named under an answer as Telegram HTML: a blank line, "另有报道：" (or "Other reports:"),
 * then one line per story with its title, date and answering sentence, escaped. Empty when there are none.
 */
export function renderOtherStories(stories: readonly OtherStory[] | undefined, messages: Messages): string {
  if (!stories || stories.length === 0) return '';
  const lines = stories.map((story) => `• ${messages.otherStoryLine(story.title, story.date ?? messages.undated, story.snippet)}`);
  return `\n\n${messages.otherStoriesHeading}\n${lines.join('\n')}`;
}
