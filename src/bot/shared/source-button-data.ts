// Callback data of the buttons under a long /source: the article id and page travel in the button itself,
// so a button keeps working after a restart (no per-chat state to lose).

/** Telegram's limit on a button's callback data, in bytes. */
const CALLBACK_DATA_MAX_BYTES = 64;

/** `srcpage:<page>:<article id>`: send page `<page>` (1-based) of the article. */
export const SOURCE_PAGE_PATTERN = /^srcpage:(\d{1,5}):(.+)$/s;
/** `srcfile:<article id>`: send the whole article as a .txt file. */
export const SOURCE_FILE_PATTERN = /^srcfile:(.+)$/s;

/** Callback data for "page `page` of this article", or null when the article id is too long for a button. */
export function sourcePageData(articleId: string, page: number): string | null {
  return fitting(`srcpage:${page}:${articleId}`);
}

/** Callback data for "this article as a file", or null when the article id is too long for a button. */
export function sourceFileData(articleId: string): string | null {
  return fitting(`srcfile:${articleId}`);
}

function fitting(data: string): string | null {
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? data : null;
}
