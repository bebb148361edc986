/**
 * Publication deadlines (DOMAIN.md §1): 条例 art. 49. Departments (incl. 开发区/管委会) by Y+1-01-31; a
 * government's region-wide report by Y+1-03-31; townships in practice 01-31 (warning), 03-31 (error).
 * Reports before 2019 (2007 regulation): 03-31 for everyone.
 */
import type { BodyKind, Ymd } from '../model/schema';

export interface Deadline {
  /** Past this date: a warning. */
  soft: Ymd;
  /** Past this date: an error. */
  hard: Ymd;
  basis: { zh: string; en: string };
}

/** The revised regulation (2019) applies from this report year on; before, the 2007 one. */
export const REGULATION_2019_FROM = 2019;

/** The last day any body may publish its report for `year`: 31 March of the next year. */
export function latestDeadline(year: number): Ymd {
  return { y: year + 1, m: 3, d: 31 };
}

export function deadlineFor(year: number, kind: BodyKind): Deadline {
  const jan31 = { y: year + 1, m: 1, d: 31 };
  const mar31 = latestDeadline(year);
  if (year < REGULATION_2019_FROM) {
    return {
      soft: mar31,
      hard: mar31,
      basis: {
        zh: '2007年《政府信息公开条例》第三十一条：每年3月31日前公布',
        en: '2007 Regulation art. 31: by 31 March',
      },
    };
  }
  switch (kind) {
    case 'department':
      return {
        soft: jan31,
        hard: jan31,
        basis: {
          zh: '《政府信息公开条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布本机关上一年度年报',
          en: 'Regulation art. 49: departments publish by 31 January',
        },
      };
    case 'government':
      return {
        soft: mar31,
        hard: mar31,
        basis: {
          zh: '《政府信息公开条例》第四十九条：县级以上地方人民政府的本级政府年报应于每年3月31日前公布',
          en: 'Regulation art. 49: a government’s region-wide report by 31 March',
        },
      };
    default:
      return {
        soft: jan31,
        hard: mar31,
        basis: {
          zh: '《政府信息公开条例》第四十九条；乡镇、街道参照部门于1月31日前公布（实践），最迟不晚于3月31日',
          en: 'Regulation art. 49; townships in practice by 31 January, at the latest by 31 March',
        },
      };
  }
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86400000);
}
