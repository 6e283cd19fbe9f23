import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from '../identity/use-me';
import type { Counters } from './api';
import { hallApi } from './hall-api';

type Counter = Counters['counters'][number];

/** One counter: rename, choose its fields, deactivate or reactivate; saved against the version shown. */
function CounterRow({
  unit,
  counter,
  fields,
  onSaved,
}: {
  unit: string;
  counter: Counter;
  fields: Counters['fields'];
  onSaved: (next: Counters, message: string) => void;
}) {
  const { t } = useTranslation('hall');
  const [name, setName] = useState(counter.name);
  const [chosen, setChosen] = useState<string[]>(counter.fields);
  const save = useMutation({
    mutationFn: (active: boolean) =>
      hallApi.updateCounter(counter.number, { unit, name, fields: chosen, active, version: counter.version }),
    onSuccess: (next) => onSaved(next, t('saved', { number: counter.number })),
  });
  const id = `counter-${counter.number}`;
  return (
    <Paper withBorder p="md" radius="md" data-testid={`config-counter-${counter.number}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h5">
            {t('counterTitle', { number: counter.number })}
          </Title>
          <Badge color={counter.active ? 'teal.9' : 'gray.7'} variant="filled">
            {counter.active ? t('active') : t('inactive')}
          </Badge>
        </Group>
        <TextInput
          id={`${id}-name`}
          label={t('counterName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={60}
          required
          data-testid={`config-counter-${counter.number}-name`}
        />
        <MultiSelect
          label={t('counterFields')}
          placeholder={chosen.length ? undefined : t('allFields')}
          data={fields.map((f) => ({ value: f.code, label: f.name }))}
          value={chosen}
          onChange={setChosen}
          searchable
          clearable
          data-testid={`config-counter-${counter.number}-fields`}
        />
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group gap="sm">
          <Button
            onClick={() => save.mutate(counter.active)}
            loading={save.isPending}
            disabled={!name.trim()}
            data-testid={`config-counter-${counter.number}-save`}
          >
            {t('save')}
          </Button>
          <Button
            variant="outline"
            color={counter.active ? 'red.9' : 'teal.9'}
            onClick={() => save.mutate(!counter.active)}
            loading={save.isPending}
            data-testid={`config-counter-${counter.number}-toggle`}
          >
            {counter.active ? t('deactivate') : t('reactivate')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The counters of a commune center and the fields each serves (the center's leader, the province
 * officer, the administrator): add, rename, change fields, deactivate. Each counter is saved against
 * the version this page showed; a counter changed meanwhile by someone else is refused (409).
 */
export function CountersConfigPage() {
  const { t } = useTranslation('hall');
  const me = useMe();
  const client = useQueryClient();
  const ownUnit = me.data?.unit?.code;
  const [unitDraft, setUnitDraft] = useState('');
  const [chosenUnit, setChosenUnit] = useState('');
  const unit = ownUnit ?? (chosenUnit || undefined);
  const [message, setMessage] = useState<string | null>(null);
  const key = ['queue', 'config', unit];
  const data = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => hallApi.counters(unit, signal),
    enabled: Boolean(unit),
  });
  const [number, setNumber] = useState<number | string>('');
  const [name, setName] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const onSaved = (next: Counters, text: string) => {
    client.setQueryData(key, next);
    void client.invalidateQueries({ queryKey: ['queue', 'counters'] });
    setMessage(text);
  };
  const add = useMutation({
    mutationFn: () => hallApi.addCounter({ unit, number: Number(number), name: name.trim(), fields }),
    onSuccess: (next) => {
      onSaved(next, t('added', { number }));
      setNumber('');
      setName('');
      setFields([]);
    },
  });
  const submitAdd = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Stack gap="md" data-testid="counters-config-page">
      <PageTitle title={t('configTitle')} subtitle={data.data?.unit.name} />
      <Text size="sm" c="dimmed">
        {t('configLead')}
      </Text>
      {ownUnit ? null : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setChosenUnit(unitDraft);
          }}
        >
          <Group align="end" gap="sm">
            <TextInput
              label={t('unitCode')}
              value={unitDraft}
              onChange={(e) => setUnitDraft(e.currentTarget.value.trim())}
              w={120}
              data-testid="config-unit"
            />
            <Button type="submit">{t('show')}</Button>
          </Group>
        </form>
      )}
      {data.isError ? <ProblemAlert error={data.error} /> : null}
      {data.isPending && unit ? <Loader /> : null}
      {message ? (
        <Alert
          color="green"
          data-testid="config-message"
          withCloseButton
          closeButtonLabel={t('close')}
          onClose={() => setMessage(null)}
        >
          {message}
        </Alert>
      ) : null}
      {data.data ? (
        <>
          {data.data.counters.map((c) => (
            // Keyed by version: a saved or reloaded counter starts again from what the server holds.
            <CounterRow
              key={`${c.number}-${c.version}`}
              unit={data.data.unit.code}
              counter={c}
              fields={data.data.fields}
              onSaved={onSaved}
            />
          ))}
          <Button
            variant="subtle"
            onClick={() => void data.refetch()}
            data-testid="config-reload"
            w="fit-content"
          >
            {t('reload')}
          </Button>
          <Paper withBorder p="md" radius="md">
            <form onSubmit={submitAdd}>
              <Stack gap="sm">
                <Title order={2} size="h5">
                  {t('addTitle')}
                </Title>
                <Group align="end" gap="sm" wrap="wrap">
                  <NumberInput
                    label={t('counterNumber')}
                    value={number}
                    onChange={setNumber}
                    min={1}
                    max={99}
                    allowDecimal={false}
                    required
                    w={140}
                    data-testid="config-add-number"
                  />
                  <TextInput
                    label={t('counterName')}
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                    maxLength={60}
                    required
                    style={{ flex: '1 1 200px' }}
                    data-testid="config-add-name"
                  />
                </Group>
                <MultiSelect
                  label={t('counterFields')}
                  placeholder={fields.length ? undefined : t('allFields')}
                  data={data.data.fields.map((f) => ({ value: f.code, label: f.name }))}
                  value={fields}
                  onChange={setFields}
                  searchable
                  clearable
                  data-testid="config-add-fields"
                />
                {add.error ? <ProblemAlert error={add.error} /> : null}
                <Button
                  type="submit"
                  loading={add.isPending}
                  disabled={!number || !name.trim()}
                  w="fit-content"
                  data-testid="config-add"
                >
                  {t('add')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
