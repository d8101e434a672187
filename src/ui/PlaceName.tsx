import { useLanguage } from './i18n.ts';

/**
 * A place name in the UI language: the Chinese name, or in English its pinyin form with the Chinese beside it (marked
 * `lang="zh-CN"`, the one place Chinese appears in the English UI besides quoted policy text).
 */
export function PlaceName({ zh, en }: { zh: string; en: string }) {
  const language = useLanguage();
  if (language === 'zh' || !en) return <>{zh}</>;
  return (
    <>
      {en}{' '}
      <span className="place-zh" lang="zh-CN" data-place="">
        {zh}
      </span>
    </>
  );
}
