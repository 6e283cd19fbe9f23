import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { matchesSearch } from '../../domain/text/fold.ts';

/**
 * Mantine Select filter with the server's diacritic-insensitive rule: an option matches on its label
 * or value typed with or without tone marks ("chung thuc" finds "Chứng thực", "my linh" finds "Mỹ Linh").
 */
export const foldedSearch: OptionsFilter = ({ options, search }) =>
  (options as ComboboxItem[]).filter((option) => matchesSearch(`${option.label} ${option.value}`, search));
