import { formatDms, toGaussKruger3 } from '../core/geo/coordinates.ts';
import { useT } from './i18n.ts';

/** WGS84 decimal and DMS, and CGCS2000 3° Gauss-Krüger (X northing, Y easting with zone prefix) of the pointer. */
export function PointerCoordinates({ lon, lat }: { lon: number; lat: number }) {
  const t = useT();
  const gk = toGaussKruger3(lon, lat);
  return (
    <div className="pointer-readout" aria-label={t('pointer')} data-testid="pointer-readout">
      <span>
        <b>{t('decimal')}</b> <span data-field="decimal">{lon.toFixed(6)}, {lat.toFixed(6)}</span>
      </span>
      <span>
        <b>{t('dms')}</b> <span data-field="dms">{formatDms(lon, 'lon')} {formatDms(lat, 'lat')}</span>
      </span>
      <span>
        <b>{t('gaussKruger')}</b>{' '}
        <span data-field="gauss-kruger">
          X {gk.x.toFixed(2)} Y {gk.y.toFixed(2)} ({gk.zone} · EPSG:{gk.epsg ?? '—'})
        </span>
      </span>
    </div>
  );
}
