// Page furniture: the masthead strip repeated on every page (site name, web address, hotline).

const WEB_ADDRESS = /(?:https?:\/\/\S+|www\.[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|cn|gov|edu|info|cc|tv)\b(?:\/\S*)?)/i;
const PHONE_NUMBER = /(?:\+?\d[\d -]{6,}\d|\(\d{3,4}\)\d{7,8}|（\d{3,4}）\d{7,8})/;
const CONTACT_LABEL = /热线|电话|传真|邮箱|邮编|客服|hotline|tel|fax|e-?mail/i;
// Prose mentions of a hotline ("拨打热线12345咨询。") are sentences; furniture never is.
const PROSE_PUNCTUATION = /[。，！？；]/;

/**
 * True for a line that is page furniture rather than article text: a web address together with a
 * hotline or phone number, or a line holding nothing but addresses, phone numbers and their labels.
 */
export function isFurnitureLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 120 || PROSE_PUNCTUATION.test(text)) return false;
  const hasAddress = WEB_ADDRESS.test(text);
  const hasPhone = PHONE_NUMBER.test(text);
  if (hasAddress && (hasPhone || CONTACT_LABEL.test(text))) return true;
  if (!hasAddress && !hasPhone) return false;
  const rest = text
    .replace(new RegExp(WEB_ADDRESS.source, 'gi'), '')
    .replace(new RegExp(PHONE_NUMBER.source, 'g'), '')
    .replace(new RegExp(CONTACT_LABEL.source, 'gi'), '')
    .replace(/[\s:：|｜/、,，\-—()（）<>《》[\]]/g, '');
  return rest.length === 0;
}
