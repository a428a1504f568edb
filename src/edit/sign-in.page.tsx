import type { EditMessages } from './messages/index.js';
import { type EditPage, editLink } from './shell.js';

export interface SignInState {
  email?: string;
  error?: string;
  notice?: string;
  next?: string;
}

/** The sign-in form: a plain POST that sets the session cookie. */
export function signInPage(t: EditMessages, state: SignInState = {}): EditPage {
  return {
    title: t.signIn.title,
    status: state.error ? 401 : 200,
    body: (
      <section class="sign-in">
        <h1>{t.signIn.title}</h1>
        {state.notice && (
          <p class="notice" role="status">
            {state.notice}
          </p>
        )}
        {state.error && (
          <p class="error-summary" role="alert" id="sign-in-error">
            {state.error}
          </p>
        )}
        <form method="post" action={editLink('/sign-in')} class="record-form">
          {state.next && <input type="hidden" name="next" value={state.next} />}
          <div class="field">
            <label for="email">{t.signIn.email}</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              value={state.email ?? ''}
              aria-describedby={state.error ? 'sign-in-error' : undefined}
              required
            />
          </div>
          <div class="field">
            <label for="password">{t.signIn.password}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <div class="field">
            <label for="totp">{t.signIn.totp}</label>
            <input id="totp" name="totp" inputMode="numeric" autocomplete="one-time-code" />
          </div>
          <p class="actions">
            <button type="submit">{t.signIn.submit}</button>
          </p>
        </form>
      </section>
    ),
  };
}
