/**
 * Reads a channel reference typed after a command: "@name", "name", "t.me/name" or
 * "https://t.me/name". Returns "@name", or null when it is not a valid public name (5–32 characters).
 */
export function parseChannelName(text: string): string | null {
  const trimmed = text
    .trim()
    .replace(/^(?:https?:\/\/)?(?:t\.me|telegram\.me)\//i, '')
    .replace(/^@/, '');
  return /^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(trimmed) ? `@${trimmed}` : null;
}
