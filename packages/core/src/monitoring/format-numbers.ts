// Number formats of the verdict sentences: measurements keep one decimal ("5.0%", "4.9–6.8"),
// configured limits drop a trailing ".0" ("the allowed 1 pp").

export function oneDecimal(value: number): string {
  const text = (Math.round(value * 10) / 10).toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

/** For limits: 1, 0.5, 25. */
export function fixed(value: number): string {
  return oneDecimal(value).replace(/\.0$/, '');
}

export function percent(fraction: number): string {
  return `${oneDecimal(fraction * 100)}%`;
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
