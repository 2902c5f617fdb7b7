import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateRegistry } from '../../core/templates/registry.ts';
import { blocksOf, describeBlocks, inferCategories } from './categories.ts';

const shanghai = templateRegistry().get('shanghai-2021')!;
const blocks = blocksOf(shanghai, new Map());

test('weights filling 45 / 35 / 20 in order place every row', () => {
  const weights = [...Array<number>(15).fill(3), 9, 9, 9, 8, 5, 5, 5, 5];
  const r = inferCategories(weights, blocks);
  assert.equal(r.ok, true);
  assert.deepEqual(r.categories, [...Array<string>(15).fill('output'), ...Array<string>(4).fill('effect'), ...Array<string>(4).fill('satisfaction')]);
  assert.equal(describeBlocks(shanghai, r.blocks).en, 'rows 1–15 Output (45/45); rows 16–19 Effect (35/35); rows 20–23 Satisfaction (20/20)');
});

test('a row straddling a cap is not guessed', () => {
  const r = inferCategories([40, 10, 30, 20], blocks);
  assert.equal(r.ok, false);
  assert.deepEqual(r.categories, [null, null, null, null]);
  assert.equal(!r.ok && r.reason, 'overCap');
});

test('rows ending inside a block are placed but the inference is incomplete', () => {
  const r = inferCategories([45, 20], blocks);
  assert.equal(r.ok && r.complete, false);
  assert.deepEqual(r.categories, ['output', 'effect']);
});

test('printed caption points override the template caps', () => {
  const own = blocksOf(shanghai, new Map([['output', 50]]));
  assert.equal(own[0]!.points, 50);
});

test('a block of several categories leaves them open', () => {
  const r = inferCategories([40, 20, 20], [{ categories: ['output'], points: 40 }, { categories: ['effect', 'satisfaction'], points: 40 }]);
  assert.deepEqual(r.categories, ['output', null, null]);
});

test('weights with decimals land on the caps exactly (no float sums), and are described as printed', () => {
  const r = inferCategories([0.1, 0.2, 44.7, 17.45, 17.55, 20], blocks);
  assert.equal(r.ok && r.complete, true);
  assert.match(describeBlocks(shanghai, r.blocks).zh, /^第1–3项 [^(]+\(45\/45分\)；第4–5项 [^(]+\(35\/35分\)/u);
  const partial = inferCategories([44.5], blocks);
  assert.match(describeBlocks(shanghai, partial.blocks).en, /\(44\.5\/45\)$/u);
});
