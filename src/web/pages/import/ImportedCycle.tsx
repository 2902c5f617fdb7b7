/**
 * The targets declarations or monitoring forms read from a file (the preview's `cycle` part): one line
 * a document — where it starts, the project, its unit, indicators, the checks' findings — and one 保存
 * that sends every document not saved yet (POST /api/import/cycle, each saved on its own). Each line
 * then says what became of it: opened from its link, refused with the fields named, or the unit's
 * existing document named. A document the unit has already is marked before anything is sent.
 */
import { CheckCircleOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { applyResults, cycleRows, documentPath, initialOutcomes, toSend, type CycleOutcome, type CyclePreview, type CycleRow } from './cycle-import.ts';

export function ImportedCycle({ cycle }: { cycle: CyclePreview }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const queries = useQueryClient();
  const rows = useMemo(() => cycleRows(cycle), [cycle]);
  const [outcomes, setOutcomes] = useState<CycleOutcome[]>(() => initialOutcomes(cycle));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // On a phone a table of six columns scrolls its outcome out of sight: each document is a block instead.
  const wide = Grid.useBreakpoint().md ?? true;
  const kindName = t(cycle.kind === 'targets' ? 'importCycle.kind.targets' : 'importCycle.kind.monitoring');
  const sendable = toSend(outcomes);

  const save = async (sent: number[]) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await unwrap(client.POST('/api/import/cycle', { body: { kind: cycle.kind, documents: sent.map((i) => cycle.documents[i]!.document) } }));
      setOutcomes((before) => applyResults(cycle.kind, before, sent, answer, t('importCycle.noResult')));
      void queries.invalidateQueries({ queryKey: keys.cycle });
      (answer.created === sent.length ? message.success : message.warning)(t('importCycle.savedCount', { created: answer.created, count: sent.length }));
    } catch (e) {
      // The request as a whole refused (403, an empty or malformed body): said on the card, not only in a toast.
      const issues = e instanceof ApiError ? (e.body?.error.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ') : '';
      setFailure(`${e instanceof ApiError ? e.message : t('error.network')}${issues ? ` (${issues})` : ''}`);
    } finally {
      setBusy(false);
    }
  };
  /** Saved straight away, unless a document to send names another unit: then after a confirm naming them. */
  const askAndSave = () => {
    const sent = sendable;
    const others = sent.map((i) => cycle.documents[i]!).filter((d) => d.unitMismatch);
    if (others.length === 0) return void save(sent);
    const mine = others[0]!.unitMismatch!;
    modal.confirm({
      title: t('import.unitMismatchTitle'),
      content: (
        <span data-testid="import-cycle-unit-confirm">
          {t('importCycle.unitMismatchBody', { files: [...new Set(others.map((d) => d.unitMismatch!.file))].join('、'), myUnit: mine.unit, count: others.length })}
        </span>
      ),
      okText: t('import.unitMismatchConfirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'import-cycle-unit-confirm-ok' } as Record<`data-${string}`, string>,
      onOk: () => save(sent),
    });
  };

  const status = (o: CycleOutcome, row: CycleRow) => {
    switch (o.state) {
      case 'pending':
        return o.existing ? (
          <Space direction="vertical" size={0}>
            <Tag color="orange" icon={<WarningOutlined />}>{t('importCycle.existing')}</Tag>
            <Link to={`/${cycle.kind}/${encodeURIComponent(o.existing)}`} data-testid={`import-cycle-existing-${row.index}`}>{t('importCycle.openExisting')}</Link>
          </Space>
        ) : (
          <Tag>{t('importCycle.notSaved')}</Tag>
        );
      case 'created':
        return (
          <Link to={o.href} data-testid={`import-cycle-open-${row.index}`}>
            <CheckCircleOutlined /> {t('import.open')}
          </Link>
        );
      case 'exists':
        return (
          <Space direction="vertical" size={0}>
            <Tag color="orange" icon={<WarningOutlined />}>{t('importCycle.existsNow')}</Tag>
            {o.href && <Link to={o.href} data-testid={`import-cycle-existing-${row.index}`}>{t('importCycle.openExisting')}</Link>}
          </Space>
        );
      case 'refused':
        return (
          <Space direction="vertical" size={0}>
            <Tag color="red">{t('importCycle.refused', { status: o.status || '—' })}</Tag>
            <span>{o.message}</span>
            {o.issues.map((i, k) => (
              <span key={k} className="muted"><code>{documentPath(i.path)}</code> {i.message}</span>
            ))}
          </Space>
        );
    }
  };

  const project = (r: CycleRow) => (
    <span>
      <b>{r.project || t('editor.untitled')}</b>
      {r.code && <span className="muted"> · {r.code}</span>}
    </span>
  );
  const unit = (r: CycleRow) => {
    const mismatch = cycle.documents[r.index]!.unitMismatch;
    return (
      <Space direction="vertical" size={0}>
        <span>{r.unit ?? '—'}</span>
        {mismatch && <Tag color="red" icon={<WarningOutlined />} data-testid={`import-cycle-unit-mismatch-${r.index}`}>{t('importCycle.otherUnit', { myUnit: mismatch.unit })}</Tag>}
      </Space>
    );
  };
  const counts = (r: CycleRow) =>
    r.errors + r.warnings === 0 ? (
      <Tag color="green">{t('importCycle.noFindings')}</Tag>
    ) : (
      <Space size={4} wrap>
        {r.errors > 0 && <Tag color="red">{t('findings.errors', { count: r.errors })}</Tag>}
        {r.warnings > 0 && <Tag color="orange">{t('findings.warnings', { count: r.warnings })}</Tag>}
      </Space>
    );
  const findingList = (r: CycleRow) => (
    <ul className="import-cycle-findings">
      {cycle.documents[r.index]!.findings.map((f, k) => (
        <li key={k}>
          <Tag color={f.severity === 'error' ? 'red' : 'orange'}>{t(`severity.${f.severity}`)}</Tag>
          <code>{f.path}</code> {f.messages?.[lang] ?? f.message}
        </li>
      ))}
    </ul>
  );
  const rowAttributes = (r: CycleRow) => ({ 'data-testid': 'import-cycle-row', 'data-index': String(r.index), 'data-state': outcomes[r.index]!.state });

  return (
    <div className="imported-cycle" data-testid="import-cycle" data-kind={cycle.kind}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', margin: '12px 0 8px' }}>
        <b>{t('importCycle.title', { kind: kindName, count: rows.length })}</b>
        <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={sendable.length === 0} onClick={askAndSave} data-testid="import-cycle-save">
          {sendable.length === 0 ? t('importCycle.nothingToSave') : t('importCycle.save', { count: sendable.length })}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} data-testid="import-cycle-failure" />}
      {wide ? (
        <Table<CycleRow>
          size="small"
          bordered
          pagination={false}
          rowKey="index"
          dataSource={rows}
          scroll={{ x: 860 }}
          onRow={(r) => rowAttributes(r) as React.HTMLAttributes<HTMLElement>}
          // No column of expand buttons when no document has a finding to list.
          {...(rows.some((r) => r.errors + r.warnings > 0) ? { expandable: { rowExpandable: (r: CycleRow) => r.errors + r.warnings > 0, expandedRowRender: findingList } } : {})}
          columns={[
            { title: t('import.col.location'), dataIndex: 'start', width: 150 },
            { title: t('importCycle.col.project'), key: 'project', width: 220, render: (_, r) => project(r) },
            { title: t('importCycle.col.unit'), key: 'unit', width: 200, render: (_, r) => unit(r) },
            { title: t('importCycle.col.indicators'), dataIndex: 'indicators', width: 70, align: 'right' },
            { title: t('importCycle.col.findings'), key: 'findings', width: 130, render: (_, r) => counts(r) },
            { title: t('importCycle.col.status'), key: 'status', render: (_, r) => status(outcomes[r.index]!, r) },
          ]}
        />
      ) : (
        rows.map((r) => (
          <div key={r.index} className="import-cycle-block" {...rowAttributes(r)}>
            <div>{project(r)} <span className="muted">· {r.start}</span></div>
            {unit(r)}
            <Space size={4} wrap>
              <span className="muted">{t('importCycle.col.indicators')} {r.indicators}</span>
              {counts(r)}
            </Space>
            {r.errors + r.warnings > 0 && findingList(r)}
            <div>{status(outcomes[r.index]!, r)}</div>
          </div>
        ))
      )}
    </div>
  );
}
