/** The password rules of docs/api.md ("Sessions and passwords"), shown before the user types, so the server's refusal is no surprise. */
import { CheckCircleOutlined } from '@ant-design/icons';
import { PASSWORD_MIN_LENGTH } from '../../../core/accounts/password-policy.ts';
import { useI18n } from '../../locale/i18n.tsx';

const RULES = ['password.rule.length', 'password.rule.username', 'password.rule.common', 'password.rule.phrase'] as const;

export function PasswordRules() {
  const { t } = useI18n();
  return (
    <div className="password-rules" data-testid="password-rules">
      <div className="password-rules-title">{t('password.rules')}</div>
      <ul>
        {RULES.map((key) => (
          <li key={key}><CheckCircleOutlined /> {t(key, { min: PASSWORD_MIN_LENGTH })}</li>
        ))}
      </ul>
    </div>
  );
}
