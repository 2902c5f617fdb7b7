/**
 * 自评分 with the suggested score beside it: the number jixiao computes from target and actual,
 * its working in the tooltip, and one click to take it. For a qualitative target the preparer
 * picks the level (达成 / 部分达成 / 未达成) and sees the points it allows.
 */
import { BulbOutlined } from '@ant-design/icons';
import { Button, Select, Tooltip } from 'antd';
import type { Indicator, QualitativeLevel } from '../../core/model/evaluation.ts';
import type { Suggestion } from '../../core/scoring/suggest-score.ts';
import type { UiFinding } from '../form/findings.ts';
import { useI18n } from '../locale/i18n.tsx';
import { PointsCell } from './cells.tsx';

const LEVELS: readonly QualitativeLevel[] = ['achieved', 'partial', 'notAchieved'];

interface Props {
  index: number;
  indicator: Indicator;
  suggestion: Suggestion | undefined;
  findings: readonly UiFinding[] | undefined;
  onChange: ((patch: Partial<Indicator>) => void) | undefined;
  /** Whether the template prints an 实际完成值 column (where it only records one, a missing suggestion goes unsaid). */
  hasActual: boolean;
  /** The score input's accessible name and path (cells.tsx). */
  label: string;
  path: string;
}

export function ScoreCell({ index, indicator, suggestion, findings, onChange, hasActual, label, path }: Props) {
  const { t, explain, word } = useI18n();
  const qualitative = suggestion?.basis === 'qualitative' || suggestion?.working.key === 'suggest.pickLevel' || indicator.level !== undefined;
  return (
    <div className="score-cell">
      <PointsCell value={indicator.score} findings={findings} testId={`indicator-score-${index}`} label={label} path={path} onChange={onChange ? (score) => onChange({ score }) : undefined} />
      {qualitative && onChange && (
        <Select<QualitativeLevel>
          size="small"
          className="level-select"
          placeholder={t('indicator.pickLevel')}
          value={indicator.level}
          allowClear
          data-testid={`indicator-level-${index}`}
          aria-label={`${label} ${t('indicator.pickLevel')}`}
          popupMatchSelectWidth={false}
          options={LEVELS.map((l) => ({ value: l, label: word(`level.${l}`) }))}
          onChange={(level) => onChange({ level: level ?? undefined })}
        />
      )}
      {suggestion && <SuggestionLine index={index} indicator={indicator} suggestion={suggestion} working={explain(suggestion.working)} hasActual={hasActual} onTake={onChange ? (score) => onChange({ score }) : undefined} />}
    </div>
  );
}

function SuggestionLine({ index, indicator, suggestion, working, onTake, hasActual }: { index: number; indicator: Indicator; suggestion: Suggestion; working: string; onTake: ((score: number) => void) | undefined; hasActual: boolean }) {
  const { t } = useI18n();
  const shown = suggestion.score !== undefined ? String(suggestion.score) : suggestion.range ? `${suggestion.range[0]}–${suggestion.range[1]}` : null;
  if (shown === null) {
    // A form without 实际完成值 (Shanghai) never has a numeric suggestion; saying so on every row is noise.
    if (!hasActual) return null;
    return (
      <Tooltip title={working}>
        <div className="suggestion muted" data-testid={`suggestion-${index}`}>{t('indicator.noSuggestion')}</div>
      </Tooltip>
    );
  }
  const differs = suggestion.score !== undefined && suggestion.score !== indicator.score;
  return (
    <div className="suggestion" data-testid={`suggestion-${index}`} data-score={suggestion.score ?? ''}>
      <Tooltip title={working}>
        <span><BulbOutlined /> {t('indicator.suggested', { score: shown })}</span>
      </Tooltip>
      {differs && onTake && (
        <Button type="link" size="small" className="take-suggestion" data-testid={`apply-suggestion-${index}`} onClick={() => onTake(suggestion.score!)}>
          {t('indicator.take')}
        </Button>
      )}
    </div>
  );
}
