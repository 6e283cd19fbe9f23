/** fast-check generators of valid answers for any form definition, and of ways to spoil them. */
import fc from 'fast-check';
import { fromEpochDay, type PlainDate, toEpochDay } from '../calendar/vn-time.ts';
import { BIRTH_PROVINCE_NAMES } from '../identity/personal-id.ts';
import type { FieldValue, FormAnswers, FormDefinition, FormField, FormGroup, GroupAnswers } from './types.ts';
import { ADDRESS_MAX } from './validate.ts';

const LETTERS = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵAĂÂĐÊÔƠƯ0123456789,./-',
];

function textArb(min: number, max: number): fc.Arbitrary<string> {
  const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
  return fc
    .array(word, { minLength: 1, maxLength: 8 })
    .map((ws) => ws.join(' '))
    .map((s) => (s.length < min ? s.padEnd(min, 'a') : s).slice(0, max).trim())
    .filter((s) => s.length >= min);
}

export function personalIdArb(today: PlainDate): fc.Arbitrary<string> {
  const year = Number(today.slice(0, 4));
  const provinces = Object.keys(BIRTH_PROVINCE_NAMES);
  const century = fc.oneof(
    fc.tuple(fc.constantFrom('0', '1'), fc.integer({ min: 0, max: 99 })),
    fc.tuple(fc.constantFrom('2', '3'), fc.integer({ min: 0, max: year - 2000 })),
  );
  return fc
    .tuple(fc.constantFrom(...provinces), century, fc.integer({ min: 0, max: 999_999 }))
    .map(([p, [c, yy], rest]) => `${p}${c}${String(yy).padStart(2, '0')}${String(rest).padStart(6, '0')}`);
}

export function valueArb(field: FormField, today: PlainDate): fc.Arbitrary<FieldValue> {
  switch (field.type) {
    case 'text':
      return textArb(field.minLength ?? 1, field.maxLength);
    case 'address':
      return textArb(5, ADDRESS_MAX);
    case 'date':
      return fc
        .integer({ min: toEpochDay('1930-01-01'), max: toEpochDay(today) + (field.notFuture ? 0 : 3650) })
        .map(fromEpochDay);
    case 'personalId':
      return personalIdArb(today);
    case 'phone':
      return fc
        .tuple(fc.constantFrom('03', '05', '07', '08', '09'), fc.integer({ min: 0, max: 99_999_999 }))
        .map(([p, n]) => `${p}${String(n).padStart(8, '0')}`);
    case 'select':
      return fc.constantFrom(...field.options.map((o) => o.value));
    case 'checkbox':
      return field.mustBeChecked ? fc.constant(true) : fc.boolean();
    case 'number':
      return fc.integer({ min: field.min, max: field.max });
  }
}

function itemArb(group: FormGroup, today: PlainDate): fc.Arbitrary<GroupAnswers> {
  const shape: Record<string, fc.Arbitrary<FieldValue>> = {};
  const requiredKeys: string[] = [];
  for (const f of group.fields) {
    shape[f.id] = valueArb(f, today);
    if (f.required || f.requiredWhen || (f.type === 'checkbox' && f.mustBeChecked)) requiredKeys.push(f.id);
  }
  return fc.record(shape, { requiredKeys }) as fc.Arbitrary<GroupAnswers>;
}

/** Answers that satisfy every rule of the definition on `today`. */
export function validAnswersArb(definition: FormDefinition, today: PlainDate): fc.Arbitrary<FormAnswers> {
  const shape: Record<string, fc.Arbitrary<GroupAnswers | GroupAnswers[]>> = {};
  for (const g of definition.groups) {
    shape[g.id] = g.repeat
      ? fc.array(itemArb(g, today), { minLength: g.repeat.min, maxLength: Math.min(g.repeat.max, 3) })
      : itemArb(g, today);
  }
  return fc.record(shape) as fc.Arbitrary<FormAnswers>;
}

/** A wrong value for a field: wrong type, empty, too long, control characters, out of range… */
export function badValueArb(field: FormField, today: PlainDate): fc.Arbitrary<unknown> {
  const common: fc.Arbitrary<unknown>[] = [
    fc.constant(''),
    fc.constant(null),
    fc.constant([]),
    fc.constant({ x: 1 }),
    fc.constant(field.type === 'number' || field.type === 'checkbox' ? 'abc' : 42),
  ];
  const specific: fc.Arbitrary<unknown>[] = [];
  switch (field.type) {
    case 'text':
    case 'address':
      specific.push(
        fc.constant('x'.repeat((field.type === 'text' ? field.maxLength : ADDRESS_MAX) + 1)),
        fc.constantFrom('Nguyễn\u0000Văn A', 'Lê\u0007 Thị B', 'bad\ud800surrogate'),
      );
      break;
    case 'date':
      specific.push(
        fc.constantFrom('2024-02-30', '15/06/2020', '2020-13-01', fromEpochDay(toEpochDay(today) + 1)),
      );
      break;
    case 'personalId':
      specific.push(fc.constantFrom('12345', '003090001234', '001990abcdef', `00149${'0'.repeat(7)}`));
      break;
    case 'phone':
      specific.push(fc.constantFrom('12345', '0112345678', '+1 555 0100', '09123456789'));
      break;
    case 'select':
      specific.push(fc.constant('không-có'));
      break;
    case 'checkbox':
      specific.push(fc.constant('true'));
      break;
    case 'number':
      specific.push(fc.constantFrom(field.min - 1, field.max + 1, field.min + 0.5, '3'));
      break;
  }
  return fc.oneof(...common, ...specific);
}

export type Spoil =
  | { kind: 'field'; group: number; field: number; value: unknown }
  | { kind: 'unknownField'; group: number; key: string }
  | { kind: 'unknownGroup'; key: string }
  | { kind: 'groupType'; group: number; value: unknown };

export function spoilArb(definition: FormDefinition, today: PlainDate): fc.Arbitrary<Spoil> {
  const fieldSpoils = definition.groups.flatMap((g, gi) =>
    g.fields.map((f, fi) =>
      badValueArb(f, today).map((value): Spoil => ({ kind: 'field', group: gi, field: fi, value })),
    ),
  );
  const n = definition.groups.length - 1;
  return fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...fieldSpoils) },
    fc
      .tuple(
        fc.integer({ min: 0, max: n }),
        fc.constantFrom('__proto__', 'constructor', 'extra', 'fullname '),
      )
      .map(([group, key]): Spoil => ({ kind: 'unknownField', group, key })),
    fc
      .constantFrom('extra', 'toString', 'hasOwnProperty')
      .map((key): Spoil => ({ kind: 'unknownGroup', key })),
    fc
      .tuple(fc.integer({ min: 0, max: n }), fc.constantFrom<unknown>('text', 7, true))
      .map(([group, value]): Spoil => ({ kind: 'groupType', group, value })),
  );
}

/** Applies a spoil to (a copy of) valid answers; repeatable groups get it in their first item. */
export function applySpoil(
  definition: FormDefinition,
  answers: FormAnswers,
  spoil: Spoil,
): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(answers)) as Record<string, unknown>;
  if (spoil.kind === 'unknownGroup') {
    Object.defineProperty(out, spoil.key, {
      value: {},
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return out;
  }
  const group = definition.groups[spoil.group] as FormGroup;
  if (spoil.kind === 'groupType') {
    out[group.id] = spoil.value;
    return out;
  }
  let target: Record<string, unknown>;
  if (group.repeat) {
    const list = (out[group.id] as Record<string, unknown>[] | undefined) ?? [];
    if (list.length === 0) list.push({});
    out[group.id] = list;
    target = list[0] as Record<string, unknown>;
  } else {
    target = (out[group.id] as Record<string, unknown> | undefined) ?? {};
    out[group.id] = target;
  }
  const key = spoil.kind === 'field' ? (group.fields[spoil.field] as FormField).id : spoil.key;
  const value = spoil.kind === 'field' ? spoil.value : 'x';
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}
