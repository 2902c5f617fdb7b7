/** The scatter's cells as the table's filter, its tooltip in people's words, the chosen cell ringed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellBounds, lastCell, scatterOption } from './charts.ts';

type Option = {
  series: { data: { itemStyle: { borderWidth?: number } }[] }[];
  tooltip: { formatter: (p: unknown, ticket?: string, callback?: (ticket: string, html: string) => void) => string };
};
const cells = [
  { rate: 62, score: 94, count: 1, highScoreLowExecution: 1 },
  { rate: 100, score: 100, count: 7, highScoreLowExecution: 0 },
];
const words = {
  rate: 'rate',
  score: 'score',
  forms: (count: number, odd: number) => `${count} forms, ${odd} odd`,
  cell: (c: { rate: number; score: number }) => ({ rate: `R${c.rate}`, score: `S${c.score}` }),
  click: 'click me',
};

test('a cell’s bounds for the table: its own width on both axes, the last one from 100 up', () => {
  assert.deepEqual(cellBounds({ rate: 40, score: 88 }, 2), { rateFrom: '40', rateTo: '42', scoreFrom: '88', scoreTo: '90' });
  assert.deepEqual(cellBounds({ rate: 100, score: 100 }, 2), { rateFrom: '100', rateTo: '102', scoreFrom: '100', scoreTo: '102' });
  assert.deepEqual([lastCell(98, 2), lastCell(100, 2), lastCell(95, 5), lastCell(100, 5)], [false, true, false, true]);
});

test('the tooltip: the ranges, the count, the odd ones and the click; the names of a cell of few forms, escaped', () => {
  const plain = scatterOption({ bin: 2, cells }, words) as unknown as Option;
  const [small, big] = plain.series[0]!.data;
  assert.equal(plain.tooltip.formatter({ data: small }), 'R62<br/>S94<br/>1 forms, 1 odd<br/>click me');
  const named = scatterOption({ bin: 2, cells }, { ...words, projects: () => ['金融业务费用', '<b>x</b>'] }) as unknown as Option;
  assert.equal(named.tooltip.formatter({ data: small }), 'R62<br/>S94<br/>1 forms, 1 odd<br/>click me<br/>· 金融业务费用<br/>· &#60;b&#62;x&#60;/b&#62;');
  assert.doesNotMatch(named.tooltip.formatter({ data: big }), /金融/u, 'more than five forms: no names');
});

test('names asked for arrive through the tooltip’s callback', async () => {
  const option = scatterOption({ bin: 2, cells }, { ...words, projects: () => Promise.resolve(['甲项目']) }) as unknown as Option;
  const later = new Promise<[string, string]>((resolve) => {
    const first = option.tooltip.formatter({ data: option.series[0]!.data[0] }, 'ticket-1', (ticket, html) => resolve([ticket, html]));
    assert.doesNotMatch(first, /甲项目/u);
  });
  const [ticket, html] = await later;
  assert.equal(ticket, 'ticket-1');
  assert.match(html, /· 甲项目$/u);
});

test('the chosen cell is ringed, the others not', () => {
  const option = scatterOption({ bin: 2, cells }, words, { rate: 100, score: 100 }) as unknown as Option;
  assert.deepEqual(option.series[0]!.data.map((d) => d.itemStyle.borderWidth ?? 0), [0, 2]);
});
