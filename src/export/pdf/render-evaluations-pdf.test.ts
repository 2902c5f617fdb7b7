import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { nationalEvaluation, seedEvaluations } from '../../../test/support/fixtures.ts';
import type { Evaluation, Indicator } from '../../core/model/evaluation.ts';
import { templateRegistry } from '../../core/templates/registry.ts';
import { pdffonts, pdfjsPages, popplerPages, RADICALS, squeeze, type PdfJsItem } from './pdf-readback.testing.ts';
import { findMissingCharacters, MissingCharactersError, renderEvaluationsPdf } from './render-evaluations-pdf.ts';
import { MARGIN, PAGE } from './page-layout.ts';
import { printedColumns } from '../../core/templates/template.ts';

/** A form draws its rows left to right, each cell's lines top to bottom: a row reads as this. */
function rowText(indicator: Indicator, fields: readonly string[]): string {
  return squeeze(fields.map((f) => (f === 'category' || f === 'subcategory' ? '' : String((indicator as Record<string, unknown>)[f] ?? ''))).join(''));
}

function columnFields(templateId: string): string[] {
  return printedColumns(templateRegistry().get(templateId)!).map((c) => c.field);
}

function pageOfPdfJs(items: PdfJsItem[]): string {
  return items.map((i) => i.str).join('');
}

describe('the seed exported', () => {
  let bytes: Uint8Array;
  let poppler: string[];
  let pdfjs: PdfJsItem[][];
  const seed = seedEvaluations();

  before(async () => {
    bytes = await renderEvaluationsPdf(seed);
    poppler = popplerPages(bytes);
    pdfjs = await pdfjsPages(bytes);
  });

  test('is a PDF with three forms, each starting on a new page with its title', () => {
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-');
    const titled = poppler.filter((p) => squeeze(p).startsWith('2021年度财政项目绩效自评价'));
    assert.equal(titled.length, 3);
    for (const evaluation of seed) assert.ok(titled.some((p) => squeeze(p).includes(squeeze(evaluation.project.name))), evaluation.project.name);
  });

  test('every indicator row (name, target, weight, rule, score) is in the text of pdftotext and of pdf.js', () => {
    const fields = columnFields('shanghai-2021');
    const popplerText = squeeze(poppler.join(''));
    const pdfjsText = squeeze(pdfjs.map(pageOfPdfJs).join(''));
    for (const evaluation of seed) {
      for (const indicator of evaluation.indicators) {
        assert.ok(popplerText.includes(rowText(indicator, fields)), `pdftotext: ${indicator.name}`);
        assert.ok(pdfjsText.includes(rowText(indicator, fields)), `pdf.js: ${indicator.name}`);
      }
    }
  });

  test('header values print as the form does: money with separators, rate, caption, date, grade, notes', () => {
    const first = squeeze(poppler[0]!);
    for (const expected of ['414,400.00', '960,000.00', '257,602.00', '62.16%', '产出指标(45分)', '效益指标(35分)', '预算单位上海市普陀区金融服务办公室']) {
      assert.ok(first.includes(expected), expected);
    }
    const all = squeeze(poppler.join(''));
    for (const expected of ['合计10095', '自评时间2022.3.2绩效等级优秀', '说明：1、依据本项目应实现的绩效目标', '主要问题2021年因疫情影响']) {
      assert.ok(all.includes(expected), expected);
    }
  });

  test('no CJK radical code point in either extraction', () => {
    assert.ok(!RADICALS.test(poppler.join('')));
    assert.ok(!RADICALS.test(pdfjs.map(pageOfPdfJs).join('')));
  });

  test('the font is embedded as a subset with a ToUnicode map, and it is the only font', () => {
    const fonts = pdffonts(bytes)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    assert.ok(fonts.length >= 1);
    for (const line of fonts) {
      assert.match(line, /^[A-Z]{6}\+NotoSansHans-(Regular|Bold)\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/u);
    }
  });

  test('every piece of text lies inside the page margins', () => {
    for (const page of pdfjs) {
      for (const item of page) {
        assert.ok(item.x >= MARGIN.left - 0.5 && item.x + item.width <= PAGE.width - MARGIN.right + 0.5, `${item.str} at x ${item.x}`);
        assert.ok(item.y >= MARGIN.bottom - 0.5 && item.y <= PAGE.height - MARGIN.top, `${item.str} at y ${item.y}`);
      }
    }
  });
});

describe('the national form exported', () => {
  test('prints the funding block, the goal block, merged 一级指标 and 总分, in 元 as the evaluation says', async () => {
    const evaluation = nationalEvaluation();
    const text = squeeze(popplerPages(await renderEvaluationsPdf([evaluation])).join(''));
    for (const expected of ['项目支出绩效自评表', '（2022年度）', '项目资金（元）', '年度资金总额250,000.00250,000.00215,457.601086.19%8.62', '其中：当年财政拨款', '预期目标实际完成情况', '总分10098.62']) {
      assert.ok(text.includes(expected), expected);
    }
    for (const indicator of evaluation.indicators) assert.ok(text.includes(rowText(indicator, columnFields('national-2020'))), indicator.name);
  });

  test('prints 万元 converted exactly when the evaluation was in 万元', async () => {
    const evaluation = nationalEvaluation();
    evaluation.project.amountUnit = '万元';
    const text = squeeze(popplerPages(await renderEvaluationsPdf([evaluation])).join(''));
    assert.ok(text.includes('项目资金（万元）'));
    assert.ok(text.includes('25.0025.0021.54576'), 'amounts in 万元');
  });

  test('English labels with --lang en', async () => {
    const text = squeeze(popplerPages(await renderEvaluationsPdf([nationalEvaluation()], { lang: 'en' })).join(''));
    assert.ok(text.includes('Projectexpenditureperformanceself-evaluation'));
    assert.ok(text.includes('Annualtarget'));
    assert.ok(!text.includes('三级指标'));
  });
});

/** A form with 60 indicators, long texts everywhere, and a 主要绩效 longer than a page. */
function longForm(): Evaluation {
  const evaluation = seedEvaluations()[0]!;
  const categories = ['output', 'effect', 'satisfaction'];
  evaluation.indicators = Array.from({ length: 60 }, (_, i) => ({
    category: categories[Math.floor(i / 20)]!,
    name: `第${i + 1}项指标：推进科技金融产业园建设与企业融资服务的综合成效`,
    target: i % 3 === 0 ? `》=${(i + 1) * 10}家` : `完成年度计划并按时报送第${i + 1}项工作的书面报告及案例`,
    weight: i % 2 === 0 ? 1.5 : 2,
    rule: `按第${i + 1}项指标的完成比例计分，完成年度目标的得满分，未完成的按比例扣分，最低为零分`,
    score: i % 2 === 0 ? 1.5 : 1.75,
    remark: i % 5 === 0 ? `第${i + 1}项因疫情影响部分活动延期举办，已在下一年度安排补办` : '',
  }));
  evaluation.achievements = Array.from({ length: 40 }, (_, i) => `第${i + 1}段：区域经济贡献度持续提升，科技金融产业存量企业持续增加，全年组织引导各街镇举办线下投资者宣传教育活动四十余场，参与群众四千八百余人。`).join('');
  return evaluation;
}

describe('a long form', () => {
  let poppler: string[];
  let pdfjs: PdfJsItem[][];
  const evaluation = longForm();

  before(async () => {
    const bytes = await renderEvaluationsPdf([evaluation]);
    poppler = popplerPages(bytes);
    pdfjs = await pdfjsPages(bytes);
  });

  test('spans several pages, each page of the indicator table opening with the column titles', () => {
    assert.ok(poppler.length >= 4, `${poppler.length} pages`);
    const titles = squeeze(printedColumns(templateRegistry().get('shanghai-2021')!).map((c) => c.title.zh).join(''));
    const tablePages = poppler.filter((p) => squeeze(p).includes(squeeze(evaluation.indicators[0]!.name)) || /第\d+项指标/u.test(p));
    assert.ok(tablePages.length >= 3, `${tablePages.length} table pages`);
    for (const page of tablePages) assert.ok(squeeze(page).includes(titles), 'column titles on every table page');
  });

  test('nothing is cut off: every row, and the whole 主要绩效 split across pages, reads back', () => {
    const fields = columnFields('shanghai-2021');
    const popplerText = squeeze(poppler.join(''));
    const pdfjsText = squeeze(pdfjs.map(pageOfPdfJs).join(''));
    for (const indicator of evaluation.indicators) {
      assert.ok(popplerText.includes(rowText(indicator, fields)), `pdftotext: ${indicator.name}`);
      assert.ok(pdfjsText.includes(rowText(indicator, fields)), `pdf.js: ${indicator.name}`);
    }
    // The label is printed again beside the part continued on the next page.
    const label = templateRegistry().get('shanghai-2021')!.fieldLabels.achievements!.zh;
    assert.ok(popplerText.replaceAll(label, '').includes(squeeze(evaluation.achievements!)), '主要绩效 whole');
    const achievementPages = poppler.filter((p) => p.includes('区域经济贡献度'));
    assert.ok(achievementPages.length >= 2, '主要绩效 continues on the next page');
  });

  test('every piece of text lies inside the page margins', () => {
    for (const page of pdfjs) {
      for (const item of page) {
        assert.ok(item.x >= MARGIN.left - 0.5 && item.x + item.width <= PAGE.width - MARGIN.right + 0.5, `${item.str} at x ${item.x}`);
        assert.ok(item.y >= MARGIN.bottom - 0.5 && item.y <= PAGE.height - MARGIN.top, `${item.str} at y ${item.y}`);
      }
    }
  });
});

describe('a character the font lacks', () => {
  test('is reported with where it occurs, and the export refuses to print a box', async () => {
    const evaluation = seedEvaluations()[1]!;
    evaluation.indicators[2]!.name = '𠀀字指标';
    evaluation.problems = '无𠀀';
    const missing = findMissingCharacters([seedEvaluations()[0]!, evaluation]);
    assert.deepEqual(missing, [{ char: '𠀀', codePoint: 'U+20000', where: ['evaluations[1].indicators[2].name', 'evaluations[1].problems'] }]);
    await assert.rejects(renderEvaluationsPdf([evaluation]), (error: unknown) => {
      assert.ok(error instanceof MissingCharactersError);
      assert.equal(error.missing[0]!.char, '𠀀');
      assert.match(error.message, /U\+20000/u);
      return true;
    });
  });

  test('the seed has none', () => {
    assert.deepEqual(findMissingCharacters([...seedEvaluations(), nationalEvaluation()]), []);
  });
});

describe('on worker threads', () => {
  test('the pages are the same as on one thread', async () => {
    const pool = [...seedEvaluations(), nationalEvaluation()];
    const forms = Array.from({ length: 40 }, (_, i) => {
      const evaluation = structuredClone(pool[i % pool.length]!);
      evaluation.project.name += `（${i + 1}）`;
      return evaluation;
    });
    const single = await renderEvaluationsPdf(forms, { threads: 0 });
    const parallel = await renderEvaluationsPdf(forms, { threads: 2 });
    assert.equal(parallel.byteLength, single.byteLength);
    assert.deepEqual(popplerPages(parallel), popplerPages(single));
    assert.equal(pdffonts(parallel), pdffonts(single));
  });

  test('a missing character is reported with where it occurs among all the forms', async () => {
    const forms = Array.from({ length: 40 }, () => seedEvaluations()[1]!);
    forms[37] = structuredClone(forms[37]!);
    forms[37].problems = '无𠀀';
    await assert.rejects(renderEvaluationsPdf(forms, { threads: 2 }), (error: unknown) => {
      assert.ok(error instanceof MissingCharactersError);
      assert.deepEqual(error.missing, [{ char: '𠀀', codePoint: 'U+20000', where: ['evaluations[37].problems'] }]);
      return true;
    });
  });
});
