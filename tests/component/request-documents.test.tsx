import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { DocumentsStep } from '../../src/requests/steps/DocumentsStep';
import type { AttachmentsState } from '../../src/requests/use-attachments';
import type { AttachmentRecord } from '../../src/storage/types';
import { renderStep } from './request-harness';
import { expectShown } from './shown';

function state(overrides: Partial<AttachmentsState> = {}): AttachmentsState {
  return { files: [], loaded: true, busy: false, notices: [], add: vi.fn(async () => {}), remove: vi.fn(async () => {}), ...overrides };
}

const file = (name: string, size: number, thumb = true): AttachmentRecord => ({
  id: `id-${name}`,
  draftId: 'd',
  name,
  type: thumb ? 'image/jpeg' : 'application/pdf',
  size,
  blob: new Blob(['x']),
  ...(thumb ? { thumb: new Blob(['t'], { type: 'image/jpeg' }) } : {}),
  sha256: 'a'.repeat(64),
  createdAt: 1,
});

describe('Documents step', () => {
  it('offers the camera and a file picker, and says never to send originals', () => {
    const attachments = state();
    renderStep(<DocumentsStep attachments={attachments} />);
    expectShown(screen.getByText(/Never send original papers/));
    expectShown(screen.getByText(/up to 10 MB for each file and 25 MB in all/));
    const camera = screen.getByTestId('docs-camera');
    expect(camera.getAttribute('capture')).toBe('environment');
    expect(camera.getAttribute('accept')).toBe('image/*,application/pdf');
    const picker = screen.getByTestId('docs-picker');
    expect(picker.hasAttribute('capture')).toBe(false);
    expect(picker.getAttribute('accept')).toContain('application/pdf');
    expect(screen.getByRole('button', { name: 'Take a photo' })).toHaveProperty('disabled', false);
    const picked = new File(['%PDF-1.4'], 'letter.pdf', { type: 'application/pdf' });
    fireEvent.change(picker, { target: { files: [picked] } });
    expect(attachments.add).toHaveBeenCalledWith([picked]);
  });

  it('lists files with thumbnails and sizes, and removes one', () => {
    const attachments = state({ files: [file('notice.jpg', 250_000), file('letter.pdf', 1_500_000, false)] });
    const { container } = renderStep(<DocumentsStep attachments={attachments} />);
    expectShown(screen.getByText('notice.jpg', { selector: '.docs-item__name' }));
    expectShown(screen.getByText('letter.pdf', { selector: '.docs-item__name' }));
    expect(container.querySelectorAll('img.docs-item__thumb')).toHaveLength(1);
    expectShown(screen.getByText(/2 files: 1.7 MB of 25 MB/));
    fireEvent.click(screen.getByRole('button', { name: 'Remove letter.pdf' }));
    expect(attachments.remove).toHaveBeenCalledWith('id-letter.pdf');
  });

  it('explains each problem plainly, HEIC and limits included', () => {
    renderStep(
      <DocumentsStep
        attachments={state({
          notices: [
            { kind: 'problem', name: 'IMG_1.HEIC', code: 'heic_unsupported' },
            { kind: 'problem', name: 'big.pdf', code: 'file_too_large' },
            { kind: 'problem', name: 'more.jpg', code: 'request_too_large' },
            { kind: 'added', name: 'ok.jpg' },
          ],
        })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('IMG_1.HEIC is an HEIC photo, and this browser cannot open HEIC photos');
    expect(alert.textContent).toContain('big.pdf is bigger than 10 MB');
    expect(alert.textContent).toContain('more than 25 MB');
    expect(screen.getByRole('status').textContent).toContain('ok.jpg was added.');
  });
});
