import { useEffect, useState } from 'react';
import { errorText, text, TextError, type Text } from '../core/text/text.ts';
import { dataUrl } from '../io/data-url.ts';
import { Dialog } from './Dialog.tsx';
import { useLanguage, useRender, useT } from './i18n.ts';

interface ProvenanceFile {
  path: string;
  synthetic: boolean;
  description: string;
  sources: { name: string; licence: string; vintage: string; coordinateSystem: string; paths?: string[]; use?: string }[];
  transforms: string[];
  /** The same record in Chinese (the data build writes both). */
  zh: { description: string; sources: { licence: string; vintage: string; coordinateSystem: string; use?: string }[]; transforms: string[] };
  bytes: number;
  sha256: string;
}

interface Provenance {
  files: ProvenanceFile[];
}

/** Shows public/data/provenance.json: source, licence, vintage, transforms and checksums of the shipped data. */
export function DataSourcesDialog() {
  const t = useT();
  const language = useLanguage();
  const render = useRender();
  const [provenance, setProvenance] = useState<Provenance | null>(null);
  const [error, setError] = useState<Text | string | null>(null);
  useEffect(() => {
    fetch(dataUrl('provenance.json'))
      .then((r) => (r.ok ? (r.json() as Promise<Provenance>) : Promise.reject(new TextError(text('dataFileFailed', { file: 'provenance.json', status: r.status })))))
      .then(setProvenance, (e: unknown) => setError(errorText(e)));
  }, []);
  return (
    <Dialog title={t('dataSources')} testId="data-sources-dialog">
      {error && <p className="warning">{render(error)}</p>}
      {provenance?.files.map((file) => (
        <section key={file.path} className="provenance" data-file={file.path}>
          <h3>
            {file.path.replace('public/', '')} {file.synthetic && <span className="badge synthetic">{t('synthetic')}</span>}
          </h3>
          <p>{language === 'zh' ? file.zh.description : file.description}</p>
          {file.sources.map((source, i) => {
            const local = language === 'zh' ? { ...source, ...file.zh.sources[i] } : source;
            return (
              <dl key={source.name}>
                <dt>{t('source')}</dt>
                <dd>
                  {language === 'zh' && source.name === 'generated (no external source)' ? t('generatedNoSource') : source.name}
                  {source.paths ? `: ${source.paths.join('; ')}` : ''}
                </dd>
                <dt>{t('licence')}</dt>
                <dd>{local.licence}</dd>
                <dt>{t('vintage')}</dt>
                <dd>{local.vintage}</dd>
                <dt>{t('coordinateSystem')}</dt>
                <dd>{local.coordinateSystem}</dd>
              </dl>
            );
          })}
          <h4>{t('transforms')}</h4>
          <ol>
            {(language === 'zh' ? file.zh.transforms : file.transforms).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p className="note">
            {file.bytes.toLocaleString()} B · sha256 {file.sha256.slice(0, 16)}…
          </p>
        </section>
      ))}
    </Dialog>
  );
}
