import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentDisposition, displayFileName, MAX_NAME } from './file-name.ts';
import { evidencePermission } from './evidence-permission.ts';
import { STATUSES, type Actor, type Subject } from '../workflow/workflow.ts';
import { EVIDENCE_TYPES, ole2Type, sniffHead, zipType } from './file-type.ts';

const bytes = (...parts: Array<string | number[]>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

test('the type comes from the bytes', () => {
  assert.deepEqual(sniffHead(bytes('%PDF-1.7\n')), { kind: 'type', type: EVIDENCE_TYPES.pdf });
  assert.deepEqual(sniffHead(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])), { kind: 'type', type: EVIDENCE_TYPES.png });
  assert.deepEqual(sniffHead(bytes([0xff, 0xd8, 0xff, 0xe0])), { kind: 'type', type: EVIDENCE_TYPES.jpeg });
  assert.deepEqual(sniffHead(bytes('GIF89a')), { kind: 'type', type: EVIDENCE_TYPES.gif });
  assert.deepEqual(sniffHead(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')), { kind: 'type', type: EVIDENCE_TYPES.webp });
  assert.deepEqual(sniffHead(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')), { kind: 'unknown' }, 'a RIFF that is not WEBP');
  assert.deepEqual(sniffHead(bytes('PK', [3, 4])), { kind: 'zip' });
  assert.deepEqual(sniffHead(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), { kind: 'ole2' });
  assert.deepEqual(sniffHead(bytes('<!doctype html>%PDF-')), { kind: 'unknown' });
  assert.deepEqual(sniffHead(bytes('')), { kind: 'unknown' });
});

test('a zip is an Office document only with its parts; ODF by its mimetype', () => {
  assert.equal(zipType(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'], null), EVIDENCE_TYPES.docx);
  assert.equal(zipType(['[Content_Types].xml', 'xl/workbook.xml'], null), EVIDENCE_TYPES.xlsx);
  assert.equal(zipType(['[Content_Types].xml', 'ppt/presentation.xml'], null), EVIDENCE_TYPES.pptx);
  assert.equal(zipType(['word/document.xml'], null), null, 'no [Content_Types].xml');
  assert.equal(zipType(['[Content_Types].xml', 'other/x.xml'], null), null);
  assert.equal(zipType(['mimetype', 'content.xml'], 'application/vnd.oasis.opendocument.text'), EVIDENCE_TYPES.odt);
  assert.equal(zipType(['mimetype'], 'application/x-something'), null);
  assert.equal(zipType(['a.exe'], null), null, 'any other zip');
  assert.equal(ole2Type('旧版.DOC'), EVIDENCE_TYPES.doc);
  assert.equal(ole2Type('表.xls'), EVIDENCE_TYPES.xls);
  assert.equal(ole2Type('setup.msi'), null);
});

test('names are cut to their last part, cleaned and bounded', () => {
  assert.equal(displayFileName('C:\\Users\\x\\预算 批复.pdf'), '预算 批复.pdf');
  assert.equal(displayFileName('../../etc/passwd'), 'passwd');
  assert.equal(displayFileName('invoice\u202efdp.exe'), 'invoicefdp.exe');
  assert.equal(displayFileName('a\u0000b\r\n\tc.png'), 'ab c.png');
  assert.equal(displayFileName('...'), 'file');
  assert.equal(displayFileName(''), 'file');
  const long = displayFileName(`${'长'.repeat(300)}.pdf`);
  assert.equal([...long].length, MAX_NAME);
  assert.ok(long.endsWith('.pdf'));
});

test('Content-Disposition: an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
  assert.equal(contentDisposition('预算 "批复"(1).pdf'), `attachment; filename="__ ____(1).pdf"; filename*=UTF-8''%E9%A2%84%E7%AE%97%20%22%E6%89%B9%E5%A4%8D%22%281%29.pdf`);
  assert.equal(contentDisposition('a;b.pdf'), `attachment; filename="a_b.pdf"; filename*=UTF-8''a%3Bb.pdf`);
});

test('attach and remove: the unit while the form is editable, or in any status while a rectification item is open', () => {
  const form = (status: Subject['status'], deleted = false): Subject => ({ unitId: 'u1', unitPath: '/d1/u1/', status, deleted, departmentReview: true });
  const preparer: Actor = { role: 'preparer', unitId: 'u1', unitPath: '/d1/u1/' };
  const approver: Actor = { role: 'approver', unitId: 'u1', unitPath: '/d1/u1/' };
  const otherUnit: Actor = { role: 'preparer', unitId: 'u2', unitPath: '/d1/u2/' };
  const department: Actor = { role: 'department', unitId: 'd1', unitPath: '/d1/' };
  const reviewer: Actor = { role: 'reviewer', unitId: null, unitPath: null };
  const admin: Actor = { role: 'admin', unitId: null, unitPath: null };
  const closed = { openRectification: false };
  const open = { openRectification: true };
  const units: Actor[] = [preparer, approver];
  const others: Actor[] = [otherUnit, department, reviewer, admin];
  for (const status of STATUSES) {
    for (const action of ['attach', 'remove'] as const) {
      const editable = status === 'draft' || status === 'returned';
      for (const unit of units) {
        assert.equal(evidencePermission(unit, action, form(status), closed), editable ? 'allowed' : 'wrongStatus', `${unit.role} ${action} ${status}`);
        assert.equal(evidencePermission(unit, action, form(status), open), 'allowed', `${unit.role} ${action} ${status}, an item open`);
        assert.equal(evidencePermission(unit, action, form(status, true), open), 'forbidden', 'a deleted form is not seen by the unit');
      }
      for (const other of others) {
        assert.equal(evidencePermission(other, action, form(status), open), 'forbidden', `${other.role} ${action} ${status}, an item open`);
      }
      assert.equal(evidencePermission(admin, action, form(status, true), open), 'wrongStatus', 'the admin sees a deleted form; nothing changes on it');
    }
    const mark = evidencePermission(reviewer, 'markPublic', form(status), open);
    assert.equal(mark, evidencePermission(reviewer, 'markPublic', form(status), closed), 'marking public does not depend on rectification');
    assert.equal(evidencePermission(preparer, 'markPublic', form(status), open), 'forbidden');
  }
});
