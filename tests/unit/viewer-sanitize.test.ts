/** The viewer's HTML rebuild (entrypoints/viewer/sanitize.ts): text and tables only, nothing that runs. */
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../entrypoints/viewer/sanitize';
import { auditDocument } from '../../lib/audit';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { parse } from '../helpers';

const blank = () => parse('<!doctype html><html><head></head><body></body></html>');

describe('viewer: documents rebuilt from text and tables only', () => {
  it('drops scripts, handlers, styles, links and unsafe pictures; keeps merges and data: pictures', () => {
    const dirty =
      parse(`<!doctype html><html><head></head><body><p onclick="alert(1)" style="color:red" class="x">一、总体情况<script>alert(2)</script></p>
      <table><tr><td rowspan="2" colspan="x" onmouseover="alert(3)">甲</td><td colspan="3">乙</td></tr></table>
      <a href="javascript:alert(4)">链接文字</a><iframe src="http://evil.example/"></iframe>
      <img src="javascript:alert(5)"><img src="data:image/png;base64,iVBORw0KGgo=" alt="表格图片">
      <svg><script>alert(6)</script></svg><style>body{display:none}</style></body></html>`);
    const clean = sanitize(dirty, blank()).body.innerHTML;
    expect(clean).not.toMatch(/script|onclick|onmouseover|style|class=|href|iframe|javascript|alert|svg/i);
    expect(clean).toContain('<td rowspan="2">甲</td><td colspan="3">乙</td>');
    expect(clean).toContain('链接文字');
    expect(clean).toMatch(
      /<img (src="data:image\/png;base64,iVBORw0KGgo=" alt="表格图片"|alt="表格图片" src="data:image\/png;base64,iVBORw0KGgo=")>/,
    );
    expect(clean.match(/<img/g)?.length).toBe(1);
  });

  it('keeps the head’s title and name/content metas as inert text (the reader takes the date from them)', () => {
    const dirty = parse(
      `<!doctype html><html><head><title>示例县2024年报</title><meta name="PubDate" content="2025-01-20 09:00">
      <meta http-equiv="refresh" content="0;url=javascript:alert(1)"><script>alert(2)</script>
      <link rel="stylesheet" href="http://evil.example/x.css"></head><body><p>正文</p></body></html>`,
    );
    const clean = sanitize(dirty, blank());
    expect(clean.title).toBe('示例县2024年报');
    expect(clean.querySelector('meta[name="PubDate"]')?.getAttribute('content')).toBe('2025-01-20 09:00');
    expect(clean.head.innerHTML).not.toMatch(/refresh|script|link|javascript/i);
  });

  it('a report rebuilt this way audits like its page: the same broken sum', () => {
    const html = reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] }, shape: 'plain' });
    const ids = (d: Document) =>
      auditDocument(d, null, { now: '2026-11-22' })
        .findings.filter((f) => f.category === 'sum')
        .map((f) => f.id);
    const before = ids(parse(html));
    expect(before).toContain('t2-row-total:t2:rowtotal:new');
    expect(ids(sanitize(parse(html), blank()))).toEqual(before);
  });
});
