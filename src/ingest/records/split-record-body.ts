/**
 * Paragraphs of a record body: one per line (exports put one paragraph per line or separate them by
 * blank lines), trimmed, empties dropped. No layout repair: records come from a CMS, not a page scan.
 */
export function splitRecordBody(body: string | string[]): string[] {
  const lines = Array.isArray(body) ? body.flatMap((part) => part.split(/\r\n|\r|\n/)) : body.split(/\r\n|\r|\n/);
  return lines.map((line) => line.trim()).filter((line) => line.length > 0);
}
