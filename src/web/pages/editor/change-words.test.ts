/** The audit log's and the version diff's words: names and Chinese values, never ids or codes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format } from '../../../core/locale/messages.ts';
import { templateRegistry } from '../../../core/templates/registry.ts';
import type { FieldChange } from '../../api/types.ts';
import { translate, type Lang } from '../../locale/i18n.tsx';
import { changeField, changeValue, shownChanges } from './change-words.ts';

const words = (lang: Lang) => ({
  lang,
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params),
  label: (l: { zh: string; en: string }) => l[lang],
  word: (key: string) => format(key, {}, lang),
});
const zh = words('zh');
const en = words('en');
const shanghai = templateRegistry().get('shanghai-2021')!;
const national = templateRegistry().get('national-2020')!;
const both = (c: FieldChange, w = zh, template = shanghai) => `${changeField(c, template, w)}：${changeValue(c, 'from', w, template)} → ${changeValue(c, 'to', w, template)}`;

test('statuses as words, not codes', () => {
  assert.equal(both({ path: 'status', from: 'draft', to: 'submitted' }), '状态：草稿 → 已提交');
  assert.equal(both({ path: 'status', from: 'draft', to: 'submitted' }, en), `${translate('en', 'list.col.status')}：${translate('en', 'status.draft')} → ${translate('en', 'status.submitted')}`);
  assert.doesNotMatch(both({ path: 'status', from: 'draft', to: 'submitted' }, en), /draft|submitted/u);
});

test('an indicator’s field is named by the indicator; its level and category as words', () => {
  const score: FieldChange = { path: 'indicators[2].score', from: 9, to: null, indicator: { index: 2, name: '宣传场次' } };
  assert.equal(both(score), '宣传场次 · 自评分：9 → 空');
  assert.equal(changeValue({ path: 'indicators[0].level', from: null, to: 'partial' }, 'to', zh), '部分达成');
  assert.equal(changeValue({ path: 'indicators[0].category', from: null, to: 'output' }, 'to', zh, shanghai), '产出指标');
  assert.doesNotMatch(changeField({ path: 'indicators[4].weight', from: 1, to: 2 }, shanghai, zh), /indicators/u);
});

test('the template by its name, yes/no as 是/否, deletion as words, grades in the UI language', () => {
  assert.equal(changeValue({ path: 'template', from: null, to: 'national-2020' }, 'to', zh), national.name.zh);
  assert.equal(changeField({ path: 'template', from: null, to: 'x' }, shanghai, zh), '表样');
  assert.equal(changeValue({ path: 'project.recurring', from: true, to: false }, 'from', zh), '是');
  assert.equal(changeValue({ path: 'project.recurring', from: true, to: false }, 'to', zh), '否');
  assert.equal(changeValue({ path: 'deleted', from: false, to: true }, 'to', zh), '已删除');
  assert.equal(changeValue({ path: 'grade', from: '良好', to: '优秀' }, 'to', zh), '优秀');
  assert.equal(changeValue({ path: 'grade', from: '良', to: '优' }, 'to', en, national), 'Excellent');
});

test('amounts grouped, rates with %, blanks as 空', () => {
  assert.equal(changeValue({ path: 'project.budgetCurrentYear', from: '41.44', to: '414400.00' }, 'to', zh), '414,400.00');
  assert.equal(changeValue({ path: 'funding[0].executed', from: null, to: '1234567.5' }, 'to', zh, national), '1,234,567.50');
  assert.equal(changeValue({ path: 'project.executionRate', from: null, to: '62.16' }, 'to', zh), '62.16%');
  for (const blank of [null, undefined, '']) assert.equal(changeValue({ path: 'problems', from: blank, to: 'x' }, 'from', zh), '空');
  assert.equal(changeValue({ path: 'problems', from: null, to: 'x' }, 'from', en), 'blank');
});

test('no ids: a copy names the form it came from as such; lineage ids are left out; whole rows by name', () => {
  const copied: FieldChange = { path: 'copiedFrom', from: null, to: '4f1c2d9e-0000-4000-8000-000000000000' };
  assert.equal(changeField(copied, shanghai, zh), '复制自');
  assert.doesNotMatch(changeValue(copied, 'to', zh), /4f1c/u);
  assert.deepEqual(shownChanges([{ path: 'indicators[0].id', from: null, to: 'abc' }, { path: 'indicators[0].score', from: 1, to: 2 }]).map((c) => c.path), ['indicators[0].score']);
  assert.equal(changeValue({ path: 'indicators[5]', from: null, to: { name: '满意度', score: 3 } }, 'to', zh), '满意度');
  assert.equal(changeValue({ path: 'funding[1]', from: null, to: { initial: '1' } }, 'to', zh), '（多项内容）');
});

test('a field this template does not print takes another template’s word for it', () => {
  // The Shanghai form keeps actual values in the data only (issue 14): still 实际完成值, not a path.
  const field = changeField({ path: 'indicators[1].actual', from: null, to: '12场', indicator: { index: 1, name: '宣传场次' } }, shanghai, zh);
  assert.equal(field, `宣传场次 · ${national.fieldLabels['indicators[].actual']!.zh}`);
});
