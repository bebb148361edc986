/**
 * The viewer never inserts a document's HTML as it is: it rebuilds it element by element into a blank
 * document from a short list of text and table elements, with rowspan/colspan kept and every other
 * attribute dropped (no style, class, event handler or link), scripts, frames and their content dropped,
 * and images kept only as data: pictures (mammoth embeds Word's images that way; a table given as a
 * picture must stay one for the engine to say so).
 */

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
const TEXT = 3;
const ELEMENT = 1;

/** Rebuild a parsed document's body from the allowed elements and text only, into `clean` (a blank document). */
export function sanitize(dirty: Document, clean: Document): Document {
  const stack: Array<[Node, Node]> = [];
  const top = Array.from(dirty.body?.childNodes ?? []);
  for (let i = top.length - 1; i >= 0; i--) stack.push([top[i] as Node, clean.body]);
  while (stack.length) {
    const [node, parent] = stack.pop() as [Node, Node];
    if (node.nodeType === TEXT) {
      parent.appendChild(clean.createTextNode(node.nodeValue ?? ''));
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
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
  keepHeadFacts(dirty, clean);
  return clean;
}

/** What the reader takes from <head> (the title; PubDate, ContentSource, SiteName … metas), as inert text. */
function keepHeadFacts(dirty: Document, clean: Document): void {
  const head = clean.head ?? clean.documentElement;
  const title = dirty.querySelector('title')?.textContent?.trim();
  if (title) {
    const el = clean.createElement('title');
    el.textContent = title;
    head.appendChild(el);
  }
  for (const m of Array.from(dirty.querySelectorAll('meta[name][content]')).slice(0, 100)) {
    const el = clean.createElement('meta');
    el.setAttribute('name', m.getAttribute('name') ?? '');
    el.setAttribute('content', m.getAttribute('content') ?? '');
    head.appendChild(el);
  }
}
