/** The detail of a security event in words, with links to what it was about. */
import { Link } from 'react-router-dom';
import type { SecurityEvent } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { securityDetail } from './security-words.ts';

export function SecurityEventDetail({ event }: { event: SecurityEvent }) {
  const { t } = useI18n();
  const parts = securityDetail(event, t);
  if (parts.length === 0) return <span className="muted">—</span>;
  return (
    <span data-testid="security-detail">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && t('security.separator')}
          {p.to ? <Link to={p.to}>{p.text}</Link> : p.text}
        </span>
      ))}
    </span>
  );
}
