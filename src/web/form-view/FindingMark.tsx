import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { UiFinding } from '../form/findings.ts';
import { worst } from '../form/findings.ts';

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
          {f.text}
        </div>
      ))}
    </div>
  );
}
