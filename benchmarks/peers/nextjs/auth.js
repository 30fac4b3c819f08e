// The session configuration of the peer: JWT sessions in the Auth.js cookie with the claim layout a Catalyst
// storefront keeps (user.customerAccessToken, user.cartId, names), read back into the session the way Catalyst's
// callbacks expose them. No provider signs anyone in here: bin/bench peers sends a session cookie minted by
// session-core with the same AUTH_SECRET, which is what a signed-in Catalyst shopper's browser sends.
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';

export const { handlers, auth } = NextAuth({
  secret: process.env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt' },
  providers: [Credentials({ credentials: {}, authorize: async () => null })],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.user = { ...token.user, ...user };
      }
      return token;
    },
    session({ session, token }) {
      const stored = token.user ?? {};
      session.user = {
        ...session.user,
        firstName: stored.firstName,
        lastName: stored.lastName,
        cartId: stored.cartId ?? null,
      };
      if (stored.customerAccessToken) {
        session.user.customerAccessToken = stored.customerAccessToken;
      }
      return session;
    },
  },
});
