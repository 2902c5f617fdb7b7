import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateRegistry } from '../../core/templates/registry.ts';
import { FormLabels } from '../grid/form-labels.ts';
import { LabelIndex } from './label-index.ts';
import { labelKey, labelVariants, splitBracket, unitOf } from './label-key.ts';

const cell = (text: string) => ({ row: 0, col: 0, rowSpan: 1, colSpan: 1, text, location: '', vrow: 0, source: '' });

/** The rule, label by label: the text's key is a spelling, or a spelling followed by a bracket. */
function printsLabel(text: string, variants: ReadonlySet<string>): boolean {
  const key = labelKey(text);
  if (key === '') return false;
  const parts = splitBracket(key);
  return variants.has(key) || (parts.bracket !== undefined && variants.has(parts.base));
}

test('the label index answers as matching every label in turn would: whole labels, labels with a unit in brackets, values', () => {
  const registry = templateRegistry();
  for (const id of registry.ids()) {
    const template = registry.get(id)!;
    const labels = FormLabels.of(template);
    const index = new LabelIndex(template);
    const all = [...Object.entries(template.fieldLabels), ...template.columns.map((c) => [`column.${c.field}`, c.title] as const)];
    const spellings = all.flatMap(([, l]) => [l.zh, ...('aliases' in l ? l.aliases : [])]);
    const texts = [...spellings, ...spellings.map((s) => `${s}（万元）`), ...spellings.map((s) => `${s}：`), '上海市某区文化局', '45', '是', '得分(元)', ''];
    for (const text of texts) {
      const keys = index.matches(text);
      for (const [key, label] of all) {
        const prints = printsLabel(text, labelVariants(label));
        assert.equal(keys.has(key), prints, `${id} ${key} ${text}`);
        assert.deepEqual(labels.match(key, text), prints ? { unit: unitOf(splitBracket(labelKey(text)).bracket) } : undefined, `${id} ${key} ${text}`);
      }
      assert.equal(labels.columnOf(text), index.columnOf(keys), `${id} column of ${text}`);
      const isLabel = all.some(([key, label]) => !['form.yes', 'form.no', 'form.notes'].includes(key) && printsLabel(text, labelVariants(label)));
      assert.equal(labels.isLabel(cell(text)), isLabel, `${id} label ${text}`);
    }
  }
});

test('a unit in brackets is read with the label: 当年预算数（万元）', () => {
  const labels = FormLabels.of(templateRegistry().get('shanghai-2021')!);
  assert.deepEqual(labels.match('project.budgetCurrentYear', '当年预算数（万元）'), { unit: '万元' });
  assert.deepEqual(labels.match('project.budgetCurrentYear', '当年预算数（元）：'), { unit: '元' });
  assert.deepEqual(labels.match('project.budgetCurrentYear', '当年预算数'), { unit: undefined });
  assert.equal(labels.match('project.budgetCurrentYear', '上年预算金额（万元）'), undefined);
  assert.equal(labels.match('project.budgetCurrentYear', '上海市某区文化局'), undefined);
});
