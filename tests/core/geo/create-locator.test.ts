import { describe, expect, it } from 'vitest';
import { createLocator } from '../../../src/core/geo/create-locator.ts';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';

const boundaries = loadBoundariesFile();
const locator = createLocator(boundaries);

describe('createLocator', () => {
  it('puts central Harbin in 南岗区 of 哈尔滨市', () => {
    expect(locator.where(126.65, 45.75)).toEqual({ province: '黑龙江省', city: '哈尔滨市', county: '南岗区', adcode: '230103' });
  });

  it('puts 加格达奇, the enclave inside Inner Mongolia, in Heilongjiang', () => {
    expect(locator.where(124.12, 50.42)).toMatchObject({ province: '黑龙江省', city: '大兴安岭地区', county: '加格达奇区' });
  });

  it('names the neighbouring province and its prefecture, with no county, outside Heilongjiang', () => {
    expect(locator.where(125.32, 43.88)).toEqual({ province: '吉林省', city: '长春市', county: null, adcode: '220100' });
    expect(locator.where(119.76, 49.21)).toEqual({ province: '内蒙古自治区', city: '呼伦贝尔市', county: null, adcode: '150700' });
  });

  it('answers null everywhere else, Russia and Beijing included', () => {
    const nowhere = { province: null, city: null, county: null, adcode: null };
    expect(locator.where(135.07, 48.48)).toEqual(nowhere); // Khabarovsk
    expect(locator.where(116.4, 39.9)).toEqual(nowhere);
  });

  it('finds every county at its own label point', () => {
    for (const county of boundaries.counties.features) {
      const { labelLon, labelLat, adcode, name } = county.properties;
      expect(locator.where(labelLon, labelLat).adcode, name).toBe(adcode);
    }
  });

  it('has the 13 cities and 129 counties of the 2016–2017 vintage', () => {
    expect(boundaries.cities.features).toHaveLength(13);
    expect(boundaries.counties.features).toHaveLength(129);
    expect(new Set(boundaries.counties.features.map((f) => f.properties.adcode)).size).toBe(129);
    expect(boundaries.counties.features.map((f) => f.properties.name)).toEqual(expect.arrayContaining(['东宁市', '抚远市', '漠河县', '嫩江县']));
  });
});
