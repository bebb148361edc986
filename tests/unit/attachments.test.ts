/** Attachment detection: links, embeds, pdf.js viewers and a tab showing a file (lib/detect/attachments.ts). */
import { describe, expect, it } from 'vitest';
import {
  collectPage,
  findAttachments,
  kindOfContentType,
  kindOfUrl,
  tabDocument,
  viewerUrl,
} from '../../lib/detect/attachments';
import { parse } from '../helpers';

const BASE = 'http://www.example.gov.cn/xxgk/ndbg/t20250120_1.html';

function page(body: string, title = '示例县2024年政府信息公开工作年度报告') {
  const p = collectPage(
    parse(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`),
  );
  return { ...p, url: BASE, contentType: 'text/html' };
}

describe('attachment detection', () => {
  it('finds PDF and Word links that name the report, resolved against the page', () => {
    const found = findAttachments(
      page(`<p>正文……</p>
        <a href="P020250120.pdf">示例县2024年政府信息公开工作年度报告.pdf</a>
        <a href="/files/nb2024.docx" title="2024年政府信息公开年报">下载</a>
        <a href="guide.pdf">政府信息公开指南</a>
        <a href="notice.pdf">关于开展检查的通知</a>
        <a href="jd.pdf">图解：2024年政府信息公开工作年度报告解读</a>
        <a href="/">首页</a>`),
    );
    expect(found).toEqual([
      {
        url: 'http://www.example.gov.cn/xxgk/ndbg/P020250120.pdf',
        kind: 'pdf',
        via: 'link',
        name: '示例县2024年政府信息公开工作年度报告.pdf',
      },
      { url: 'http://www.example.gov.cn/files/nb2024.docx', kind: 'docx', via: 'link', name: '下载' },
    ]);
  });

  it('a body that only says 详见附件 takes every document link, not other links', () => {
    const found = findAttachments(
      page(
        '<p>详见附件。</p><p>附件：<a href="./W020250120.wps">W020250120.wps</a> <a href="a.html">更多</a></p>',
      ),
    );
    expect(found).toEqual([
      {
        url: 'http://www.example.gov.cn/xxgk/ndbg/W020250120.wps',
        kind: 'wps',
        via: 'link',
        name: 'W020250120.wps',
      },
    ]);
    // the same link on a page with a full text of its own does not name the report: not taken
    const long = '本机关认真贯彻落实条例。'.repeat(80);
    expect(findAttachments(page(`<p>${long}</p><a href="./W020250120.wps">W020250120.wps</a>`))).toEqual([]);
  });

  it('on the report’s own page, a file listed as its attachment is taken whatever its name', () => {
    const body = `<p>${'本机关认真贯彻落实条例。'.repeat(80)}</p><p>附件：<a href="P020250120397.pdf">P020250120397.pdf</a></p>
      <div><a href="x.pdf">x.pdf</a></div><p>附件2：<a href="zn.pdf">政府信息公开指南</a></p>`;
    expect(findAttachments(page(body)).map((a) => a.url)).toEqual([
      'http://www.example.gov.cn/xxgk/ndbg/P020250120397.pdf',
    ]);
    // on a page that is not a report, an attachment that does not name the report is not taken
    expect(findAttachments(page(body, '关于开展政务公开检查的通知'))).toEqual([]);
  });

  it('embedded PDFs and pdf.js viewers give the file URL', () => {
    const found = findAttachments(
      page(`<iframe src="/generic2/web/viewer.html?file=/xxgk/ndbg/P0201.pdf"></iframe>
        <embed src="report2.pdf" type="application/pdf">
        <object data="/show?id=3" type="application/pdf"></object>
        <iframe src="https://map.example.com/widget.html"></iframe>`),
    );
    expect(found.map((a) => [a.url, a.kind, a.via])).toEqual([
      ['http://www.example.gov.cn/xxgk/ndbg/P0201.pdf', 'pdf', 'viewer'],
      ['http://www.example.gov.cn/xxgk/ndbg/report2.pdf', 'pdf', 'embed'],
      ['http://www.example.gov.cn/show?id=3', 'pdf', 'embed'],
    ]);
  });

  it('a link to a pdf.js viewer names its file; the same file twice is listed once', () => {
    const found = findAttachments(
      page(`<a href="/pdfjs/web/viewer.html?file=%2Ffiles%2Fnb.pdf">2024年政府信息公开工作年度报告（全真版）</a>
        <a href="/files/nb.pdf#page=1">政府信息公开工作年度报告</a>`),
    );
    expect(found).toEqual([
      {
        url: 'http://www.example.gov.cn/files/nb.pdf',
        kind: 'pdf',
        via: 'viewer',
        name: '2024年政府信息公开工作年度报告（全真版）',
      },
    ]);
  });

  it('a tab that is itself a file, by content type or URL; a page served as HTML is not', () => {
    expect(tabDocument('http://www.example.gov.cn/a/nb2024.pdf', 'application/pdf')).toMatchObject({
      kind: 'pdf',
      via: 'tab',
      name: 'nb2024.pdf',
    });
    expect(tabDocument('http://www.example.gov.cn/download.jsp?id=1', 'application/pdf')?.kind).toBe('pdf');
    expect(tabDocument('http://www.example.gov.cn/a/nb.docx', null)?.kind).toBe('docx');
    expect(tabDocument('http://www.example.gov.cn/a/nb.pdf', 'text/html')).toBeNull();
    expect(tabDocument('http://www.example.gov.cn/a/page.html', 'text/html')).toBeNull();
    expect(
      findAttachments({
        url: 'http://x.gov.cn/nb.pdf',
        contentType: 'application/pdf',
        title: '',
        bodyText: '',
        links: [],
        embeds: [],
      }),
    ).toEqual([{ url: 'http://x.gov.cn/nb.pdf', kind: 'pdf', via: 'tab', name: 'nb.pdf' }]);
  });

  it('kinds by URL and content type; bad input never throws', () => {
    expect(kindOfUrl('http://a.gov.cn/down.do?file=%E5%B9%B4%E6%8A%A5.DOC')).toBe('doc');
    expect(kindOfUrl('http://a.gov.cn/x.pdf.html')).toBeNull();
    expect(kindOfUrl('not a url')).toBeNull();
    expect(
      kindOfContentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document; x=1'),
    ).toBe('docx');
    expect(kindOfContentType(null)).toBeNull();
    expect(
      findAttachments(
        page(
          '<a href="javascript:void(0)">年度报告.pdf</a><a href="http://[bad">年度报告.pdf</a><embed src="">',
        ),
      ),
    ).toEqual([]);
  });

  it('viewer URLs carry the file, the page and the tab', () => {
    const u = new URL(
      viewerUrl('chrome-extension://id/', 'http://a.gov.cn/n b.pdf', 'http://a.gov.cn/p.html', 7),
    );
    expect(u.pathname).toBe('/viewer.html');
    expect(u.searchParams.get('url')).toBe('http://a.gov.cn/n b.pdf');
    expect(u.searchParams.get('from')).toBe('http://a.gov.cn/p.html');
    expect(u.searchParams.get('tab')).toBe('7');
  });
});
