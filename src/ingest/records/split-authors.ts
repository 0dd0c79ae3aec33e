/**
 * Author names from a record: an array, or a string separated by commas/、/semicolons, or by spaces
 * when there is no such separator (Chinese names contain no spaces; "Jane Doe, John Roe" must not split at spaces).
 */
export function splitAuthors(authors: string | string[] | null | undefined): string[] {
  if (authors === null || authors === undefined) return [];
  const parts = Array.isArray(authors) ? authors : /[,，、;；]/.test(authors) ? authors.split(/[,，、;；]/) : authors.split(/\s+/);
  return [...new Set(parts.map((part) => part.trim()).filter((part) => part.length > 0))];
}
