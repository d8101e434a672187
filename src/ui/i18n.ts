import { useAppStore } from '../state/store.ts';
import type { Language, Localized } from '../map/localized.ts';

const MESSAGES = {
  appTitle: { zh: '黑龙江空气质量行动地图', en: 'Heilongjiang Air Plan Map' },
  appSubtitle: { zh: '黑政发〔2023〕19号 实施辅助', en: 'Implementing 黑政发〔2023〕19号' },
  switchLanguage: { zh: 'English', en: '中文' },
  switchLanguageLabel: { zh: 'Switch to English', en: '切换到中文' },
  layers: { zh: '图层', en: 'Layers' },
  visible: { zh: '显示', en: 'Visible' },
  opacity: { zh: '不透明度', en: 'Opacity' },
  moveUp: { zh: '上移', en: 'Move up' },
  moveDown: { zh: '下移', en: 'Move down' },
  county: { zh: '区县', en: 'County' },
  city: { zh: '所属市', en: 'City' },
  adcode: { zh: '行政区划代码', en: 'Admin code' },
  area: { zh: '面积（椭球面）', en: 'Area (geodesic)' },
  close: { zh: '关闭', en: 'Close' },
  pointer: { zh: '指针位置', en: 'Pointer' },
  pointerHint: { zh: '将鼠标移到地图上查看坐标', en: 'Move the pointer over the map to read coordinates' },
  decimal: { zh: '经纬度', en: 'Lon, lat' },
  dms: { zh: '度分秒', en: 'DMS' },
  gaussKruger: { zh: 'CGCS2000 3°带', en: 'CGCS2000 3° GK' },
  settings: { zh: '设置', en: 'Settings' },
  basemap: { zh: '在线底图', en: 'Online basemap' },
  basemapNote: {
    zh: '默认不联网。启用在线底图后，浏览器会从所选服务器加载瓦片。',
    en: 'Offline by default. An online basemap makes the browser load tiles from that server.',
  },
  tiandituKey: { zh: '天地图密钥（tk）', en: 'Tianditu key (tk)' },
  tiandituKeyNote: { zh: '密钥只保存在本浏览器中。', en: 'The key is stored in this browser only.' },
  tiandituKeyMissing: { zh: '请填写天地图密钥，否则不加载天地图。', en: 'Enter a Tianditu key; without one nothing is loaded.' },
  dataSources: { zh: '数据来源', en: 'Data sources' },
  loading: { zh: '正在加载边界数据…', en: 'Loading boundary data…' },
  loadFailed: { zh: '边界数据加载失败', en: 'Boundary data failed to load' },
  source: { zh: '来源', en: 'Source' },
  licence: { zh: '许可', en: 'Licence' },
  vintage: { zh: '年份', en: 'Vintage' },
  coordinateSystem: { zh: '坐标系', en: 'Coordinate system' },
  transforms: { zh: '处理步骤', en: 'Transforms' },
  synthetic: { zh: '合成数据（非真实观测）', en: 'Synthetic (not real observations)' },
  notInHeilongjiang: { zh: '黑龙江省外', en: 'Outside Heilongjiang' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

/** Text of a message in a language. */
export function translate(key: MessageKey, language: Language): string {
  return MESSAGES[key][language];
}

/** Hook: a translate function bound to the current UI language. */
export function useT(): (key: MessageKey) => string {
  const language = useAppStore((s) => s.language);
  return (key) => translate(key, language);
}

/** Picks the text of a {@link Localized} in the current language. */
export function useLocalized(): (text: Localized) => string {
  const language = useAppStore((s) => s.language);
  return (text) => text[language];
}
