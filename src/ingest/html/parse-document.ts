import { parseHTML } from 'linkedom';

/** The slice of the DOM that newsbot reads; linkedom provides it (the project compiles without the DOM lib). */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly title: string;
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Parses HTML with linkedom. A fragment (e.g. a feed item's content) is wrapped in a document
 * first, because linkedom mis-nests a fragment that lacks `<html>`.
 */
export function parseDocument(html: string): DomDocument {
  const markup = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(markup).document as unknown as DomDocument;
}
