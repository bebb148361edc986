/**
 * Names for the issue list: the site's own name (网站名称), and the region (地区) a body's name starts with.
 * The site name is the same for every page of a host: the store keeps, per host, the best name seen
 * (SiteName meta over the name in the page's title over the bare host) and uses it for all its entries.
 */

/** Where a site name came from; a higher rank replaces a lower one for the whole host. */
export type SiteNameSource = 'meta' | 'title' | 'host';
export const SITE_RANK: Record<SiteNameSource, number> = { meta: 3, title: 2, host: 1 };

export interface SiteName {
  name: string;
  source: SiteNameSource;
}

const CJK = /[\u4e00-\u9fff]/;
const SEPARATORS = /\s*(?:[_｜|—–]|\s-\s|-{1,2}(?=[\u4e00-\u9fff]))\s*/;
const SITE_WORD =
  /(?:人民政府|政府|门户网站|网站|网|委员会|管委会|办公室|办事处|局|厅|委|中心|平台|公开)(?:门户网站|网站|门户)?$/;

/**
 * The site's own name in a page's title: its last part when it reads like a body's or a site's name
 * ("2024年度报告_山亭区人民政府" → 山亭区人民政府, "… - 沭阳县人民政府门户网站" → 沭阳县人民政府门户网站).
 * Null when the title has no such part: an unsure name is no name.
 */
export function siteNameFromTitle(docTitle: string, reportTitle = ''): string | null {
  const parts = docTitle
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1] ?? '';
  if (last === reportTitle.trim() || /年度报告|年报/.test(last)) return null;
  if (last.length < 3 || last.length > 30 || !CJK.test(last) || !SITE_WORD.test(last)) return null;
  return last;
}

/** The best name known for a page: the SiteName meta, else the name in its title, else its host. */
export function siteNameOf(meta: string, docTitle: string, reportTitle: string, host: string): SiteName {
  const m = meta.trim();
  if (m) return { name: m, source: 'meta' };
  const fromTitle = siteNameFromTitle(docTitle, reportTitle);
  if (fromTitle) return { name: fromTitle, source: 'title' };
  return { name: host, source: 'host' };
}

// one administrative unit: a name of 1–10 characters and its level; words that end in a level's character
// without being one (城乡, 社区, 小区, 市场…) are not units
const UNIT =
  /^([\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|新区|开发区|高新区|省|市|州|盟|县|区|旗|镇|乡))/;
const NOT_UNIT = /城乡|社区|小区|园区|片区|和|与|及|市场|城市/;

/**
 * 地区: the administrative units a body's name starts with ("枣庄市山亭区人民政府" → 枣庄市山亭区,
 * "示例县城关镇人民政府" → 示例县城关镇, "示例县市场监督管理局" → 示例县). '' when the name starts with none.
 */
export function regionOf(name: string | null | undefined): string {
  let rest = (name ?? '').trim();
  let out = '';
  for (;;) {
    const m = UNIT.exec(rest);
    const unit = m?.[1];
    if (!unit || NOT_UNIT.test(unit)) break;
    out += unit;
    rest = rest.slice(unit.length);
  }
  return out;
}
