import { useEffect, useState } from 'react';
import { dataUrl } from '../io/data-url.ts';
import { Dialog } from './Dialog.tsx';
import { useT } from './i18n.ts';

interface Provenance {
  sources: { name: string; licence: string; vintage: string; coordinateSystem: string; paths?: string[]; use?: string }[];
  transforms: string[];
  outputs: { path: string; bytes: number; gzipBytes?: number; sha256: string }[];
}

/** Shows public/data/provenance.json: source, licence, vintage, transforms and checksums of the shipped data. */
export function DataSourcesDialog() {
  const t = useT();
  const [provenance, setProvenance] = useState<Provenance | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch(dataUrl('provenance.json'))
      .then((r) => (r.ok ? (r.json() as Promise<Provenance>) : Promise.reject(new Error(`provenance.json: HTTP ${r.status}`))))
      .then(setProvenance, (e: Error) => setError(e.message));
  }, []);
  return (
    <Dialog title={t('dataSources')} testId="data-sources-dialog">
      {error && <p className="warning">{error}</p>}
      {provenance && (
        <div className="provenance">
          {provenance.sources.map((source) => (
            <section key={source.name}>
              <h3>{source.name}</h3>
              <dl>
                <dt>{t('licence')}</dt>
                <dd>{source.licence}</dd>
                <dt>{t('vintage')}</dt>
                <dd>{source.vintage}</dd>
                <dt>{t('coordinateSystem')}</dt>
                <dd>{source.coordinateSystem}</dd>
                {source.paths && (
                  <>
                    <dt>{t('source')}</dt>
                    <dd>{source.paths.join('; ')}</dd>
                  </>
                )}
              </dl>
            </section>
          ))}
          <h3>{t('transforms')}</h3>
          <ol>
            {provenance.transforms.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <h3>{t('outputs')}</h3>
          <ul>
            {provenance.outputs.map((output) => (
              <li key={output.path}>
                {output.path}: {output.bytes.toLocaleString()} B, sha256 {output.sha256.slice(0, 16)}…
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
