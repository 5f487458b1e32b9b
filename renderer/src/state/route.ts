/** Screens are addressed by the URL hash so a reload returns to the same place. */
export type Route = { name: 'home' } | { name: 'body'; bodyId: number } | { name: 'actions'; bodyId: number } | { name: 'meeting'; meetingId: number } | { name: 'search' } | { name: 'backups' };

export function parseRoute(hash: string): Route {
  const body = /^#\/bodies\/(\d+)$/.exec(hash);
  if (body) return { name: 'body', bodyId: Number(body[1]) };
  const actions = /^#\/bodies\/(\d+)\/actions$/.exec(hash);
  if (actions) return { name: 'actions', bodyId: Number(actions[1]) };
  const meeting = /^#\/meetings\/(\d+)$/.exec(hash);
  if (meeting) return { name: 'meeting', meetingId: Number(meeting[1]) };
  if (hash === '#/search') return { name: 'search' };
  if (hash === '#/backups') return { name: 'backups' };
  return { name: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'body':
      return `#/bodies/${route.bodyId}`;
    case 'actions':
      return `#/bodies/${route.bodyId}/actions`;
    case 'meeting':
      return `#/meetings/${route.meetingId}`;
    case 'search':
      return '#/search';
    case 'backups':
      return '#/backups';
    default:
      return '#/';
  }
}
