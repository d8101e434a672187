/**
 * The file cannot be read at all (empty, malformed, unknown projection). The message starts with the file name
 * and says what to do; show it as text.
 *
 * @example
 * readVectorFile(bytes, name).catch((error) => {
 *   if (error instanceof VectorFileError) showMessage(error.message);
 * });
 */
export class VectorFileError extends Error {
  override name = 'VectorFileError';
}
