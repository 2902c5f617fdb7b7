import { Segmented } from 'antd';
import { useI18n, type Lang } from '../locale/i18n.tsx';

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      data-testid="language-switch"
      value={lang}
      onChange={setLang}
      options={[
        // Each language is named in itself, whatever the UI language.
        { label: '中文', value: 'zh' }, // i18n-ok
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
