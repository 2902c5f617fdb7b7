import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateRegistry } from '../../core/templates/registry.ts';
import { FormLabels } from '../grid/form-labels.ts';
import { LabelIndex } from './label-index.ts';

const cell = (text: string) => ({ row: 0, col: 0, rowSpan: 1, colSpan: 1, text, location: '', vrow: 0, source: '' });

test('the label index answers as the templates matchers do: whole labels, labels with a unit in brackets, values', () => {
  const registry = templateRegistry();
  for (const id of registry.ids()) {
    const template = registry.get(id)!;
    const labels = new FormLabels(template);
    const index = new LabelIndex(template);
    const spellings = [...Object.values(template.fieldLabels), ...template.columns.map((c) => c.title)].flatMap((l) => [l.zh, ...('aliases' in l ? l.aliases : [])]);
    const texts = [...spellings, ...spellings.map((s) => `${s}（万元）`), ...spellings.map((s) => `${s}：`), '上海市某区文化局', '45', '是', '得分(元)', ''];
    for (const text of texts) {
      const keys = index.matches(text);
      for (const key of [...Object.keys(template.fieldLabels), ...template.columns.map((c) => `column.${c.field}`)]) {
        assert.equal(keys.has(key), labels.match(key, text) !== undefined, `${id} ${key} ${text}`);
      }
      assert.equal(index.columnOf(keys), labels.columnOf(text), `${id} column of ${text}`);
      const isLabel = [...keys].some((k) => !['form.yes', 'form.no', 'form.notes'].includes(k));
      assert.equal(isLabel, labels.isLabel(cell(text)), `${id} label ${text}`);
    }
  }
});
