// `t.me/<bot>?start=<payload>` links: Telegram allows 64 characters of [A-Za-z0-9_-], so what a link opens is
// named by a short kind and its value in base64url (UTF-8), which holds any article id or topic that fits.

/** What a deep link opens: an article's source (`src`) or a story's timeline (`tl`). */
export type DeepLinkKind = 'src' | 'tl';

/** A deep link's kind and the value it carries (an article id, a topic). */
export interface DeepLinkTarget {
  kind: DeepLinkKind;
  value: string;
}

/** Telegram's limit on a /start payload. */
export const DEEP_LINK_PAYLOAD_CHARACTERS = 64;
const PAYLOAD_PATTERN = /^(src|tl)_([A-Za-z0-9_-]+)$/;

/** The /start payload opening `target`, or null when it does not fit in 64 characters (a long topic). */
export function deepLinkPayload(target: DeepLinkTarget): string | null {
  const payload = `${target.kind}_${Buffer.from(target.value, 'utf8').toString('base64url')}`;
  return target.value.length > 0 && payload.length <= DEEP_LINK_PAYLOAD_CHARACTERS ? payload : null;
}

/** What a /start payload opens, or null for anything this bot never made (wrong shape, not UTF-8, empty). */
export function parseDeepLinkPayload(payload: string): DeepLinkTarget | null {
  const match = PAYLOAD_PATTERN.exec(payload);
  if (!match || payload.length > DEEP_LINK_PAYLOAD_CHARACTERS) return null;
  const bytes = Buffer.from(match[2]!, 'base64url');
  let value: string;
  try {
    value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Only the canonical spelling: one target, one link.
  if (value.trim().length === 0 || bytes.toString('base64url') !== match[2]) return null;
  return { kind: match[1] as DeepLinkKind, value };
}

/** `https://t.me/<bot>?start=<payload>` for `target`, or null when it does not fit. */
export function deepLink(botUsername: string, target: DeepLinkTarget): string | null {
  const payload = deepLinkPayload(target);
  return payload === null ? null : `https://t.me/${botUsername}?start=${payload}`;
}
