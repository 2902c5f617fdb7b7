import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translate } from './i18n.tsx';
import { format } from '../../core/locale/messages.ts';
import { pluralForm, resolvePlurals } from '../../core/locale/plural.ts';

test('English: one form for 1, the other for 0, 2, 21 and decimals', () => {
  const forms = { one: '# warning', other: '# warnings' };
  assert.deepEqual([0, 1, 2, 21].map((n) => pluralForm('en', n, forms).replace('#', String(n))), ['0 warnings', '1 warning', '2 warnings', '21 warnings']);
  assert.equal(pluralForm('en', 1, { '=1': 'just one', one: '# x', other: '# xs' }), 'just one');
});

test('the messages: "1 warning", "2 warnings"; Chinese unchanged', () => {
  assert.equal(translate('en', 'findings.warnings', { count: 1 }), '1 warning');
  assert.equal(translate('en', 'findings.warnings', { count: 2 }), '2 warnings');
  assert.equal(translate('en', 'findings.errors', { count: 1 }), '1 error');
  assert.equal(translate('en', 'findings.summary', { error: 1, warning: 3 }), 'Checks: 1 error, 3 warnings (errors must be fixed before submitting)');
  assert.equal(translate('en', 'dashboard.rows', { total: 1 }), '1 row');
  assert.equal(translate('en', 'dashboard.cellForms', { count: 1, odd: 0 }).startsWith('1 form '), true);
  assert.equal(translate('zh', 'findings.warnings', { count: 1 }), translate('zh', 'findings.warnings', { count: 2 }).replace('2', '1'));
});

test('placeholders inside a form are filled; without the count the block stays as written', () => {
  assert.equal(resolvePlurals('en', '{n, plural, one {# file of {who}} other {# files of {who}}}', { n: 1 }), '1 file of {who}');
  assert.equal(resolvePlurals('en', 'x {n, plural, one {#} other {#s}}', {}), 'x {n, plural, one {#} other {#s}}');
  assert.equal(resolvePlurals('en', 'plain {n}', { n: 2 }), 'plain {n}');
});

test('the core’s messages too: findings counts, the refusal to submit', () => {
  assert.equal(format('report.findingsCount', { errors: 1, warnings: 2 }, 'en'), '1 error, 2 warnings');
  assert.equal(format('api.CHECK_ERRORS', { errors: 1 }, 'en'), 'The checks found 1 error; correct them before submitting');
  assert.equal(format('report.summary', { forms: 1, errors: 0, warnings: 1 }, 'en'), '1 form: 0 errors, 1 warning');
});

test('seconds and points: "1 second", "1 point"', () => {
  assert.equal(translate('en', 'login.tooMany', { seconds: 1 }), 'Too many failed attempts; try again in 1 second');
  assert.equal(translate('en', 'login.tooMany', { seconds: 60 }), 'Too many failed attempts; try again in 60 seconds');
  assert.equal(translate('en', 'indicator.capPoints', { points: 1 }), '(1 point)');
  assert.equal(translate('en', 'indicator.capPoints', { points: 2.5 }), '(2.5 points)');
  assert.match(format('grid.notAForm', { grids: 1 }, 'en'), /\(1 sheet or page read;/u);
});
