/**
 * The closed shadow root the overlay lives in on <body> (a <slot> in it keeps the page's children rendering
 * exactly as before). A body takes one shadow root for life, so the roots are kept in the extension's
 * script world (its global, which the page cannot see), not in a module: the detector attaches the root
 * when it finds a report, while the page is still being laid out for its first paint, and the engine,
 * injected later as a script of its own (and again after each re-injection), finds it there. Attached
 * after the first paint, the slot makes the browser lay the whole page out again (tens of ms on a slow
 * machine) just before the marks are drawn. Self-contained: the detector bundles it and stays small.
 */

interface Roots {
  roots: WeakMap<Element, ShadowRoot>;
  refused: WeakSet<Element>;
}

const KEY = '__nianbaoBodyRoots';

function registry(): Roots {
  const g = globalThis as unknown as Record<string, Roots | undefined>;
  let r = g[KEY];
  if (!r) {
    r = { roots: new WeakMap(), refused: new WeakSet() };
    g[KEY] = r;
  }
  return r;
}

/**
 * The body's root: the one attached earlier by any script of ours, else a new one; null where <body> cannot
 * take one (a <frameset>, a shadow root of the page's own, a child with a `slot` attribute that a default
 * slot would not show).
 */
export function bodyRoot(body: Element): ShadowRoot | null {
  const { roots, refused } = registry();
  const known = roots.get(body);
  if (known) return known;
  if (refused.has(body)) return null;
  const usable =
    body.localName === 'body' &&
    !body.shadowRoot &&
    typeof body.attachShadow === 'function' &&
    !Array.from(body.children).some((c) => c.hasAttribute('slot'));
  if (usable) {
    try {
      const root = body.attachShadow({ mode: 'closed' });
      root.appendChild(body.ownerDocument.createElement('slot'));
      roots.set(body, root);
      return root;
    } catch {
      // a closed root of the page's own, or no shadow DOM
    }
  }
  refused.add(body);
  return null;
}
