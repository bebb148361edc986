/**
 * Small helpers over the standard DOM interfaces. No `instanceof` (documents may come from another realm:
 * linkedom in Node, an iframe in the browser), only nodeType and tagName.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === ELEMENT_NODE;
}

export function tagOf(n: Node): string {
  return isElement(n) ? n.tagName.toLowerCase() : '';
}

/** Elements whose content is never report text. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'select',
  'option',
  'textarea',
  'svg',
  'math',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'iframe',
  'button',
  'input',
  'nianbao-inspector',
]);

/** Hidden by attribute or inline style (computed styles are not available in Node). */
export function isHidden(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

/** Text of an element, skipping non-content elements, with block boundaries turned into spaces. */
export function elementText(el: Element): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === TEXT_NODE) {
      out += n.nodeValue ?? '';
      return;
    }
    if (!isElement(n)) return;
    const tag = tagOf(n);
    if (SKIP_TAGS.has(tag) || isHidden(n)) return;
    if (tag === 'br' || tag === 'p' || tag === 'div') out += ' ';
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (tag === 'p' || tag === 'div') out += ' ';
  };
  walk(el);
  return out;
}
