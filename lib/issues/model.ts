/**
 * The inspector's issue list (问题清单): one entry per finding kept as evidence, across pages and restarts.
 */
import { z } from 'zod/mini';
import { Dismissal } from '../dismissals';
import { Category, Severity } from '../model/enums';

export const IssueStatus = z.enum(['open', 'fixed', 'false-positive']);
export type IssueStatus = z.infer<typeof IssueStatus>;

export const STATUS_ZH: Record<IssueStatus, string> = {
  open: '未整改',
  fixed: '已整改',
  'false-positive': '误报',
};

/** 复核状态: the reviewer's verdict on the finding itself, kept apart from the body's 整改状态. */
export const ReviewStatus = z.enum(['pending', 'reviewed', 'disputed']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const REVIEW_ZH: Record<ReviewStatus, string> = {
  pending: '待复核',
  reviewed: '已复核',
  disputed: '有异议',
};

/** A date as YYYY-MM-DD (整改时限). */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const RecheckResult = z.enum(['fixed', 'present']);
export type RecheckResult = z.infer<typeof RecheckResult>;

export const IssueEntry = z.object({
  /** 问题编号: stable, site-date-n ("www.example.gov.cn-20261122-3"). */
  id: z.string(),
  findingId: z.string(),
  ruleId: z.string(),
  category: Category,
  severity: Severity,
  /** 网站名称 */
  siteName: z.string(),
  /** 页面标题 */
  pageTitle: z.string(),
  /** 页面地址 */
  pageUrl: z.string(),
  agency: z.nullable(z.string()),
  reportYear: z.nullable(z.number()),
  /** 位置: 表 → 行 → 列, or section, or text */
  location: z.string(),
  /** 问题类型 (the rule's title) */
  type: z.string(),
  /** 问题描述, with the arithmetic */
  description: z.string(),
  /** 依据 */
  basis: z.string(),
  /** 整改建议 */
  fix: z.string(),
  /** 截图 file name, and the keys of the stored images (annotated, plain) */
  screenshot: z.nullable(z.string()),
  imageKeys: z.array(z.string()),
  /** 发现时间 (ISO) */
  foundAt: z.string(),
  /** 检查人 */
  inspector: z.string(),
  /** 整改状态 */
  status: IssueStatus,
  /** 复查结果 and its date */
  recheck: z.nullable(z.object({ result: RecheckResult, at: z.string() })),
  /** 备注 */
  note: z.string(),
  // Fields added later: entries stored before them load with these defaults.
  /** 地区 (from the reporting body's name, else the site's) */
  region: z._default(z.string(), ''),
  /** 栏目名称 (the column the page stands in) */
  columnName: z._default(z.nullable(z.string()), null),
  /** 复核状态 */
  review: z._default(ReviewStatus, 'pending'),
  /** 整改时限 (YYYY-MM-DD) */
  deadline: z._default(z.nullable(IsoDate), null),
  /** The quoted evidence: the arithmetic, or the words quoted from the page */
  evidence: z._default(z.string(), ''),
  /** 页面标注号: the finding's number on the page when it was added (「标注 6」), null when unknown. */
  mark: z._default(z.nullable(z.number()), null),
  /**
   * 页面判定: 误报 / 忽略 with its reason, as decided in the side panel for this page (carried in when the
   * entry is added, or when the decision is made after). A 误报 also sets 整改状态 to 误报.
   */
  verdict: z._default(z.nullable(Dismissal), null),
});
export type IssueEntry = z.output<typeof IssueEntry>;

export const IssueList = z.array(IssueEntry);

/** What a page contributes when findings are added. */
export interface PageInfo {
  url: string;
  title: string;
  /** <meta name="SiteName">, or '' */
  siteName: string;
  /** The document's title as the browser shows it (its tail often names the site: "…_山亭区人民政府"). */
  docTitle?: string;
  agency: string | null;
  reportYear: number | null;
  columnName?: string | null;
}
