/**
 * PDF fonts often map glyphs to the radical code points instead of the ideographs (Chromium's and Word's
 * PDFs with CJK fonts: "⽰例县⼈⺠政府" for "示例县人民政府"). Kangxi Radicals (U+2F00–2FD5) map back through
 * NFKC; the CJK Radicals Supplement (U+2E80–2EF3) has no such mapping: the forms that stand for a
 * character of their own are listed here.
 */
const SUPPLEMENT =
  '⺠民 ⻓长 ⻔门 ⻜飞 ⻢马 ⻚页 ⻋车 ⻅见 ⻛风 ⻉贝 ⻩黄 ⻘青 ⻝食 ⻦鸟 ⻥鱼 ⻰龙 ⻳龟 ⻄西 ⻆角 ⻗雨 ⻣骨 ⻤鬼 ⻬齐 ⻮齿 ⺮竹 ⺳网 ⺶羊 ⺷羊 ⺧牛 ⺫目 ⺌小 ⺍小 ⺟母 ⺝月 ⻊足 ⺢水 ⺩王 ⻁虎 ⻑長 ⻙韦 ⻟食';

const MAP = new Map<string, string>(SUPPLEMENT.split(' ').map((p) => [p[0] as string, p[1] as string]));
const RADICAL_RE = /[\u2e80-\u2fdf]/;

export function unifyRadicals(s: string): string {
  if (!RADICAL_RE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0x2f00 && c <= 0x2fdf) out += ch.normalize('NFKC');
    else out += MAP.get(ch) ?? ch;
  }
  return out;
}
