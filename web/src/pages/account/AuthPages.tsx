import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useAccountSignedIn, useMe } from '../../components/AccountMenu.tsx';
import { Link } from '../../components/Link.tsx';
import { ApiError } from '../../lib/api.ts';
import { identityApi, messageOf, providerKeys } from '../../lib/identity.ts';
import { navigate, type Route } from '../../lib/router.ts';
import { usePageTitle } from '../../lib/title.ts';

type AuthRoute = Extract<
  Route,
  { page: 'signin' | 'register' | 'forgot-password' | 'reset-password' | 'accept-invite' }
>;

/** Where to go after signing in: an app path from `?next=`, never another site. */
function nextPath(): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin')
    ? next
    : '/';
}

/** The rules the server holds a new password to, said before it refuses one. */
const PASSWORD_HINT = 'At least 10 characters, and not a common password.';

export default function AuthPages({ route }: { route: AuthRoute }) {
  switch (route.page) {
    case 'signin':
      return <SignInPage expired={route.expired} />;
    case 'register':
      return <RegisterPage invitation={route.invitation} />;
    case 'forgot-password':
      return <ForgotPasswordPage />;
    case 'reset-password':
      return <ResetPasswordPage code={route.code} />;
    case 'accept-invite':
      return <AcceptInvitePage code={route.code} />;
  }
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <main className="page wrap auth-page">
      <div className="panel auth-card">
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

function Field({
  label,
  hint,
  ...input
}: { label: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="small muted field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {messageOf(error)}
    </p>
  );
}

function formValue(form: HTMLFormElement, name: string): string {
  return String(new FormData(form).get(name) ?? '');
}

/** After a sign-in: forget what was cached for nobody, and go on. */
function useSignedIn() {
  const client = useQueryClient();
  return (to: string) => {
    navigate(to);
    void client.resetQueries();
  };
}

function OAuthButtons() {
  const providers = useQuery({
    queryKey: providerKeys.list(),
    queryFn: ({ signal }) => identityApi.providers(signal),
    staleTime: Infinity,
  });
  if (!providers.data?.length) return null;
  return (
    <div className="oauth">
      <ul className="oauth-buttons">
        {providers.data.map((p) => (
          <li key={p.id}>
            <a className="button" href={p.loginUrl}>
              Continue with {p.name}
            </a>
          </li>
        ))}
      </ul>
      <p className="muted small or">or with your email</p>
    </div>
  );
}

function SignInPage({ expired }: { expired: boolean }) {
  const me = useMe();
  const account = useAccountSignedIn();
  const done = useSignedIn();
  const login = useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) =>
      identityApi.login(email, password),
    onSuccess: () => done(nextPath()),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    login.mutate({ email: formValue(form, 'email').trim(), password: formValue(form, 'password') });
  };
  if (me.data && (account || !expired)) {
    return (
      <Card title="Sign in">
        <p>
          You are signed in as <strong>{me.data.displayName}</strong>.{' '}
          <Link href="/">Go to the repositories</Link>.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Sign in">
      <p role="alert" className={expired ? 'error' : 'auth-status'}>
        {expired
          ? 'That login link was already used or has expired.'
          : 'This browser is not signed in to Atelier.'}
      </p>
      <OAuthButtons />
      <form className="auth-form" onSubmit={onSubmit} aria-label="Sign in with email">
        <Field label="Email" name="email" type="email" autoComplete="username" required />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Problem error={login.error} />
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth-links small">
        <Link href="/forgot-password">Forgot your password?</Link> ·{' '}
        <Link href="/register">Create an account</Link>
      </p>
      <p className="muted small">
        A local install without accounts signs in by its link instead: open the login link that{' '}
        <code>atelier serve</code> printed when it started, or run <code>atelier open</code> in a
        terminal on this machine for a fresh one.
      </p>
    </Card>
  );
}

function RegisterPage({ invitation }: { invitation: string | undefined }) {
  const done = useSignedIn();
  const register = useMutation({
    mutationFn: identityApi.register,
    onSuccess: () => done('/'),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    register.mutate({
      displayName: formValue(form, 'displayName').trim(),
      email: formValue(form, 'email').trim(),
      password: formValue(form, 'password'),
      orgName: invitation ? undefined : formValue(form, 'orgName').trim() || undefined,
      invitation,
    });
  };
  return (
    <Card title={invitation ? 'Accept the invitation' : 'Create an account'}>
      {invitation && <p>Make your account to join the organization you were invited to.</p>}
      {!invitation && <OAuthButtons />}
      <form className="auth-form" onSubmit={onSubmit} aria-label="Create an account">
        <Field label="Your name" name="displayName" autoComplete="name" required maxLength={100} />
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={PASSWORD_HINT}
        />
        {!invitation && (
          <Field
            label="Organization"
            name="orgName"
            autoComplete="organization"
            maxLength={100}
            hint="The team space you will own. You can invite others and make more later."
          />
        )}
        <Problem error={register.error} />
        <button type="submit" className="primary" disabled={register.isPending}>
          {register.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p className="auth-links small">
        Have an account already?{' '}
        <Link
          href={
            invitation
              ? `/signin?next=${encodeURIComponent(`/accept-invite?code=${encodeURIComponent(invitation)}`)}`
              : '/signin'
          }
        >
          Sign in
        </Link>
      </p>
    </Card>
  );
}

function ForgotPasswordPage() {
  const forgot = useMutation({ mutationFn: identityApi.forgotPassword });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    forgot.mutate(formValue(event.currentTarget, 'email').trim());
  };
  return (
    <Card title="Reset your password">
      {forgot.isSuccess ? (
        <p role="status">
          If an account has that email, a reset link is on its way. Without a mail server the link
          goes to the server's log.
        </p>
      ) : (
        <form className="auth-form" onSubmit={onSubmit} aria-label="Ask for a reset link">
          <Field label="Email" name="email" type="email" autoComplete="email" required />
          <Problem error={forgot.error} />
          <button type="submit" className="primary" disabled={forgot.isPending}>
            Send reset link
          </button>
        </form>
      )}
      <p className="auth-links small">
        <Link href="/signin">Back to sign in</Link>
      </p>
    </Card>
  );
}

function ResetPasswordPage({ code }: { code: string }) {
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: (password: string) => identityApi.resetPassword(code, password),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const password = formValue(form, 'password');
    const again = formValue(form, 'again');
    setMismatch(password !== again);
    if (password === again) reset.mutate(password);
  };
  if (!code)
    return (
      <Card title="Choose a new password">
        <p role="alert" className="error">
          This page needs the code of a reset link.
        </p>
        <Link href="/forgot-password">Ask for a reset link</Link>
      </Card>
    );
  return (
    <Card title="Choose a new password">
      {reset.isSuccess ? (
        <p role="status">
          Your password is changed and every session signed out. <Link href="/signin">Sign in</Link>{' '}
          with the new one.
        </p>
      ) : (
        <form className="auth-form" onSubmit={onSubmit} aria-label="Choose a new password">
          <Field
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            hint={PASSWORD_HINT}
          />
          <Field
            label="New password again"
            name="again"
            type="password"
            autoComplete="new-password"
            required
          />
          {mismatch && (
            <p role="alert" className="error">
              The two passwords differ.
            </p>
          )}
          <Problem error={reset.error} />
          <button type="submit" className="primary" disabled={reset.isPending}>
            Set password
          </button>
        </form>
      )}
    </Card>
  );
}

function AcceptInvitePage({ code }: { code: string }) {
  const me = useMe();
  const account = useAccountSignedIn();
  const client = useQueryClient();
  const accept = useMutation({
    mutationFn: async () => {
      const joined = await identityApi.acceptInvitation(code);
      await identityApi.switchOrg(joined!.orgId);
    },
    onSuccess: () => {
      navigate('/');
      void client.resetQueries();
    },
  });
  const here = `/accept-invite?code=${encodeURIComponent(code)}`;
  if (!code)
    return (
      <Card title="Join an organization">
        <p role="alert" className="error">
          This page needs the code of an invitation link.
        </p>
      </Card>
    );
  if (me.isPending) return <Card title="Join an organization">{null}</Card>;
  const signedIn = me.data !== undefined && account;
  return (
    <Card title="Join an organization">
      <p>You were invited to an organization on this Atelier.</p>
      {signedIn ? (
        <>
          <p>
            Join it as <strong>{me.data.displayName}</strong>
            {me.data.email ? ` (${me.data.email})` : ''}?
          </p>
          <Problem error={accept.error} />
          <button
            type="button"
            className="primary"
            disabled={accept.isPending}
            onClick={() => accept.mutate()}
          >
            Join the organization
          </button>
        </>
      ) : (
        <>
          {me.error instanceof ApiError && me.error.status !== 401 && <Problem error={me.error} />}
          <p className="auth-choices">
            <Link
              className="button primary"
              href={`/register?invitation=${encodeURIComponent(code)}`}
            >
              Create an account and join
            </Link>
            <Link className="button" href={`/signin?next=${encodeURIComponent(here)}`}>
              Sign in to join
            </Link>
          </p>
        </>
      )}
    </Card>
  );
}
