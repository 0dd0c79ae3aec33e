import { BYLINE_ROLE_PATTERN } from '../page/byline-roles.js';
import { splitAuthors } from '../records/split-authors.js';

// Bylines in Chinese papers carry a role before the name: 本报记者 张三, 文/李四.
const BYLINE_ROLE = new RegExp(`^(本报|首席)?(${BYLINE_ROLE_PATTERN}|作者|责任编辑|责编)\\s*[:：/／]?\\s*|^[文图]\\s*[:：/／]\\s*`);

/**
 * Author names from a byline string, a JSON-LD author (`{ name }`) or an array of either:
 * split like record authors (`splitAuthors`), roles such as 本报记者 removed, profile URLs dropped.
 */
export function splitAuthorNames(value: unknown): string[] {
  const names = [value].flat().flatMap((entry): string[] => {
    if (typeof entry === 'string') return splitAuthors(entry);
    if (entry && typeof entry === 'object' && typeof (entry as { name?: unknown }).name === 'string') return [(entry as { name: string }).name];
    return [];
  });
  const cleaned = names.map((name) => name.trim().replace(BYLINE_ROLE, '').trim()).filter((name) => name.length > 0 && !/^https?:\/\//.test(name));
  return [...new Set(cleaned)];
}
