import { TextError, type Text } from '../../../core/text/text.ts';

/**
 * The file cannot be read at all (empty, malformed, unknown projection). The message (English) starts with the file
 * name and says what to do; `text` carries the catalogue text, for the app to show in the user's language.
 *
 * @example
 * readVectorFile(bytes, name).catch((error) => {
 *   if (error instanceof VectorFileError) showMessage(error.text);
 * });
 */
export class VectorFileError extends TextError {
  constructor(value: Text) {
    super(value);
    this.name = 'VectorFileError';
  }
}
