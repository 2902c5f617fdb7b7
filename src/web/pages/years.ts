/** The years to choose from: the last few fiscal years (self-evaluation is of a closed year). */
export function yearOptions(now = new Date(), count = 8): { value: string; label: string }[] {
  const last = now.getFullYear();
  return Array.from({ length: count }, (_, i) => String(last - i)).map((y) => ({ value: y, label: y }));
}
