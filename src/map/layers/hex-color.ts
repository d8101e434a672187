/** `#rrggbb` of an RGB triple, for legend swatches (deck.gl takes the triple itself). */
export const hexColor = ([r, g, b]: readonly number[]): string => `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
