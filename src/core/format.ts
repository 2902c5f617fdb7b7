/** Numbers as the forms print them; shared by the PDF form and the web editor. */

/** "414400.00" → "414,400.00" (the text of a decimal, grouped by thousands; nothing else changed). */
export function groupThousands(decimalText: string): string {
  const [whole = '', fraction] = decimalText.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}
