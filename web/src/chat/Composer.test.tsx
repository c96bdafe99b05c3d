import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RepositoryInfo } from '../lib/api.ts';
import { Composer } from './Composer.tsx';

const people = [
  { userId: 7, displayName: 'Bob' },
  { userId: 8, displayName: 'Bea' },
];
const repos: RepositoryInfo[] = [
  { id: 3, name: 'acme', kind: 'local', location: '/x', defaultBranch: 'main', branches: [] },
];

function setup(onSend = vi.fn(() => Promise.resolve())) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Composer label="Message #general" people={people} repos={repos} onSend={onSend} />
    </QueryClientProvider>,
  );
  const box = screen.getByRole('combobox', { name: 'Message #general' }) as HTMLTextAreaElement;
  const type = (value: string) =>
    fireEvent.change(box, { target: { value, selectionStart: value.length } });
  return { box, type, onSend };
}

afterEach(cleanup);

describe('Composer', () => {
  it('completes people after @ and inserts their mention token', () => {
    const { box, type } = setup();
    type('hi @b');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['@Bob', '@Bea']);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('hi <@8> ');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('completes repositories after [[ and keeps going into their files', () => {
    const { box, type } = setup();
    type('see [[ac');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'acme repository',
      'acme: a file or symbol in it…',
    ]);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('see [[acme]]');
  });

  it('sends on Enter, not on Shift+Enter, and clears after sending', async () => {
    const { box, type, onSend } = setup();
    type('first line');
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('first line');
    await vi.waitFor(() => expect(box.value).toBe(''));
  });

  it('keeps the text and shows the problem when sending fails', async () => {
    const { box, type } = setup(vi.fn(() => Promise.reject(new Error('the message is too long'))));
    type('hello');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain('too long');
    expect(box.value).toBe('hello');
  });
});
