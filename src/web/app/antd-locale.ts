import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import type { Language } from '../i18n/index.js';

// antd ships its locales as CommonJS: depending on the bundler's interop the
// default import is the locale itself or a module whose `default` it is.
function unwrap(module: unknown): Locale {
  const value = module as Locale & { default?: Locale };
  return value.default ?? value;
}

const LOCALES: Record<Language, Locale> = {
  'zh-CN': unwrap(zhCNModule),
  en: unwrap(enUSModule),
};

export const antdLocale = (language: Language): Locale => LOCALES[language];
