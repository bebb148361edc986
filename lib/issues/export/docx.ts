/**
 * The issue list as a Word report (the `docx` package), since inspection reports are written in Word: a
 * cover (scope, sites, date, inspector), the summary by reporting body and severity, and the 问题清单 table
 * (grouped by report, header row repeated on every page) with the finding's close-up in its row. A4
 * landscape. Page text goes in as text runs: Word never reads it as markup.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type IssueEntry, REVIEW_ZH, STATUS_ZH } from '../model';
import {
  closeUpKey,
  formatTime,
  groupByReport,
  SEVERITY_ZH,
  scopeOf,
  summarize,
  verdictText,
} from './columns';

const SEVERITY_COLOUR = { error: 'D93025', warning: 'B06000', info: '1A73E8' } as const;
const FONT = 'Microsoft YaHei';
/** Widest close-up in the table, in pixels at 96 dpi (≈ 5.8 cm). */
const IMAGE_WIDTH = 220;
const IMAGE_MAX_HEIGHT = 180;

/** The pixel size of a PNG (its IHDR), or null for anything else. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

const text = (s: string, opts: { bold?: boolean; color?: string; size?: number } = {}) =>
  new TextRun({ text: s, font: FONT, ...opts });

function para(s: string, opts: { bold?: boolean; color?: string; size?: number } = {}): Paragraph {
  // a line break in page text stays a line break, never markup
  const lines = s.split(/\r\n?|\n/);
  return new Paragraph({
    children: lines.map((l, i) => new TextRun({ text: l, font: FONT, break: i > 0 ? 1 : 0, ...opts })),
  });
}

function cell(
  children: Paragraph[] | string,
  opts: { header?: boolean; span?: number; width?: number; fill?: string } = {},
): TableCell {
  const paras =
    typeof children === 'string' ? [para(children, { bold: opts.header === true, size: 18 })] : children;
  return new TableCell({
    children: paras,
    ...(opts.span ? { columnSpan: opts.span } : {}),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
  });
}

function coverTable(entries: IssueEntry[], now: Date): Table {
  const s = scopeOf(entries);
  const rows: Array<[string, string]> = [
    ['检查范围', `${s.reports} 份报告，${s.bodies} 个单位，共 ${s.entries} 条问题`],
    ...(s.regions.length ? [['地区', s.regions.join('、')] as [string, string]] : []),
    ['网站', s.sites.join('、') || '—'],
    ...(s.years.length ? [['报告年度', s.years.join('、')] as [string, string]] : []),
    ['导出日期', formatTime(now.toISOString())],
    ['检查人', s.inspectors.join('、') || '—'],
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [cell(k, { header: true, width: 15, fill: 'F1F3F4' }), cell(v, { width: 85 })],
        }),
    ),
  });
}

function summaryTable(entries: IssueEntry[]): Table {
  const rows = summarize(entries);
  const head = ['单位名称', '网站名称', '报告数', '错误', '警告', '提示', '合计'];
  const n = (x: number) => String(x);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: head.map((h) => cell(h, { header: true, fill: 'F1F3F4' })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: [
              r.body,
              r.sites.join('、'),
              n(r.reports),
              n(r.severity.error),
              n(r.severity.warning),
              n(r.severity.info),
              n(r.total),
            ].map((v) => cell(v)),
          }),
      ),
    ],
  });
}

export const ISSUE_HEADERS = [
  '序号',
  '位置',
  '问题类型',
  '严重程度',
  '问题描述与证据',
  '整改建议',
  '状态',
  '特写',
];

async function issueTable(
  entries: IssueEntry[],
  getImage: (key: string) => Promise<Blob | null>,
): Promise<Table> {
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: ISSUE_HEADERS.map((h) => cell(h, { header: true, fill: 'E8EAED' })),
    }),
  ];
  let n = 0;
  for (const g of groupByReport(entries)) {
    const title = [g.agency, g.reportYear ? `${g.reportYear} 年度` : '', g.title || g.url]
      .filter(Boolean)
      .join(' · ');
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              para(title, { bold: true, size: 18 }),
              para(`${g.siteName}　${g.url}`, { size: 16, color: '5F6368' }),
            ],
            {
              span: ISSUE_HEADERS.length,
              fill: 'F8F9FA',
            },
          ),
        ],
      }),
    );
    for (const e of g.entries) {
      n++;
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(
              [
                para(String(n), { size: 18 }),
                para(e.id, { size: 14, color: '5F6368' }),
                ...(e.mark === null ? [] : [para(`页面标注号 ${e.mark}`, { size: 14, color: '5F6368' })]),
              ],
              { width: 6 },
            ),
            cell(e.location, { width: 12 }),
            cell(e.type, { width: 10 }),
            cell(
              [para(SEVERITY_ZH[e.severity], { bold: true, size: 18, color: SEVERITY_COLOUR[e.severity] })],
              {
                width: 6,
              },
            ),
            cell(
              [
                para(e.description, { size: 18 }),
                ...(e.evidence && !e.description.includes(e.evidence)
                  ? [para(`证据：${e.evidence}`, { size: 16, color: '5F6368' })]
                  : []),
                ...(e.basis ? [para(`依据：${e.basis}`, { size: 16, color: '5F6368' })] : []),
              ],
              { width: 24 },
            ),
            cell(e.fix, { width: 14 }),
            cell(
              [
                para(STATUS_ZH[e.status], { size: 18 }),
                ...(e.deadline ? [para(`时限 ${e.deadline}`, { size: 16 })] : []),
                para(REVIEW_ZH[e.review], { size: 16, color: '5F6368' }),
                ...(e.verdict ? [para(`页面判定：${verdictText(e)}`, { size: 16 })] : []),
                ...(e.note ? [para(e.note, { size: 16 })] : []),
              ],
              { width: 8 },
            ),
            cell([await closeUp(e, getImage)], { width: 20 }),
          ],
        }),
      );
    }
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

async function closeUp(e: IssueEntry, getImage: (key: string) => Promise<Blob | null>): Promise<Paragraph> {
  const key = closeUpKey(e);
  const blob = key ? await getImage(key).catch(() => null) : null;
  const bytes = blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  const size = bytes ? pngSize(bytes) : null;
  if (!bytes || !size) return para('—', { size: 18, color: '5F6368' });
  let width = Math.min(IMAGE_WIDTH, size.width);
  let height = Math.round((size.height * width) / size.width);
  if (height > IMAGE_MAX_HEIGHT) {
    height = IMAGE_MAX_HEIGHT;
    width = Math.round((size.width * height) / size.height);
  }
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: bytes,
        transformation: { width, height },
        altText: { name: e.id, title: e.type, description: e.location },
      }),
    ],
  });
}

export async function toDocx(
  entries: IssueEntry[],
  getImage: (key: string) => Promise<Blob | null>,
  now: Date = new Date(),
): Promise<Blob> {
  const doc = new Document({
    creator: '年报巡检 NianBao Inspector',
    title: '问题清单',
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 850, bottom: 850, left: 720, right: 720 },
          },
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [text('政府信息公开工作年度报告检查问题清单', { bold: true, size: 36 })],
          }),
          coverTable(entries, now),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('问题汇总', { bold: true })] }),
          summaryTable(entries),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('问题清单', { bold: true })] }),
          await issueTable(entries, getImage),
        ],
      },
    ],
  });
  const buf = await Packer.toArrayBuffer(doc);
  return new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
