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

/** One decimal, or two below 1 so that small rates and differences do not round to 0. */
export function precise(value: number): string {
  if (Math.abs(value) >= 1 || value === 0) return oneDecimal(value);
  const text = (Math.round(value * 100) / 100).toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** A signed change: "+0.05", "−0.90" (a real minus sign, so ranges read unambiguously). */
export function signed(value: number): string {
  const text = precise(value);
  return text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`;
}

export function percent(fraction: number): string {
  return `${precise(fraction * 100)}%`;
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
