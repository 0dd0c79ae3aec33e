// The user-information part of any URL in a text: `scheme://user:password@` or `scheme://token@`.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*)(:[^\s/?#@]*)?@/gi;

/**
 * `text` with the password of every URL in it replaced by `***` (`https://reader:***@feeds.example/rss`), and a
 * user name given without a password, which is often a token, too (`https://***@…`): for error messages and
 * logs, which must never repeat credentials given in a feed, page or server address.
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, (_match, scheme: string, user: string, password: string | undefined) =>
    password === undefined ? `${scheme}***@` : `${scheme}${user}:***@`,
  );
}
