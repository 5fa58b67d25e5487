// Number formats of the verdict sentences: "5.8", "6.2%", "412 ms".

/** One decimal, trailing ".0" dropped: 5.8, 1, -0.3. */
export function fixed(value: number): string {
  const text = (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
  return text === '-0' ? '0' : text;
}

export function percent(fraction: number): string {
  return `${fixed(fraction * 100)}%`;
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
