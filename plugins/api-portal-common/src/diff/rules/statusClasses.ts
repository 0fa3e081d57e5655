/** Whether a status key is a success or redirect (`2xx`, `3xx`, `2XX`). */
export function isSuccessStatus(status: string): boolean {
  return /^[23]/.test(status);
}

/** Whether a removed status is still covered by a range such as `2XX`. */
export function coveredByRange(
  status: string,
  statuses: Iterable<string>,
): boolean {
  if (!/^\d{3}$/.test(status)) {
    return false;
  }
  const range = `${status[0]}XX`;
  for (const s of statuses) {
    if (s.toUpperCase() === range) {
      return true;
    }
  }
  return false;
}
