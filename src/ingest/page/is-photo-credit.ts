import { BYLINE_ROLE_PATTERN } from './byline-roles.js';

const NAMES = String.raw`[\p{Script=Han}·]{2,6}(?:[\s、]+[\p{Script=Han}·]{2,6})*`;
// "…。记者/林小舟 摄", "（通讯员 张三 摄）", "李四 摄影": a credit ends the line with 摄 after the names.
const ROLE_CREDIT = new RegExp(`(?:${BYLINE_ROLE_PATTERN})\\s*[/／]?\\s*${NAMES}\\s*摄(?:影)?\\s*[)）]?$`, 'u');
// Without a role word the names must stand apart (start of line or after punctuation) and 摄 after a space,
// so prose ending in "拍摄" is not a credit.
const BARE_CREDIT = new RegExp(`(?:^|[。！？”）)\\s])[(（]?${NAMES}\\s+摄(?:影)?\\s*[)）]?$`, 'u');

/** True for a photo caption/credit line: it becomes the article's `photoCaption`, not body text. */
export function isPhotoCredit(line: string): boolean {
  const text = line.trim();
  return text.length <= 300 && (ROLE_CREDIT.test(text) || BARE_CREDIT.test(text));
}
