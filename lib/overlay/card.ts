/**
 * A finding's card: rule title, the message with its arithmetic, where, basis, suggested fix, and buttons
 * (extra actions, previous, next, close). All text is set with textContent.
 */
import type { Finding } from '../model/schema';
import type { OverlayOptions } from './types';

export function tagFinding(el: HTMLElement, f: Finding): void {
  el.dataset.findingId = f.id;
  el.dataset.rule = f.ruleId;
  el.dataset.category = f.category;
  el.dataset.severity = f.severity;
}

export interface CardHandlers {
  prev(): void;
  next(): void;
  close(): void;
  /** An action started: the card must stay open while it runs. */
  pin(): void;
}

/** The other findings at the same place: their numbers, which one is shown, and how to show another. */
export interface CardPlace {
  ns: number[];
  index: number;
  pick(index: number): void;
}

export function buildCard(
  doc: Document,
  f: Finding,
  n: number,
  opts: OverlayOptions,
  on: CardHandlers,
  place?: CardPlace,
): HTMLElement {
  const s = opts.strings;
  const lang = opts.lang;
  const card = doc.createElement('div');
  card.className = `card ${f.severity}`;
  card.setAttribute('role', 'dialog');
  tagFinding(card, f);
  const h = doc.createElement('h3');
  const sev = doc.createElement('span');
  sev.className = 'sev';
  sev.textContent = s.severity[f.severity];
  h.append(sev, `${n}. ${f.title[lang]}`);
  const msg = doc.createElement('div');
  msg.className = 'msg';
  msg.textContent = f.message[lang];
  card.append(h);
  if (place && place.ns.length > 1) {
    // several findings share this place: one outline, one badge, each finding a click away
    const here = doc.createElement('div');
    here.className = 'here';
    here.append((s.here ?? '$1').replace('$1', String(place.ns.length)));
    place.ns.forEach((k, i) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = String(k);
      b.setAttribute('aria-pressed', String(i === place.index));
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        place.pick(i);
      });
      here.append(' ', b);
    });
    card.appendChild(here);
  }
  card.append(msg);
  const formula = f.evidence?.formula?.[lang];
  if (formula && !f.message[lang].includes(formula)) {
    const fm = doc.createElement('div');
    fm.className = 'msg formula';
    fm.textContent = formula;
    card.appendChild(fm);
  }
  const dl = doc.createElement('dl');
  // the place at fault (the others are outlined on the page)
  const first = f.targets[0];
  const where = first?.type === 'cell' ? first.label : first?.type === 'text' ? `“${first.excerpt}”` : '';
  const rows: Array<[string, string]> = [
    ...(where ? ([[s.where, where]] as Array<[string, string]>) : []),
    [s.basis, f.basis[lang]],
    [s.fix, f.fix[lang]],
  ];
  for (const [k, v] of rows) {
    const dt = doc.createElement('dt');
    dt.textContent = k;
    const dd = doc.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  card.appendChild(dl);
  const nav = doc.createElement('div');
  nav.className = 'nav';
  const button = (label: string, fn: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      fn();
    });
    return b;
  };
  const status = doc.createElement('div');
  status.className = 'msg status';
  for (const action of opts.actions ?? []) {
    nav.append(
      button(action.label, () => {
        status.textContent = '…';
        on.pin();
        void action.run(f).then(
          (text) => {
            status.textContent = text;
          },
          (err: unknown) => {
            status.textContent = err instanceof Error ? err.message : String(err);
          },
        );
      }),
    );
  }
  nav.append(button(s.prev, on.prev), button(s.next, on.next), button(s.close, on.close));
  card.append(nav, status);
  return card;
}
