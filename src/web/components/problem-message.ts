import type { TFunction } from 'i18next';
import { isApiProblem } from '../api/client';

/**
 * The text to show for a failed call. The server's Vietnamese `title` is authoritative in Vietnamese;
 * in other languages a translation keyed by the problem code is used when we have one.
 */
export function problemMessage(error: unknown, t: TFunction, language: string): string {
  if (isApiProblem(error)) {
    const key = `problems.${error.code}`;
    const translated = t(key, { defaultValue: '' });
    if (error.code === 'NETWORK_ERROR' || error.code === 'HTTP_ERROR') return translated || error.title;
    if (language === 'vi' || !translated) return error.title || translated;
    return translated;
  }
  return t('problems.UNEXPECTED');
}
