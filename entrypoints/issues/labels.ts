/** The manager's labels for statuses and severities, through the same i18n strings as the other pages. */
import type { IssueStatus, ReviewStatus } from '@/lib/issues/model';
import type { Lang, Severity } from '@/lib/model/schema';
import { type MessageKey, SEVERITY_KEY, t } from '../shared/i18n';

export const STATUSES: IssueStatus[] = ['open', 'fixed', 'false-positive'];
export const REVIEWS: ReviewStatus[] = ['pending', 'reviewed', 'disputed'];
export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const STATUS_KEY: Record<IssueStatus, MessageKey> = {
  open: 'statusOpen',
  fixed: 'statusFixed',
  'false-positive': 'statusFalsePositive',
};
const REVIEW_KEY: Record<ReviewStatus, MessageKey> = {
  pending: 'reviewPending',
  reviewed: 'reviewReviewed',
  disputed: 'reviewDisputed',
};

export const statusLabel = (lang: Lang, s: IssueStatus) => t(lang, STATUS_KEY[s]);
export const reviewLabel = (lang: Lang, s: ReviewStatus) => t(lang, REVIEW_KEY[s]);
export const severityLabel = (lang: Lang, s: Severity) => t(lang, SEVERITY_KEY[s]);
