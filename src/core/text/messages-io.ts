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

  // ------------------------------------------------------------------------------------------ vector files (GeoJSON, KML, KMZ, zipped shapefiles)
  vectorFileEmpty: {
    zh: '{file}：文件为空；请选择导出的 GeoJSON、KML、KMZ 或压缩的 shapefile',
    en: '{file}: the file is empty; choose the exported GeoJSON, KML, KMZ or zipped shapefile',
  },
  vectorBareShapefile: {
    zh: '{file}：只有单独的 .shp 文件；请将其与 .dbf、.shx、.prj（及 .cpg）一起压缩为 ZIP，再导入该 ZIP',
    en: '{file}: a bare .shp file; put it in a ZIP together with its .dbf, .shx, .prj (and .cpg) and import the ZIP',
  },
  vectorUnknownFormat: {
    zh: '{file}：不是 GeoJSON、KML、KMZ 或压缩的 shapefile（文件开头为“{start}”）；请将图层导出为其中一种格式',
    en: '{file}: not GeoJSON, KML, KMZ or a zipped shapefile (it starts with "{start}"); export the layer in one of these formats',
  },
  vectorZipUnreadable: { zh: '{file}：无法打开该 ZIP（{detail}）；请重新压缩文件', en: '{file}: the ZIP cannot be opened ({detail}); zip the files again' },
  vectorZipWithoutLayer: {
    zh: '{file}：ZIP 中没有 .shp 或 .kml 文件（其中包含：{entries}）；请将 shapefile 的 .shp、.shx、.dbf 和 .prj 一起压缩，或选择 KMZ 文件',
    en: "{file}: a ZIP without a .shp or .kml file (it holds {entries}); zip the shapefile's .shp, .shx, .dbf and .prj together, or choose the KMZ",
  },
  vectorZipNothing: { zh: '无', en: 'nothing' },
  vectorNoGeometry: { zh: '没有几何图形', en: 'no geometry' },
  vectorFeatureWithoutGeometry: { zh: '该要素没有几何图形；请绘制或删除该要素', en: 'the feature has no geometry; draw it or delete the feature' },
  vectorEmptyCollection: { zh: '几何集合为空；请绘制几何图形或删除该要素', en: 'empty geometry collection; draw the geometry or delete the feature' },
  vectorEmptyPoint: { zh: '点为空；请给出位置或删除该要素', en: 'empty point; give it a position or delete the feature' },
  vectorUnknownGeometryType: {
    zh: '未知的几何类型“{type}”；请使用 Point、LineString、Polygon 或其 Multi 形式',
    en: 'unknown geometry type "{type}"; use Point, LineString, Polygon or their Multi forms',
  },
  vectorNoPoints: { zh: '几何图形为空（没有点）；请绘制或删除该要素', en: 'empty geometry (no points); draw it or delete the feature' },
  vectorNoLines: { zh: '几何图形为空（没有线）；请绘制或删除该要素', en: 'empty geometry (no lines); draw it or delete the feature' },
  vectorNoPolygons: { zh: '几何图形为空（没有多边形）；请绘制或删除该要素', en: 'empty geometry (no polygons); draw it or delete the feature' },
  vectorInPoint: { zh: '第 {n} 个点：{inner}', en: 'point {n}: {inner}' },
  vectorInLine: { zh: '第 {n} 条线：{inner}', en: 'line {n}: {inner}' },
  vectorInPolygon: { zh: '第 {n} 个多边形：{inner}', en: 'polygon {n}: {inner}' },
  vectorInRing: { zh: '第 {n} 个环：{inner}', en: 'ring {n}: {inner}' },
  vectorInLinearRing: { zh: 'LinearRing {inner}', en: 'LinearRing {inner}' },
  vectorPositionIncomplete: { zh: '位置需要经度和纬度', en: 'a position needs a longitude and a latitude' },
  vectorLongitudeNotFinite: { zh: '经度不是有限数值；请修正该坐标', en: 'longitude is not a finite number; fix the coordinate' },
  vectorLatitudeNotFinite: { zh: '纬度不是有限数值；请修正该坐标', en: 'latitude is not a finite number; fix the coordinate' },
  vectorLongitudeOutside: {
    zh: '经度 {value} 超出 -180…180；坐标是否为投影坐标？请将图层导出为 WGS84 或 CGCS2000 经纬度',
    en: 'longitude {value} is outside -180…180; are the coordinates projected? Export the layer as WGS84 or CGCS2000 longitude/latitude',
  },
  vectorLatitudeOutside: {
    zh: '纬度 {value} 超出 -90…90；坐标是否为投影坐标？请将图层导出为 WGS84 或 CGCS2000 经纬度',
    en: 'latitude {value} is outside -90…90; are the coordinates projected? Export the layer as WGS84 or CGCS2000 longitude/latitude',
  },
  vectorLineNotList: { zh: '线必须是位置列表', en: 'a line must be a list of positions' },
  vectorLineTooShort: { zh: '线只有 {n} 个位置；至少需要 2 个', en: 'a line has {n} position(s); it needs at least 2' },
  vectorEmptyPolygon: { zh: '多边形为空（没有环）；请绘制或删除该要素', en: 'empty polygon (no rings); draw it or delete the feature' },
  vectorRingNotList: { zh: '环必须是位置列表', en: 'a ring must be a list of positions' },
  vectorRingTooShort: {
    zh: '只有 {n} 个位置；闭合的环至少需要 4 个（最后一个重复第一个）；请在 GIS 软件中修正该多边形',
    en: 'has {n} position(s); a closed ring needs at least 4 (the last repeats the first); fix the polygon in your GIS',
  },
  vectorRingNotClosed: {
    zh: '未闭合：最后一个位置与第一个不同；请在 GIS 软件中闭合该环',
    en: 'is not closed: the last position differs from the first; close the ring in your GIS',
  },
  vectorNotAFeature: { zh: '不是 GeoJSON Feature（其 "type" 必须为 "Feature"）', en: 'not a GeoJSON Feature (its "type" must be "Feature")' },
  vectorJsonInvalid: {
    zh: '{file}：不是有效的 JSON{place}（{detail}）；请用文本编辑器修正文件，或重新导出',
    en: '{file}: not valid JSON{place} ({detail}); fix the file in a text editor or export it again',
  },
  vectorJsonAtLineColumn: { zh: '，位置：第 {line} 行第 {column} 列', en: ' at line {line}, column {column}' },
  vectorJsonAtEnd: { zh: '，位置：文件末尾（文件是否不完整？）', en: ' at the end of the file (is it cut off?)' },
  vectorGeoJsonNoFeatures: {
    zh: '{file}：FeatureCollection 中没有要素；请连同要素重新导出该图层',
    en: '{file}: the FeatureCollection has no features; export the layer again with its features',
  },
  vectorGeoJsonNoFeatureList: {
    zh: '{file}：FeatureCollection 缺少 "features" 列表；请重新导出该图层',
    en: '{file}: the FeatureCollection has no "features" list; export the layer again',
  },
  vectorJsonNotGeoJson: {
    zh: '{file}：是 JSON 但不是 GeoJSON（其 "type" 为 {type}）；应为 FeatureCollection、Feature 或几何对象',
    en: '{file}: JSON but not GeoJSON (its "type" is {type}); expected a FeatureCollection, a Feature or a geometry',
  },
  vectorJsonTypeMissing: { zh: '缺失', en: 'missing' },
  vectorGeoJsonCrsUnknown: {
    zh: '{file}：GeoJSON 的 "crs" 为 {crs}，本工具无法转换；请将图层导出为 WGS84（EPSG:4326）或 CGCS2000（EPSG:4490）经纬度',
    en: '{file}: the GeoJSON "crs" is {crs}, which this reader cannot convert; export the layer as WGS84 (EPSG:4326) or CGCS2000 (EPSG:4490) longitude/latitude',
  },
  vectorKmlNoPlacemark: {
    zh: '{file}：KML 文件中没有任何 Placemark；请将图层导出为 KML、GeoJSON 或压缩的 shapefile',
    en: '{file}: a KML file without any Placemark; export the layer as KML, GeoJSON or a zipped shapefile',
  },
  vectorXmlNotKml: {
    zh: '{file}：是 XML 但不是 KML（根元素为 <{root}>）；请将图层导出为 KML、GeoJSON 或压缩的 shapefile',
    en: '{file}: XML but not KML (its root element is <{root}>); export the layer as KML, GeoJSON or a zipped shapefile',
  },
  vectorXmlMalformed: { zh: '{file}：XML 格式不正确{place}（{detail}）；请修正文件或重新导出', en: '{file}: not well-formed XML{place} ({detail}); fix the file or export it again' },
  vectorXmlAtLine: { zh: '，位置：第 {line} 行', en: ' at line {line}' },
  vectorXmlAtLineColumn: { zh: '，位置：第 {line} 行第 {column} 列', en: ' at line {line}, column {column}' },
  vectorKmlBadTuple: {
    zh: '坐标“{tuple}”不符合“经度,纬度[,高程]”格式（一组坐标内不能有空格）；请在 KML 中修正',
    en: 'coordinates "{tuple}" are not "longitude,latitude[,altitude]" (no spaces inside a tuple); fix them in the KML',
  },
  vectorFeatureReason: { zh: '第 {n} 个要素，{field}：{reason}', en: 'feature {n}, {field}: {reason}' },
  vectorLayerNothingUsable: {
    zh: '{file}：没有可用作{layer}的内容{reasons}；保留之前加载的图层',
    en: '{file}: nothing usable as {layer}{reasons}; the layer loaded before is kept',
  },
  vectorNoPolygonOutline: {
    zh: '{file}：{n} 个要素中没有多边形（几何类型：{types}）；项目红线必须是 Polygon 或 MultiPolygon',
    en: '{file}: no polygon among {n} feature(s) (geometry types: {types}); a site outline must be a Polygon or MultiPolygon',
  },
  vectorNoGeometryTypes: { zh: '无', en: 'none' },

  // ------------------------------------------------------------------------------------------ zipped shapefiles
  shapefileLayer: { zh: '{file}：{layer}', en: '{file}: {layer}' },
  shapefileRecordDeleted: {
    zh: '在 .dbf 中被标记为已删除；请在 GIS 软件中压缩（pack）该 shapefile 以彻底删除',
    en: 'marked deleted in the .dbf; pack the shapefile in your GIS to remove it for good',
  },
  shapefileInRecord: { zh: '{layer}.shp 第 {n} 条记录：{inner}', en: '{layer}.shp record {n}: {inner}' },
  shapefileBadHeader: { zh: '{where}.shp 不是 shapefile（文件头有误）；请重新导出该图层', en: '{where}.shp is not a shapefile (bad header); export the layer again' },
  shapefileMultiPatch: {
    zh: '{where}.shp 包含 MultiPatch（三维）形状，本工具无法读取；请将图层导出为面、线或点',
    en: '{where}.shp holds MultiPatch (3D) shapes, which this reader does not read; export the layer as polygons, lines or points',
  },
  shapefileUnreadable: { zh: '{where}.shp 无法读取（{detail}）；请重新导出该图层', en: '{where}.shp cannot be read ({detail}); export the layer again' },
  shapefileRingsLost: {
    zh: '该多边形有 {parts} 个环，但只有 {rings} 个能够归位（存在空环，或有洞位于所有外环之外）；请在 GIS 软件中修正该多边形',
    en: 'the polygon has {parts} rings but only {rings} could be placed (an empty ring, or a hole outside every outer ring); fix the polygon in your GIS',
  },
  shapefileDbfRecordCount: {
    zh: '{where}.shp 有 {shapes} 个形状，而其 .dbf 有 {records} 条记录；其中一个文件不完整，或二者不属于同一图层：请重新导出该图层',
    en: '{where}.shp has {shapes} shapes but its .dbf has {records} records; one is cut off or they are not from the same layer: export the layer again',
  },
  shapefileShxRecordCount: {
    zh: '{where}.shp 有 {shapes} 个完整形状，而其 .shx 索引了 {indexed} 个；.shp 不完整或已损坏：请重新导出该图层',
    en: '{where}.shp has {shapes} complete shapes but its .shx indexes {indexed}; the .shp is cut off or damaged: export the layer again',
  },
  shapefileNoPrj: {
    zh: '{where}.shp 没有 .prj，且其坐标不是经纬度（例如 {x}, {y}）{hint}；请将该图层的 .prj 文件加入 ZIP 后重新导入',
    en: "{where}.shp has no .prj and its coordinates are not longitude/latitude (e.g. {x}, {y}){hint}; add the layer's .prj file to the ZIP and import it again",
  },
  shapefileEastingHint: { zh: '（东坐标 {x} 看起来属于高斯-克吕格第 {zone} 带）', en: ' (an easting of {x} looks like Gauss-Krüger zone {zone})' },
  shapefileDbfTooShort: { zh: '{where}.dbf 太短，不是 dBase 表；请重新导出该图层', en: '{where}.dbf is too short to be a dBase table; export the layer again' },
  shapefileDbfCutOff: { zh: '{where}.dbf 不完整（声明有 {count} 条记录）；请重新导出该图层', en: '{where}.dbf is cut off ({count} records announced); export the layer again' },
  shapefileCpgUnknown: {
    zh: '{where}.cpg 指定的编码“{encoding}”无法识别；请将图层保存为 UTF-8 或 GBK，或删除 .cpg 让本工具自动识别',
    en: '{where}.cpg names the encoding "{encoding}", which this reader does not know; save the layer as UTF-8 or GBK, or remove the .cpg to let the reader detect it',
  },
  shapefilePrjUnknown: {
    zh: '{where}.prj 描述的坐标系为{what}，本工具无法转换{extra}；本工具可读取 WGS84、CGCS2000 经纬度及其高斯-克吕格（横轴墨卡托）投影。请在 GIS 软件中将图层重新投影为 CGCS2000（EPSG:4490）或 WGS84（EPSG:4326）后再导出',
    en: '{where}.prj describes {what}, which this reader cannot convert{extra}; it reads WGS84 and CGCS2000 longitude/latitude and their Gauss-Krüger (Transverse Mercator) projections. Re-project the layer to CGCS2000 (EPSG:4490) or WGS84 (EPSG:4326) in your GIS and export it again',
  },
  shapefilePrjQuoted: { zh: '“{name}”', en: '"{name}"' },
  shapefilePrjMethod: { zh: '“{name}”（{method}）', en: '"{name}" ({method})' },
  shapefilePrjNoMethod: { zh: '无投影方法', en: 'no projection method' },
  shapefilePrjUnit: { zh: '“{name}”（线性单位不是米）', en: '"{name}" with a linear unit other than metres' },
  shapefilePrjNoMeridian: { zh: '“{name}”（缺少中央经线）', en: '"{name}" without a central meridian' },
  shapefilePrjLegacyDatum: { zh: '（北京 1954 和西安 1980 坐标系需要本地转换参数）', en: ' (Beijing 1954 and Xian 1980 need local transformation parameters)' },

  // ------------------------------------------------------------------------------------------ boiler audit layers
  boilerLayerSelfCrossing: {
    zh: '边界在 {lon}, {lat} 附近自相交：请在 GIS 软件中修正该多边形后重新导入',
    en: 'the outline crosses itself near {lon}, {lat}: fix the polygon in your GIS and import it again',
  },
  boilerLayerNoArea: { zh: '{type} 没有面积：区域请绘制为多边形，管网请绘制为线', en: 'a {type} has no area: draw the area as a polygon, or a pipeline as a line' },
  boilerLayerZoneIsLine: { zh: '线没有面积：禁燃区必须是多边形', en: 'a line has no area: a no-burn zone must be a polygon' },
  boilerLayerNotCategory: { zh: '“{value}”不是禁燃区类别：请填写 Ⅰ、Ⅱ 或 Ⅲ', en: '"{value}" is not a no-burn zone category: write Ⅰ, Ⅱ or Ⅲ' },
  boilerLayerNoCategory: { zh: '缺少燃料类别：请添加属性“类别”（category），取值 Ⅰ、Ⅱ 或 Ⅲ', en: 'no fuel category: add a property "category" (类别) with Ⅰ, Ⅱ or Ⅲ' },

  // ------------------------------------------------------------------------------------------ tables (CSV or XLSX) of boilers, sites and zone vertices
  tableFileEmpty: { zh: '{file}：文件为空；应为：{columns}', en: '{file}: the file is empty; expected {columns}' },
  tableWorkbookUnreadable: { zh: '{inner}；请另存为 XLSX 或 CSV，内容为：{columns}', en: '{inner}; save it again as XLSX or CSV with {columns}' },
  tableOnlyWithoutPartner: { zh: '（只有 {columns}，缺少与之配对的列）', en: ' (only {columns} without its partner)' },
  tableEmptyRow: { zh: '空行：请填写或删除', en: 'empty row: fill it in or delete it' },
  tableRepeatedHeader: { zh: '重复的表头行：请删除', en: 'a repeated header row: delete it' },

  // ------------------------------------------------------------------------------------------ 坐标系 cells
  coordinateLegacyDatum: {
    zh: '“{value}”是北京 1954 或西安 1980 坐标系，与 CGCS2000 相差可达约 100 米：请先用测量软件将坐标转换为 CGCS2000',
    en: '"{value}" is Beijing 1954 or Xi\'an 1980, which differ from CGCS2000 by up to about 100 m: convert the coordinates to CGCS2000 with your surveying software first',
  },
  coordinateSystemUnknown: {
    zh: '未知的坐标系“{value}”：请填写 WGS84、CGCS2000、GCJ02（高德）、BD09（百度）或高斯-克吕格 EPSG 代码（如 4531）',
    en: 'unknown coordinate system "{value}": write WGS84, CGCS2000, GCJ02 (高德), BD09 (百度) or a Gauss-Krüger EPSG code such as 4531',
  },

  // ------------------------------------------------------------------------------------------ boiler inventories (锅炉清单)
  boilersTableColumns: {
    zh: '经度和纬度两列（longitude、latitude），或同时填写两者的一列“坐标/经纬度”；可选列：坐标系（WGS84、CGCS2000、GCJ02 或 BD09）、名称、额定蒸发量（t/h）、额定热功率（MW）、燃料、用途、是否位于建成区、状态、城市和区县',
    en: 'columns 经度 and 纬度 (longitude, latitude) or one 坐标/经纬度 column holding both, optionally 坐标系 (WGS84, CGCS2000, GCJ02 or BD09), 名称, 额定蒸发量 (t/h), 额定热功率 (MW), 燃料, 用途, 是否位于建成区, 状态, 城市 and 区县',
  },
  boilersTableNoLocationColumns: {
    zh: '{file}：在以下列中找不到位置列{partial}：{header}；应为：{columns}',
    en: '{file}: no location columns{partial} among: {header}; expected {columns}',
  },
  boilersTableNoRows: { zh: '{file}：表头下没有数据行；请每台锅炉填写一行（{columns}）', en: '{file}: the header has no rows below it; add one row per boiler ({columns})' },
  boilersTableGaussKruger: {
    zh: '该行为高斯-克吕格坐标（“{value}”），锅炉清单不接受：请以 WGS84、CGCS2000、GCJ02 或 BD09 填写经度和纬度',
    en: 'the row is in Gauss-Krüger ("{value}"), which a boiler table does not take: give 经度 and 纬度 in WGS84, CGCS2000, GCJ02 or BD09',
  },
  boilersTableNoLocation: { zh: '该行没有位置：请填写 {columns}', en: 'no location in this row: fill in {columns}' },
  boilersTableCapacityNotPositive: { zh: '“{value}”不是正数：请以数字填写容量，例如 10', en: '"{value}" is not a positive number: write the capacity as a number, e.g. 10' },
  boilersTableCapacityUnit: {
    zh: '“{value}”的单位不是 t/h（蒸吨）或 MW：请使用其中之一，例如 10t/h 或 7MW',
    en: '"{value}" has a unit that is not t/h (蒸吨) or MW: write it in one of them, e.g. 10t/h or 7MW',
  },
  boilersTableCapacityWrongColumn: {
    zh: '“{value}”的单位是 {unit}，而本列为 {columnUnit}：请移到 {unit} 列，或更正单位',
    en: '"{value}" is in {unit} but this column holds {columnUnit}: move it to the {unit} column or correct the unit',
  },
  boilersTableCapacityNoUnit: {
    zh: '“{value}”没有单位，可能是 t/h 也可能是 MW：请写成 {number}t/h（蒸吨）或 {number}MW',
    en: '"{value}" has no unit, so it may be t/h or MW: write {number}t/h (蒸吨) or {number}MW',
  },
  boilersTableCapacityConflict: {
    zh: '“{value}”与{column}“{other}”不一致，已保留后者：请更正其中之一',
    en: '"{value}" differs from {column} "{other}", which is kept: correct one of them',
  },
  boilersTableUnknownFuel: { zh: '“{value}”不是可识别的燃料：请填写{accepted}', en: '"{value}" is not a known fuel: write {accepted}' },
  boilersTableUnknownUse: { zh: '“{value}”不是可识别的用途：请填写{accepted}', en: '"{value}" is not a known use: write {accepted}' },
  boilersTableUnknownBuiltUp: {
    zh: '“{value}”未说明锅炉是否位于建成区：请填写{accepted}',
    en: '"{value}" does not say whether the boiler is in the built-up area: write {accepted}',
  },
  boilersTableUnknownStatus: { zh: '“{value}”不是可识别的状态：请填写{accepted}', en: '"{value}" is not a known status: write {accepted}' },

  // ------------------------------------------------------------------------------------------ tables of project sites (EIA batch)
  sitesTableColumns: {
    zh: '经度和纬度两列（longitude、latitude），或同时填写两者的一列“坐标/经纬度”，或 X 和 Y 两列（高斯-克吕格北坐标和东坐标）；可选列：名称、坐标系（WGS84、CGCS2000、GCJ02、BD09 或 EPSG 代码）和 EPSG',
    en: 'columns 经度 and 纬度 (longitude, latitude), or one 坐标/经纬度 column holding both, or X and Y (Gauss-Krüger northing and easting), optionally 名称 (name), 坐标系 (WGS84, CGCS2000, GCJ02, BD09 or an EPSG code) and EPSG',
  },
  sitesTableNoCoordinateColumns: {
    zh: '{file}：在以下列中找不到坐标列{partial}：{header}；应为：{columns}',
    en: '{file}: no coordinate columns{partial} among: {header}; expected {columns}',
  },
  sitesTableNoRows: { zh: '{file}：表头下没有数据行；请每个项目填写一行（{columns}）', en: '{file}: the header has no rows below it; add one row per site ({columns})' },
  sitesTableEpsgNotNumber: { zh: 'EPSG 代码“{value}”不是数字：请填写代码，例如 4531', en: 'EPSG code "{value}" is not a number: write the code, e.g. 4531' },
  sitesTableNoCoordinates: { zh: '该行没有坐标：请填写 {columns}', en: 'no coordinates in this row: fill in {columns}' },
  sitesTableGaussKrugerWithoutXY: {
    zh: '该行为高斯-克吕格坐标（“{value}”），但表中没有 X 和 Y 列：请添加 X（北坐标）和 Y（东坐标）列，或更正坐标系',
    en: 'the row is in Gauss-Krüger ("{value}") but the table has no X and Y columns: add X (northing) and Y (easting) columns or correct the coordinate system',
  },
  sitesTableSiteGeometry: { zh: '无法判定该位置：{detail}', en: '{detail}' },

  // ------------------------------------------------------------------------------------------ zone vertex lists (四至拐点坐标)
  zoneVerticesColumns: {
    zh: '每个拐点一行，包含列：名称（区域名称）、经度和纬度（十进制或度分秒）；可选列：序号（拐点顺序）、部分（块号）、环（0 或“外环”表示外边界，1、2…或“内环”表示洞）、坐标系（WGS84、CGCS2000、GCJ02、BD09）及任意属性列（类别、文号、生效日期、备注）',
    en: 'one row per vertex with columns 名称 (zone name), 经度 and 纬度 (decimal or DMS), optionally 序号 (vertex order), 部分 (part number), 环 (0 or 外环 for the outline, 1, 2 … or 内环 for holes), 坐标系 (WGS84, CGCS2000, GCJ02, BD09) and any attribute columns (类别, 文号, 生效日期, 备注)',
  },
  zoneVerticesNoColumns: { zh: '{file}：在以下列中找不到 {missing} 列：{header}；应为：{columns}', en: '{file}: no {missing} column among: {header}; expected {columns}' },
  zoneVerticesNoName: { zh: '缺少区域名称：每个拐点行都须填写所属区域的名称', en: 'no zone name: every vertex row names its zone' },
  zoneVerticesZoneLeftOut: { zh: '区域“{name}”未导入：{inner}', en: 'zone "{name}" left out: {inner}' },
  zoneVerticesPartNotWhole: { zh: '部分“{value}”不是整数', en: 'part "{value}" is not a whole number' },
  zoneVerticesRingUnreadable: { zh: '环“{value}”既不是 0/外环（外边界），也不是洞的编号', en: 'ring "{value}" is neither 0/外环 (outline) nor a hole number' },
  zoneVerticesOrderNotNumber: { zh: '拐点序号“{value}”不是数字', en: 'vertex number "{value}" is not a number' },
  zoneVerticesGaussKruger: { zh: '暂不支持高斯-克吕格坐标的拐点表：请填写经度和纬度', en: 'Gauss-Krüger vertex lists are not read yet: give 经度 and 纬度' },
  zoneVerticesHolesWithoutOutline: { zh: '第 {part} 部分有洞但没有外边界（环 0）', en: 'part {part} has holes but no outline (ring 0)' },
  zoneVerticesOutlineTooFew: {
    zh: '第 {part} 部分的外边界只有 {n} 个不同的拐点；一个环至少需要 3 个',
    en: 'the outline of part {part} has {n} distinct vertices; a ring needs at least 3',
  },
  zoneVerticesHoleTooFew: {
    zh: '第 {part} 部分的第 {ring} 个洞只有 {n} 个不同的拐点；一个环至少需要 3 个',
    en: 'hole {ring} of part {part} has {n} distinct vertices; a ring needs at least 3',
  },

  // ------------------------------------------------------------------------------------------ zone imports (any zone file)
  zonesFileFeature: { zh: '第 {n} 个要素', en: 'feature {n}' },
  zonesFileRow: { zh: '第 {n} 行', en: 'row {n}' },
  zonesFileNamed: { zh: '{where}（“{name}”）', en: '{where} ("{name}")' },
  zonesFileNotArea: {
    zh: '{where}是 {geometry}，不是面：禁燃区必须是多边形；未导入',
    en: '{where} is a {geometry}, not an area: a no-burn zone must be a polygon; left out',
  },
  zonesFileCollectionOf: { zh: '由 {types} 组成的 GeometryCollection', en: 'GeometryCollection of {types}' },
  zonesFileNoName: { zh: '{label}：缺少名称；已按“{name}”导入：请填写其实际名称', en: '{label}: no name; imported as "{name}": give it its real name' },
  zonesFileIdRepeated: {
    zh: '{label}：id“{id}”已被 {file} 的{earlier}使用；该区域改用新 id“{newId}”',
    en: '{label}: id "{id}" is already used by {earlier} of {file}; this zone gets the new id "{newId}"',
  },
  zonesFileNotCategory: {
    zh: '{label}：{field}“{value}”不是禁燃区类别（Ⅰ、Ⅱ 或 Ⅲ）；已按 Ⅲ 类（最严格）导入：请规划人员核实，并按划定文件设置类别',
    en: '{label}: {field} "{value}" is not a no-burn zone category (Ⅰ, Ⅱ or Ⅲ); imported as Ⅲ (the strictest category): the planner must check it and set the category of the designating document',
  },
  zonesFileNoCategory: {
    zh: '{label}：缺少燃料类别（类别/category）；已按 Ⅲ 类（最严格）导入：请规划人员核实，并按划定文件设置类别',
    en: '{label}: no fuel category (类别/category); imported as Ⅲ (the strictest category): the planner must check it and set the category of the designating document',
  },
  zonesFileNotDate: {
    zh: '{label}：{field}“{value}”不是日期（请写成 2024-03-01 的形式）；已导入，但未设生效日期',
    en: '{label}: {field} "{value}" is not a date (write it like 2024-03-01); imported without an effective date',
  },

  // ------------------------------------------------------------------------------------------ site locations (typed, or a cell of a table)
  siteLocationLongitude: { zh: '经度', en: 'Longitude' },
  siteLocationLatitude: { zh: '纬度', en: 'Latitude' },
  siteLocationPair: { zh: '坐标“{text}”', en: 'Coordinates "{text}"' },
  siteLocationPairFirst: { zh: '坐标“{text}”的第一个值', en: 'Coordinates "{text}": the first value' },
  siteLocationPairSecond: { zh: '坐标“{text}”的第二个值', en: 'Coordinates "{text}": the second value' },
  siteLocationPairSecondLatitude: { zh: '坐标“{text}”的第二个值（纬度）', en: 'Coordinates "{text}": the second value (latitude)' },
  siteLocationTwoFields: { zh: '经度“{lon}”、纬度“{lat}”', en: 'Longitude "{lon}", latitude "{lat}"' },
  siteLocationAngleEmpty: { zh: '{what}为空：请以度为单位填写，例如 {decimal} 或 {dms}', en: '{what} is empty: enter it in degrees, e.g. {decimal} or {dms}' },
  siteLocationAngleMalformedDms: {
    zh: '{what}“{value}”不是有效的度分秒：请写成 {dms} 的形式（分和秒小于 60，只有最后一部分可带小数），或写成十进制度 {decimal}',
    en: '{what} "{value}" is not valid degrees-minutes-seconds: write it like {dms} (minutes and seconds below 60, only the last part with decimals) or as decimal degrees {decimal}',
  },
  siteLocationAngleNotNumber: {
    zh: '{what}“{value}”不是度数：请填写十进制度（{decimal}）或度分秒（{dms}）',
    en: '{what} "{value}" is not a number of degrees: write decimal degrees ({decimal}) or degrees-minutes-seconds ({dms})',
  },
  siteLocationGiveBoth: { zh: '{inner}；请同时填写经度和纬度', en: '{inner}; give both longitude and latitude' },
  siteLocationSwapped: {
    zh: '{describe}：经度 {lon} 和纬度 {lat} 填反了（{lat}, {lon} 位于本区域内）：{hint}',
    en: '{describe}: longitude {lon} and latitude {lat} are the wrong way round ({lat}, {lon} lies in the region): {hint}',
  },
  siteLocationSwapHintPair: {
    zh: '请先写经度，或用 E 和 N 标明（例如 45.7583N 126.6368E）',
    en: 'write longitude first or mark the values with E and N (e.g. 45.7583N 126.6368E)',
  },
  siteLocationSwapHintFields: { zh: '请交换经度和纬度两栏', en: 'swap the longitude and latitude fields' },
  siteLocationLongitudeOutOfRange: {
    zh: '{describe}：经度 {lon} 超出 −180…180：请更正（黑龙江位于东经 121°–135°）',
    en: '{describe}: longitude {lon} is outside −180…180: correct it (Heilongjiang lies at 121°–135°E)',
  },
  siteLocationLatitudeOutOfRange: {
    zh: '{describe}：纬度 {lat} 超出 −90…90：请更正（黑龙江位于北纬 43°–54°）',
    en: '{describe}: latitude {lat} is outside −90…90: correct it (Heilongjiang lies at 43°–54°N)',
  },
  siteLocationOutsideRegion: {
    zh: '{describe}：{lon}, {lat} 超出本工具的覆盖范围（东经 115–140°、北纬 38–58°，即黑龙江及周边）：请检查数值及其正负号',
    en: '{describe}: {lon}, {lat} is outside the area this tool covers (longitude 115–140°E, latitude 38–58°N, Heilongjiang and its neighbours): check the value and its sign',
  },
  siteLocationBothLongitudes: {
    zh: '{describe}：两个值都标为经度（E/W）：请将其一标为 E（经度），另一个标为 N（纬度）',
    en: '{describe}: both values are marked as longitudes (E/W): mark one E (longitude) and the other N (latitude)',
  },
  siteLocationBothLatitudes: {
    zh: '{describe}：两个值都标为纬度（N/S）：请将其一标为 E（经度），另一个标为 N（纬度）',
    en: '{describe}: both values are marked as latitudes (N/S): mark one E (longitude) and the other N (latitude)',
  },
  siteLocationExamplePair: { zh: '126°38\'12.5"E 45°45\'30"N 或 126.6368, 45.7583', en: '126°38\'12.5"E 45°45\'30"N or 126.6368, 45.7583' },
  siteLocationPairEmpty: { zh: '坐标为空：请填写经度和纬度，例如 {example}', en: 'Coordinates are empty: enter longitude and latitude, e.g. {example}' },
  siteLocationPairCount: {
    zh: '坐标“{text}”应恰好包含经度和纬度两个值，但找到了 {n} 个：请按 {example} 的形式填写',
    en: 'Coordinates "{text}" should hold exactly two values, longitude and latitude, but {n} were found: enter them like {example}',
  },
  siteLocationPairOneValue: {
    zh: '坐标“{text}”只有一个值：请填写经度和纬度，以逗号或空格分隔，例如 {example}',
    en: 'Coordinates "{text}" hold one value: enter longitude and latitude separated by a comma or space, e.g. {example}',
  },
  siteLocationPairTooManyParts: {
    zh: '坐标“{text}”的组成部分过多，不是一对经纬度：请按 {example} 的形式填写',
    en: 'Coordinates "{text}" have too many parts for a longitude and a latitude: enter them like {example}',
  },
  siteLocationPairAmbiguous: {
    zh: '坐标“{text}”有多种读法：请用逗号分隔经度和纬度，例如 {example}',
    en: 'Coordinates "{text}" can be read more than one way: separate longitude and latitude with a comma, e.g. {example}',
  },
  siteLocationMarkedAsLatitude: {
    zh: '经度“{value}”标为纬度（N/S）：请交换经度和纬度两栏',
    en: 'Longitude "{value}" is marked as a latitude (N/S): swap the longitude and latitude fields',
  },
  siteLocationMarkedAsLongitude: {
    zh: '纬度“{value}”标为经度（E/W）：请交换经度和纬度两栏',
    en: 'Latitude "{value}" is marked as a longitude (E/W): swap the longitude and latitude fields',
  },
  siteLocationNoteWgs84: {
    zh: 'WGS84/CGCS2000 按输入使用（CGCS2000 与 WGS84 相差在分米以内）',
    en: 'WGS84/CGCS2000 taken as entered (CGCS2000 and WGS84 agree within decimetres)',
  },
  siteLocationNoteGcj02: {
    zh: 'GCJ-02（高德、腾讯）已用 gcoord 转换为 WGS84，偏移 {shift} 米{untouched}；反算可将输入复原到 {residual} 米，但公开的 GCJ-02 公式与地图服务只在米级上一致',
    en: 'GCJ-02 (Amap/高德, Tencent) converted to WGS84 with gcoord, shifted {shift} m{untouched}; converting back reproduces the input to {residual} m, but the published GCJ-02 formulas match the map services only to metres',
  },
  siteLocationNoteBd09: {
    zh: 'BD-09（百度）已用 gcoord 转换为 WGS84，偏移 {shift} 米{untouched}；反算可将输入复原到 {residual} 米，但公开的 GCJ-02/BD-09 公式与地图服务只在米级上一致',
    en: 'BD-09 (Baidu) converted to WGS84 with gcoord, shifted {shift} m{untouched}; converting back reproduces the input to {residual} m, but the published GCJ-02/BD-09 formulas match the map services only to metres',
  },
  siteLocationNoteNoShift: {
    zh: '（位于中国大陆以外，地图服务在此使用 WGS84，故未作偏移）',
    en: ': outside mainland China, where the services use WGS84, so no shift was applied',
  },
  siteLocationNorthing: { zh: 'X（北坐标）', en: 'X (northing)' },
  siteLocationEasting: { zh: 'Y（东坐标）', en: 'Y (easting)' },
  siteLocationMetresEmpty: { zh: '{what}为空：请以米为单位填写，例如 {example}', en: '{what} is empty: enter it in metres, e.g. {example}' },
  siteLocationMetresNotNumber: {
    zh: '{what}“{value}”不是以米为单位的数字：请只填写数字，例如 {example}',
    en: '{what} "{value}" is not a number of metres: write digits only, e.g. {example}',
  },
  siteLocationEpsgUnknown: {
    zh: 'EPSG {epsg} 不是 CGCS2000 高斯-克吕格代码：请在 4491–4554 中选择（黑龙江：3° 带为 4528–4533 或 4549–4554，6° 带为 4499–4501 或 4510–4512）',
    en: 'EPSG {epsg} is not a CGCS2000 Gauss-Krüger code: choose one of 4491–4554 (Heilongjiang: 4528–4533 or 4549–4554 for 3° zones, 4499–4501 or 4510–4512 for 6° zones)',
  },
  siteLocationXySwapped: {
    zh: 'X {x} 像东坐标，Y {y} 像北坐标：按我国测量习惯，X 为北坐标（黑龙江约 4800000–5950000），Y 为东坐标；请交换两者',
    en: 'X {x} looks like an easting and Y {y} like a northing: in Chinese surveying X is the northing (about 4800000–5950000 in Heilongjiang) and Y the easting; swap them',
  },
  siteLocationNorthingOutOfRange: {
    zh: 'X（北坐标）{x} 超出 0–10000000 米：请填写到赤道的北向距离，单位为米（黑龙江约 4800000–5950000）',
    en: 'X (northing) {x} is outside 0–10000000 m: enter the distance north of the equator in metres (about 4800000–5950000 in Heilongjiang)',
  },
  siteLocationNotEasting: {
    zh: 'Y（东坐标）{y} 不是东坐标：请以米为单位填写，可带带号（例如 43554321.98）或不带带号（例如 554321.98）',
    en: 'Y (easting) {y} is not an easting: enter it in metres, with the zone prefix (e.g. 43554321.98) or without it (e.g. 554321.98)',
  },
  siteLocationUnknownPrefix: {
    zh: 'Y（东坐标）{y} 以 {prefix} 开头，但这不是 CGCS2000 的带号：3° 带为 25–45（黑龙江 40–45），6° 带为 13–23（黑龙江 21–23）；请检查数字',
    en: 'Y (easting) {y} starts with {prefix}, which is no CGCS2000 zone: 3° zones are 25–45 (Heilongjiang 40–45), 6° zones 13–23 (Heilongjiang 21–23); check the number',
  },
  siteLocationZoneConflict: {
    zh: 'EPSG {epsg}（{width}° 带，中央经线东经 {cm}°{noPrefix}）与 Y（东坐标）{y} 不符，其带号 {prefix} 对应 EPSG {named}（{namedWidth}° 带第 {namedZone} 带，中央经线东经 {namedCm}°）：请选择 EPSG {named} 或更正 Y',
    en: 'EPSG {epsg} ({width}° zone, CM {cm}°E{noPrefix}) contradicts Y (easting) {y}, whose prefix {prefix} means EPSG {named} ({namedWidth}° zone {namedZone}, CM {namedCm}°E): choose EPSG {named} or correct Y',
  },
  siteLocationNoPrefix: { zh: '，不带带号', en: ', no prefix' },
  siteLocationPrefixMissing: {
    zh: 'Y（东坐标）{y} 没有带号：请选择 EPSG 代码（例如 4552，即中央经线东经 129° 的不带带号 3° 带），或在 Y 前加上带号，如 3° 带第 43 带写作 43xxxxxx.xx',
    en: 'Y (easting) {y} has no zone prefix: choose the EPSG code (e.g. 4552, the 3° zone with CM 129°E, without prefix) or write Y with its zone prefix, as 43xxxxxx.xx for 3° zone 43',
  },
  siteLocationPrefixExpected: {
    zh: 'EPSG {epsg} 要求 Y 带有带号 {zone}（{zone}xxxxxx），但 Y（东坐标）{y} 没有带号：请将 Y 写作 {suggested}，或选择中央经线东经 {cm}° 的不带带号代码',
    en: 'EPSG {epsg} expects Y with the zone prefix {zone} ({zone}xxxxxx), but Y (easting) {y} has none: write Y as {suggested} or choose the code without prefix for CM {cm}°E',
  },
  siteLocationEastingTooLarge: {
    zh: 'Y（东坐标）{y} 对不带带号的东坐标而言过大（约 100000–900000）：请检查位数，或加上带号',
    en: 'Y (easting) {y} is too large for a zone without prefix (about 100000–900000): check the digits, or write it with its zone prefix',
  },
  siteLocationNotConvertible: { zh: 'X {x}、Y {y} 无法按 EPSG {epsg} 转换：请检查两个数字及所选的带', en: 'X {x}, Y {y} cannot be converted in EPSG {epsg}: check both numbers and the zone' },
  siteLocationGaussKrugerOutsideRegion: {
    zh: 'X {x}、Y {y}（EPSG {epsg}）位于东经 {lon}°、北纬 {lat}°，超出本工具的覆盖范围（东经 115–140°、北纬 38–58°）：请检查数字及所选的带',
    en: 'X {x}, Y {y} in EPSG {epsg} is {lon}°E, {lat}°N, outside the area this tool covers (115–140°E, 38–58°N): check the numbers and the zone',
  },
  siteLocationNoteGaussKruger: {
    zh: 'CGCS2000 {width}° 高斯-克吕格第 {zone} 带（EPSG:{epsg}，中央经线东经 {cm}°）已用 proj4 转换为 WGS84，精确到毫米（CGCS2000 与 WGS84 相差在分米以内）',
    en: 'CGCS2000 {width}° Gauss-Krüger zone {zone} (EPSG:{epsg}, CM {cm}°E) converted to WGS84 with proj4 to the millimetre (CGCS2000 and WGS84 agree within decimetres)',
  },
  // ------------------------------------------------------------------------------------------ browser storage (IndexedDB)
  storageNoIndexedDb: {
    zh: '此浏览器没有 IndexedDB（隐私模式可能将其关闭），无法打开{what}：您的工作只保存在内存中，关闭标签页前请导出',
    en: 'this browser has no IndexedDB (private mode may turn it off), so {what} cannot be opened: your work stays in memory only; export it before closing the tab',
  },
  storageBlocked: {
    zh: '{what}被本地图的另一个旧版本标签页占用：请关闭或刷新其他标签页，然后刷新本页',
    en: '{what} is held open by another tab of this map with an older version: close or reload the other tabs, then reload this one',
  },
  storageFailed: { zh: '无法在 IndexedDB 中{doing}（{detail}）：{advice}', en: 'could not {doing} in IndexedDB ({detail}): {advice}' },
  storageAdviceQuota: {
    zh: '浏览器存储空间已满；您的工作仍在内存中：请释放磁盘空间或先导出，然后重试',
    en: 'the browser storage is full; your work stays in memory: free disk space or export it, then retry',
  },
  storageAdviceKeep: { zh: '您的工作仍在内存中：如果反复出现，请先导出', en: 'your work stays in memory: export it if this keeps happening' },
  storageZoneDatabase: { zh: '禁燃区数据库', en: 'the zone database' },
  storageWorkspaceDatabase: { zh: '工作区数据库', en: 'the workspace database' },
  storageDoOpen: { zh: '打开{what}', en: 'open {what}' },
  storageDoLoadZones: { zh: '读取禁燃区', en: 'load the zones' },
  storageDoSaveZones: { zh: '保存禁燃区', en: 'save the zones' },
  storageDoListVersions: { zh: '列出版本', en: 'list the versions' },
  storageDoSaveVersion: { zh: '保存版本', en: 'save the version' },
  storageDoLoadVersion: { zh: '读取版本', en: 'load the version' },
  storageDoDeleteVersion: { zh: '删除版本', en: 'delete the version' },
  storageDoLoadItem: { zh: '读取“{item}”', en: 'load {item}' },
  storageDoSaveItem: { zh: '保存“{item}”', en: 'save {item}' },
  storageDoDeleteItem: { zh: '删除“{item}”', en: 'delete {item}' },
  storageDoListItems: { zh: '列出已保存的内容', en: 'list what is kept' },
  storageTransactionAborted: { zh: '事务被中止', en: 'the transaction was aborted' },
  storageCommittedWithoutResult: { zh: '事务已提交但没有结果', en: 'the transaction committed without a result' },
  storageVersionMissing: {
    zh: '没有编号为 {id} 的已存版本：它可能已在另一个标签页中删除；请从版本列表中选择',
    en: 'no saved version has the id {id}: it may have been deleted in another tab; pick one from the version list',
  },
  storageZoneConflict: {
    zh: '另一个标签页已保存禁燃区（版本 {stored}，本标签页为 {base}）：请重新载入禁燃区后再编辑',
    en: 'another tab saved the zones (revision {stored}, this tab has {base}): reload the zones before editing again',
  },
  // ------------------------------------------------------------------------------------------ coordinate systems read from files
  vectorCrsWgs84In: { zh: 'WGS84（{source}）', en: 'WGS84 ({source})' },
  vectorCrsPrjWgs84: { zh: 'WGS84 经纬度（.prj）', en: 'WGS84 longitude/latitude (.prj)' },
  vectorCrsPrjCgcs2000: { zh: 'CGCS2000 经纬度（.prj），按 WGS84 使用', en: 'CGCS2000 longitude/latitude (.prj), used as WGS84' },
  vectorCrsEpsg4326: { zh: 'WGS84 经纬度（EPSG:4326）', en: 'WGS84 longitude/latitude (EPSG:4326)' },
  vectorCrsEpsg4490: { zh: 'CGCS2000 经纬度（EPSG:4490），按 WGS84 使用', en: 'CGCS2000 longitude/latitude (EPSG:4490), used as WGS84' },
  vectorCrsGaussKruger: { zh: '{name}（EPSG:{epsg}）→ WGS84', en: '{name} (EPSG:{epsg}) → WGS84' },
  vectorCrsGaussKrugerNoCode: { zh: '{name} → WGS84', en: '{name} → WGS84' },
  vectorCrsTransverseMercator: {
    zh: '{datum} 横轴墨卡托投影（中央经线 {lon0}°，东偏移 {x0} 米，比例因子 {k}）→ WGS84',
    en: '{datum} Transverse Mercator (central meridian {lon0}°, false easting {x0} m, scale {k}) → WGS84',
  },
  vectorCrsNoPrj: {
    zh: '没有 .prj：坐标按 WGS84 经纬度读取（全部在 ±180°/±90° 以内）',
    en: 'no .prj: coordinates read as WGS84 longitude/latitude (all are within ±180°/±90°)',
  },
  vectorCrsOfLayer: { zh: '{layer}：{crs}', en: '{layer}: {crs}' },
  vectorCrsList: { zh: '{first}；{rest}', en: '{first}; {rest}' },
  zoneVerticesCrs: {
    zh: 'WGS84 经纬度（拐点表；坐标系为 GCJ-02 或 BD-09 的行已转换）',
    en: 'WGS84 longitude/latitude (vertex list; rows whose 坐标系 is GCJ-02 or BD-09 converted)',
  },
} satisfies Record<string, { zh: string; en: string }>;
