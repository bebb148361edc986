/**
 * The superseded 2019 format (国办公开办函〔2019〕60号, valid for the 2019 and 2020 reports only; DOMAIN.md §6):
 * the labels that tell it from the 2021 format. Its table 2 has a single （六）其他处理 row (T2_ROW_O in
 * tables.ts); its table 3 equals 2021's.
 */

export interface TemplateLabel {
  label: string;
  match: RegExp;
  /** A naming variant only (not a structural difference). */
  variant?: boolean;
}

/** The 2021 format applies from this report year on. */
export const FORMAT_2021_FROM = 2021;

/** Labels of the superseded 2019 format. */
export const LABELS_2019: TemplateLabel[] = [
  { label: '本年新制作数量', match: /^本年新制作数量$/ },
  { label: '本年新公开数量', match: /^本年新公开数量$/ },
  { label: '对外公开总数量', match: /^对外公开总数量$/ },
  { label: '上一年项目数量', match: /^上一年项目数量$/ },
  { label: '本年增/减', match: /^本年增[/／、]?减$/ },
  { label: '处理决定数量', match: /^处理决定数量$/ },
  { label: '其他对外管理服务事项', match: /^其他对外管理服务事项$/ },
  { label: '第二十条第（九）项', match: /^第二十条第（九）项$/ },
  { label: '政府集中采购', match: /^政府集中采购$/ },
  { label: '采购项目数量', match: /^采购项目数量$/ },
  { label: '采购总金额', match: /^采购总金额/ },
  { label: '规范性文件', match: /^规范性文件$/, variant: true },
];

/** Labels only the 2021 format has. */
export const LABELS_2021 = [/^本年制发件数$/, /^本年废止件数$/, /^现行有效件数$/, /^本年处理决定数量$/];
