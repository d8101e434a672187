/** System CJK fonts found on Windows, macOS and Linux: labels render offline with no glyph server. */
export const LABEL_FONT_FAMILY = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif';

/** County names appear from this zoom on, so labels do not pile up over the whole province. */
export const COUNTY_LABEL_MIN_ZOOM = 7;
