/** Every finding of the form in one list, errors first, with the field each concerns. */
import { Collapse, Tag } from 'antd';
import type { Template } from '../../../core/templates/template.ts';
import { fieldLabel } from '../../../core/templates/labels.ts';
import { countBySeverity, type UiFinding } from '../../form/findings.ts';
import { useI18n } from '../../locale/i18n.tsx';

export function FindingsPanel({ findings, template }: { findings: UiFinding[]; template: Template }) {
  const { t, label } = useI18n();
  const counts = countBySeverity(findings);
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
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
            <ul className="findings-list">
              {sorted.map((f, i) => (
                <li key={i} data-testid="finding" data-code={f.code} data-path={f.path}>
                  <Tag color={f.severity === 'error' ? 'red' : 'orange'}>{t(`severity.${f.severity}`)}</Tag>
                  <span className="finding-field">{label(fieldLabel(template, f.path))}</span> {f.text} <span className="muted">[{f.code}]</span>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
