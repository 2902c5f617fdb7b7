import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutLines, type LayoutLine } from './layout-lines.ts';
import { layoutRows } from './layout-rows.ts';
import { joinAnswersToQuestions } from './orphan-values.ts';

const LABELS = new Set(['主要问题', '改进措施', '是否为经常性项目', '具体实施处（科室', '预算单位']);
const isLabel = (text: string) => LABELS.has(text);
const labelled = (l: LayoutLine) => l.tokens.some((t) => isLabel(t.text));
const TEXT = { isAnchor: labelled, isLabel };
const texts = (rows: ReturnType<typeof layoutRows>) => rows.map((r) => r.tokens.map((t) => t.text));

// 主要问题 and its one line set at the top of their row; 改进措施 in the middle of its row, its text at the top.
const SHORT_LINE = [
  '   主要问题',
  '              组织开展专项检查2次，实施进度滞后',
  '              推进数字化转型；提升治理效能，按照市区两级工作要求，资金拨付',
  '              规范，取得了较好的社会效益。',
  '   改进措施',
];

test('between two labels of text, a line shorter than the next ends its cell: the next line starts the row below', () => {
  const rows = layoutRows(layoutLines(SHORT_LINE.join('\n')), labelled, () => false, () => false, TEXT);
  assert.deepEqual(texts(rows), [
    ['主要问题', '组织开展专项检查2次，实施进度滞后'],
    ['推进数字化转型；提升治理效能，按照市区两级工作要求，资金拨付', '规范，取得了较好的社会效益。', '改进措施'],
  ]);
});

test('a label alone on its line, with its one-line text under it, keeps that line when the next label is alone too', () => {
  const lines = ['   主要问题', '             细化绩效目标，强化过程管理', '   改进措施', '             资金拨付率达到100%，组织开展专项检查2次', '             规范。'];
  const rows = layoutRows(layoutLines(lines.join('\n')), labelled, () => false, () => false, TEXT);
  assert.deepEqual(texts(rows), [
    ['主要问题', '细化绩效目标，强化过程管理'],
    ['改进措施', '资金拨付率达到100%，组织开展专项检查2次', '规范。'],
  ]);
});

test('blocks of one column parted by a blank line between two labels of text are two cells, one to each label', () => {
  const lines = [
    '    主要问题',
    '               受疫情影响部分活动取消，完成。',
    '',
    '               部分工作受客观因素影响推进较慢，预算执行进度有待提高',
    '               目实施，按期完成既定目',
    '',
    '    改进措施',
  ];
  const rows = layoutRows(layoutLines(lines.join('\n')), labelled, () => false, () => false, TEXT);
  assert.deepEqual(texts(rows), [
    ['主要问题', '受疫情影响部分活动取消，完成。'],
    ['部分工作受客观因素影响推进较慢，预算执行进度有待提高', '目实施，按期完成既定目', '改进措施'],
  ]);
});

test('rows anchored on figures (a table, which may hold a row with no anchor) are shared out as before', () => {
  const rows = layoutRows(layoutLines(SHORT_LINE.join('\n')), labelled);
  assert.deepEqual(texts(rows)[0], ['主要问题']);
});

const isQuestion = (question: string) => question === '是否为经常性项目';
const isAnswer = (text: string) => text === '是' || text === '否';

test('a 是/否 a line off its question, in the row of another label, joins the question', () => {
  const lines = [
    '                                                             是否为经常性项目',
    '具体实施处（科室',
    '                                                                                      是',
    '    ）',
  ];
  const rows = layoutRows(layoutLines(lines.join('\n')), labelled);
  assert.deepEqual(texts(rows), [['是否为经常性项目'], ['具体实施处（科室', '是', '）']]);
  assert.deepEqual(texts(joinAnswersToQuestions(rows, isQuestion, isAnswer, isLabel, () => false)), [['是否为经常性项目', '是'], ['具体实施处（科室', '）']]);
});

test('a 是/否 already right of its question, or with no question near to take it, stays', () => {
  const answered = layoutRows(layoutLines(['具体实施处（科室                     是否为经常性项目     否', '预算单位     是'].join('\n')), labelled);
  assert.deepEqual(texts(joinAnswersToQuestions(answered, isQuestion, isAnswer, isLabel, () => false)), texts(answered));
  // The question's slot already holds an answer: 是 stays with 预算单位 (read there, and checked there).
  const taken = layoutRows(layoutLines(['                         是否为经常性项目    否', '预算单位                                        是'].join('\n')), labelled);
  assert.deepEqual(texts(joinAnswersToQuestions(taken, isQuestion, isAnswer, isLabel, () => false)), texts(taken));
});

const isRateLabel = (question: string) => question === '预算执行率（%）';
const isRate = (text: string) => text.endsWith('%');

test('a rate printed between the lines of an amount\'s wrapped label joins 预算执行率 within reach, past the rows between (seed 16, form 89)', () => {
  const lines = layoutLines(
    ['                               28,546,280.00        预算执行率（%）', '', '预算执行数（元）', '                                                                                    75.80%'].join('\n'),
  );
  // The rows as the reader had them: the rate's label alone, the amount with the other label, the rate alone.
  const rowOf = (tokens: LayoutLine['tokens']) => {
    const at = [...new Set(tokens.map((t) => t.line))].map((i) => ({ ...lines[i]!, tokens: lines[i]!.tokens.filter((t) => tokens.includes(t)) }));
    return { anchor: at[0]!.index, lines: at, top: at[0]!.index, bottom: at.at(-1)!.index, tokens };
  };
  const [first, , third, fourth] = lines;
  const rows = [rowOf([first!.tokens[1]!]), rowOf([first!.tokens[0]!, ...third!.tokens]), rowOf(fourth!.tokens)];
  const labels = (text: string) => text === '预算执行率（%）' || text === '预算执行数（元）';
  assert.deepEqual(texts(joinAnswersToQuestions(rows, isRateLabel, isRate, labels, () => false)), [['预算执行率（%）', '75.80%'], ['28,546,280.00', '预算执行数（元）']]);
});
