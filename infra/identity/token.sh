#!/usr/bin/env bash
# Prints an access token for a demo account, from the issuer, the way a browser gets one: the authorization
# code flow with PKCE (RFC 7636) through the sign-in form, as the public client library-cli.
#   infra/identity/token.sh ada 'her password'            # the local stack prints the demo accounts' passwords
#   infra/identity/token.sh ada                           # ...and keeps them, where this reads them from
#   ISSUER=http://localhost:9000 infra/identity/token.sh librarian "$LIBRARIAN_PASSWORD"
# Needs curl and openssl. The machine clients sign in with client credentials instead, with the secret the local
# stack keeps (or the one given):
#   infra/identity/token.sh library-machine               # scrapes metrics (role service)
#   infra/identity/token.sh library-operator              # sees and redrives dead letters (role operator)
set -euo pipefail
user="${1:?usage: token.sh USER PASSWORD}"
case "$user" in
  library-machine | library-operator)
    clients="${CLIENTS:-$(dirname "$0")/../../.local-stack/identity/clients.properties}"
    secret="${2:-}"
    if [ -z "$secret" ] && [ -f "$clients" ]; then
      secret="$(sed -n "s/^${user#library-}=//p" "$clients" | head -1)"
    fi
    [ -n "$secret" ] || { echo "usage: token.sh $user [SECRET] (none given, none kept in $clients)" >&2; exit 2; }
    curl -s -u "$user:$secret" -d grant_type=client_credentials -d scope=library \
      "${ISSUER:-http://localhost:9000}/oauth2/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
    exit 0
    ;;
esac
accounts="${ACCOUNTS:-$(dirname "$0")/../../.local-stack/identity/accounts.properties}"
password="${2:-}"
if [ -z "$password" ] && [ -f "$accounts" ]; then
  password="$(sed -n "s/^$user=//p" "$accounts" | head -1)"
fi
[ -n "$password" ] || { echo "usage: token.sh USER [PASSWORD] (no password given, none kept in $accounts)" >&2; exit 2; }
issuer="${ISSUER:-http://localhost:9000}"
redirect="http://127.0.0.1:8400/callback"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

verifier="$(openssl rand -base64 48 | tr -d '=+/\n' | cut -c1-64)"
challenge="$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')"
authorize="$issuer/oauth2/authorize?response_type=code&client_id=library-cli&scope=openid&state=shell"
authorize="$authorize&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256"

# 1. ask for a code: no session yet, so the issuer sends us to sign in (and sets the session cookie)
curl -s -o /dev/null -c "$jar" -b "$jar" -H 'Accept: text/html' "$authorize"
# 2. the sign-in form carries a CSRF token
csrf="$(curl -s -c "$jar" -b "$jar" "$issuer/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)"
# 3. sign in; the issuer sends us back to the authorization request
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$csrf" "$issuer/login"
# 4. the authorization request again, now signed in: the code comes back in the redirect
location="$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -H 'Accept: text/html' "$authorize&continue")"
code="$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')"
if [ -z "$code" ]; then
  echo "No code: wrong user or password? The issuer answered: $location" >&2
  exit 1
fi
# 5. the code and the verifier buy the token
curl -s "$issuer/oauth2/token" -d grant_type=authorization_code -d client_id=library-cli \
  --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect" --data-urlencode "code_verifier=$verifier" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
