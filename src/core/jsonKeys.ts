/** The top-level keys of a JSON object value (RDS, RAM and ECS secrets, key/value generic secrets); undefined otherwise. */
export function jsonObjectKeys(value: string): string[] | undefined {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : undefined;
  } catch {
    return undefined;
  }
}
