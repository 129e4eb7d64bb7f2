import { describe, expect, it, vi } from 'vitest';
import { Refusal } from '../errors/refusal';
import { type CommandRouterDeps, routeCommand } from './command-router';

const self = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid/' };
const sidebar = { id: self.id, url: `${self.origin}sidebar.html` };

function deps(overrides: Partial<CommandRouterDeps> = {}) {
  const applied = new Map<string, unknown>();
  const saveDraft = vi.fn(async () => ({ id: 'draft-1' }));
  const reject = vi.fn();
  const base: CommandRouterDeps = {
    self,
    handlers: {
      'demo.seed': vi.fn(),
      'demo.clear': vi.fn(),
      'emails.saveDraft': saveDraft,
    } as unknown as CommandRouterDeps['handlers'],
    once: async (id, _name, run) => {
      if (!applied.has(id)) applied.set(id, await run());
      return applied.get(id);
    },
    reject,
    ...overrides,
  };
  return { base, saveDraft, reject };
}

const draft = (args: unknown, id = 'command-0001') => ({
  channel: 'icc',
  kind: 'command',
  id,
  name: 'emails.saveDraft',
  args,
});

describe('routeCommand', () => {
  it('runs a valid command from our sidebar and answers with its result', async () => {
    const { base, saveDraft } = deps();
    const response = await routeCommand(draft({ to: [{ address: 'dana@example.com' }], subject: 'Hi' }), sidebar, base);
    expect(response).toEqual({ ok: true, value: { id: 'draft-1' } });
    expect(saveDraft).toHaveBeenCalledOnce();
  });

  it('answers a retried command id from the log instead of applying it twice', async () => {
    const { base, saveDraft } = deps();
    const message = draft({ to: [], subject: 'Retry me' }, 'same-id-123');
    await routeCommand(message, sidebar, base);
    const again = await routeCommand(message, sidebar, base);
    expect(again).toEqual({ ok: true, value: { id: 'draft-1' } });
    expect(saveDraft).toHaveBeenCalledOnce();
  });

  it('refuses another extension and logs it, without running anything', async () => {
    const { base, saveDraft, reject } = deps();
    const response = await routeCommand(
      draft({ to: [], subject: 'x' }),
      { id: 'intruder', url: 'chrome-extension://intruder/x.html' },
      base,
    );
    expect(response).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(saveDraft).not.toHaveBeenCalled();
    expect(reject).toHaveBeenCalledWith('unknown sender', expect.stringContaining('intruder'), expect.any(String));
  });

  it.each([
    ['not an object', 'hello'],
    ['unknown command', { channel: 'icc', kind: 'command', id: 'command-0001', name: 'emails.dropTable', args: {} }],
    ['missing id', { channel: 'icc', kind: 'command', name: 'demo.clear', args: {} }],
    ['bad recipient address', draft({ to: [{ address: 'not-an-address' }], subject: 'x' })],
    ['subject of the wrong type', draft({ to: [], subject: 42 })],
  ])('rejects a malformed message (%s) with a clear error', async (_case, message) => {
    const { base, saveDraft, reject } = deps();
    const response = await routeCommand(message, sidebar, base);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!response.ok) expect(response.error.message.length).toBeGreaterThan(5);
    expect(saveDraft).not.toHaveBeenCalled();
    expect(reject).toHaveBeenCalledOnce();
  });

  it('passes a handler refusal through with its code', async () => {
    const { base } = deps({
      handlers: {
        'emails.saveDraft': async () => {
          throw new Refusal('conflict', 'That email was just sent.');
        },
      } as unknown as CommandRouterDeps['handlers'],
    });
    const response = await routeCommand(draft({ to: [], subject: 'x' }), sidebar, base);
    expect(response).toEqual({ ok: false, error: { code: 'conflict', message: 'That email was just sent.' } });
  });
});
