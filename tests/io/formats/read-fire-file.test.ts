import { describe, expect, it } from 'vitest';
import { beijingDate } from '../../../src/core/fires/beijing-time.ts';
import { CONFIDENCE_CLASS, DAY_NIGHT } from '../../../src/core/fires/fire-points.ts';
import { decodeText } from '../../../src/io/formats/decode-text.ts';
import { parseCoordinate } from '../../../src/io/formats/parse-coordinate.ts';
import { parseDelimited } from '../../../src/io/formats/parse-delimited.ts';
import { parseBeijingTime, parseFirmsTime } from '../../../src/io/formats/parse-fire-time.ts';
import { FireFileError, readFireFile } from '../../../src/io/formats/read-fire-file.ts';
import { chinese, english, inEnglish } from '../../helpers/in-english.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** GB18030/GBK bytes of a text, built from a known mapping so the test does not use the decoder it tests. */
const GBK: Record<string, number[]> = { 时: [0xca, 0xb1], 间: [0xbc, 0xe4], 中: [0xd6, 0xd0], 心: [0xd0, 0xc4], 经: [0xbe, 0xad], 纬: [0xce, 0xb3], 度: [0xb6, 0xc8], 县: [0xcf, 0xd8], 宾: [0xb1, 0xf6], '°': [0xa1, 0xe3] };
const gbk = (text: string) => Uint8Array.from([...text].flatMap((c) => GBK[c] ?? [c.charCodeAt(0)]));

const VIIRS_HEADER = 'latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,instrument,confidence,version,bright_ti5,frp,daynight';

describe('decodeText', () => {
  it('reads GBK when the bytes are not UTF-8, and strips a UTF-8 BOM', () => {
    expect(decodeText(gbk('时间,县')).encoding).toBe('gb18030');
    expect(decodeText(gbk('时间,县')).text).toBe('时间,县');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('时间')]))).toEqual({ text: '时间', encoding: 'utf-8' });
  });
});

describe('parseDelimited', () => {
  it('handles CRLF, quoted delimiters, doubled quotes and quoted newlines, with line numbers', () => {
    const table = parseDelimited('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",z\r\n\r\n3,,\r\n');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(Array.from({ length: table.recordCount }, (_, i) => table.record(i))).toEqual([['1', 'x, y', 'say "hi"'], ['2', 'two\r\nlines', 'z'], ['3', '', '']]);
    expect(Array.from(table.lines)).toEqual([2, 3, 6]);
  });

  it('detects semicolon and tab delimiters', () => {
    const semicolon = parseDelimited('a;b\n1,5;2\n');
    expect([semicolon.delimiter, semicolon.record(0)]).toEqual([';', ['1,5', '2']]);
    const tab = parseDelimited('a\tb\n1\t2');
    expect([tab.delimiter, tab.record(0)]).toEqual(['\t', ['1', '2']]);
  });

  it('keeps a trailing empty field, text after a closing quote, and an unterminated quote to the end of the record', () => {
    const table = parseDelimited('a,b,c\n1,2,\n"x"y,2,3\n"open,2,3');
    expect(table.record(0)).toEqual(['1', '2', '']);
    expect(table.record(1)).toEqual(['xy', '2', '3']);
    expect(table.record(2)).toEqual(['open,2,3']);
    expect(() => table.record(3)).toThrow(RangeError);
  });
});

describe('parseCoordinate', () => {
  it('reads decimal degrees, decimal commas and the DMS variants of bulletins', () => {
    expect(parseCoordinate('126.5')).toEqual({ ok: true, value: 126.5 });
    expect(parseCoordinate('126,5', true)).toEqual({ ok: true, value: 126.5 });
    const expected = 126 + 14 / 60 + 37.289 / 3600;
    for (const text of ['126°14\'37.289"E', '126°14′37.289″E', '126度14分37.289秒', ' 126° 14\' 37.289" ']) {
      const result = parseCoordinate(text);
      expect(result.ok && result.value, text).toBeCloseTo(expected, 9);
    }
    expect(parseCoordinate('45°30\'S')).toEqual({ ok: true, value: -45.5 });
  });

  it('says why a value cannot be read', () => {
    expect(parseCoordinate('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCoordinate('12a')).toEqual({ ok: false, reason: 'not a number' });
    expect(parseCoordinate('126°75\'')).toEqual({ ok: false, reason: 'not a number' }); // 75 minutes
  });
});

describe('fire times', () => {
  it('turns FIRMS UTC acq_date + acq_time into an instant, unpadded times included', () => {
    expect(parseFirmsTime('2024-04-05', '517')).toEqual({ ok: true, value: Date.UTC(2024, 3, 5, 5, 17) });
    expect(parseFirmsTime('2024-04-05', '5')).toEqual({ ok: true, value: Date.UTC(2024, 3, 5, 0, 5) });
    expect(parseFirmsTime('2024-02-30', '1200').ok).toBe(false);
  });

  it('counts a 17:30 UTC pass on the next Beijing day', () => {
    const pass = parseFirmsTime('2024-04-05', '1730');
    expect(pass.ok && beijingDate(pass.value)).toBe('2024-04-06');
  });

  it('reads official Beijing times as Excel serials or Chinese text', () => {
    const eightAm = Date.UTC(2024, 3, 5, 0, 0); // 08:00 in Beijing
    expect(parseBeijingTime('2024年4月5日8时0分')).toEqual({ ok: true, value: eightAm });
    expect(parseBeijingTime('2024/4/5 08:00')).toEqual({ ok: true, value: eightAm });
    expect(parseBeijingTime('45387')).toEqual({ ok: true, value: Date.UTC(2024, 3, 4, 16) }); // 2024-04-05 00:00 Beijing
    expect(parseBeijingTime('45387.5')).toEqual({ ok: true, value: Date.UTC(2024, 3, 5, 4) });
    expect(parseBeijingTime('20240405')).toEqual({ ok: true, value: Date.UTC(2024, 3, 4, 16) });
    expect(parseBeijingTime('next Tuesday')).toMatchObject({ ok: false });
  });
});

describe('readFireFile', () => {
  it('reads a FIRMS VIIRS file with l/n/h confidence, FRP, satellite and day/night', () => {
    const file = readFireFile(
      utf8(`${VIIRS_HEADER}\n46.5,126.2,330.1,0.4,0.4,2024-04-05,517,N,VIIRS,h,2.0NRT,290.2,5.3,D\n46.6,126.3,320,0.4,0.4,2024-04-05,1730,N20,VIIRS,l,2.0NRT,280,1.1,N\n`),
      'viirs.csv',
    );
    expect(file.format).toBe('firms-viirs');
    expect(file.timeZone).toBe('utc');
    expect(file.points.count).toBe(2);
    expect(Array.from(file.points.confidenceClass)).toEqual([CONFIDENCE_CLASS.high, CONFIDENCE_CLASS.low]);
    expect(file.points.frp[0]).toBeCloseTo(5.3, 5);
    expect(file.points.satellites[file.points.satellite[1]!]).toBe('N20');
    expect(Array.from(file.points.dayNight)).toEqual([DAY_NIGHT.day, DAY_NIGHT.night]);
    expect(beijingDate(file.points.time[1]!)).toBe('2024-04-06');
  });

  it('reads a MODIS file with percentage confidence', () => {
    const file = readFireFile(utf8('latitude,longitude,brightness,acq_date,acq_time,satellite,confidence,frp\n46.5,126.2,310,2024-10-20,0250,T,85,12\n'), 'modis.csv');
    expect(file.format).toBe('firms-modis');
    expect(file.points.confidence[0]).toBe(85);
    expect(file.points.confidenceClass[0]).toBe(CONFIDENCE_CLASS.high);
  });

  it('reads an official GBK sheet with DMS coordinates in Beijing time', () => {
    const bytes = gbk('时间,中心经度,中心纬度,县\n2024/4/5 13:20,"126°14\'37.289""E","45°45\'30""N",宾县\n');
    const file = readFireFile(bytes, '火点.csv');
    expect(file.encoding).toBe('gb18030');
    expect(file.format).toBe('official');
    expect(file.timeZone).toBe('beijing');
    expect(file.points.lon[0]).toBeCloseTo(126.243691, 6);
    expect(file.points.time[0]).toBe(Date.UTC(2024, 3, 5, 5, 20));
    expect(file.record(0)[3]).toBe('宾县');
  });

  it('reads `;`-delimited files with decimal commas', () => {
    const file = readFireFile(utf8('latitude;longitude;acq_date;acq_time;frp\n46,5;126,25;2024-04-05;0517;3,5\n'), 'eu.csv');
    expect(file.points.lat[0]).toBe(46.5);
    expect(file.points.lon[0]).toBe(126.25);
    expect(file.points.frp[0]).toBeCloseTo(3.5, 5);
  });

  it('lists every rejected row with line, field and reason, and keeps the good ones', () => {
    const text = [
      VIIRS_HEADER,
      '46.5,126.2,330,0.4,0.4,2024-04-05,517,N,VIIRS,n,2,290,5,D', // line 2: good
      ',126.2,330,0.4,0.4,2024-04-05,517,N,VIIRS,n,2,290,5,D', // line 3: empty latitude
      '126.2,46.5,330,0.4,0.4,2024-04-05,517,N,VIIRS,n,2,290,5,D', // line 4: swapped
      '46.5,abc,330,0.4,0.4,2024-04-05,517,N,VIIRS,n,2,290,5,D', // line 5: not a number
      '46.5,196.2,330,0.4,0.4,2024-04-05,517,N,VIIRS,n,2,290,5,D', // line 6: out of range
      VIIRS_HEADER, // line 7: a second export pasted below the first
      '46.5,126.2,330,0.4,0.4,2024-13-05,517,N,VIIRS,n,2,290,5,D', // line 8: bad date
      '46.5,126.2,330,0.4,0.4,2024-04-05,517,N,VIIRS,x,2,290,5,D', // line 9: bad confidence
    ].join('\n');
    const file = readFireFile(utf8(text), 'mixed.csv');
    expect(file.points.count).toBe(1);
    expect(inEnglish(file.rejected).map(({ row, field, reason }) => [row, field, reason])).toEqual([
      [3, 'latitude', 'empty'],
      [4, 'longitude/latitude', 'swapped lat/lon'],
      [5, 'longitude', 'not a number'],
      [6, 'longitude', 'out of range (−180…180)'],
      [7, '(row)', 'duplicate header'],
      [8, 'acq_date', 'not a valid date/time: "2024-13-05 517"'],
      [9, 'confidence', 'not l/n/h or a percentage 0–100'],
    ]);
  });

  it('keeps hostile headers and formula-like cells as plain text', () => {
    const file = readFireFile(utf8('__proto__,constructor,latitude,longitude\n"=cmd|\' /C calc\'!A0",x,46.5,126.2\n'), 'hostile.csv');
    expect(file.points.count).toBe(1);
    expect(file.header[0]).toBe('__proto__');
    expect(file.record(0)[0]).toBe("=cmd|' /C calc'!A0");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(file.columns)).toBe(Object.prototype);
  });

  it('reads GeoJSON points, with properties as columns and non-points rejected', () => {
    // Written as text: a "__proto__" key in JSON is an ordinary own property and must stay one.
    const geojson = `{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"acq_date":"2024-04-05","acq_time":"517","__proto__":{"polluted":1}},"geometry":{"type":"Point","coordinates":[126.2,46.5]}},
      {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[126,46],[127,47]]}}]}`;
    const file = readFireFile(utf8(geojson), 'fires.geojson');
    expect(file.header).toContain('__proto__');
    expect(file.record(0)[file.header.indexOf('__proto__')]).toBe('{"polluted":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(file.format).toBe('geojson');
    expect(file.points.count).toBe(1);
    expect(file.points.time[0]).toBe(Date.UTC(2024, 3, 5, 5, 17));
    expect(inEnglish(file.rejected)).toEqual([{ row: 2, field: 'longitude', reason: 'empty', value: '' }]);
  });

  it('lets the user correct a column guess', () => {
    const text = 'x_coord,y_coord\n126.2,46.5\n';
    expect(() => readFireFile(utf8(text), 'xy.csv')).toThrow(FireFileError);
    expect(readFireFile(utf8(text), 'xy.csv', { columns: { lon: 0, lat: 1 } }).points.count).toBe(1);
  });

  it('refuses an empty file or one without coordinate columns, naming the file', () => {
    expect(() => readFireFile(new Uint8Array(0), 'empty.csv')).toThrow('empty.csv: the file is empty');
    expect(() => readFireFile(utf8('a,b\n1,2\n'), 'ab.csv')).toThrow(/ab\.csv: no longitude .* column among: a, b/);
  });
});

describe('fire-file texts in Chinese and English', () => {
  const han = /[\u4e00-\u9fff]/;

  it('says in Chinese why rows were rejected, keeping the cell, and in English as the command line always did', () => {
    const text = ['latitude,longitude,acq_date,acq_time', '126.2,46.5,2024-04-05,517', '46.5,126.2,2024-13-05,517'].join('\n');
    const [swapped, badDate] = readFireFile(utf8(text), 'mixed.csv').rejected;
    expect(english(swapped!.reason)).toBe('swapped lat/lon');
    expect(chinese(swapped!.reason)).toMatch(han);
    expect(english(badDate!.reason)).toBe('not a valid date/time: "2024-13-05 517"');
    expect(chinese(badDate!.reason)).toMatch(han);
    expect(chinese(badDate!.reason)).toContain('2024-13-05 517');
  });

  it('names the file and its columns in the Chinese error of a file without a longitude column', () => {
    let error: unknown;
    try {
      readFireFile(utf8('名称,纬度\nA,46.5\n'), '火点.csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FireFileError);
    const { message, text: reason } = error as FireFileError;
    expect(message).toBe('火点.csv: no longitude (经度/中心经度/longitude) column among: 名称, 纬度. Choose the column by hand.');
    expect(english(reason)).toBe(message);
    expect(chinese(reason)).toContain('火点.csv');
    expect(chinese(reason)).toContain('名称, 纬度');
    expect(chinese(reason)).toMatch(/请手动选择/);
  });

  it('gives a Beijing-time cell that is no date its reason in both languages', () => {
    const result = parseBeijingTime('next Tuesday');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(english(result.reason)).toBe('not a date: "next Tuesday"');
    expect(chinese(result.reason)).toBe('不是日期：“next Tuesday”');
  });
});
