/** A date as YYYY-MM-DD in local time. No imports: the VS Code client bundles it too. */
export function localDate(time: Date): string {
  return `${time.getFullYear()}-${String(time.getMonth() + 1).padStart(2, '0')}-${String(time.getDate()).padStart(2, '0')}`;
}
