/**
 * Change notices between tabs and the worker: a flush confirming a batch of
 * records sends one message for all of them, and a listener hears each
 * change it names (and nothing malformed). Only ids and states travel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { onOutboxChange, publish, type OutboxChange } from '../../src/outbox/outbox-store';
import { onDraftChange, publishDraftChange, type DraftChange } from '../../src/storage/draft-channel';

const opened: BroadcastChannel[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

/** Another tab on the channel: what it receives, message by message. */
function otherTab(name: string) {
  const channel = new BroadcastChannel(name);
  opened.push(channel);
  const messages: unknown[] = [];
  channel.onmessage = (event: MessageEvent) => messages.push(event.data);
  return { channel, messages };
}

describe('outbox change notices', () => {
  it('sends several changes as one message, and another tab hears each of them, skipping what is not a change', async () => {
    const tab = otherTab('ombuds-outbox');
    const changes: OutboxChange[] = [
      { id: 'a', state: 'delivered' },
      { id: 'b', state: 'delivered' },
      { id: 'c', state: 'waiting' },
    ];
    publish(...changes);
    await expect.poll(() => tab.messages).toHaveLength(1);
    expect(tab.messages[0]).toEqual(changes);
    publish({ id: 'd', state: 'sending' });
    await expect.poll(() => tab.messages).toHaveLength(2);
    expect(tab.messages[1]).toEqual({ id: 'd', state: 'sending' });

    const heard: OutboxChange[] = [];
    const stop = onOutboxChange((change) => heard.push(change));
    tab.channel.postMessage([{ id: 'x', state: 'delivered' }, { id: 42 }, null, { id: 'y', state: 'removed' }]);
    tab.channel.postMessage({ id: 'z', state: 'waiting' });
    await expect.poll(() => heard.length).toBe(3);
    stop();
    expect(heard).toEqual([
      { id: 'x', state: 'delivered' },
      { id: 'y', state: 'removed' },
      { id: 'z', state: 'waiting' },
    ]);
  });
});

describe('draft change notices', () => {
  it('sends the drafts a batch of confirmations deleted as one message; a tab hears each', async () => {
    const tab = otherTab('ombuds-drafts');
    const deleted: DraftChange[] = ['a', 'b'].map((id) => ({ type: 'deleted', id, origin: 'outbox' }));
    // Nothing to say sends nothing: otherwise it would arrive first.
    publishDraftChange();
    publishDraftChange(...deleted);
    await expect.poll(() => tab.messages).toHaveLength(1);
    expect(tab.messages[0]).toEqual(deleted);

    const heard: DraftChange[] = [];
    const stop = onDraftChange((change) => heard.push(change));
    tab.channel.postMessage([...deleted, { type: 'typed', id: 'c', origin: 'x' }]);
    await expect.poll(() => heard.length).toBe(2);
    stop();
    expect(heard).toEqual(deleted);
  });
});
