import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { layoutLines } from './layout-lines.ts';
import { layoutRows } from './layout-rows.ts';
import { joinWrappedLabels, type LabelFit } from './layout-wraps.ts';
import { joinOrphanValues } from './orphan-values.ts';

const LABELS = ['当年预算数（元）', '上年预算金额（元）', '预算执行数（元）', '项目资金（万元）', '其中：当年财政拨款'];
const fit = (text: string): LabelFit => (LABELS.includes(text) ? 'whole' : LABELS.some((l) => l.startsWith(text)) ? 'part' : undefined);
const isLabel = (text: string) => LABELS.includes(text);
const rowsOf = (text: string[]) => {
  const lines = joinWrappedLabels(layoutLines(text.join('\n')), fit);
  const rows = joinOrphanValues(layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text))), isLabel, () => false);
  return rows.map((r) => r.tokens.map((t) => t.text));
};

describe('a label wrapped around the line of its value', () => {
  test('stands on its middle line, and its row still reaches its first and last line', () => {
    // 当年预算数（ / 元） centred in a tall row, its amount centred too, 上年预算金额's set at the top.
    const rows = rowsOf([
      '                                                  4,170,397.33',
      '当年预算数（',
      '             7,070,000.00        上年预算金额（元）',
      '  元）',
      '',
      '预算执行数（元）    5,422,690.00',
    ]);
    assert.deepEqual(rows, [
      ['4,170,397.33', '当年预算数（元）', '7,070,000.00', '上年预算金额（元）'],
      ['预算执行数（元）', '5,422,690.00'],
    ]);
  });

  test('stays on its first line when the middle line goes on with text: another cell beside a heading over rows', () => {
    const lines = joinWrappedLabels(layoutLines(['项目资金（    其中：当年', '        财政拨款', ' 万元）'].join('\n')), fit);
    assert.deepEqual(lines.map((l) => l.tokens.map((t) => t.text)), [['项目资金（万元）', '其中：当年财政拨款'], [], []]);
  });
});

test('a whole label goes on with its unit in brackets below it, never with a value\'s bracketed last line (seed 9753, form 61)', () => {
  // 改进措施 centred on its text; the text's last line, （含12台）, three lines under it: the text's, not the label's.
  const brackets = (text: string): LabelFit => (/^改进措施([(（][^)）]*[)）])?$/u.test(text) ? 'whole' : undefined);
  const joined = (lines: string[]) => joinWrappedLabels(layoutLines(lines.join('\n')), brackets).flatMap((l) => l.tokens.map((t) => t.text));
  assert.deepEqual(joined(['改进措施', '     务质量和管理水平，确保资金使用安全', '     务点位8个/年，推进数字化转型', '     （含12台）']), ['改进措施', '务质量和管理水平，确保资金使用安全', '务点位8个/年，推进数字化转型', '（含12台）']);
  assert.deepEqual(joined(['改进措施', '（元）']), ['改进措施（元）']);
});
