import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { TextError } from '../../../src/core/text/text.ts';
import { parseSiteLocation, type SiteLocationInput } from '../../../src/io/formats/parse-site-location.ts';
import { readBoilersTable, type BoilersTable } from '../../../src/io/formats/read-boilers-table.ts';
import { encodeGbk } from '../../helpers/shapefile-zip.ts';
import { chinese, english, inEnglish } from '../../helpers/in-english.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const TOLERANCE = 1e-7;

/** The WGS84 location parseSiteLocation gives for an input: what each table row must equal. */
function expected(input: SiteLocationInput): [number, number] {
  const result = parseSiteLocation(input);
  if (!result.ok) throw new Error(english(result.message));
  return [result.lon, result.lat];
}

function boiler(table: BoilersTable, name: string) {
  const found = table.boilers.find((row) => row.boiler.name === name);
  if (!found) throw new Error(`no boiler ${name}; rejected: ${JSON.stringify(table.rejected)}`);
  return found.boiler;
}

/** A CSV with a name, a location and one more column, one row per value. */
function oneColumn(headerName: string, values: readonly string[]): Uint8Array {
  return utf8([`名称,经度,纬度,${headerName}`, ...values.map((value, i) => `b${i},126.6,45.7,"${value}"`)].join('\n'));
}

describe('readBoilersTable: columns', () => {
  it('reads a sheet with Chinese headers and units in them, keeping capacities as given', async () => {
    const csv = [
      '单位名称,经度,纬度,额定蒸发量(t/h),额定热功率（MW）,燃料类型,锅炉用途,是否位于建成区,运行状态,城市,县(市、区)',
      '哈尔滨热电,126.6368,45.7583,35,,燃煤,供暖,是,在用,哈尔滨市,南岗区',
      '齐齐哈尔供热站,123.95,47.35,,14,天然气,采暖,否,停运,齐齐哈尔市,',
      ',127.5,46.8,10,7,生物质,工业生产,,拟建,,',
    ].join('\r\n');
    const table = await readBoilersTable(utf8(csv), '锅炉清单.csv');
    expect(table.columns).toEqual({
      name: 0, lon: 1, lat: 2, pair: -1, system: -1, capacityTph: 3, capacityMw: 4, capacity: -1, fuel: 5, use: 6, builtUp: 7, status: 8, city: 9, county: 10,
    });
    expect(table.rejected).toEqual([]);
    expect(table.notes).toEqual([]);
    expect(table.boilers.map(({ record, row }) => [record, row])).toEqual([[0, 2], [1, 3], [2, 4]]);
    expect(table.boilers.map((row) => row.boiler)).toEqual([
      { name: '哈尔滨热电', lon: 126.6368, lat: 45.7583, capacityTph: 35, capacityMw: null, fuel: '燃煤', use: '供热', status: '在用', builtUp: true, city: '哈尔滨市', county: '南岗区' },
      { name: '齐齐哈尔供热站', lon: 123.95, lat: 47.35, capacityTph: null, capacityMw: 14, fuel: '燃气', use: '供热', status: '停用', builtUp: false, city: '齐齐哈尔市', county: null },
      { name: 'row 4', lon: 127.5, lat: 46.8, capacityTph: 10, capacityMw: 7, fuel: '生物质', use: '工业', status: '拟建', builtUp: null, city: null, county: null },
    ]);
    expect(table.record(1)).toEqual(['齐齐哈尔供热站', '123.95', '47.35', '', '14', '天然气', '采暖', '否', '停运', '齐齐哈尔市', '']);
  });

  it('reads English headers and values', async () => {
    const csv = ['Name,Longitude,Latitude,Capacity_TPH,Capacity_MW,Fuel,Use,Built_Up,Status,City,County', 'Plant A,126.5,45.5,20,,Natural Gas,Heating,yes,In Use,Harbin,Binxian'].join('\n');
    const table = await readBoilersTable(utf8(csv), 'boilers.csv');
    expect(table.columns).toMatchObject({ name: 0, lon: 1, lat: 2, capacityTph: 3, capacityMw: 4, fuel: 5, use: 6, builtUp: 7, status: 8, city: 9, county: 10 });
    expect(boiler(table, 'Plant A')).toEqual({
      name: 'Plant A', lon: 126.5, lat: 45.5, capacityTph: 20, capacityMw: null, fuel: '燃气', use: '供热', status: '在用', builtUp: true, city: 'Harbin', county: 'Binxian',
    });
  });

  it('keeps rows when the fuel and capacity columns are missing: those fields are null without notes', async () => {
    const table = await readBoilersTable(utf8('名称,经度,纬度\n甲,126.5,45.5\n'), 'bare.csv');
    expect(table.columns).toMatchObject({ capacityTph: -1, capacityMw: -1, capacity: -1, fuel: -1, use: -1, builtUp: -1, status: -1 });
    expect(boiler(table, '甲')).toMatchObject({ capacityTph: null, capacityMw: null, fuel: null, use: null, status: null, builtUp: null });
    expect(table.notes).toEqual([]);
  });

  it('prefers an exact header to one with its unit dropped: 额定出力(t/h) is t/h, 额定出力 beside it is the generic column', async () => {
    const table = await readBoilersTable(utf8('名称,经度,纬度,额定出力（t/h）,出力\n甲,126.5,45.5,10,7MW\n'), 'both.csv');
    expect(table.columns).toMatchObject({ capacityTph: 3, capacity: 4, capacityMw: -1 });
    expect(boiler(table, '甲')).toMatchObject({ capacityTph: 10, capacityMw: 7 });
  });

  it('takes a generic capacity column with a unit in its header as that unit’s column', async () => {
    const table = await readBoilersTable(utf8('名称,经度,纬度,容量(MW)\n甲,126.5,45.5,2.8\n乙,126.5,45.5,4.2 MW\n丙,126.5,45.5,10t/h\n'), 'mw.csv');
    expect(table.columns).toMatchObject({ capacityMw: 3, capacity: -1, capacityTph: -1 });
    expect(table.boilers.map((row) => [row.boiler.capacityTph, row.boiler.capacityMw])).toEqual([[null, 2.8], [null, 4.2], [null, null]]);
    expect(inEnglish(table.notes)).toEqual([{ row: 4, field: '容量(MW)', reason: expect.stringMatching(/^"10t\/h" is in t\/h but this column holds MW/), value: '10t/h' }]);
  });
});

describe('readBoilersTable: capacity', () => {
  it('sorts a generic capacity column by the unit written in each cell and asks for a unit when there is none', async () => {
    const values = ['10t/h', '10 蒸吨', '10蒸吨/小时', '7MW', '7 兆瓦', '2.8mw', '10', ''];
    const table = await readBoilersTable(oneColumn('容量', values), 'generic.csv');
    expect(table.columns.capacity).toBe(3);
    expect(table.boilers.map((row) => [row.boiler.capacityTph, row.boiler.capacityMw])).toEqual([
      [10, null], [10, null], [10, null], [null, 7], [null, 7], [null, 2.8], [null, null], [null, null],
    ]);
    expect(inEnglish(table.notes)).toEqual([{ row: 8, field: '容量', reason: '"10" has no unit, so it may be t/h or MW: write 10t/h (蒸吨) or 10MW', value: '10' }]);
  });

  it('leaves a capacity that is not a positive number null with a note; an empty cell without one', async () => {
    const table = await readBoilersTable(oneColumn('额定蒸发量', ['约10', '-3', 'abc', '', '4.5', '0', '6kW']), 'tph.csv');
    expect(table.boilers.map((row) => row.boiler.capacityTph)).toEqual([null, null, null, null, 4.5, null, null]);
    expect(table.notes.map(({ row, field, value }) => ({ row, field, value }))).toEqual([
      { row: 2, field: '额定蒸发量', value: '约10' },
      { row: 3, field: '额定蒸发量', value: '-3' },
      { row: 4, field: '额定蒸发量', value: 'abc' },
      { row: 7, field: '额定蒸发量', value: '0' },
      { row: 8, field: '额定蒸发量', value: '6kW' },
    ]);
    expect(english(table.notes[0]!.reason)).toBe('"约10" is not a positive number: write the capacity as a number, e.g. 10');
    expect(english(table.notes[4]!.reason)).toMatch(/not t\/h \(蒸吨\) or MW/);
  });

  it('keeps the specific column when the generic one disagrees, and says so', async () => {
    const table = await readBoilersTable(utf8('名称,经度,纬度,额定蒸发量,容量\n甲,126.5,45.5,10,12t/h\n乙,126.5,45.5,10,10t/h\n丙,126.5,45.5,,12t/h\n'), 'two.csv');
    expect(table.boilers.map((row) => row.boiler.capacityTph)).toEqual([10, 10, 12]);
    expect(inEnglish(table.notes)).toEqual([{ row: 2, field: '容量', reason: expect.stringMatching(/^"12t\/h" differs from 额定蒸发量 "10", which is kept/), value: '12t/h' }]);
  });

  it('reads decimal commas in semicolon files', async () => {
    const table = await readBoilersTable(utf8('名称;经度;纬度;额定热功率;容量\n甲;126,6368;45,7583;2,8;4,2t/h\n'), 'eu.csv');
    expect(boiler(table, '甲')).toMatchObject({ lon: 126.6368, lat: 45.7583, capacityMw: 2.8, capacityTph: 4.2 });
  });
});

describe('readBoilersTable: fuel, use, status, built-up area', () => {
  it('normalises every synonym of each fuel', async () => {
    const synonyms: [string, string][] = [
      ['燃煤', '燃煤'], ['煤', '燃煤'], ['煤炭', '燃煤'], ['原煤', '燃煤'], ['燃煤锅炉', '燃煤'], ['Coal', '燃煤'],
      ['燃气', '燃气'], ['天然气', '燃气'], ['气', '燃气'], ['液化气', '燃气'], ['LNG', '燃气'], ['CNG', '燃气'], ['gas', '燃气'], ['natural gas', '燃气'],
      ['生物质', '生物质'], ['生物质成型燃料', '生物质'], ['Biomass', '生物质'],
      ['电', '电'], ['电锅炉', '电'], ['电能', '电'], ['electric', '电'], ['Electricity', '电'],
      ['燃油', '燃油'], ['油', '燃油'], ['柴油', '燃油'], ['重油', '燃油'], ['轻油', '燃油'], ['oil', '燃油'],
    ];
    const table = await readBoilersTable(oneColumn('燃料', synonyms.map(([text]) => text)), 'fuel.csv');
    expect(table.notes).toEqual([]);
    expect(table.boilers.map((row) => row.boiler.fuel)).toEqual(synonyms.map(([, fuel]) => fuel));
  });

  it('normalises uses, statuses and built-up answers', async () => {
    const uses: [string, string][] = [
      ['供热', '供热'], ['供暖', '供热'], ['采暖', '供热'], ['heating', '供热'],
      ['工业', '工业'], ['生产', '工业'], ['工业生产', '工业'], ['工业用', '工业'], ['Industrial', '工业'], ['process', '工业'],
      ['发电', '发电'], ['电力', '发电'], ['热电', '发电'], ['热电联产', '发电'], ['power', '发电'],
    ];
    const statuses: [string, string][] = [
      ['在用', '在用'], ['运行', '在用'], ['使用', '在用'], ['正常使用', '在用'], ['in use', '在用'], ['Active', '在用'], ['operating', '在用'],
      ['停用', '停用'], ['停运', '停用'], ['报停', '停用'], ['封存', '停用'], ['inactive', '停用'], ['shut down', '停用'], ['stopped', '停用'],
      ['拟建', '拟建'], ['新建', '拟建'], ['规划', '拟建'], ['planned', '拟建'], ['proposed', '拟建'],
    ];
    const answers: [string, boolean][] = [
      ['是', true], ['Y', true], ['yes', true], ['TRUE', true], ['1', true], ['√', true], ['在', true],
      ['否', false], ['n', false], ['No', false], ['false', false], ['0', false], ['×', false], ['不在', false],
    ];
    const useTable = await readBoilersTable(oneColumn('用途', uses.map(([text]) => text)), 'use.csv');
    const statusTable = await readBoilersTable(oneColumn('锅炉状态', statuses.map(([text]) => text)), 'status.csv');
    const builtUpTable = await readBoilersTable(oneColumn('是否在建成区', answers.map(([text]) => text)), 'built-up.csv');
    expect([...useTable.notes, ...statusTable.notes, ...builtUpTable.notes]).toEqual([]);
    expect(useTable.boilers.map((row) => row.boiler.use)).toEqual(uses.map(([, use]) => use));
    expect(statusTable.boilers.map((row) => row.boiler.status)).toEqual(statuses.map(([, status]) => status));
    expect(builtUpTable.boilers.map((row) => row.boiler.builtUp)).toEqual(answers.map(([, builtUp]) => builtUp));
  });

  it('leaves an unknown value null with a note naming the row, the column and the value', async () => {
    const csv = ['名称,经度,纬度,燃料,用途,建成区,状态', '甲,126.5,45.5,燃煤,供热,是,在用', '乙,126.5,45.5,木柴,洗浴,也许,待定', '丙,126.5,45.5,煤+气,,,'].join('\n');
    const table = await readBoilersTable(utf8(csv), 'unknown.csv');
    expect(table.rejected).toEqual([]);
    expect(boiler(table, '甲')).toMatchObject({ fuel: '燃煤', use: '供热', builtUp: true, status: '在用' });
    expect(boiler(table, '乙')).toMatchObject({ fuel: null, use: null, builtUp: null, status: null });
    expect(boiler(table, '丙')).toMatchObject({ fuel: null, use: null, builtUp: null, status: null });
    expect(inEnglish(table.notes)).toEqual([
      { row: 3, field: '燃料', reason: '"木柴" is not a known fuel: write 燃煤, 燃气, 生物质, 电 or 燃油', value: '木柴' },
      { row: 3, field: '用途', reason: '"洗浴" is not a known use: write 供热, 工业 or 发电', value: '洗浴' },
      { row: 3, field: '建成区', reason: '"也许" does not say whether the boiler is in the built-up area: write 是 or 否', value: '也许' },
      { row: 3, field: '状态', reason: '"待定" is not a known status: write 在用, 停用 or 拟建', value: '待定' },
      { row: 4, field: '燃料', reason: '"煤+气" is not a known fuel: write 燃煤, 燃气, 生物质, 电 or 燃油', value: '煤+气' },
    ]);
  });
});

describe('readBoilersTable: locations', () => {
  it('rejects each row without a usable location with its row number, exactly once, and keeps the rest', async () => {
    const csv = [
      '名称,经度,纬度,燃料',
      'good,126.5,45.5,燃煤',
      'no location,,,燃煤',
      'no lat,126.5,,燃气',
      'swapped,45.75,126.63,燃煤',
      ',,,',
      '名称,经度,纬度,燃料',
      'shanghai,121.47,31.23,木柴',
      'also good,127.1,46.2,电',
    ].join('\n');
    const table = await readBoilersTable(utf8(csv), 'rows.csv');
    expect(table.boilers.map((row) => [row.row, row.boiler.name])).toEqual([[2, 'good'], [9, 'also good']]);
    expect(table.rejected.map(({ row, field, value }) => ({ row, field, value }))).toEqual([
      { row: 3, field: '经度/纬度', value: '' },
      { row: 4, field: '纬度', value: '' },
      { row: 5, field: '经度/纬度', value: '45.75, 126.63' },
      { row: 6, field: '(row)', value: '' },
      { row: 7, field: '(row)', value: '名称, 经度, 纬度, 燃料' },
      { row: 8, field: '纬度', value: '31.23' },
    ]);
    expect(english(table.rejected[0]!.reason)).toBe('no location in this row: fill in 经度/纬度');
    expect(english(table.rejected[2]!.reason)).toMatch(/wrong way round/);
    expect(english(table.rejected[5]!.reason)).toMatch(/outside the area/);
    expect(table.notes).toEqual([]); // a rejected row's other cells are not noted
    expect(table.boilers.length + table.rejected.length).toBe(table.recordCount);
  });

  it('reads DMS coordinates, a 坐标 pair column and each row’s 坐标系', async () => {
    const csv = [
      '名称,经度,纬度,坐标,坐标系',
      `dms,"126°38'12.5""E","45°45'30""N",,`,
      `pair,,,"126°38'12.5""E 45°45'30""N",CGCS2000`,
      'gcj,126.6368,45.7583,,高德',
      'bd,126.6368,45.7583,,BD09',
      'gk,126.6368,45.7583,,EPSG:4531',
      'old,126.6368,45.7583,,北京54',
    ].join('\n');
    const table = await readBoilersTable(utf8(csv), 'dms.csv');
    const lon = 126 + 38 / 60 + 12.5 / 3600;
    const lat = 45 + 45 / 60 + 30 / 3600;
    const expectations: Record<string, [number, number]> = {
      dms: [lon, lat],
      pair: [lon, lat],
      gcj: expected({ system: 'gcj02', lon: '126.6368', lat: '45.7583' }),
      bd: expected({ system: 'bd09', lon: '126.6368', lat: '45.7583' }),
    };
    for (const [name, [x, y]] of Object.entries(expectations)) {
      expect(Math.abs(boiler(table, name).lon - x), name).toBeLessThan(TOLERANCE);
      expect(Math.abs(boiler(table, name).lat - y), name).toBeLessThan(TOLERANCE);
    }
    expect(Math.abs(boiler(table, 'gcj').lon - 126.6368)).toBeGreaterThan(1e-4); // converted, not passed through
    expect(inEnglish(table.rejected)).toEqual([
      { row: 6, field: '坐标系', reason: expect.stringMatching(/Gauss-Krüger.*give 经度 and 纬度/), value: 'EPSG:4531' },
      { row: 7, field: '坐标系', reason: expect.stringMatching(/Beijing 1954/), value: '北京54' },
    ]);
  });
});

describe('readBoilersTable: encodings and formats', () => {
  it('reads a GBK CSV', async () => {
    const bytes = encodeGbk('使用单位,经度,纬度,蒸吨,燃料,区县\n宾县供热公司,127.48,45.75,20,燃煤,宾县\n');
    const table = await readBoilersTable(bytes, '锅炉.csv');
    expect(table.header).toEqual(['使用单位', '经度', '纬度', '蒸吨', '燃料', '区县']);
    expect(boiler(table, '宾县供热公司')).toEqual({
      name: '宾县供热公司', lon: 127.48, lat: 45.75, capacityTph: 20, capacityMw: null, fuel: '燃煤', use: null, status: null, builtUp: null, city: null, county: '宾县',
    });
  });

  it('reads the first sheet of an XLSX with number and text cells and sheet row numbers', async () => {
    const text = (value: string) => ({ value, type: String });
    const number = (value: number) => ({ value, type: Number });
    const sheet = [
      ['锅炉名称', '经度', '纬度', '额定蒸发量(t/h)', '额定热功率(MW)', '燃料种类', '状态', '建成区'].map(text),
      [text('牡丹江热电'), number(129.6), number(44.58), number(75), null, text('燃煤'), text('在用'), text('√')],
      [null, null, null, null, null, null, null, null],
      [text('鸡西供热'), text(`130°58'E`), text(`45°18'N`), null, number(29), text('燃气'), text('停用'), text('×')],
      [text('无坐标'), null, null, number(4), null, text('燃煤'), null, null],
    ];
    const blob = await writeXlsxFile(sheet as never).toBlob();
    const table = await readBoilersTable(new Uint8Array(await blob.arrayBuffer()), '锅炉.xlsx');
    expect(table.recordCount).toBe(4);
    expect(table.boilers.map(({ row, boiler: { name, lon, lat, capacityTph, capacityMw, fuel, status, builtUp } }) => [row, name, lon, lat, capacityTph, capacityMw, fuel, status, builtUp])).toEqual([
      [2, '牡丹江热电', 129.6, 44.58, 75, null, '燃煤', '在用', true],
      [4, '鸡西供热', 130 + 58 / 60, 45.3, null, 29, '燃气', '停用', false],
    ]);
    expect(table.rejected.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 3, field: '(row)' },
      { row: 5, field: '经度/纬度' },
    ]);
    expect(table.boilers.length + table.rejected.length).toBe(table.recordCount);
  });
});

describe('readBoilersTable: files it cannot use', () => {
  it('throws with the file name and the expected columns', async () => {
    await expect(readBoilersTable(new Uint8Array(), 'empty.csv')).rejects.toThrow(/^empty\.csv: the file is empty; expected columns 经度 and 纬度/);
    await expect(readBoilersTable(utf8('\n\n'), 'blank.csv')).rejects.toThrow(/^blank\.csv: the file is empty/);
    await expect(readBoilersTable(utf8('名称,燃料\n甲,燃煤\n'), 'names.csv')).rejects.toThrow(/^names\.csv: no location columns among: 名称, 燃料; expected columns 经度 and 纬度/);
    await expect(readBoilersTable(utf8('名称,纬度\n甲,45.5\n'), 'half.csv')).rejects.toThrow(/^half\.csv: no location columns \(only "纬度" without its partner\)/);
    await expect(readBoilersTable(utf8('名称,经度,纬度,燃料\n'), 'header.csv')).rejects.toThrow(/^header\.csv: the header has no rows below it; add one row per boiler/);
  });

  it('says which workbook cannot be read', async () => {
    await expect(readBoilersTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).rejects.toThrow(/^broken\.xlsx: not a readable XLSX workbook.*经度 and 纬度/);
  });
});

describe('readBoilersTable: English sheets and unit-bearing capacity headers', () => {
  it('reads both 容量(t/h) and 容量(MW) columns, and English headers with units and Built-up', async () => {
    const chinese = await readBoilersTable(new TextEncoder().encode('名称,经度,纬度,容量(t/h),容量(MW)\nA,126.65,45.75,,29\nB,126.65,45.75,35,\n'), 'c.csv');
    expect(chinese.boilers.map((r) => [r.boiler.capacityTph, r.boiler.capacityMw])).toEqual([[null, 29], [35, null]]);
    expect(chinese.notes).toEqual([]);
    const english = await readBoilersTable(
      new TextEncoder().encode('Name,Longitude,Latitude,Capacity (t/h),Capacity (MW),Fuel type,Purpose,Built-up,Status,City,District\nA,126.65,45.75,,29,coal,heating,yes,in use,Harbin,Nangang\n'),
      'e.csv',
    );
    expect(english.boilers[0]!.boiler).toMatchObject({ capacityTph: null, capacityMw: 29, fuel: '燃煤', use: '供热', builtUp: true, status: '在用', city: 'Harbin', county: 'Nangang' });
  });
});

describe('boilers-table texts in Chinese and English', () => {
  const han = /[\u4e00-\u9fff]/;

  it('notes an unknown fuel and refuses a Gauss-Krüger row in Chinese, keeping the cell, and in English as before', async () => {
    const table = await readBoilersTable(utf8('名称,经度,纬度,坐标系,燃料\nA,126.6,45.7,,木柴\nB,126.6,45.7,CGCS2000 3度带,燃煤\n'), '锅炉清单.csv');
    const note = table.notes[0]!;
    expect(english(note.reason)).toBe('"木柴" is not a known fuel: write 燃煤, 燃气, 生物质, 电 or 燃油');
    expect(chinese(note.reason)).toBe('“木柴”不是可识别的燃料：请填写燃煤、燃气、生物质、电或燃油');
    const refused = table.rejected[0]!;
    expect(english(refused.reason)).toBe('the row is in Gauss-Krüger ("CGCS2000 3度带"), which a boiler table does not take: give 经度 and 纬度 in WGS84, CGCS2000, GCJ02 or BD09');
    expect(chinese(refused.reason)).toMatch(han);
    expect(chinese(refused.reason)).toContain('“CGCS2000 3度带”');
  });

  it('names the file and its columns in the Chinese error of a table without location columns', async () => {
    const error = await readBoilersTable(utf8('名称,燃料\nA,燃煤\n'), '锅炉.csv').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TextError);
    const { message, text: reason } = error as TextError;
    expect(message).toMatch(/^锅炉\.csv: no location columns among: 名称, 燃料; expected columns 经度 and 纬度 \(longitude, latitude\)/);
    expect(english(reason)).toBe(message);
    expect(chinese(reason)).toMatch(/^锅炉\.csv：在以下列中找不到位置列：名称, 燃料；应为：经度和纬度两列/);
  });
});
