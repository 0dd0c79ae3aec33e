// Callback data of the "关注此话题 / Follow" button under an answer: the topic travels in the button itself (as the
// /source page buttons' article ids do), so it works after a restart and on any worker.

/** `follow:<topic>`: follow the topic in the chat the button is in. */
export const FOLLOW_BUTTON_PATTERN = /^follow:(.+)$/s;

/** Telegram's limit on a button's callback data, in bytes. */
const CALLBACK_DATA_MAX_BYTES = 64;

/** Callback data for "follow `topic`", or null when the topic is too long for a button. */
export function followButtonData(topic: string): string | null {
  const data = `follow:${topic}`;
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? data : null;
}
