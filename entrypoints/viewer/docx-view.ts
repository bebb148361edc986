/**
 * A DOCX in the viewer: mammoth's browser build turns it into HTML, which is never inserted as it is: it is
 * parsed (DOMParser: no script runs) and rebuilt element by element into a fresh document from a short
 * list of text and table elements (rowspan/colspan kept, every other attribute dropped, images only as
 * data: pictures). The engine reads that clean document; its nodes are then moved into the viewer, so the
 * overlay's element references stay valid.
 */
import mammoth from 'mammoth/mammoth.browser.js';
import type { MammothLike } from '@/lib/read/docx';

const KEEP = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'br',
  'sup',
  'sub',
  'span',
  'img',
  'caption',
]);
/** Elements whose content is dropped altogether. */
const DROP = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math']);
const SAFE_IMG = /^data:image\/(png|jpe?g|gif|bmp|webp);base64,[a-z0-9+/=\s]+$/i;

export const docxReader: MammothLike = mammoth as unknown as MammothLike;

/** Rebuild a parsed document's body from the allowed elements and text only. */
export function sanitize(dirty: Document): Document {
  const clean = document.implementation.createHTMLDocument('');
  const stack: Array<[Node, Node]> = [];
  for (const child of Array.from(dirty.body?.childNodes ?? [])) stack.push([child, clean.body]);
  stack.reverse();
  while (stack.length) {
    const [node, parent] = stack.pop() as [Node, Node];
    if (node.nodeType === Node.TEXT_NODE) {
      parent.appendChild(clean.createTextNode(node.nodeValue ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (DROP.has(tag)) continue;
    let target: Node = parent;
    if (KEEP.has(tag)) {
      const out = clean.createElement(tag);
      if (tag === 'td' || tag === 'th')
        for (const a of ['rowspan', 'colspan']) {
          const v = el.getAttribute(a);
          if (v && /^\d{1,3}$/.test(v)) out.setAttribute(a, v);
        }
      if (tag === 'img') {
        const src = el.getAttribute('src') ?? '';
        if (!SAFE_IMG.test(src)) continue;
        out.setAttribute('src', src);
        out.setAttribute('alt', el.getAttribute('alt') ?? '');
      }
      parent.appendChild(out);
      target = out;
    }
    const kids = Array.from(el.childNodes);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i] as Node, target]);
  }
  return clean;
}

/** The DOM parser readDocx is given: parse, then sanitise. */
export function parseClean(html: string): Document {
  return sanitize(new DOMParser().parseFromString(html, 'text/html'));
}
