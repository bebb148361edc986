/**
 * The closed shadow root the overlay lives in on <body> (a <slot> in it keeps the page's children rendering
 * exactly as before). A body takes one shadow root for life, so the roots are kept in the extension's
 * script world (its global, which the page cannot see), not in a module: the detector attaches the root
 * when it finds a report, while the page is still being laid out for its first paint, and the engine,
 * injected later as a script of its own (and again after each re-injection), finds it there. Attached
 * after the first paint, the slot makes the browser lay the whole page out again (tens of ms on a slow
 * machine) just before the marks are drawn. Self-contained: the detector bundles it and stays small.
 *
 * The price: a page the detector takes for a report keeps the root for life, also when the engine then finds
 * it is not one (a page that only links its report file); the page renders the same, but its own
 * `body.attachShadow` fails from then on, and a body child given a `slot` attribute later is not shown. An
 * engine in another world (one left behind by an extension reload) does not see the registry: the body
 * refuses it a second root and it draws in the fallback host.
 */

interface Roots {
  roots: WeakMap<Element, ShadowRoot>;
  refused: WeakSet<Element>;
}

/**
 * A symbol key: an element with a matching id cannot clobber it (named elements become properties of the
 * world's global), and the version keeps a later build from reading an older build's registry.
 */
const KEY = Symbol.for('nianbao.bodyRoots.v1');

function registry(): Roots {
  const g = globalThis as unknown as Record<symbol, Roots | undefined>;
  const known = g[KEY];
  if (known && known.roots instanceof WeakMap && known.refused instanceof WeakSet) return known;
  const r: Roots = { roots: new WeakMap(), refused: new WeakSet() };
  g[KEY] = r;
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
