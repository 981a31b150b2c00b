import { expect, it } from 'vitest';
import { entityPivot } from './entity-pivot';

it('maps entity ids to the pivot keys the store indexes', () => {
  expect(entityPivot('token:3f9a1c0d2b7e4a61ffee')).toBe('tok:3f9a1c0d2b7e4a61');
  expect(entityPivot('ip:203.0.113.7')).toBe('ip:203.0.113.7');
  expect(entityPivot('ip:2001:db8::17')).toBe('ip:2001:db8::17');
  expect(entityPivot('identity:https://atlas-auth.example-iam.org/|8d3c-alice')).toBe('sub:8d3c-alice');
  expect(entityPivot('identity:alice')).toBe('user:alice');
  expect(entityPivot('host:wn017.example-site.org')).toBe('host:wn017.example-site.org');
});
