import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { withoutWhiteSpace } from '../../../test/support/compare.ts';
import { validateEvaluation } from '../../core/model/validate.ts';
import { catalogKeys } from '../../core/locale/messages.ts';
import type { FileImport } from '../import-result.ts';
import { readTextForms } from './read-text-forms.ts';

const SEED = new URL('../../../test/fixtures/seed/000_876b01381dae6b1b.txt', import.meta.url);
const FIXTURE = new URL('../../../demo/seed-2021-putuo.json', import.meta.url);

const read = (text: string | Uint8Array, file = 'form.txt'): Promise<FileImport> =>
  readTextForms({ file, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });

const codes = (r: FileImport) => r.diagnostics.map((d) => d.code);

describe('the seed', async () => {
  const result = await read(readFileSync(SEED), 'seed.txt');
  const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')).evaluations as unknown[];

  test('gives the three forms of the fixture, field by field', () => {
    assert.equal(result.forms.length, 3);
    result.forms.forEach((form, i) => assert.deepEqual(withoutWhiteSpace(form.evaluation), withoutWhiteSpace(expected[i]), `form ${i + 1}`));
  });

  test('every form is valid in the interchange format', () => {
    for (const form of result.forms) assert.equal(validateEvaluation(form.evaluation).ok, true);
  });

  test('says that categories were inferred, and nothing else', () => {
    assert.deepEqual(codes(result), ['CATEGORY_INFERRED', 'CATEGORY_INFERRED', 'CATEGORY_INFERRED']);
    assert.deepEqual(result.diagnostics.map((d) => d.path), ['evaluations[0].indicators', 'evaluations[1].indicators', 'evaluations[2].indicators']);
  });

  test('knows where each field came from', () => {
    const [first] = result.forms;
    assert.equal(first!.locations['totals.score'], 'line 192');
    assert.equal(first!.locations['project.name'], 'line 77');
    assert.equal(first!.locations['project.budgetPreviousYear'], 'line 80');
    assert.equal(first!.locations['indicators[3].weight'], 'line 15');
    assert.equal(first!.locations['indicators[3].score'], 'line 19');
    assert.equal(first!.start, 'line 2');
  });

  test('keeps paragraph breaks inside a narrative', () => {
    assert.match(result.forms[1]!.evaluation.annualGoal!, /水平。\n防范风险/u);
  });

  test('has a message for every diagnostic key in both languages', () => {
    for (const d of result.diagnostics) assert.ok(catalogKeys('zh').includes(d.message.key) && catalogKeys('en').includes(d.message.key), d.message.key);
  });
});

describe('not a form', () => {
  test('binary garbage is NOT_TEXT, never a throw', async () => {
    const r = await read(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x00, 0x13]));
    assert.deepEqual(codes(r), ['NOT_TEXT']);
    assert.equal(r.forms.length, 0);
  });

  test('text without a form is NOT_A_FORM', async () => {
    const r = await read('会议纪要\n今天讨论了预算。\n');
    assert.deepEqual(codes(r), ['NOT_A_FORM']);
  });

  test('an empty file is NOT_A_FORM', async () => {
    assert.deepEqual(codes(await read('')), ['NOT_A_FORM']);
  });

  test('an unknown forced template is reported', async () => {
    const r = await readTextForms({ file: 'x.txt', bytes: readFileSync(SEED), templateId: 'nowhere-1999' });
    assert.deepEqual(codes(r), ['UNKNOWN_TEMPLATE']);
  });
});

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('variants of the layout', () => {
  test('another project, other indicators wrapped otherwise, blank department, 否, one-line narratives', async () => {
    const r = await read(fixture('variant-rewrapped-2022.txt'));
    const expected = JSON.parse(fixture('variant-rewrapped-2022.json').toString('utf8')).evaluations;
    assert.deepEqual(r.forms.map((f) => f.evaluation), expected);
    assert.deepEqual(codes(r), ['CATEGORY_INFERRED']);
    assert.equal(r.forms[0]!.evaluation.indicators[1]!.remark, '疫情期间暂停堂食');
  });

  test('the same text with a BOM and CRLF, or as UTF-16, reads the same', async () => {
    const text = fixture('variant-rewrapped-2022.txt').toString('utf8');
    const crlf = await read(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.replace(/\n/gu, '\r\n'))]));
    const utf16 = await read(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]));
    const plain = await read(text);
    assert.deepEqual(crlf.forms.map((f) => f.evaluation), plain.forms.map((f) => f.evaluation));
    assert.deepEqual(utf16.forms.map((f) => f.evaluation), plain.forms.map((f) => f.evaluation));
  });

  test('CJK radicals from the PDF producer read as ideographs', async () => {
    const text = fixture('variant-rewrapped-2022.txt').toString('utf8').replace('项目名称', '项⽬名称').replace('社区养老', '社区养⽼');
    const r = await read(text);
    assert.equal(r.forms[0]!.evaluation.project.name, '社区养老服务补贴');
  });

  test('a truncated file: the rows up to the cut, what is missing said', async () => {
    const r = await read(fixture('seed-truncated.txt'));
    assert.equal(r.forms.length, 1);
    const form = r.forms[0]!.evaluation;
    assert.equal(form.indicators.length, 20);
    assert.deepEqual(form.indicators[19], { category: 'satisfaction', name: '金洽会组织收益', target: '获金洽会组委会优秀组织奖', weight: 5, rule: '获金洽会组委会优秀组织奖，', remark: '' });
    assert.equal(form.totals, undefined);
    assert.deepEqual(codes(r), ['FIELD_NOT_FOUND', 'ROW_INCOMPLETE', 'CATEGORY_INFERRED', 'CATEGORY_INCOMPLETE']);
    assert.equal(r.diagnostics[0]!.path, 'evaluations[0].totals.score');
    assert.equal(r.diagnostics[1]!.location, 'line 160');
  });

  test('weights that do not split along the caps are reported, not guessed', async () => {
    const text = fixture('variant-rewrapped-2022.txt').toString('utf8').replace('改造成本\n不超过预算批复金额\n\n10 成本', '改造成本\n不超过预算批复金额\n\n15 成本').replace('老年人生活质量提升 明显提升 15', '老年人生活质量提升 明显提升 10');
    const r = await read(text);
    const categories = r.forms[0]!.evaluation.indicators.map((x) => x.category);
    assert.deepEqual(categories, Array<undefined>(9).fill(undefined));
    assert.deepEqual(codes(r), ['CATEGORY_NOT_INFERRED']);
    assert.equal(r.diagnostics[0]!.message.key, 'text.categoryNotInferred.overCap');
  });

  test('a file of no form between forms still splits: seed forms 3, 1 in another order', async () => {
    const seed = readFileSync(SEED, 'utf8').split('\n');
    const text = [...seed.slice(354), ...seed.slice(0, 204)].join('\n');
    const r = await read(text);
    assert.deepEqual(r.forms.map((f) => f.evaluation.project.name), ['金融服务费用', '金融业务费用']);
    assert.deepEqual(codes(r), ['CATEGORY_INFERRED', 'CATEGORY_INFERRED']);
  });
});

describe('the national layout (项目支出绩效自评表)', () => {
  test('reads project, funding table, goal columns, indicators with subcategories and the total', async () => {
    const r = await read(fixture('national-2022-sports.txt'));
    const real = JSON.parse(readFileSync(new URL('../../../test/fixtures/real-2022-putuo-sports.json', import.meta.url), 'utf8')).evaluations[0];
    const { grade, ...printed } = real;
    assert.equal(grade, '优');
    assert.deepEqual({ ...r.forms[0]!.evaluation, funding: r.forms[0]!.evaluation.funding!.slice(0, 1) }, printed);
    // The national form prints no grade.
    assert.deepEqual(codes(r), ['FIELD_NOT_FOUND']);
  });
});

describe('bounded time', () => {
  test('10 MB of text finishes', async () => {
    const seed = readFileSync(SEED, 'utf8');
    const noise = '普会贷 3 满分 》=5笔 受理企业融资需求满50家，得\n\n'.repeat(2000);
    let text = '';
    while (text.length * 3 < 10_000_000) text += seed + noise;
    const r = await read(text);
    assert.ok(r.forms.length > 10);
  });
});
