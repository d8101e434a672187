/** Fill colours of Heilongjiang's 13 cities, by city adcode: muted, distinct neighbours, dark text stays readable. */
export const CITY_COLORS: Readonly<Record<string, string>> = {
  '230100': '#f4c7a1', // 哈尔滨市
  '230200': '#c9dfa8', // 齐齐哈尔市
  '230300': '#b9d3ee', // 鸡西市
  '230400': '#f2e4a3', // 鹤岗市
  '230500': '#d7c2e8', // 双鸭山市
  '230600': '#a9dcd1', // 大庆市
  '230700': '#cfe5b8', // 伊春市
  '230800': '#f5b9b9', // 佳木斯市
  '230900': '#e8d3b3', // 七台河市
  '231000': '#b3cde0', // 牡丹江市
  '231100': '#e0e0a8', // 黑河市
  '231200': '#e7bfd8', // 绥化市
  '232700': '#bfe0c5', // 大兴安岭地区
};
export const FALLBACK_CITY_COLOR = '#dddddd';
