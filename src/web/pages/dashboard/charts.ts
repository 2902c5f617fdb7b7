/** The dashboard's chart options, built from the API's numbers; pure so they can be tested. */
import { unitName, type Dashboard } from '../../api/types.ts';
import type { ChartOption } from './EChart.tsx';

const BLUE = '#1d4f91';

/**
 * Execution rate against score, one bubble per cell of the year's grid (its area grows with the
 * number of forms in it). A cell holding a form whose score exceeds its rate by more than 5 points
 * (the warning HIGH_SCORE_LOW_EXECUTION: seed form 1, 62.16 % / 95) is red.
 */
export function scatterOption(scatter: Dashboard['scatter'], words: { rate: string; score: string; forms: (count: number, odd: number) => string }): ChartOption {
  const { bin, cells } = scatter;
  const most = Math.max(1, ...cells.map((c) => c.count));
  const data = cells.map((c) => ({
    // The bubble sits in the middle of its cell.
    value: [c.rate + bin / 2, c.score + bin / 2, c.count],
    cell: c,
    itemStyle: { color: c.highScoreLowExecution > 0 ? '#cf1322' : BLUE, opacity: 0.75 },
  }));
  const range = (from: number) => `${from}–${from + bin}`;
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 24, bottom: 40 },
    tooltip: {
      formatter: (p: { data: { cell: Dashboard['scatter']['cells'][number] } }) =>
        `${words.rate} ${range(p.data.cell.rate)}%<br/>${words.score} ${range(p.data.cell.score)}<br/>${words.forms(p.data.cell.count, p.data.cell.highScoreLowExecution)}`,
    },
    xAxis: { name: words.rate, nameLocation: 'middle', nameGap: 26, min: 0, max: 100 + bin, axisLabel: { formatter: '{value}%' } },
    yAxis: { name: words.score, min: 0, max: 100 + bin },
    series: [
      {
        type: 'scatter',
        clip: false,
        // Area in proportion to the count: from 6 px for one form to 30 px for the fullest cell.
        symbolSize: (value: number[]) => 6 + 24 * Math.sqrt((value[2] ?? 1) / most),
        data,
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' }, data: [[{ coord: [0, 0] }, { coord: [100, 100] }]] },
      },
    ],
  };
}

export function gradeOption(byGrade: Dashboard['byGrade']): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: { formatter: '{b} {c}' }, data: byGrade.map((g) => ({ name: g.grade, value: g.count })) }],
  };
}

export function budgetOption(rows: Dashboard['budgetByUnit'], names: { budget: string; executed: string; unit: string }): ChartOption {
  const wan = (v: string | number) => Math.round(Number(v) / 100) / 100; // 元 → 万元, for the axis only
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: names.unit },
    yAxis: { type: 'category', data: rows.map((r) => unitName(r.unit)), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      { name: names.budget, type: 'bar', data: rows.map((r) => wan(r.budget)), itemStyle: { color: '#8fb3de' } },
      { name: names.executed, type: 'bar', data: rows.map((r) => wan(r.executed)), itemStyle: { color: BLUE } },
    ],
  };
}
