import { describe, expect, it } from 'vitest';
import { listForms } from '../../domain/forms/registry.ts';
import { renderBlankForm } from './blank-form.ts';
import { pdfPages } from './pdf-text.test-support.ts';

describe('renderBlankForm', () => {
  it.each(listForms().map((d) => [`${d.procedureCode} v${d.version}`, d] as const))(
    'prints every question of %s with Vietnamese text intact',
    async (_, definition) => {
      const pdf = await renderBlankForm({
        definition,
        procedureName: 'Thủ tục thử',
        documents: [{ name: 'Giấy tờ tùy thân', required: true }],
      });
      const text = pdfPages(pdf).join(' ');
      expect(text).toContain(definition.title);
      for (const group of definition.groups) {
        expect(text).toContain(group.title.toLocaleUpperCase('vi-VN'));
        for (const field of group.fields) expect(text).toContain(field.label.slice(0, 20));
      }
      expect(text).toContain('Giấy tờ tùy thân (bắt buộc)');
    },
    30_000,
  );
});
