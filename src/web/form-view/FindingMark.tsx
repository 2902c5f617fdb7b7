import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { UiFinding } from '../form/findings.ts';
import { worst } from '../form/findings.ts';
import { useI18n } from '../locale/i18n.tsx';

/** A finding's severity told by an icon and a word (错误 / 提示) for screen readers, not by its colour alone. */
export function SeverityIcon({ severity }: { severity: UiFinding['severity'] }) {
  const { t } = useI18n();
  const Icon = severity === 'error' ? ExclamationCircleFilled : WarningFilled;
  return <Icon className={`finding-mark finding-${severity}`} role="img" aria-label={t(`severity.${severity}`)} />;
}

/** A small icon on a cell with findings; the messages in its tooltip. */
export function FindingMark({ findings, testId }: { findings: readonly UiFinding[] | undefined; testId?: string }) {
  const level = worst(findings);
  if (!level || !findings) return null;
  const Icon = level === 'error' ? ExclamationCircleFilled : WarningFilled;
  return (
    <Tooltip title={findings.map((f) => <div key={f.code + f.text}>{f.text}</div>)}>
      <Icon className={`finding-mark finding-${level}`} data-testid={testId} data-codes={findings.map((f) => f.code).join(' ')} />
    </Tooltip>
  );
}

/** The messages themselves, in small type under a field. */
export function FindingLines({ findings }: { findings: readonly UiFinding[] | undefined }) {
  if (!findings?.length) return null;
  return (
    <div className="finding-lines">
      {findings.map((f) => (
        <div key={f.code + f.text} className={`finding-line finding-${f.severity}`} data-code={f.code}>
          <SeverityIcon severity={f.severity} /> {f.text}
        </div>
      ))}
    </div>
  );
}
