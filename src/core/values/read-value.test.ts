/** The one reader of printed and typed values: what it reads, and blank apart from unreadable. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateRegistry } from '../templates/registry.ts';
import { compareHundredths, isUnreadable, pointsHundredths, readAmount, readDate, readGrade, readPoints, readRate, readYesNo, yesNoWords } from './read-value.ts';

test('amounts: separators, full width, a unit written after the number wins, 亿 keeps the form unit', () => {
  assert.deepEqual(readAmount('414,400.00', '元'), { ok: true, value: { yuan: '414400.00', unit: '元' } });
  assert.deepEqual(readAmount('４１.４４', '万元'), { ok: true, value: { yuan: '414400.00', unit: '万元' } });
  assert.deepEqual(readAmount('21.54576', '万元'), { ok: true, value: { yuan: '215457.60', unit: '万元' } });
  assert.deepEqual(readAmount('41.44万', '元'), { ok: true, value: { yuan: '414400.00', unit: '万元' } });
  // A unit written after the number wins over the form's (414400元 in a 万元 form is not 4144000000.00).
  assert.deepEqual(readAmount('414400元', '万元'), { ok: true, value: { yuan: '414400.00', unit: '元' } });
  assert.deepEqual(readAmount('1.2亿', '万元'), { ok: true, value: { yuan: '120000000.00', unit: '万元' } });
  assert.deepEqual(readAmount('-0', '元'), { ok: true, value: { yuan: '0.00', unit: '元' } });
});

test('amounts: blank is not unreadable; what cannot be held exactly is unreadable, with the reason', () => {
  assert.deepEqual(readAmount('  ', '元'), { ok: false, problem: 'blank' });
  assert.equal(isUnreadable(readAmount('  ', '元')), false);
  assert.deepEqual(readAmount('约10万', '元'), { ok: false, problem: 'notNumber' });
  // A comma that is no thousands separator is not dropped to make a number of it.
  assert.deepEqual(readAmount('1,2345', '元'), { ok: false, problem: 'notNumber' });
  assert.deepEqual(readAmount('1,2345.00', '元'), { ok: false, problem: 'notNumber' });
  assert.deepEqual(readAmount('414,400.001', '元'), { ok: false, problem: 'tooPrecise' });
  assert.deepEqual(readAmount('0.0000001', '万元'), { ok: false, problem: 'tooPrecise' });
  assert.deepEqual(readAmount('10000000000000', '元'), { ok: false, problem: 'tooLarge' });
  assert.equal(isUnreadable(readAmount('约10万', '元')), true);
});

test('points and rates are the number reader\'s (read-number.test.ts): the issue\'s examples read one way', () => {
  assert.deepEqual(readRate('62.2'), { ok: true, value: '62.20' });
  assert.deepEqual(readPoints('-5'), { ok: true, value: -5 });
  assert.deepEqual([readPoints(''), readRate('%')], [{ ok: false, problem: 'blank' }, { ok: false, problem: 'blank' }]);
});

test('dates as the forms write them; a day that does not exist is no date', () => {
  const dates = ['2022.3.2', '2022-03-02', '2022/3/2', '2022年3月12日', '２０２２．３．２', ' 2022 年 3 月 2 日 '].map((t) => readDate(t));
  assert.deepEqual(dates.map((d) => (d.ok ? d.value : null)), ['2022-03-02', '2022-03-02', '2022-03-02', '2022-03-12', '2022-03-02', '2022-03-02']);
  assert.deepEqual(readDate('2022-02-30'), { ok: false, problem: 'notDate' });
  assert.deepEqual(readDate('2022-13-01'), { ok: false, problem: 'notDate' });
  assert.deepEqual(readDate('三月'), { ok: false, problem: 'notDate' });
  assert.deepEqual(readDate(''), { ok: false, problem: 'blank' });
});

test('是/否: the template\'s words on forms, the common spellings in spreadsheets', () => {
  const shanghai = yesNoWords(templateRegistry().get('shanghai-2021')!);
  assert.deepEqual(readYesNo('是', shanghai), { ok: true, value: true });
  assert.deepEqual(readYesNo(' 否 ', shanghai), { ok: true, value: false });
  assert.deepEqual(readYesNo('yes', shanghai), { ok: false, problem: 'notYesNo' });
  assert.deepEqual(readYesNo('也许', shanghai), { ok: false, problem: 'notYesNo' });
  assert.deepEqual(readYesNo(''), { ok: false, problem: 'blank' });
  assert.deepEqual(['是', 'YES', 'true', '1', '否', 'No', '0'].map((t) => readYesNo(t)).map((r) => r.ok && r.value), [true, true, true, true, false, false, false]);
});

test('a grade is one of the template\'s grade words; a number or another template\'s word is none', () => {
  const registry = templateRegistry();
  const shanghai = registry.get('shanghai-2021')!;
  const national = registry.get('national-2020')!;
  assert.deepEqual(readGrade(' 良好 ', shanghai), { ok: true, value: '良好' });
  assert.deepEqual(readGrade('Good', shanghai), { ok: true, value: 'Good' });
  assert.deepEqual(readGrade('良', national), { ok: true, value: '良' });
  assert.deepEqual(readGrade('', shanghai), { ok: false, problem: 'blank' });
  // The total printed where the grade is, and the other template's word, are never a grade.
  assert.deepEqual(readGrade('83', shanghai), { ok: false, problem: 'notGrade' });
  assert.deepEqual(readGrade('良', shanghai), { ok: false, problem: 'notGrade' });
  assert.deepEqual(readGrade('良好', national), { ok: false, problem: 'notGrade' });
});

test('sums of points in hundredths, compared exactly with a template number of any precision', () => {
  let sum = 0;
  for (const w of [0.1, 0.2, 44.7]) sum += pointsHundredths(w);
  assert.equal(sum, 4500);
  assert.equal(compareHundredths(sum, 45), 0);
  assert.equal(compareHundredths(4500, 45.001), -1);
  assert.equal(compareHundredths(4501, 45.001), 1);
  assert.throws(() => pointsHundredths(0.1 + 0.2), RangeError);
});
