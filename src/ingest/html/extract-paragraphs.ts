import { ELEMENT_NODE, TEXT_NODE, type DomNode } from './parse-document.js';

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'DD',
  'DT',
  'DL',
  'FIGURE',
  'HEADER',
  'FOOTER',
  'HR',
  'ADDRESS',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'svg', 'SVG']);
// Full-width and no-break spaces indent Chinese paragraphs; they are not content.
const EDGE_SPACE = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;

/** Text lines of a readable content element: one per block element or `<br>`-separated line, with figure captions apart. */
export interface ExtractedParagraphs {
  paragraphs: string[];
  captions: string[];
}

/** Splits an element's text into paragraphs at block boundaries and `<br>`; captions (`<figcaption>`) are kept apart. */
export function extractParagraphs(root: DomNode): ExtractedParagraphs {
  const captions: string[] = [];
  let text = '';
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      text += (node.textContent ?? '').replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIPPED_TAGS.has(node.nodeName)) return;
    if (node.nodeName === 'BR') {
      text += '\n';
      return;
    }
    if (node.nodeName === 'FIGCAPTION') {
      const caption = (node.textContent ?? '').replace(/\s+/g, ' ').replace(EDGE_SPACE, '');
      if (caption) captions.push(caption);
      return;
    }
    const isBlock = BLOCK_TAGS.has(node.nodeName);
    if (isBlock) text += '\n';
    for (const child of Array.from(node.childNodes)) visit(child);
    if (isBlock) text += '\n';
  };
  visit(root);
  const paragraphs = text
    .split('\n')
    .map((line) => line.replace(EDGE_SPACE, ''))
    .filter((line) => line.length > 0);
  return { paragraphs, captions };
}
