import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reporter } from './diagnostics.ts';
import { readFunding } from './funding-block.ts';
import { classified, national } from './test-support.ts';

const TABLE = `年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 25.00 25.00 21.545760 10 86.18% 8.62
其中：当年财政拨款 25.00 25.00 21.545760 — —
上年结转资金 — —`;

test('rows in 万元 stored in 元; the first row gives budget, execution and its score', () => {
  const funding = readFunding(classified(TABLE, national), national, '万元', reporter('f.txt', 0));
  assert.deepEqual(funding?.rows, [
    { source: '年度资金总额', initial: '250000.00', adjusted: '250000.00', executed: '215457.60' },
    { source: '当年财政拨款', initial: '250000.00', adjusted: '250000.00', executed: '215457.60' },
  ]);
  assert.deepEqual(funding?.values, {
    'project.budgetInitial': '250000.00',
    'project.budgetCurrentYear': '250000.00',
    'project.executed': '215457.60',
    'project.executionRate': '86.18',
    'execution.weight': 10,
    'execution.score': 8.62,
  });
});

test('an amount that cannot be read is reported', () => {
  const rep = reporter('f.txt', 0);
  readFunding(classified('年度资金总额 约25 25.00 21.00', national), national, '元', rep);
  assert.deepEqual(rep.diagnostics.map((d) => [d.code, d.path]), [['UNREADABLE_VALUE', 'evaluations[0].funding[0].initial']]);
});
