import { AppError, type ErrorIssue, isAppError } from '../lib/errors.js';
import { mayAdminister, ROLES } from '../modules/user/access.js';
import { addUserSchema, changeAccessSchema } from '../modules/user/user.schema.js';
import { type FormValues, zodIssues } from './form.js';
import { CsrfField, type EditContext, type EditPage, editLink, SavedNotice } from './shell.js';

interface UsersState {
  values?: FormValues;
  issues?: readonly ErrorIssue[];
}

function adminOnly(context: EditContext): void {
  if (!mayAdminister(context.viewer)) throw new AppError('forbidden', 'only an admin may manage users');
}

const checked = (value: string | undefined) => value !== undefined && value !== '';

/** User management for admins: every account, its role and rights; add, change, disable. */
export async function usersPage(context: EditContext, state: UsersState): Promise<EditPage> {
  adminOnly(context);
  const { t } = context;
  const users = await context.services.users.list();
  const values = state.values ?? {};
  const issues = state.issues ?? [];
  const errorOf = (field: string) =>
    issues.filter((issue) => issue.path === field).map((issue) => issue.message);
  const field = (name: string, label: string, type = 'text') => {
    const errors = errorOf(name);
    return (
      <div class={`field${errors.length > 0 ? ' invalid' : ''}`}>
        <label for={`user-${name}`}>{label}</label>
        <input
          id={`user-${name}`}
          name={name}
          type={type}
          value={type === 'password' ? '' : (values[name] ?? '')}
          aria-invalid={errors.length > 0 ? 'true' : undefined}
          aria-describedby={errors.length > 0 ? `user-${name}-error` : undefined}
        />
        {errors.length > 0 && (
          <p class="field-error" id={`user-${name}-error`}>
            {errors.join('; ')}
          </p>
        )}
      </div>
    );
  };
  return {
    title: t.usersPage.title,
    status: issues.length > 0 ? 400 : 200,
    body: (
      <>
        <h1>{t.usersPage.title}</h1>
        <SavedNotice context={context} />
        {issues.some((issue) => issue.path === '') && (
          <p class="error-summary" role="alert">
            {issues
              .filter((issue) => issue.path === '')
              .map((issue) => issue.message)
              .join('; ')}
          </p>
        )}
        <table class="users">
          <caption>{t.usersPage.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.usersPage.email}</th>
              <th scope="col">{t.usersPage.role}</th>
              <th scope="col">{t.usersPage.status}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  {user.displayName}
                  <br />
                  <small>{user.email}</small>
                </th>
                <td>
                  <form method="post" action={editLink('/users')} class="inline">
                    <CsrfField csrf={context.csrf} />
                    <input type="hidden" name="_action" value="change" />
                    <input type="hidden" name="id" value={user.id} />
                    <label for={`role-${user.id}`}>{t.usersPage.role}</label>{' '}
                    <select id={`role-${user.id}`} name="role">
                      {ROLES.map((role) => (
                        <option key={role} value={role} selected={role === user.role}>
                          {role}
                        </option>
                      ))}
                    </select>{' '}
                    <input type="hidden" name="rights" value="1" />
                    <input
                      id={`publish-${user.id}`}
                      type="checkbox"
                      name="canPublish"
                      checked={user.canPublish}
                    />{' '}
                    <label for={`publish-${user.id}`}>{t.usersPage.canPublish}</label>{' '}
                    <input
                      id={`confidential-${user.id}`}
                      type="checkbox"
                      name="confidentialAccess"
                      checked={user.confidentialAccess}
                    />{' '}
                    <label for={`confidential-${user.id}`}>{t.usersPage.confidentialAccess}</label>{' '}
                    <button type="submit">{t.usersPage.change}</button>
                  </form>
                </td>
                <td>
                  {user.disabled ? t.usersPage.disabled : t.usersPage.active}{' '}
                  {user.id !== context.viewer.user?.id && (
                    <form method="post" action={editLink('/users')} class="inline">
                      <CsrfField csrf={context.csrf} />
                      <input type="hidden" name="_action" value={user.disabled ? 'enable' : 'disable'} />
                      <input type="hidden" name="id" value={user.id} />
                      <button type="submit" class="secondary">
                        {user.disabled ? t.usersPage.enable : t.usersPage.disable}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t.usersPage.add}</h2>
        <form method="post" action={editLink('/users')} class="record-form">
          <CsrfField csrf={context.csrf} />
          <input type="hidden" name="_action" value="add" />
          {field('email', t.usersPage.email, 'email')}
          {field('displayName', t.usersPage.displayName)}
          <div class="field">
            <label for="user-role">{t.usersPage.role}</label>
            <select id="user-role" name="role">
              {ROLES.map((role) => (
                <option key={role} value={role} selected={role === (values.role ?? 'editor')}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          {field('password', t.usersPage.password, 'password')}
          <div class="field field-checkbox">
            <label for="user-canPublish">{t.usersPage.canPublish}</label>
            <input
              id="user-canPublish"
              type="checkbox"
              name="canPublish"
              checked={checked(values.canPublish)}
            />
          </div>
          <div class="field field-checkbox">
            <label for="user-confidentialAccess">{t.usersPage.confidentialAccess}</label>
            <input
              id="user-confidentialAccess"
              type="checkbox"
              name="confidentialAccess"
              checked={checked(values.confidentialAccess)}
            />
          </div>
          <p class="actions">
            <button type="submit">{t.usersPage.add}</button>
          </p>
        </form>
      </>
    ),
  };
}

export async function submitUser(
  context: EditContext,
  values: FormValues,
): Promise<{ redirect: string } | { page: EditPage }> {
  adminOnly(context);
  const users = context.services.users;
  const id = values.id ?? '';
  try {
    switch (values._action ?? '') {
      case 'add': {
        const parsed = addUserSchema.safeParse({
          email: values.email ?? '',
          displayName: values.displayName ?? '',
          role: values.role ?? '',
          password: values.password ?? '',
          canPublish: checked(values.canPublish),
          confidentialAccess: checked(values.confidentialAccess),
        });
        if (!parsed.success)
          return { page: await usersPage(context, { values, issues: zodIssues(parsed.error.issues) }) };
        await users.add(parsed.data);
        return { redirect: editLink('/users', { saved: 'created' }) };
      }
      case 'change': {
        const parsed = changeAccessSchema.safeParse({
          role: values.role,
          canPublish: checked(values.canPublish),
          confidentialAccess: checked(values.confidentialAccess),
        });
        if (!parsed.success)
          return { page: await usersPage(context, { issues: zodIssues(parsed.error.issues) }) };
        if (id === context.viewer.user?.id && parsed.data.role !== 'admin') {
          throw new AppError('rule_violated', 'you cannot take the admin role from yourself');
        }
        await users.changeAccess(id, parsed.data);
        return { redirect: editLink('/users', { saved: 'changed' }) };
      }
      case 'disable':
        if (id === context.viewer.user?.id)
          throw new AppError('rule_violated', 'you cannot disable yourself');
        await users.disable(id);
        return { redirect: editLink('/users', { saved: 'changed' }) };
      case 'enable':
        await users.enable(id);
        return { redirect: editLink('/users', { saved: 'changed' }) };
      default:
        throw new AppError('validation_failed', 'unknown action');
    }
  } catch (error) {
    if (!isAppError(error) || !['conflict', 'rule_violated', 'validation_failed'].includes(error.code))
      throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
    return { page: await usersPage(context, { values, issues }) };
  }
}
