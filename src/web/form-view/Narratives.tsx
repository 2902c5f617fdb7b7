/** 主要绩效 · 主要问题 · 改进措施 (where the template has them) and 自评时间. */
import { useI18n } from '../locale/i18n.tsx';
import { TextCell } from './cells.tsx';
import { FindingLines } from './FindingMark.tsx';
import { useForm } from './form-context.tsx';

export function Narratives() {
  const { evaluation, template, findings, change } = useForm();
  const { label } = useI18n();
  if (template.narratives.length === 0) return null;
  return (
    <table className="form-grid form-narratives">
      <tbody>
        {template.narratives.map((key) => (
          <tr key={key}>
            <th className="form-label">{label(template.fieldLabels[key] ?? { zh: key, en: key })}</th>
            <td className="form-value form-narrative">
              <TextCell multiline value={evaluation[key]} findings={findings.get(key)} testId={`field-${key}`} path={key} label={label(template.fieldLabels[key] ?? { zh: key, en: key })} onChange={change ? (v) => change((e) => ({ ...e, [key]: v })) : undefined} />
              <FindingLines findings={findings.get(key)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
