/**
 * The catalogue's texts of the file readers and writers (src/io): errors, rejection reasons, warnings and notes, in
 * Chinese and English. `{name}` marks a parameter. Merged into the one catalogue in messages.ts.
 *
 * The English of each entry is the sentence the command line has always printed: its output and tests depend on it,
 * word for word. File names, column names and cell values are parameters, shown as written.
 */
export const IO_MESSAGES = {
  // ------------------------------------------------------------------------------------------ shared by the readers
  ioFieldReason: { zh: '{field}：{reason}', en: '{field}: {reason}' },

  // ------------------------------------------------------------------------------------------ fire-point files
  fireFileIsWorkbook: { zh: '{file}：这是 XLSX 工作簿，请用 loadFireFile 读取', en: '{file}: an XLSX workbook; read it with loadFireFile' },
  fireFileEmpty: { zh: '{file}：文件为空', en: '{file}: the file is empty' },
  fireFileNotJson: { zh: '{file}：不是有效的 JSON（{detail}）', en: '{file}: not valid JSON ({detail})' },
  fireFileNotPointCollection: { zh: '{file}：应为点要素的 GeoJSON FeatureCollection', en: '{file}: expected a GeoJSON FeatureCollection of points' },
  fireFileNoHeader: { zh: '{file}：没有表头行', en: '{file}: no header row' },
  fireFileNoLongitudeColumn: {
    zh: '{file}：在以下列中找不到经度列（经度/中心经度/longitude）：{columns}。请手动选择该列。',
    en: '{file}: no longitude (经度/中心经度/longitude) column among: {columns}. Choose the column by hand.',
  },
  fireFileNoLatitudeColumn: {
    zh: '{file}：在以下列中找不到纬度列（纬度/中心纬度/latitude）：{columns}。请手动选择该列。',
    en: '{file}: no latitude (纬度/中心纬度/latitude) column among: {columns}. Choose the column by hand.',
  },
  fireRowDuplicateHeader: { zh: '重复的表头行', en: 'duplicate header' },
  fireCellEmpty: { zh: '为空', en: 'empty' },
  fireCellNotANumber: { zh: '不是数字', en: 'not a number' },
  fireRowSwappedLatLon: { zh: '经纬度疑似填反', en: 'swapped lat/lon' },
  fireLongitudeOutOfRange: { zh: '超出范围（−180…180）', en: 'out of range (−180…180)' },
  fireLatitudeOutOfRange: { zh: '超出范围（−90…90）', en: 'out of range (−90…90)' },
  fireConfidenceUnreadable: { zh: '不是 l/n/h，也不是 0–100 的百分数', en: 'not l/n/h or a percentage 0–100' },
  fireFrpUnreadable: { zh: '不是非负数', en: 'not a non-negative number' },

  // ------------------------------------------------------------------------------------------ times of fire points
  timeEmpty: { zh: '为空', en: 'empty' },
  timeNotIsoDate: { zh: '不是 YYYY-MM-DD 格式的日期：“{value}”', en: 'not a YYYY-MM-DD date: "{value}"' },
  timeNotHhmm: { zh: 'acq_time 不是 HHMM 格式：“{value}”', en: 'acq_time is not HHMM: "{value}"' },
  timeInvalidDateTime: { zh: '不是有效的日期时间：“{value}”', en: 'not a valid date/time: "{value}"' },
  timeNotADate: { zh: '不是日期：“{value}”', en: 'not a date: "{value}"' },
  timeInvalidDate: { zh: '不是有效的日期：“{value}”', en: 'not a valid date: "{value}"' },

  // ------------------------------------------------------------------------------------------ XLSX workbooks
  xlsxUnreadable: { zh: '{file}：不是可读取的 XLSX 工作簿（{detail}）', en: '{file}: not a readable XLSX workbook ({detail})' },
} satisfies Record<string, { zh: string; en: string }>;
