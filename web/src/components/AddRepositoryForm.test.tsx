import { describe, expect, it } from 'vitest';
import { sourceOf } from './AddRepositoryForm.tsx';

describe('sourceOf', () => {
  it('reads URLs and scp-style remotes as git, anything else as a folder', () => {
    expect(sourceOf(' https://github.com/o/r.git ')).toEqual({
      gitUrl: 'https://github.com/o/r.git',
    });
    expect(sourceOf('file:///srv/repo')).toEqual({ gitUrl: 'file:///srv/repo' });
    expect(sourceOf('git@github.com:o/r.git')).toEqual({ gitUrl: 'git@github.com:o/r.git' });
    expect(sourceOf('/home/me/project')).toEqual({ path: '/home/me/project' });
  });
});
