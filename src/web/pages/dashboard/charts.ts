/** The dashboard's chart options, built from the API's numbers; pure so they can be tested. */
import { unitName, type Dashboard } from '../../api/types.ts';
import type { ChartOption } from './EChart.tsx';

const BLUE = '#1d4f91';

/** Execution rate against score: a high score on a low rate (seed form 1: 62.16 % / 95) stands out. */
export function scatterOption(points: Dashboard['points'], axis: { rate: string; score: string }): ChartOption {
  const data = points
    .filter((p) => p.executionRate !== null && p.score !== null)
    .map((p) => {
      const rate = Number(p.executionRate);
      const score = Number(p.score);
      // The warning of HIGH_SCORE_LOW_EXECUTION: score share above the rate by more than 5 points.
      const odd = score - rate > 5;
      return { value: [rate, score], name: p.project, unit: unitName(p.unit), itemStyle: { color: odd ? '#cf1322' : BLUE } };
    });
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 24, bottom: 40 },
    tooltip: { formatter: (p: { data: { name: string; unit: string; value: number[] } }) => `${p.data.name}<br/>${p.data.unit}<br/>${axis.rate} ${p.data.value[0]}% · ${axis.score} ${p.data.value[1]}` },
    xAxis: { name: axis.rate, nameLocation: 'middle', nameGap: 26, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { name: axis.score, min: 0, max: 100 },
    series: [{ type: 'scatter', symbolSize: 12, clip: false, data, markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' }, data: [[{ coord: [0, 0] }, { coord: [100, 100] }]] } }],
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
