import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages';
import { IconCheck, IconGlobe } from './icons';

/** Switches the interface language; official documents stay Vietnamese regardless. */
export function LanguageMenu({ variant = 'subtle' }: { variant?: 'subtle' | 'white' | 'default' }) {
  const { t, i18n } = useTranslation();
  const current = LANGUAGES.find((language) => language.code === i18n.resolvedLanguage) ?? LANGUAGES[0];
  return (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <Button
          variant={variant}
          color={variant === 'white' ? 'dark' : 'white'}
          size="compact-md"
          leftSection={<IconGlobe />}
          aria-label={`${current.short} · ${t('language.choose')}`}
          data-testid="language-menu"
          c={variant === 'subtle' ? 'white' : undefined}
        >
          {current.short}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language.code}
            lang={language.code}
            onClick={() => void i18n.changeLanguage(language.code)}
            rightSection={language.code === current.code ? <IconCheck size={16} /> : null}
            data-testid={`language-option-${language.code}`}
          >
            {language.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
