/**
 * PDF producers often emit a CJK radical code point where the page shows the ideograph
 * (⽬ U+2F6C for 目, ⻔ U+2ED4 for 门). Text read from such a PDF must be folded back to the
 * unified ideographs before any label or value is compared or kept.
 *
 * Kangxi radicals (U+2F00–U+2FD5) have compatibility decompositions, so NFKC maps them; of the
 * CJK Radicals Supplement (U+2E80–U+2EFF) NFKC maps only ⺟ and ⻳. For the supplement the table
 * below follows Unicode's EquivalentUnifiedIdeograph.txt, for the radicals that stand for a whole
 * character in running text (mostly the simplified forms: 长 门 车 见 …). Component-only forms
 * (⺅ 亻, ⺡ 氵) are mapped too where Unicode names a unified equivalent; the rest are left alone.
 */
const SUPPLEMENT_EQUIVALENTS: Readonly<Record<string, string>> = {
  '⺁': '厂', '⺅': '亻', '⺊': '卜', '⺋': '㔾', '⺎': '兀', '⺐': '尢', '⺒': '巳',
  '⺓': '幺', '⺔': '彑', '⺖': '忄', '⺗': '㣺', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日',
  '⺝': '月', '⺞': '歺', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺦': '丬',
  '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺰': '纟',
  '⺲': '罒', '⺹': '耂', '⺺': '肀', '⺽': '臼', '⺾': '艹',
  '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角',
  '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅',
  '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '飠', '⻠': '饣', '⻢': '马', '⻣': '骨',
  '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉',
  '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀',
};

const RADICAL = /[\u2E80-\u2FDF]/gu;

/** The unified ideograph a radical code point stands for, or the code point itself. */
export function radicalToIdeograph(ch: string): string {
  const mapped = SUPPLEMENT_EQUIVALENTS[ch];
  if (mapped !== undefined) return mapped;
  const nfkc = ch.normalize('NFKC');
  return nfkc.length > 0 ? nfkc : ch;
}

/**
 * Extracted text with radicals folded to ideographs. Punctuation is kept as printed (full-width
 * ，：（） stay), since values are kept verbatim; comparisons use NFKC keys on top of this.
 */
export function normalizeExtractedText(s: string): string {
  return s.replace(RADICAL, radicalToIdeograph);
}
