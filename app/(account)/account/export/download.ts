/** A size as a person reads it, in their language: "812 bytes", "1.4 MB" (binary units). */
export function sizeParts(n: number): { unit: "b" | "kb" | "mb"; n: number } {
  if (n < 1024) return { unit: "b", n };
  if (n < 1024 * 1024) return { unit: "kb", n: Math.round((n / 1024) * 10) / 10 };
  return { unit: "mb", n: Math.round((n / 1024 / 1024) * 10) / 10 };
}

export function exportQuery(values: {
  format: string;
  categories: readonly string[];
  from: string | null;
  to: string | null;
}): string {
  const params = new URLSearchParams({
    format: values.format,
    categories: values.categories.join(","),
  });
  if (values.from) params.set("from", values.from);
  if (values.to) params.set("to", values.to);
  return `/api/export?${params}`;
}
