import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n/index.js';

/** One button that switches to the other language; its text is in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button type="text" lang={target} title={t('layout.switchLanguageLabel')} onClick={() => void setLanguage(target)}>
      {t('layout.switchLanguage')}
    </Button>
  );
}
