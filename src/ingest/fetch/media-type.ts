/** A Content-Type header split into its media type (lower-cased) and charset parameter. */
export interface MediaType {
  /** e.g. `text/html`; empty when the header is missing. */
  essence: string;
  /** The `charset` parameter as written (unquoted), or null. */
  charset: string | null;
}

/** Parses a Content-Type header value; tolerant of missing or odd values. */
export function parseMediaType(header: string | null | undefined): MediaType {
  if (!header) return { essence: '', charset: null };
  const [essence = '', ...parameters] = header.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(parameter);
    if (match?.[1]) charset = match[1];
  }
  return { essence: essence.trim().toLowerCase(), charset };
}
