/**
 * The editor's sticky toolbar on a phone: one line (total, grade, findings) that a tap opens into the
 * whole toolbar (title, workflow buttons, every figure) and closes again, so that the form stays in
 * view while typing. Placed first inside the toolbar; styles.css hides the toolbar's other contents
 * at phone width while this line says it is closed (aria-expanded="false"), and hides the line itself
 * above phone width.
 */
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useI18n } from '../locale/i18n.tsx';

interface Props {
  score: string;
  weight: string;
  grade: string;
  error: number;
  warning: number;
  /** Where the autosave stands (已保存, 保存中…), when the form is editable: kept in view on a phone. */
  saveState?: string | undefined;
  /** The class of that state's colour (save-saved, save-error…). */
  saveClass?: string | undefined;
}

export function PhoneSummary({ score, weight, grade, error: errors, warning: warnings, saveState, saveClass }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <button type="button" className="phone-summary" aria-expanded={open} title={t(open ? 'layout.summaryClose' : 'layout.summaryOpen')} onClick={() => setOpen((o) => !o)} data-testid="phone-summary">
      {/* Words, not colour alone, tell errors from warnings. */}
      <span className="phone-summary-text">
        {t('editor.totalScore')} <strong>{score}</strong> / {weight} · <strong>{grade}</strong> ·{' '}
        <span className={errors > 0 ? 'phone-summary-errors' : undefined}>{t('severity.error')} {errors}</span> ·{' '}
        <span className={warnings > 0 ? 'phone-summary-warnings' : undefined}>{t('severity.warning')} {warnings}</span>
      </span>
      {saveState && <span className={`save-state ${saveClass ?? ''}`}>{saveState}</span>}
      {open ? <UpOutlined aria-hidden /> : <DownOutlined aria-hidden />}
    </button>
  );
}
