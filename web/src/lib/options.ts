/** Select options from an enum's Chinese labels, in the enum's order. */
export function labelOptions<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** Select options from a catalog of Chinese values (职称, 学历 …), each its own label. */
export function listOptions(values: readonly string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: value }));
}
