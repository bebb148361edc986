/**
 * The national format's three tables (DOMAIN.md §3–§6): row and column definitions with label matchers.
 * Matchers run on labelKey() text (no spaces, full-width brackets, "1." numbering).
 */

export interface RowDef {
  id: string;
  zh: string;
  match: RegExp;
  /** Leaf rows of table 2's 三、本年度办理结果 add up to （七）总计. */
  leaf?: boolean;
  /** Group label (no figures of its own in the 2021 format). */
  group?: boolean;
}

export interface ColDef {
  id: string;
  zh: string;
  match: RegExp;
}

// ---- Table 2 ----------------------------------------------------------------------------------------

export const T2_COLUMNS: ColDef[] = [
  { id: 'np', zh: '自然人', match: /^自然人$/ },
  { id: 'biz', zh: '商业企业', match: /^商业企业$/ },
  { id: 'sci', zh: '科研机构', match: /^科研机构$/ },
  { id: 'ngo', zh: '社会公益组织', match: /^社会公益组织$/ },
  { id: 'law', zh: '法律服务机构', match: /^法律服务机构$/ },
  { id: 'oth', zh: '其他', match: /^其他$/ },
  { id: 'total', zh: '总计', match: /^总计$/ },
];

export const T2_PARTS = ['np', 'biz', 'sci', 'ngo', 'law', 'oth'] as const;

export const T2_GROUPS: RowDef[] = [
  { id: 'g3', zh: '（三）不予公开', match: /不予公开/, group: true },
  { id: 'g4', zh: '（四）无法提供', match: /无法提供/, group: true },
  { id: 'g5', zh: '（五）不予处理', match: /不予处理/, group: true },
  { id: 'g6', zh: '（六）其他处理', match: /其他处理/, group: true },
  { id: 'results', zh: '三、本年度办理结果', match: /本年度办理结果/, group: true },
];

/** 2021 format, in order. The 2019 format has a single row 'o' instead of o1–o3. */
export const T2_ROWS: RowDef[] = [
  { id: 'new', zh: '一、本年新收政府信息公开申请数量', match: /本年新收/ },
  { id: 'carried', zh: '二、上年结转政府信息公开申请数量', match: /上年结转/ },
  { id: 'open', zh: '（一）予以公开', match: /予以公开/, leaf: true },
  { id: 'partial', zh: '（二）部分公开', match: /部分公开/, leaf: true },
  { id: 'n1', zh: '（三）1.属于国家秘密', match: /国家秘密/, leaf: true },
  { id: 'n2', zh: '（三）2.其他法律行政法规禁止公开', match: /法律行政法规禁止/, leaf: true },
  { id: 'n3', zh: '（三）3.危及“三安全一稳定”', match: /三安全一稳定|危及/, leaf: true },
  { id: 'n4', zh: '（三）4.保护第三方合法权益', match: /第三方合法权益/, leaf: true },
  { id: 'n5', zh: '（三）5.属于三类内部事务信息', match: /三类内部事务/, leaf: true },
  { id: 'n6', zh: '（三）6.属于四类过程性信息', match: /四类过程性/, leaf: true },
  { id: 'n7', zh: '（三）7.属于行政执法案卷', match: /行政执法案卷/, leaf: true },
  { id: 'n8', zh: '（三）8.属于行政查询事项', match: /行政查询事项/, leaf: true },
  { id: 'u1', zh: '（四）1.本机关不掌握相关政府信息', match: /不掌握/, leaf: true },
  { id: 'u2', zh: '（四）2.没有现成信息需要另行制作', match: /另行制作|没有现成/, leaf: true },
  { id: 'u3', zh: '（四）3.补正后申请内容仍不明确', match: /仍不明确|补正后/, leaf: true },
  { id: 'r1', zh: '（五）1.信访举报投诉类申请', match: /信访|举报投诉/, leaf: true },
  { id: 'r2', zh: '（五）2.重复申请', match: /重复申请/, leaf: true },
  { id: 'r3', zh: '（五）3.要求提供公开出版物', match: /公开出版物/, leaf: true },
  { id: 'r4', zh: '（五）4.无正当理由大量反复申请', match: /大量反复/, leaf: true },
  { id: 'r5', zh: '（五）5.要求行政机关确认或重新出具已获取信息', match: /重新出具|确认或/, leaf: true },
  { id: 'o1', zh: '（六）1.申请人无正当理由逾期不补正…', match: /逾期不补正/, leaf: true },
  { id: 'o2', zh: '（六）2.申请人逾期未按收费通知要求缴纳费用…', match: /收费通知|缴纳费用/, leaf: true },
  { id: 'o3', zh: '（六）3.其他', match: /^(（?3）?\.?)?其他$/, leaf: true },
  { id: 'total', zh: '（七）总计', match: /总计/ },
  { id: 'forward', zh: '四、结转下年度继续办理', match: /结转下年度/ },
];

/** The 2019 format's single （六）其他处理 row. */
export const T2_ROW_O: RowDef = { id: 'o', zh: '（六）其他处理', match: /其他处理/, leaf: true };

export const T2_ROW_BY_ID: Record<string, RowDef> = Object.fromEntries(
  [...T2_ROWS, T2_ROW_O].map((r) => [r.id, r]),
);

export const T2_LEAVES_2021 = T2_ROWS.filter((r) => r.leaf).map((r) => r.id);
export const T2_LEAVES_2019 = [...T2_LEAVES_2021.filter((id) => !/^o\d$/.test(id)), 'o'];

/** Match a table-2 row label. `prev` is the previous matched row id (for the bare "3.其他" and "总计"). */
export function matchT2Row(label: string, prev: string | null): RowDef | null {
  for (const r of T2_ROWS) {
    if (!r.match.test(label)) continue;
    if (r.id === 'o3' && prev !== 'o1' && prev !== 'o2') continue;
    if (r.id === 'total' && (prev === null || prev === 'new' || prev === 'carried')) continue;
    // "其他法律行政法规禁止公开" must not be read as the bare 其他 row
    return r;
  }
  return null;
}

export function matchT2Group(label: string): RowDef | null {
  for (const g of T2_GROUPS) if (g.match.test(label)) return g;
  return null;
}

// ---- Table 3 ----------------------------------------------------------------------------------------

const RESULT_COLS = [
  ['keep', '结果维持'],
  ['fix', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

export const T3_GROUPS = [
  { id: 'rv', zh: '行政复议', en: 'administrative review' },
  { id: 'ld', zh: '行政诉讼·未经复议直接起诉', en: 'litigation without prior review' },
  { id: 'lr', zh: '行政诉讼·复议后起诉', en: 'litigation after review' },
] as const;

export const T3_COLUMNS: ColDef[] = T3_GROUPS.flatMap((g) =>
  RESULT_COLS.map(([id, zh]) => ({ id: `${g.id}_${id}`, zh: `${g.zh}·${zh}`, match: new RegExp(zh) })),
);

// ---- Table 1 ----------------------------------------------------------------------------------------

export const T1_ROWS: RowDef[] = [
  { id: 'gz', zh: '规章', match: /^规章$/ },
  { id: 'gf', zh: '行政规范性文件', match: /^(行政)?规范性文件$/ },
  { id: 'xk', zh: '行政许可', match: /^行政许可$/ },
  { id: 'qt', zh: '其他对外管理服务事项', match: /^其他对外管理服务事项$/ },
  { id: 'cf', zh: '行政处罚', match: /^行政处罚$/ },
  { id: 'qz', zh: '行政强制', match: /^行政强制$/ },
  { id: 'fee', zh: '行政事业性收费', match: /^行政事业性收费$/ },
  { id: 'cg', zh: '政府集中采购', match: /^政府集中采购$/ },
];

// ---- Template signals (DOMAIN.md §6) ------------------------------------------------------------------

export interface TemplateLabel {
  label: string;
  match: RegExp;
  /** A naming variant only (not a structural difference). */
  variant?: boolean;
}

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
