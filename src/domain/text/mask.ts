/**
 * A person's name shown where the full name is not needed (lists of dossiers not yet received): the
 * first word (the family name) kept, each further word reduced to its first letter and "***", so the
 * name can be told apart in a short list without being read out. "Trần Văn Bình" → "Trần V*** B***".
 */
export function maskPersonName(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '';
  const [first, ...rest] = words;
  if (rest.length === 0) return `${[...first!][0]}***`;
  return [first, ...rest.map((w) => `${[...w][0]}***`)].join(' ');
}
