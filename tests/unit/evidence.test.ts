/**
 * Evidence geometry and captions (lib/evidence/), the markup's pixelation, and the page side of close-ups:
 * where a finding is (header rows + its row), the page's scrollbar hidden only while a capture runs.
 */
import { describe, expect, it } from 'vitest';
import { PageCapture, placeOf } from '../../entrypoints/shared/page-capture';
import { captionLines, layoutCaption, wrap } from '../../lib/evidence/caption';
import {
  CLOSE_UP_PAD,
  clampTo,
  groupCloseUps,
  headerRowCount,
  slicePlan,
  union,
} from '../../lib/evidence/geometry';
import { arrowHead, isEmpty, pixelate, spanned } from '../../lib/evidence/markup';
import type { Finding } from '../../lib/model/schema';
import { parse } from '../helpers';

const r = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });

describe('close-up geometry', () => {
  it('the header is the rows before the first row of figures', () => {
    expect(
      headerRowCount([
        ['本列数据的勾稽关系为：…', '申请人情况'],
        ['', '自然人', '法人或其他组织', '总计'],
        ['一、本年新收政府信息公开申请数量', '3', '０', '3'],
        ['二、上年结转', '/', '', ''],
      ]),
    ).toBe(2);
    expect(headerRowCount([['标签', '说明']])).toBe(0);
    expect(headerRowCount([['1', '2']])).toBe(0);
  });

  it('groups findings of a table into one close-up while it stays within the height; page findings apart', () => {
    const header = r(10, 100, 500, 40);
    const groups = groupCloseUps(
      [
        { id: 'a', table: 1, header, target: r(10, 300, 500, 20) },
        { id: 'p', table: null, header: null, target: null },
        { id: 'b', table: 1, header, target: r(10, 340, 500, 20) },
        { id: 'c', table: 1, header, target: r(10, 900, 500, 20) },
        { id: 't', table: null, header: null, target: r(20, 1500, 400, 60) },
        { id: 'q', table: null, header: null, target: null },
      ],
      500,
    );
    expect(groups.map((g) => g.ids)).toEqual([['a', 'b'], ['p', 'q'], ['c'], ['t']]);
    // header rows down to the last row, padded
    expect(groups[0]?.rect).toEqual(
      r(10 - CLOSE_UP_PAD, 100 - CLOSE_UP_PAD, 500 + 2 * CLOSE_UP_PAD, 260 + 2 * CLOSE_UP_PAD),
    );
    expect(groups[0]?.header).toEqual(header);
    expect(groups[1]?.rect).toBeNull();
    // a row far below still gets its header: the close-up is taller than the viewport (stitched)
    expect(groups[2]?.rect?.top).toBe(100 - CLOSE_UP_PAD);
    expect(groups[2]?.rect?.height).toBe(820 + 2 * CLOSE_UP_PAD);
    expect(groups[3]?.header).toBeNull();
  });

  it('slices a tall close-up into viewport-high parts that stitch without gaps, never past the page end', () => {
    const plan = slicePlan(r(0, 900, 800, 1500), 600, 2600);
    expect(plan.map((s) => s.destTop)).toEqual([0, 600, 1200]);
    expect(plan.reduce((n, s) => n + s.height, 0)).toBe(1500);
    expect(plan.map((s) => s.scrollY)).toEqual([900, 1500, 2000]); // the last cannot scroll to 2100
    expect(plan[2]).toEqual({ scrollY: 2000, srcTop: 100, height: 300, destTop: 1200 });
    expect(slicePlan(r(0, 50, 100, 100), 600, 3000)).toEqual([
      { scrollY: 50, srcTop: 0, height: 100, destTop: 0 },
    ]);
    expect(slicePlan(r(0, 5000, 100, 100), 600, 3000)).toEqual([]); // beyond the page
  });

  it('union and clamp', () => {
    expect(union(r(0, 0, 10, 10), r(5, 20, 10, 5))).toEqual(r(0, 0, 15, 25));
    expect(clampTo(r(-10, -5, 50, 50), 30, 40)).toEqual(r(0, 0, 30, 40));
  });
});

const finding = {
  id: 't2-row-total:t2:rowtotal:new',
  ruleId: 't2-row-total',
  category: 'sum',
  severity: 'error',
  title: { zh: '表二行合计不等', en: 'Table 2 row total does not add up' },
  message: { zh: '“一、本年新收”一行：总计 4 ≠ 3，差 1', en: 'Row: total 4 ≠ 3' },
  basis: { zh: '格式', en: 'format' },
  fix: { zh: '核对', en: 'check' },
  targets: [{ type: 'page' }],
  evidence: { formula: { zh: '总计 4 ≠ 自然人 3 + … = 3，差 1', en: 'total 4 ≠ 3' } },
} as unknown as Finding;

describe('caption strip', () => {
  it('says number, title, arithmetic, page, time and inspector', () => {
    const lines = captionLines({
      lang: 'zh',
      findings: [{ n: 3, finding }],
      url: 'http://www.example.gov.cn/ndbg/r1.html',
      when: new Date(2026, 10, 22, 10, 30, 5),
      inspector: '张三',
    });
    expect(lines.map((l) => l.text)).toEqual([
      '3. 表二行合计不等',
      '总计 4 ≠ 自然人 3 + … = 3，差 1',
      '页面：http://www.example.gov.cn/ndbg/r1.html',
      '截图时间：2026-11-22 10:30:05　检查人：张三',
    ]);
    expect(lines[0]?.style).toBe('title');
    const en = captionLines({
      lang: 'en',
      findings: [],
      url: 'u',
      when: new Date(2026, 0, 2),
      inspector: '',
    });
    expect(en.map((l) => l.text)).toEqual(['Page: u', 'Captured: 2026-01-02 00:00:00']);
    // a finding the page gave no number: no number is made up
    const unnumbered = captionLines({
      lang: 'zh',
      findings: [{ n: null, finding }],
      url: 'u',
      when: new Date(),
      inspector: '',
    });
    expect(unnumbered[0]?.text).toBe('表二行合计不等');
  });

  it('wraps by characters to the width and grows with its lines', () => {
    const measure = (s: string, size: number) => Array.from(s).length * size;
    expect(wrap('一二三四五六七', 30, (s) => s.length * 10)).toEqual(['一二三', '四五六', '七']);
    expect(wrap('', 30, (s) => s.length)).toEqual([]);
    expect(wrap('长', 1, (s) => s.length * 10)).toEqual(['长']); // never loops on a narrow strip
    const one = layoutCaption([{ text: '短', style: 'body' }], 400, measure);
    const many = layoutCaption([{ text: '长'.repeat(100), style: 'body' }], 400, measure);
    expect(many.lines.length).toBeGreaterThan(3);
    expect(many.height - one.height).toBe((many.lines.length - 1) * Math.ceil(13 * 1.4));
    for (const l of many.lines) expect(measure(l.text, l.size)).toBeLessThanOrEqual(400 - 20);
    expect(many.lines.map((l) => l.y)).toEqual([...many.lines.map((l) => l.y)].sort((a, b) => a - b));
  });
});

describe('markup', () => {
  it('pixelates only inside the rectangle, each block to its average', () => {
    const w = 8;
    const h = 4;
    const data = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) data.set(i % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255], i * 4);
    const before = data.slice();
    expect(pixelate(data, w, h, { x: 0, y: 0, w: 4, h: 4 }, 4)).toBe(16);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        if (x < 4) expect(data[i]).toBe(128);
        else expect(data[i]).toBe(before[i]);
      }
    expect(pixelate(data, w, h, { x: 20, y: 20, w: 5, h: 5 })).toBe(0);
  });

  it('shapes: spans, empty clicks, arrow heads', () => {
    expect(spanned({ x: 10.5, y: 20 }, { x: 2, y: 5.2 })).toEqual({ x: 2, y: 5, w: 9, h: 15 });
    expect(isEmpty({ kind: 'box', from: { x: 1, y: 1 }, to: { x: 2, y: 2 } })).toBe(true);
    expect(isEmpty({ kind: 'text', at: { x: 1, y: 1 }, text: '  ' })).toBe(true);
    expect(isEmpty({ kind: 'arrow', from: { x: 1, y: 1 }, to: { x: 40, y: 2 } })).toBe(false);
    const [a, b] = arrowHead({ x: 0, y: 0 }, { x: 100, y: 0 }, 10);
    expect(a.x).toBeLessThan(100);
    expect(b.x).toBeCloseTo(a.x);
    expect(a.y).toBeCloseTo(-b.y);
  });
});

describe('close-ups on the page', () => {
  const boxes = new Map<Element, DOMRect>();
  const fake = (el: Element, rect: ReturnType<typeof r>) => {
    const d = {
      ...rect,
      right: rect.left + rect.width,
      bottom: rect.top + rect.height,
      x: rect.left,
      y: rect.top,
    };
    boxes.set(el, d as DOMRect);
    (el as unknown as { getBoundingClientRect(): DOMRect }).getBoundingClientRect = () => d as DOMRect;
  };
  const doc = parse(`<html><body><table id="layout"><tr><td>
    <table id="t2"><tr><td>申请人情况</td></tr><tr><td>自然人</td><td>总计</td></tr>
    <tr><td>一、本年新收</td><td>3</td><td id="cell">4</td></tr></table></td></tr></table><p id="p">正文</p></body></html>`);
  const t2 = doc.getElementById('t2') as HTMLTableElement;
  fake(t2, r(20, 50, 600, 90));
  const rows = Array.from(t2.querySelectorAll('tr'));
  for (const [i, row] of rows.entries()) fake(row, r(20, 50 + i * 30, 600, 30));
  const cell = doc.getElementById('cell') as Element;
  fake(cell, r(500, 110, 120, 30));
  fake(doc.getElementById('p') as Element, r(20, 200, 600, 40));

  it('a cell: the table (its index on the page), header rows and the row across the table, in document pixels', () => {
    expect(placeOf('f', cell, doc, { x: 0, y: 1000 })).toEqual({
      id: 'f',
      table: 1,
      header: r(20, 1050, 600, 60),
      target: r(20, 1110, 600, 30),
    });
  });

  it('text in a layout table cell is not a table finding; a block taller than the window is cut around the words', () => {
    const layoutCell = doc.querySelector('#layout td') as Element;
    fake(layoutCell, r(0, 0, 800, 3000));
    expect(placeOf('w', layoutCell, doc, { x: 0, y: 0 }, { cell: false, words: null }, 800)).toEqual({
      id: 'w',
      table: null,
      header: null,
      target: r(0, 0, 800, 3000), // no words to cut around: the block
    });
    const cut = placeOf(
      'w',
      layoutCell,
      doc,
      { x: 0, y: 100 },
      { cell: false, words: r(40, 1500, 200, 20) },
      800,
    );
    expect(cut.target).toEqual(r(0, 1300 + 100, 800, 420));
    expect(cut.table).toBeNull();
  });

  it('a paragraph: its block; no anchor: page-level', () => {
    expect(placeOf('g', doc.getElementById('p'), doc, { x: 0, y: 0 })).toEqual({
      id: 'g',
      table: null,
      header: null,
      target: r(20, 200, 600, 40),
    });
    expect(placeOf('h', null, doc, { x: 0, y: 0 }).target).toBeNull();
  });

  it('hides the page scrollbar only during a capture, and puts the page’s own style back', () => {
    const page = parse('<html style="color: red"><body><p>x</p></body></html>');
    const win = {
      scrollX: 0,
      scrollY: 0,
      innerWidth: 800,
      innerHeight: 600,
      devicePixelRatio: 1,
      scrollTo() {},
    };
    const cap = new PageCapture(win, page, {
      keep: () => false,
      positionOf: () => 'static',
      nextFrame: async () => undefined,
      sleep: async () => undefined,
    });
    const html = page.documentElement;
    cap.hideScrollbar();
    cap.hideScrollbar(); // twice: still one saved value
    expect(html.style.getPropertyValue('scrollbar-width')).toBe('none');
    cap.showScrollbar();
    expect(html.style.getPropertyValue('scrollbar-width')).toBe('');
    expect(html.style.getPropertyValue('color')).toBe('red');
    const bare = parse('<html><body></body></html>');
    const cap2 = new PageCapture(win, bare, {
      keep: () => false,
      positionOf: () => 'static',
      nextFrame: async () => undefined,
      sleep: async () => undefined,
    });
    cap2.hideScrollbar();
    cap2.showScrollbar();
    expect(bare.documentElement.hasAttribute('style')).toBe(false);
  });
});
