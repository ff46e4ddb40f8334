/** The centred card the sign-in, setup and invitation screens share. */
import type { ReactNode } from 'react';
import { Layout } from '../components/Layout';

/** A titled card for a short form. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Layout title={title}>
      <section className="card auth-card">
        <h1>{title}</h1>
        {intro && <div className="auth-card__intro">{intro}</div>}
        {children}
      </section>
    </Layout>
  );
}
