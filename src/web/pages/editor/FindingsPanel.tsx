/**
 * Every finding of the form in one list, grouped as the form reads: the header, amounts and
 * narratives, then each indicator in row order. Each finding says where it is in words
 * ("第3行“金洽会展位面积”：自评分未填写") and is a button that takes the cursor to its cell; its
 * severity is an icon and a word (错误 / 提示), not a colour alone; the check's code is only in the
 * detail tooltip, for whoever asks.
 */
import { ExclamationCircleFilled, InfoCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Collapse, Tooltip } from 'antd';
import type { Template } from '../../../core/templates/template.ts';
import { fieldLabel } from '../../../core/templates/labels.ts';
import { cellPathsFor, countBySeverity, groupByIndicator, type UiFinding } from '../../form/findings.ts';
import { useI18n } from '../../locale/i18n.tsx';
import './findings-panel.css';

/** Scrolls to the cell a finding names and puts the cursor in it; false when the form has no such cell. */
export function focusCell(path: string): boolean {
  for (const candidate of cellPathsFor(path)) {
    const marked = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(candidate)}"]`);
    if (!marked) continue;
    // A select carries the path on its frame; its own input takes the focus.
    const target = marked.matches('input, textarea, button, select') ? marked : (marked.querySelector<HTMLElement>('input, textarea') ?? marked);
    target.scrollIntoView({ block: 'center', behavior: 'auto' });
    target.focus({ preventScroll: true });
    return true;
  }
  return false;
}

export function FindingsPanel({ findings, template }: { findings: UiFinding[]; template: Template }) {
  const { t, label } = useI18n();
  const counts = countBySeverity(findings);
  const groups = groupByIndicator(findings);
  const header = findings.length === 0 ? t('findings.none') : t('findings.summary', counts);
  return (
    <Collapse
      size="small"
      className="findings-panel"
      data-testid="findings-panel"
      defaultActiveKey={counts.error > 0 ? ['f'] : []}
      items={[
        {
          key: 'f',
          label: (
            <span data-testid="findings-summary" data-errors={counts.error} data-warnings={counts.warning}>
              {header}
            </span>
          ),
          children: (
            <ul className="findings-groups">
              {groups.map((group) => (
                <li key={group.row ?? 'form'} className="findings-group" data-testid="finding-group" data-row={group.row ?? ''}>
                  {group.row === null && <div className="findings-group-title">{t('findings.formGroup')}</div>}
                  <ul className="findings-list">
                    {group.findings.map((f, i) => (
                      <li key={`${f.path}/${f.code}/${i}`}>
                        <FindingItem finding={f} fallback={`${label(fieldLabel(template, f.path))}：${f.text}`} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

function FindingItem({ finding: f, fallback }: { finding: UiFinding; fallback: string }) {
  const { t } = useI18n();
  const Icon = f.severity === 'error' ? ExclamationCircleFilled : WarningFilled;
  // A finding off the indicators says its field with the sentence where the sentence does not name it.
  const text = f.placed ?? fallback;
  return (
    <span className={`finding-item finding-${f.severity}`}>
      <button type="button" className="finding-go" data-testid="finding" data-code={f.code} data-path={f.path} data-severity={f.severity} title={t('findings.goTo')} onClick={() => focusCell(f.path)}>
        <Icon className="finding-icon" aria-hidden />
        <span className="finding-severity">{t(`severity.${f.severity}`)}</span>
        <span className="finding-text">{text}</span>
      </button>
      <Tooltip title={t('findings.code', { code: f.code })}>
        <InfoCircleOutlined className="finding-detail muted" aria-label={t('findings.code', { code: f.code })} data-testid="finding-detail" />
      </Tooltip>
    </span>
  );
}
