import { describe, expect, it } from 'vitest';
import { StreamSlots } from '../../../api/stream-slots.js';

describe('StreamSlots', () => {
  it('gives each key its own slots, refuses past the cap, and frees a slot once per release', () => {
    const slots = new StreamSlots(2);
    const first = slots.tryTake('token:a')!;
    const second = slots.tryTake('token:a')!;
    expect(slots.tryTake('token:a')).toBeNull();
    expect(slots.tryTake('token:b')).not.toBeNull();
    first();
    first();
    expect(slots.count('token:a')).toBe(1);
    expect(slots.tryTake('token:a')).not.toBeNull();
    expect(slots.tryTake('token:a')).toBeNull();
    second();
    expect(slots.count('token:a')).toBe(1);
  });
});
