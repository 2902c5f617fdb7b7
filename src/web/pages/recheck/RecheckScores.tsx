/** One drawn form: every indicator with its self score beside the re-check score and its reason. */
import { App as AntApp, Button, Input, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { templates } from '../../form/templates.ts';
import { TypedNumberInput } from '../../form-view/cells.tsx';
import { formatPoints, parsePoints } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import type { RecheckForm, RecheckIndicator } from './recheck-types.ts';

interface Entry {
  score: number | null;
  reason: string;
}

const entriesOf = (form: RecheckForm): Entry[] => form.indicators.map((i) => ({ score: i.recheckScore, reason: i.reason ?? '' }));

export function RecheckScores({ drawId, form, onSaved }: { drawId: string; form: RecheckForm; onSaved: (form: RecheckForm) => void }) {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const categories = templates.get(form.template)?.categories ?? [];
  const categoryLabel = (key: string) => {
    const found = categories.find((c) => c.key === key);
    return found ? label(found.label) : key;
  };
  const [entries, setEntries] = useState<Entry[]>(() => entriesOf(form));
  const [issues, setIssues] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setEntries(entriesOf(form)), [form]);

  const set = (index: number, change: Partial<Entry>) => setEntries((all) => all.map((e, i) => (i === index ? { ...e, ...change } : e)));
  const save = async () => {
    const scores = entries.flatMap((e, indicator) => (e.score === null ? [] : [{ indicator, score: e.score, reason: e.reason.trim() || null }]));
    if (scores.length === 0) return;
    setBusy(true);
    try {
      const saved = await unwrap(client.PUT('/api/rechecks/{id}/evaluations/{evaluationId}', { params: { path: { id: drawId, evaluationId: form.id } }, body: { scores } }));
      setIssues({});
      void message.success(t('recheck.saved'));
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.body?.error.issues) {
        // `scores[i].reason` → the row of the i-th score sent.
        const byRow: Record<number, string> = {};
        for (const issue of error.body.error.issues) {
          const m = /^scores\[(\d+)\]/u.exec(issue.path);
          if (m) byRow[scores[Number(m[1])]!.indicator] = issue.message;
        }
        setIssues(byRow);
      }
      void message.error(error instanceof ApiError ? error.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="recheck-scores">
      <Table<RecheckIndicator>
        size="small"
        bordered
        rowKey="index"
        dataSource={form.indicators}
        pagination={false}
        // A phone scrolls the indicators sideways rather than squeezing the inputs.
        scroll={{ x: 960 }}
        columns={[
          { title: t('recheck.indicator'), dataIndex: 'name', render: (name: string, i) => <>{i.category ? <span className="muted">{categoryLabel(i.category)} · </span> : null}{name}</> },
          { title: t('recheck.target'), dataIndex: 'target', width: 110 },
          { title: t('recheck.actual'), dataIndex: 'actual', width: 110 },
          { title: t('recheck.weight'), dataIndex: 'weight', width: 60, align: 'right', render: (v: number | null) => formatPoints(v) },
          { title: t('recheck.selfScore'), dataIndex: 'selfScore', width: 70, align: 'right', render: (v: number | null) => formatPoints(v) },
          {
            title: t('recheck.recheckScore'), key: 'score', width: 100,
            render: (_: unknown, i) => (
              // As typed: a score above the weight is sent and refused on its row, never cut to the weight here.
              <TypedNumberInput shown={formatPoints(entries[i.index]?.score)} read={parsePoints} understood={formatPoints} onChange={(v) => set(i.index, { score: v ?? null })}
                findings={undefined} error={issues[i.index]} variant="outlined" label={`${i.name} ${t('recheck.recheckScore')}`} testId={`recheck-score-${i.index}`} path={undefined} />
            ),
          },
          {
            title: t('recheck.reason'), key: 'reason',
            render: (_: unknown, i) => (
              <Space direction="vertical" style={{ width: '100%' }} size={0}>
                <Input value={entries[i.index]?.reason ?? ''} onChange={(e) => set(i.index, { reason: e.target.value })} status={issues[i.index] ? 'error' : undefined} aria-label={`${i.name} ${t('recheck.reason')}`} data-testid={`recheck-reason-${i.index}`} />
                {issues[i.index] ? <span className="field-error">{issues[i.index]}</span> : null}
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => setEntries(form.indicators.map((i, n) => ({ score: entries[n]?.score ?? i.selfScore, reason: entries[n]?.reason ?? '' })))}>{t('recheck.useSelf')}</Button>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="recheck-save">{t('recheck.save')}</Button>
      </Space>
    </div>
  );
}
