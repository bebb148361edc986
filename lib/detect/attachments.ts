/**
 * Reports published as attachments: on a report page, the links to PDF / Word / WPS files that name the
 * report (or every such link when the body only says "详见附件"), the PDFs embedded in the page (<iframe>,
 * <embed>, <object>, pdf.js viewers such as `/generic2/web/viewer.html?file=…`, their file URL resolved),
 * and a tab that itself shows a PDF or Word file (by its URL or content type). Pure: `collectPage` reads a
 * Document into plain data (it is also run in the page by the background, so it uses nothing outside its
 * body), `findAttachments` decides on that data.
 */

export type AttachmentKind = 'pdf' | 'docx' | 'doc' | 'wps';
/** How the file was found: a link, an embedded document, a pdf.js viewer frame, or the tab itself. */
export type AttachmentVia = 'link' | 'embed' | 'viewer' | 'tab';

export interface Attachment {
  /** Absolute URL of the file. */
  url: string;
  kind: AttachmentKind;
  via: AttachmentVia;
  /** The link text, the file name, or the page title for the tab itself. */
  name: string;
}

/** What the page holds, as plain (serialisable) data. */
export interface PageLinks {
  url: string;
  /** document.contentType ('application/pdf' for a tab showing a PDF), or null. */
  contentType: string | null;
  title: string;
  /** The start of the body's text (white space collapsed), up to 2,000 characters. */
  bodyText: string;
  /** Each link with its text, title and the start of its parent's text (where "附件：" stands). */
  links: Array<{ href: string; text: string; title: string; context?: string }>;
  embeds: Array<{ tag: string; src: string; type: string }>;
}

/** The page's links and embedded documents. Self-contained (the background runs it in pages as it is, with no argument). */
export function collectPage(doc: Document = document): PageLinks {
  const links: PageLinks['links'] = [];
  const anchors = doc.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && links.length < 2000; i++) {
    const a = anchors[i] as HTMLAnchorElement;
    links.push({
      href: a.getAttribute('href') ?? '',
      text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300),
      title: (a.getAttribute('title') ?? '').slice(0, 300),
      context: (a.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
    });
  }
  const embeds: PageLinks['embeds'] = [];
  const frames = doc.querySelectorAll('iframe[src], embed[src], object[data], frame[src]');
  for (let i = 0; i < frames.length && embeds.length < 200; i++) {
    const el = frames[i] as Element;
    const tag = el.tagName.toLowerCase();
    embeds.push({
      tag,
      src: (tag === 'object' ? el.getAttribute('data') : el.getAttribute('src')) ?? '',
      type: (el.getAttribute('type') ?? '').toLowerCase(),
    });
  }
  const body = doc.body ? (doc.body.textContent ?? '') : '';
  return {
    url: doc.URL || '',
    contentType: doc.contentType || null,
    title: doc.title || '',
    bodyText: body.replace(/\s+/g, ' ').trim().slice(0, 2000),
    links,
    embeds,
  };
}

const EXT_RE = /\.(pdf|docx|doc|wps)$/i;
const KIND_OF_TYPE: Record<string, AttachmentKind> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'application/vnd.ms-works': 'wps',
  'application/kswps': 'wps',
  'application/wps-office.wps': 'wps',
};
/** A link text or file name that names the report. */
const NAMES_REPORT_RE =
  /(政府信息公开|政务公开|信息公开)(工作)?(年度)?(报告|年报)|信息公开年报|全真版|原件|原文下载|PDF版|Word版/i;
/** A body that carries nothing but a pointer to the attachment. */
const SEE_ATTACHMENT_RE = /详见附件|见附件|附件下载|请下载附件|点击下载/;
/** Links that are never the report: the disclosure guide, budgets, templates. */
const NOT_REPORT_RE = /指南|预算|决算|模板|申请表|目录|解读|图解/;

function absolute(href: string, base: string): URL | null {
  const h = href.trim();
  if (!h || /^(javascript|mailto|tel|data):/i.test(h)) return null;
  try {
    const u = new URL(h, base || undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:' ? u : null;
  } catch {
    return null;
  }
}

function fileName(u: URL): string {
  const last = u.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The document kind a URL names: by the path's extension, else by a file name in its query. */
export function kindOfUrl(url: string | URL): AttachmentKind | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  const m = EXT_RE.exec(fileName(u));
  if (m) return (m[1] as string).toLowerCase() as AttachmentKind;
  for (const v of u.searchParams.values()) {
    const q = EXT_RE.exec(v.split(/[/\\]/).pop() ?? '');
    if (q) return (q[1] as string).toLowerCase() as AttachmentKind;
  }
  return null;
}

/** The kind a Content-Type names, or null. */
export function kindOfContentType(type: string | null): AttachmentKind | null {
  if (!type) return null;
  return KIND_OF_TYPE[(type.split(';')[0] ?? '').trim().toLowerCase()] ?? null;
}

/** The file a pdf.js viewer URL shows (`…/web/viewer.html?file=…`), resolved against the viewer. */
export function viewerFile(src: URL): URL | null {
  if (!/\/viewer\.html?$/i.test(src.pathname)) return null;
  const file = src.searchParams.get('file') ?? new URLSearchParams(src.hash.slice(1)).get('file');
  return file ? absolute(file, src.href) : null;
}

/** Is this tab itself a PDF or Word file? By the content type the browser gives, else by its URL. */
export function tabDocument(url: string, contentType: string | null, title = ''): Attachment | null {
  const u = absolute(url, '');
  if (!u) return null;
  // a page served as HTML is a page, whatever its URL says
  const k =
    kindOfContentType(contentType) ??
    (contentType === null || !/html|xml|text\//i.test(contentType) ? kindOfUrl(u) : null);
  return k ? { url: u.href, kind: k, via: 'tab', name: title || fileName(u) } : null;
}

/** The report attachments of a page: the tab itself when it is a file, else its links and embeds. */
export function findAttachments(page: PageLinks): Attachment[] {
  const self = tabDocument(page.url, page.contentType, page.title);
  if (self) return [self];
  const out: Attachment[] = [];
  const seen = new Set<string>();
  const add = (a: Attachment) => {
    const key = a.url.replace(/#.*$/, '');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...a, url: key });
  };
  for (const e of page.embeds) {
    const u = absolute(e.src, page.url);
    if (!u) continue;
    const file = viewerFile(u);
    if (file) {
      add({ url: file.href, kind: kindOfUrl(file) ?? 'pdf', via: 'viewer', name: fileName(file) });
      continue;
    }
    const kind = kindOfContentType(e.type) ?? kindOfUrl(u);
    if (kind) add({ url: u.href, kind, via: 'embed', name: fileName(u) });
  }
  // a body that is only a pointer to its attachment: every document link is the report
  const onlyPointer = page.bodyText.length < 600 && SEE_ATTACHMENT_RE.test(page.bodyText);
  // the report's own page: a document listed as its attachment ("附件：P0202….pdf", "附件1") is its file
  const reportPage = NAMES_REPORT_RE.test(page.title) && !NOT_REPORT_RE.test(page.title);
  for (const l of page.links) {
    const u = absolute(l.href, page.url);
    if (!u) continue;
    const viewed = viewerFile(u);
    const target = viewed ?? u;
    const kind = kindOfUrl(target);
    if (!kind) continue;
    const name = l.text || l.title || fileName(target);
    const words = `${l.text} ${l.title} ${fileName(target)}`;
    const names = NAMES_REPORT_RE.test(words) && !NOT_REPORT_RE.test(words);
    const attached = reportPage && /^附件|附件[:：\d]/.test(`${l.text} ${l.context ?? ''}`);
    if (names || ((onlyPointer || attached) && !NOT_REPORT_RE.test(words)))
      add({ url: target.href, kind, via: viewed ? 'viewer' : 'link', name });
  }
  return out;
}

/** The extension's viewer address for an attachment (viewer.html?url=…&from=…&tab=…). */
export function viewerUrl(base: string, file: string, from: string | null, tabId: number | null): string {
  const q = new URLSearchParams({ url: file });
  if (from) q.set('from', from);
  if (tabId !== null) q.set('tab', String(tabId));
  return `${base}viewer.html?${q.toString()}`;
}
