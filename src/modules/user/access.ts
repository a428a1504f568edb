/**
 * Who is asking, and what they may see and do: the one place where visibility and roles are
 * decided. Repositories receive the visible levels from here; presenters never decide on their own.
 */
export const ROLES = ['admin', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export type Visibility = 'public' | 'internal' | 'confidential';
export type TokenScope = 'read' | 'write';

export interface Viewer {
  /** null for the public (no account). */
  user: {
    id: string;
    email: string;
    role: Role;
    canPublish: boolean;
    confidentialAccess: boolean;
  } | null;
  /** An API token may be limited to reading; a session may do what the role allows. */
  scope: TokenScope;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ user: null, scope: 'read' });

/** Trusted code paths (the CLI run by the operator, imports, the demo seed) see and do everything. */
export const SYSTEM_VIEWER: Viewer = Object.freeze({
  user: { id: 'system', email: 'system', role: 'admin' as const, canPublish: true, confidentialAccess: true },
  scope: 'write',
});

export function isStaff(viewer: Viewer): boolean {
  return viewer.user !== null;
}

/** The visibility levels of records this viewer may see. */
export function visibleLevels(viewer: Viewer): Visibility[] {
  if (!viewer.user) return ['public'];
  if (viewer.user.role === 'admin' || viewer.user.confidentialAccess)
    return ['public', 'internal', 'confidential'];
  return ['public', 'internal'];
}

/** Anonymous persons are counted for everyone but shown, even by id, only to staff. */
export function mayIdentifyAnonymous(viewer: Viewer): boolean {
  return isStaff(viewer);
}

export function mayWrite(viewer: Viewer): boolean {
  return viewer.scope === 'write' && viewer.user !== null && viewer.user.role !== 'viewer';
}

/**
 * May this viewer's changes reach the registry directly? Reviewers and admins publish; an editor
 * only when trusted to (canPublish). Everyone else who may write submits drafts for review.
 */
export function mayPublish(viewer: Viewer): boolean {
  if (!mayWrite(viewer) || !viewer.user) return false;
  return viewer.user.role === 'admin' || viewer.user.role === 'reviewer' || viewer.user.canPublish;
}

export function mayAdminister(viewer: Viewer): boolean {
  return viewer.scope === 'write' && viewer.user?.role === 'admin';
}

/** What a viewer may read, as the repositories apply it in SQL. */
export interface ReadScope {
  levels: Visibility[];
  /** May anonymous persons (and what hangs on them) be shown? */
  anonymous: boolean;
  /** True for trusted code paths: no filter at all. */
  everything: boolean;
}

export function readScopeOf(viewer: Viewer): ReadScope {
  return {
    levels: visibleLevels(viewer),
    anonymous: mayIdentifyAnonymous(viewer),
    everything: viewer === SYSTEM_VIEWER,
  };
}

/**
 * Fields whose visibility is stricter than their record's: the presenter of each record drops the
 * ones the viewer may not see. A new sensitive field is listed here, and nowhere else.
 */
export const RESTRICTED_FIELDS: Readonly<Record<string, Readonly<Record<string, Visibility>>>> = {
  person: { internalNotes: 'internal', contacts: 'confidential' },
};

export function redactFields<T extends object>(
  entity: keyof typeof RESTRICTED_FIELDS,
  record: T,
  viewer: Viewer,
): T {
  const restricted = RESTRICTED_FIELDS[entity] ?? {};
  const levels = visibleLevels(viewer);
  const copy = { ...record } as Record<string, unknown>;
  for (const [field, level] of Object.entries(restricted)) {
    if (!levels.includes(level) && field in copy) copy[field] = null;
  }
  return copy as T;
}
