import { BYLINE_ROLE_PATTERN } from './byline-roles.js';

// "<organisation><role>/<name>": the organisation prefix (江城晚报全媒体, 本报, 首席…) is free text.
const ROLE_TOKEN = new RegExp(`^[\\p{Script=Han}A-Za-z]{0,16}?(?:${BYLINE_ROLE_PATTERN})/(.*)$`, 'u');
// A Chinese name (2–6 Han characters, · for transliterated names) or a Latin name without spaces.
const NAME = /^(?:[\p{Script=Han}·]{2,6}|[A-Z][A-Za-z.'-]{1,30})$/u;

/**
 * Reads a byline line ("江城晚报全媒体记者/林小舟 通讯员/白石", "通讯员/白石 唐果") and returns the
 * names in order, or null when the line is not a byline. Every token must be a role/name or a
 * further name, so a sentence that merely mentions a reporter is never taken for a byline.
 */
export function parseByline(line: string): string[] | null {
  // Bylines at the end of an article are often bracketed: "（记者/林小舟）".
  const text = line
    .trim()
    .replace(/^[（(【[]\s*|\s*[）)】\]]$/g, '')
    .replace(/\s*[/／]\s*/g, '/');
  if (text.length === 0 || text.length > 80) return null;
  const names: string[] = [];
  let sawRole = false;
  for (const token of text.split(/\s+/)) {
    const role = ROLE_TOKEN.exec(token);
    const nameText = role ? (role[1] ?? '') : sawRole ? token : null;
    if (nameText === null) return null;
    if (role) sawRole = true;
    for (const name of nameText.split(/[、，,]/).filter((part) => part.length > 0)) {
      if (!NAME.test(name)) return null;
      names.push(name);
    }
  }
  return sawRole && names.length > 0 ? [...new Set(names)] : null;
}
