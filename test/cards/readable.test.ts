import { readableColours } from '../../src/cards/readable.js';

describe('colours people can read', () => {
  it('puts green, yellow and red text in the default colour, in bold', () => {
    for (const color of ['good', 'Warning', 'attention']) {
      const text: Record<string, unknown> = { type: 'TextBlock', text: 'Not decided yet', color };
      readableColours(text);
      expect(text).toEqual({ type: 'TextBlock', text: 'Not decided yet', weight: 'Bolder' });
    }
  });

  it('keeps colours that read well and text that has none', () => {
    const accent: Record<string, unknown> = { type: 'TextRun', text: 'Guidance', color: 'accent' };
    readableColours(accent);
    expect(accent).toEqual({ type: 'TextRun', text: 'Guidance', color: 'accent' });
  });

  it('gives coloured containers the emphasis style, and leaves buttons their style', () => {
    const box: Record<string, unknown> = { type: 'Container', style: 'good', items: [] };
    readableColours(box);
    expect(box.style).toBe('emphasis');
    const button: Record<string, unknown> = { type: 'Action.Execute', style: 'positive' };
    readableColours(button);
    expect(button.style).toBe('positive');
    const untyped: Record<string, unknown> = { color: 'good' };
    readableColours(untyped);
    expect(untyped.color).toBe('good');
  });
});
