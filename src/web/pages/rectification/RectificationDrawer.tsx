/** One item in a drawer over the page it was opened from (the list, the form's 整改 tab); full width on a phone. */
import { Drawer } from 'antd';
import { useNarrow } from '../../layout/narrow.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { RectificationDetail } from './RectificationDetail.tsx';

export function RectificationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const narrow = useNarrow();
  return (
    <Drawer title={t('rect.detail')} open={id !== null} onClose={onClose} size={narrow ? '100%' : 720} destroyOnHidden data-testid="rect-drawer">
      {id !== null && <RectificationDetail key={id} id={id} />}
    </Drawer>
  );
}
