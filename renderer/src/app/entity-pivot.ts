/** Maps an entity id (`<kind>:<key>`) to the timeline pivot key that finds its events. */
export function entityPivot(entityId: string): string {
  const i = entityId.indexOf(':');
  const kind = entityId.slice(0, i);
  const key = entityId.slice(i + 1);
  switch (kind) {
    case 'token':
      return `tok:${key.slice(0, 16)}`;
    case 'pilot':
      return `pilot:${key}`;
    case 'payload':
      return `payload:${key}`;
    case 'vo':
      return `vo:${key}`;
    case 'identity':
      // Identity keys are `iss|sub` or a local user name; the subject is what events carry.
      return key.includes('|') ? `sub:${key.slice(key.lastIndexOf('|') + 1)}` : `user:${key}`;
    default:
      return entityId;
  }
}
