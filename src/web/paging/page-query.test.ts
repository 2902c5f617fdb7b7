import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limitOffset, pageFromQuery, pastTheEnd, withFilters, withPage } from './page-query.ts';

test('the page is read from the address; what is not a page is the first page of the default size', () => {
  assert.deepEqual(pageFromQuery(new URLSearchParams('page=3&size=20')), { current: 3, size: 20 });
  assert.deepEqual(pageFromQuery(new URLSearchParams('')), { current: 1, size: 50 });
  assert.deepEqual(pageFromQuery(new URLSearchParams('page=abc&size=7')), { current: 1, size: 50 });
  assert.deepEqual(pageFromQuery(new URLSearchParams('page=0&size=100')), { current: 1, size: 100 });
  assert.deepEqual(pageFromQuery(new URLSearchParams('page=2.5')), { current: 1, size: 50 });
});

test('the first page and the default size stay out of the address; the filters stay in it', () => {
  assert.equal(withPage(new URLSearchParams('year=2021'), { current: 2, size: 20 }).toString(), 'year=2021&page=2&size=20');
  assert.equal(withPage(new URLSearchParams('year=2021&page=2&size=20'), { current: 1, size: 50 }).toString(), 'year=2021');
});

test('a new filter starts from the first page; a blank one is removed', () => {
  assert.equal(withFilters(new URLSearchParams('year=2021&status=draft&page=4&size=20'), { status: '', unit: '7' }).toString(), 'year=2021&size=20&unit=7');
});

test('limit and offset of a page', () => {
  assert.deepEqual(limitOffset({ current: 3, size: 20 }), { limit: 20, offset: 40 });
  assert.deepEqual(limitOffset({ current: 1, size: 50 }), { limit: 50, offset: 0 });
});

test('a page past the end goes to the last page there is', () => {
  assert.equal(pastTheEnd({ current: 3, size: 50 }, 100, 0), 2, 'the last row of page 3 restored');
  assert.equal(pastTheEnd({ current: 9, size: 20 }, 0, 0), 1, 'nothing left: the first page');
  assert.equal(pastTheEnd({ current: 2, size: 50 }, 60, 10), null, 'rows shown: fine');
  assert.equal(pastTheEnd({ current: 1, size: 50 }, 0, 0), null, 'the first page is never past the end');
});
