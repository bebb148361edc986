/**
 * The banner at the top of the report: counts by severity, the page-level findings (late publication,
 * wrong year…) as a list, collapse and hide buttons.
 */
import type { Finding, Severity } from '../model/schema';
import { tagFinding } from './card';
import type { OverlayOptions } from './types';

export interface BannerItem {
  finding: Finding;
  n: number;
  pageLevel: boolean;
}

export interface BannerHandlers {
  open(item: BannerItem, li: HTMLElement): void;
  hide(): void;
  toggled(): void;
}

export function buildBanner(
  doc: Document,
  items: BannerItem[],
  opts: OverlayOptions,
  on: BannerHandlers,
): { banner: HTMLElement; entries: Map<BannerItem, HTMLElement> } {
  const s = opts.strings;
  const banner = doc.createElement('div');
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const m of items) counts[m.finding.severity]++;
  const worst: Severity = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
  banner.className = `banner ${worst}`;
  const head = doc.createElement('div');
  head.className = 'head';
  const title = doc.createElement('span');
  title.textContent = s.app;
  const cs = doc.createElement('span');
  cs.className = 'counts';
  if (items.length === 0) cs.textContent = s.noFindings;
  for (const sev of ['error', 'warning', 'info'] as const) {
    if (!counts[sev]) continue;
    const c = doc.createElement('span');
    c.className = sev;
    c.style.color = 'var(--c)';
    c.textContent = `${s.severity[sev]} ${counts[sev]}`;
    cs.appendChild(c);
  }
  const spacer = doc.createElement('span');
  spacer.className = 'spacer';
  const pageLevel = items.filter((m) => m.pageLevel);
  const toggle = doc.createElement('button');
  toggle.textContent = s.collapse;
  toggle.addEventListener('click', () => {
    const collapsed = banner.classList.toggle('collapsed');
    toggle.textContent = collapsed ? s.expand : s.collapse;
    on.toggled();
  });
  const hide = doc.createElement('button');
  hide.textContent = s.hide;
  hide.title = 'Esc';
  hide.addEventListener('click', () => on.hide());
  head.append(title, cs, spacer);
  if (pageLevel.length) head.append(toggle);
  head.append(hide);
  banner.appendChild(head);
  const entries = new Map<BannerItem, HTMLElement>();
  if (pageLevel.length) {
    const ul = doc.createElement('ul');
    for (const m of pageLevel) {
      const li = doc.createElement('li');
      li.className = m.finding.severity;
      tagFinding(li, m.finding);
      li.tabIndex = 0;
      const dot = doc.createElement('span');
      dot.className = 'dot';
      const text = doc.createElement('span');
      text.textContent = `${m.n}. ${m.finding.title[opts.lang]}：${m.finding.message[opts.lang]}`;
      li.append(dot, text);
      li.addEventListener('click', () => on.open(m, li));
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') on.open(m, li);
      });
      ul.appendChild(li);
      entries.set(m, li);
    }
    banner.appendChild(ul);
  }
  return { banner, entries };
}
