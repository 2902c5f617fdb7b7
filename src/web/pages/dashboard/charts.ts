/** The dashboard's chart options, built from the API's numbers; pure so they can be tested. */
import { unitName, type Dashboard } from '../../api/types.ts';
import type { ChartOption } from './EChart.tsx';

const BLUE = '#1d4f91';

/**
 * Execution rate against score, one bubble per cell of the year's grid (its area grows with the
 * number of forms in it). A cell holding a form whose score exceeds its rate by more than 5 points
 * (the warning HIGH_SCORE_LOW_EXECUTION: seed form 1, 62.16 % / 95) is red.
 */
export type ScatterCell = Dashboard['scatter']['cells'][number];

/** The words of the scatter; `cell` and `click`, when given, make the tooltip say the ranges as people read them and invite a click. */
export interface ScatterWords {
  rate: string;
  score: string;
  forms: (count: number, odd: number) => string;
  cell?: (cell: ScatterCell) => { rate: string; score: string };
  click?: string;
  /**
   * The project names of a cell of few forms (≤ FEW_FORMS), for the tooltip: known at once (an
   * array) or asked for (a promise: the tooltip shows the rest meanwhile and the names when they come).
   */
  projects?: (cell: ScatterCell) => readonly string[] | Promise<readonly string[]>;
}

/** A cell of this many forms or fewer names its projects in the tooltip. */
export const FEW_FORMS = 5;

const escapeHtml = (text: string) => text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/** The table's filter for a cell: its bounds on both axes (the last cell's upper bound is above 100: everything from 100 up). */
export function cellBounds(cell: { rate: number; score: number }, bin: number): { rateFrom: string; rateTo: string; scoreFrom: string; scoreTo: string } {
  return { rateFrom: String(cell.rate), rateTo: String(cell.rate + bin), scoreFrom: String(cell.score), scoreTo: String(cell.score + bin) };
}

/** Whether a cell's lower bound is the last one of its axis (100 with 2-wide cells): it holds everything above too. */
export const lastCell = (from: number, bin: number) => from >= Math.floor(100 / bin) * bin;

export function scatterOption(scatter: Dashboard['scatter'], words: ScatterWords, chosen?: { rate: number; score: number }): ChartOption {
  const { bin, cells } = scatter;
  const most = Math.max(1, ...cells.map((c) => c.count));
  const data = cells.map((c) => {
    const isChosen = chosen !== undefined && chosen.rate === c.rate && chosen.score === c.score;
    return {
      // The bubble sits in the middle of its cell.
      value: [c.rate + bin / 2, c.score + bin / 2, c.count],
      cell: c,
      // The cell whose forms the table shows is ringed.
      itemStyle: { color: c.highScoreLowExecution > 0 ? '#cf1322' : BLUE, opacity: isChosen ? 1 : 0.75, ...(isChosen ? { borderColor: '#000', borderWidth: 2 } : {}) },
    };
  });
  const range = (from: number) => `${from}–${from + bin}`;
  const tip = (cell: ScatterCell) => {
    const said = words.cell?.(cell);
    const lines = said ? [said.rate, said.score] : [`${words.rate} ${range(cell.rate)}%`, `${words.score} ${range(cell.score)}`];
    lines.push(words.forms(cell.count, cell.highScoreLowExecution));
    if (words.click) lines.push(words.click);
    return lines.join('<br/>');
  };
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 24, bottom: 40 },
    tooltip: {
      formatter: (p: { data: { cell: ScatterCell } }, ticket?: string, callback?: (ticket: string, html: string) => void) => {
        const cell = p.data.cell;
        const text = tip(cell);
        if (!words.projects || cell.count > FEW_FORMS) return text;
        const names = words.projects(cell);
        const withNames = (list: readonly string[]) => (list.length > 0 ? `${text}<br/>${list.map((n) => `· ${escapeHtml(n)}`).join('<br/>')}` : text);
        if (!(names instanceof Promise)) return withNames(names);
        void names.then((list) => ticket !== undefined && callback?.(ticket, withNames(list))).catch(() => undefined);
        return text;
      },
    },
    xAxis: { name: words.rate, nameLocation: 'middle', nameGap: 26, min: 0, max: 100 + bin, axisLabel: { formatter: '{value}%' } },
    yAxis: { name: words.score, min: 0, max: 100 + bin },
    series: [
      {
        type: 'scatter',
        clip: false,
        // A point opens its forms below (DashboardPage): the pointer says it can be clicked.
        cursor: 'pointer',
        // Area in proportion to the count: from 6 px for one form to 30 px for the fullest cell.
        symbolSize: (value: number[]) => 6 + 24 * Math.sqrt((value[2] ?? 1) / most),
        data,
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' }, data: [[{ coord: [0, 0] }, { coord: [100, 100] }]] },
      },
    ],
  };
}

export function gradeOption(byGrade: Dashboard['byGrade'], gradeName: (grade: string) => string = (g) => g): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: { formatter: '{b} {c}' }, data: byGrade.map((g) => ({ name: gradeName(g.grade), value: g.count })) }],
  };
}

export function budgetOption(rows: Dashboard['budgetByUnit'], names: { budget: string; executed: string; unit: string }): ChartOption {
  const wan = (v: string | number) => Math.round(Number(v) / 100) / 100; // 元 → 万元, for the axis only
  return {
    animation: false,
    // The unit (万元) under the axis, not after its end, where a phone's narrow chart cut it off.
    grid: { left: 8, right: 24, top: 32, bottom: 32, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: names.unit, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: rows.map((r) => unitName(r.unit)), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      { name: names.budget, type: 'bar', data: rows.map((r) => wan(r.budget)), itemStyle: { color: '#8fb3de' } },
      { name: names.executed, type: 'bar', data: rows.map((r) => wan(r.executed)), itemStyle: { color: BLUE } },
    ],
  };
}
