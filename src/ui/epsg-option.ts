import { text, type Text } from '../core/text/text.ts';

/** A CGCS2000 Gauss-Krüger code as the EPSG pickers list it, in the UI language. */
export function epsgOptionText(code: { epsg: number; zoneWidth: 3 | 6; prefixed: boolean; centralMeridian: number }): Text {
  // 3° zones are numbered by central meridian / 3, 6° zones by (central meridian + 3) / 6.
  const zone = code.zoneWidth === 3 ? code.centralMeridian / 3 : (code.centralMeridian + 3) / 6;
  const params = { epsg: code.epsg, width: code.zoneWidth, zone, cm: code.centralMeridian };
  return text(code.prefixed ? 'gkOptionPrefixed' : 'gkOptionUnprefixed', params);
}
