import iconv from 'iconv-lite';

// GBK and GB2312 are subsets of GB18030, and pages labelled with them routinely use GB18030-only
// characters (rare names, ellipses), so all of the family decodes as GB18030.
const GB_FAMILY = new Set(['gbk', 'gb2312', 'gb_2312', 'gb_2312-80', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'csgb2312', 'chinese', 'iso-ir-58', 'gb18030']);

/**
 * Maps a charset label from a header, meta tag or detector to the iconv-lite encoding to use,
 * or null when the label is unknown (the caller then detects instead).
 */
export function normalizeCharsetLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (name === '') return null;
  if (GB_FAMILY.has(name)) return 'gb18030';
  if (name === 'utf8' || name === 'utf-8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  // Browsers read Latin-1 labels as windows-1252 (WHATWG Encoding), and so do we.
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'us-ascii' || name === 'ascii') return 'windows-1252';
  if (name === 'big5' || name === 'big5-hkscs' || name === 'x-x-big5') return 'big5';
  return iconv.encodingExists(name) ? name : null;
}
