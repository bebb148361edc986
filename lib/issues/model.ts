/**
 * The inspector's issue list (问题清单): one entry per finding kept as evidence, across pages and restarts.
 */
import { z } from 'zod/mini';
import { Category, Severity } from '../model/enums';

export const IssueStatus = z.enum(['open', 'fixed', 'false-positive']);
export type IssueStatus = z.infer<typeof IssueStatus>;

export const STATUS_ZH: Record<IssueStatus, string> = {
  open: '未整改',
  fixed: '已整改',
  'false-positive': '误报',
};

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
});
export type IssueEntry = z.infer<typeof IssueEntry>;

export const IssueList = z.array(IssueEntry);

/** What a page contributes when findings are added. */
export interface PageInfo {
  url: string;
  title: string;
  siteName: string;
  agency: string | null;
  reportYear: number | null;
}
