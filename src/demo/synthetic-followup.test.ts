import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOverdue } from '../core/followup/rectification.ts';
import { randomSource } from './synthetic-evaluations.ts';
import { syntheticFollowup } from './synthetic-followup.ts';

test("a province's follow-up: items in every status, some overdue and some not yet due, categories following the grades", () => {
  const random = randomSource(7);
  const statuses = ['approved', 'published', 'returned', 'draft', 'submitted'] as const;
  const grades = ['优', '良', '中', '差', '优秀', '合格'];
  const items = [];
  const categories = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const status = statuses[i % statuses.length]!;
    const made = syntheticFollowup(random, { year: 2025, status, grade: grades[i % grades.length]! });
    if (status === 'draft' || status === 'submitted') assert.deepEqual(made, { items: [], application: null });
    if (status === 'returned') assert.equal(made.application, null);
    items.push(...made.items);
    if (made.application) categories.add(made.application.category);
    for (const item of made.items) {
      assert.ok(item.raisedAt.slice(0, 10) < item.dueDate, 'due after it was raised');
      assert.ok(!Number.isNaN(Date.parse(`${item.dueDate}T00:00:00Z`)));
    }
  }
  assert.deepEqual(new Set(items.map((i) => i.status)), new Set(['open', 'answered', 'closed']));
  const today = '2026-10-01';
  const open = items.filter((i) => i.status === 'open');
  assert.ok(open.some((i) => isOverdue(i.status, i.dueDate, today)) && open.some((i) => !isOverdue(i.status, i.dueDate, today)), 'some overdue, some not yet');
  assert.ok(categories.size >= 5, [...categories].join());
});
