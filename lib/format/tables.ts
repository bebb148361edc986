/**
 * The national format's three tables (国办公开办函〔2021〕30号; DOMAIN.md §3–§6): their names, the section
 * each stands in, and the row and column definitions with their label matchers. Cell keys are
 * `<table>:<row id>:<column id>` ("t2:new:total"). Matchers run on labelKey() text (no spaces, full-width
 * brackets, "1." numbering).
 */
import type { TableKind } from '../model/enums';

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
  en: string;
  match: RegExp;
}

// ---- The tables as a whole ----------------------------------------------------------------------------

/** In the order the report gives them. */
export const TABLE_KINDS: readonly TableKind[] = ['t1', 't2', 't3'];

export interface TableDef {
  /** The section (1..6) the table stands in. */
  section: number;
  /** Bare name: 表一 / Table 1. */
  name: { zh: string; en: string };
  /** Name with its topic in short, for findings: 表一（主动公开）. */
  short: { zh: string; en: string };
  /** Name with the format's own title of the topic: 表一（主动公开政府信息情况）; English in running text. */
  long: { zh: string; en: string };
}

export const TABLES: Record<TableKind, TableDef> = {
  t1: {
    section: 2,
    name: { zh: '表一', en: 'Table 1' },
    short: { zh: '表一（主动公开）', en: 'Table 1 (proactive disclosure)' },
    long: { zh: '表一（主动公开政府信息情况）', en: 'table 1 (proactive disclosure)' },
  },
  t2: {
    section: 3,
    name: { zh: '表二', en: 'Table 2' },
    short: { zh: '表二（依申请公开）', en: 'Table 2 (requests)' },
    long: { zh: '表二（收到和处理政府信息公开申请情况）', en: 'table 2 (requests)' },
  },
  t3: {
    section: 4,
    name: { zh: '表三', en: 'Table 3' },
    short: { zh: '表三（复议诉讼）', en: 'Table 3 (review and litigation)' },
    long: { zh: '表三（行政复议、行政诉讼情况）', en: 'table 3 (review and litigation)' },
  },
};

/** The table that stands in section n (2 → t1, 3 → t2, 4 → t3), if any. */
export function tableOfSection(n: number): TableKind | undefined {
  return TABLE_KINDS.find((k) => TABLES[k].section === n);
}

// ---- Table 1: 主动公开政府信息情况 ----------------------------------------------------------------------
// Columns are positional, v1…: for 规章 and 行政规范性文件 v1 本年制发件数, v2 本年废止件数, v3 现行有效件数;
// for 行政许可, 行政处罚, 行政强制 v1 本年处理决定数量; for 行政事业性收费 v1 本年收费金额（万元）. The 2019
// format had other columns (本年新制作数量, 本年新公开数量, 对外公开总数量, …), read in the same positions.

export const T1_ROWS: RowDef[] = [
  /** gz 规章: rules (第二十条第（一）项). */
  { id: 'gz', zh: '规章', match: /^规章$/ },
  /** gf 规范性文件: normative documents (2019: 规范性文件 without 行政). */
  { id: 'gf', zh: '行政规范性文件', match: /^(行政)?规范性文件$/ },
  /** xk 许可: licensing decisions (第二十条第（五）项). */
  { id: 'xk', zh: '行政许可', match: /^行政许可$/ },
  /** qt 其他: other external management and services (2019 format only). */
  { id: 'qt', zh: '其他对外管理服务事项', match: /^其他对外管理服务事项$/ },
  /** cf 处罚: penalties (第二十条第（六）项). */
  { id: 'cf', zh: '行政处罚', match: /^行政处罚$/ },
  /** qz 强制: coercive measures. */
  { id: 'qz', zh: '行政强制', match: /^行政强制$/ },
  /** fee 收费: administrative fees, in 万元 (第二十条第（八）项). */
  { id: 'fee', zh: '行政事业性收费', match: /^行政事业性收费$/ },
  /** cg 采购: government central procurement (2019 format only, 第二十条第（九）项). */
  { id: 'cg', zh: '政府集中采购', match: /^政府集中采购$/ },
];

// ---- Table 2: 收到和处理政府信息公开申请情况 --------------------------------------------------------------

/** The seven applicant columns. */
export const T2_COLUMNS: ColDef[] = [
  /** np natural persons. */
  { id: 'np', zh: '自然人', en: 'natural persons', match: /^自然人$/ },
  /** biz, sci, ngo, law, oth: the five kinds of 法人或其他组织 (legal persons and other organisations). */
  { id: 'biz', zh: '商业企业', en: 'businesses', match: /^商业企业$/ },
  { id: 'sci', zh: '科研机构', en: 'research bodies', match: /^科研机构$/ },
  { id: 'ngo', zh: '社会公益组织', en: 'public-interest bodies', match: /^社会公益组织$/ },
  { id: 'law', zh: '法律服务机构', en: 'legal-service bodies', match: /^法律服务机构$/ },
  { id: 'oth', zh: '其他', en: 'others', match: /^其他$/ },
  /** total 总计 = the six columns before it. */
  { id: 'total', zh: '总计', en: 'total', match: /^总计$/ },
];

/** The columns that add up to 总计. */
export const T2_PARTS = ['np', 'biz', 'sci', 'ngo', 'law', 'oth'] as const;

/** Group labels of 三、本年度办理结果: no figures of their own in the 2021 format. */
export const T2_GROUPS: RowDef[] = [
  /** g3 （三）不予公开: refused (its items n1–n8). */
  { id: 'g3', zh: '（三）不予公开', match: /不予公开/, group: true },
  /** g4 （四）无法提供: cannot be provided (u1–u3). */
  { id: 'g4', zh: '（四）无法提供', match: /无法提供/, group: true },
  /** g5 （五）不予处理: not handled (r1–r5). */
  { id: 'g5', zh: '（五）不予处理', match: /不予处理/, group: true },
  /** g6 （六）其他处理: other handling (o1–o3; one row "o" in 2019). */
  { id: 'g6', zh: '（六）其他处理', match: /其他处理/, group: true },
  { id: 'results', zh: '三、本年度办理结果', match: /本年度办理结果/, group: true },
];

/**
 * 2021 format, in order. Ids: new 一 received, carried 二 carried over from last year, open/partial （一）（二）
 * disclosed in full / in part, n1–n8 （三） not disclosed (n = 不予公开), u1–u3 （四） unavailable (u = 无法提供),
 * r1–r5 （五） not handled (r = rejected, 不予处理), o1–o3 （六） other handling, total （七）, forward 四 carried
 * forward to next year. The 2019 format has a single row 'o' instead of o1–o3.
 */
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

/** The 21 leaf rows that add up to （七）总计 (2021), and the 19 of the 2019 format (（六） as one row). */
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

// ---- Table 3: 行政复议、行政诉讼 -----------------------------------------------------------------------

/** The five result columns of each group: total 总计 = keep + fix + other + pending. */
export const T3_RESULTS = [
  /** keep 结果维持: decision upheld. */
  { id: 'keep', zh: '结果维持', en: 'upheld' },
  /** fix 结果纠正: decision corrected. */
  { id: 'fix', zh: '结果纠正', en: 'corrected' },
  { id: 'other', zh: '其他结果', en: 'other' },
  /** pending 尚未审结: not yet concluded. */
  { id: 'pending', zh: '尚未审结', en: 'pending' },
  { id: 'total', zh: '总计', en: 'total' },
] as const;

/** The three groups, left to right. */
export const T3_GROUPS = [
  /** rv 行政复议: administrative review. */
  { id: 'rv', zh: '行政复议', en: 'administrative review' },
  /** ld 未经复议直接起诉: litigation directly (l = 行政诉讼, d = direct). */
  { id: 'ld', zh: '行政诉讼·未经复议直接起诉', en: 'litigation without prior review' },
  /** lr 复议后起诉: litigation after review (r = review). */
  { id: 'lr', zh: '行政诉讼·复议后起诉', en: 'litigation after review' },
] as const;

/** The 15 value columns of the single data row ("data"): `<group>_<result>`, e.g. rv_total. */
export const T3_COLUMNS: ColDef[] = T3_GROUPS.flatMap((g) =>
  T3_RESULTS.map((r) => ({
    id: `${g.id}_${r.id}`,
    zh: `${g.zh}·${r.zh}`,
    en: `${g.en}, ${r.en}`,
    match: new RegExp(r.zh),
  })),
);
