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
  // depth-first with an explicit stack of the next node to visit at each level (no recursion)
  const enter = (n: Node): Node | null => {
    if (n.nodeType === TEXT_NODE) {
      out += n.nodeValue ?? '';
      return null;
    }
    if (!isElement(n)) return null;
    const tag = tagOf(n);
    if (SKIP_TAGS.has(tag) || isHidden(n)) return null;
    if (tag === 'br' || tag === 'p' || tag === 'div') out += ' ';
    return n;
  };
  const first = enter(el);
  if (!first) return out;
  const stack: Array<{ el: Node; next: Node | null }> = [{ el: first, next: first.firstChild }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as { el: Node; next: Node | null };
    const n = f.next;
    if (!n) {
      stack.pop();
      const tag = tagOf(f.el);
      if (tag === 'p' || tag === 'div') out += ' ';
      continue;
    }
    f.next = n.nextSibling;
    const child = enter(n);
    if (child) stack.push({ el: child, next: child.firstChild });
  }
  return out;
}
