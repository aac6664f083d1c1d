#!/usr/bin/env bash
# Starts and stops the real servers the integration tests use, on loopback high ports, each with its own
# config, keys and data in one folder. Nothing here needs or changes system-wide configuration.
#
#   scripts/test-servers.sh start DIR      start everything, write DIR/servers.env (KEY=VALUE lines)
#   scripts/test-servers.sh stop DIR       stop everything started in DIR (by pid files, never by name)
#   scripts/test-servers.sh sftp-stop DIR  stop only sshd (tests of a server going away)
#   scripts/test-servers.sh sftp-start DIR start sshd again with the same port, keys and data
#   scripts/test-servers.sh imap-stop DIR  stop only Dovecot
#   scripts/test-servers.sh imap-start DIR start Dovecot again with the same port and mail
#   scripts/test-servers.sh pg-start DIR   start only PostgreSQL 15, write DIR/postgres.env (PG_CONNECTION=...)
#   scripts/test-servers.sh pg-stop DIR    stop PostgreSQL and delete its cluster
#   scripts/test-servers.sh pg-restart DIR restart PostgreSQL in immediate mode (every connection dropped, as in a fail-over)
set -euo pipefail

usage="usage: test-servers.sh start|stop|sftp-start|sftp-stop|imap-start|imap-stop|pg-start|pg-stop|pg-restart DIR"
cmd=${1:?$usage}
dir=${2:?$usage}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

wait_for_greeting() { # port prefix
  for _ in $(seq 1 100); do
    if exec 3<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null; then
      if timeout 2 head -c ${#2} <&3 2>/dev/null | grep -q "^$2"; then exec 3>&- 3<&-; return 0; fi
      exec 3>&- 3<&- || true
    fi
    sleep 0.1
  done
  echo "server on port $1 did not greet with '$2'" >&2
  return 1
}

stop_pidfile() {
  local pidfile=$1
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    # Sessions are children of the listener: stop them too, so that clients see the server go away.
    local children
    children=$(pgrep -P "$pid" 2>/dev/null || true)
    kill "$pid" $children 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

sftp_setup() {
  local s="$dir/sftp"
  mkdir -p "$s/data"
  [ -f "$s/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$s/host_ed25519"
  # SSH.NET reads RSA keys in PEM form reliably.
  [ -f "$s/client_rsa" ] || ssh-keygen -q -t rsa -b 3072 -m PEM -N '' -f "$s/client_rsa"
  cp "$s/client_rsa.pub" "$s/authorized_keys"
  [ -f "$s/port" ] || free_port > "$s/port"
  cat > "$s/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $(cat "$s/port")
HostKey $s/host_ed25519
PidFile $s/sshd.pid
AuthorizedKeysFile $s/authorized_keys
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
LogLevel INFO
CONF
}

sftp_start() {
  local s="$dir/sftp"
  command -v /usr/sbin/sshd >/dev/null || { echo "openssh-server is not installed (scripts/test installs it; as root: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openssh-server)" >&2; exit 1; }
  [ "$(id -u)" -ne 0 ] || mkdir -p /run/sshd
  /usr/sbin/sshd -f "$s/sshd_config" -E "$s/sshd.log" </dev/null >/dev/null 2>&1
  wait_for_greeting "$(cat "$s/port")" "SSH-2.0"
}

imap_setup() {
  local m="$dir/imap"
  mkdir -p "$m/run" "$m/state" "$m/mail"
  chmod 755 "$dir" "$m"
  [ -f "$m/port" ] || free_port > "$m/port"
  # The mailbox user of the tests; its password is a throwaway of this test folder.
  echo "gateway@integra.test:{PLAIN}gateway-test-password" > "$m/passwd"
  local mail_user login_user internal_user chroot_line=""
  if [ "$(id -u)" -eq 0 ]; then
    # Dovecot refuses root for logins and mail: use its own users and nobody as mail owner.
    mail_user=nobody; login_user=dovenull; internal_user=dovecot
    chown -R nobody:nogroup "$m/mail"
    chmod 644 "$m/passwd"
  else
    mail_user=$(id -un); login_user=$mail_user; internal_user=$mail_user
    chroot_line="chroot ="
  fi
  cat > "$m/dovecot.conf" <<CONF
base_dir = $m/run
state_dir = $m/state
log_path = $m/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $internal_user
default_login_user = $login_user
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $m/passwd
}
userdb {
  driver = static
  args = uid=$mail_user gid=$(id -gn "$mail_user") home=$m/mail/%u
}
mail_location = maildir:$m/mail/%u/Maildir
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $(cat "$m/port")
  }
  inet_listener imaps {
    port = 0
  }
  $chroot_line
}
service anvil {
  $chroot_line
}
CONF
}

imap_start() {
  local m="$dir/imap"
  command -v dovecot >/dev/null || { echo "dovecot-imapd is not installed (scripts/test installs it; as root: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd)" >&2; exit 1; }
  dovecot -c "$m/dovecot.conf" </dev/null >/dev/null 2>>"$m/dovecot.stderr"
  # Up to 30 s: under a loaded machine (a full test run on 2 cores) Dovecot has taken over 5 s to write its pid.
  for _ in $(seq 1 300); do [ -f "$m/run/master.pid" ] && break; sleep 0.1; done
  cp "$m/run/master.pid" "$m/dovecot.pid"
  wait_for_greeting "$(cat "$m/port")" "* OK"
}

smtp_start() {
  local s="$dir/smtp"
  mkdir -p "$s/maildir/tmp" "$s/maildir/new" "$s/maildir/cur"
  [ -f "$s/port" ] || free_port > "$s/port"
  # Debian's aiosmtpd is importable only by the system python.
  nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$(cat "$s/port")" -c aiosmtpd.handlers.Mailbox "$s/maildir" \
    </dev/null > "$s/smtpd.log" 2>&1 &
  echo $! > "$s/smtpd.pid"
  wait_for_greeting "$(cat "$s/port")" "220"
}

pg_bin=/usr/lib/postgresql/15/bin

# initdb and pg_ctl refuse to run as root: as root they run as the postgres user, on a cluster folder of its
# own (the test folder itself may not be reachable by that user).
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL 15 not installed ($pg_bin/initdb missing; scripts/test installs it; as root: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql)" >&2; return 1; }
  local home port
  home=$(mktemp -d /tmp/integra-pg.XXXXXX)
  chmod 755 "$home"
  [ "$(id -u)" = 0 ] && chown postgres: "$home"
  echo "$home" > "$dir/postgres.home"
  as_pg_user "$pg_bin/initdb" -D "$home/data" -U gateway --auth=trust -E UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 \
    || { cat "$home/initdb.log" >&2; return 1; }
  mkdir -p "$home/sock"
  [ "$(id -u)" = 0 ] && chown postgres: "$home/sock"
  port=$(free_port)
  as_pg_user "$pg_bin/pg_ctl" -D "$home/data" -l "$home/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$home/sock -c max_connections=300" start >/dev/null \
    || { cat "$home/postgres.log" >&2; return 1; }
  echo "PG_CONNECTION=Host=127.0.0.1;Port=$port;Username=gateway;Database=postgres" > "$dir/postgres.env"
}

pg_stop() {
  [ -f "$dir/postgres.home" ] || return 0
  local home
  home=$(cat "$dir/postgres.home")
  # pg_ctl stops the server by the pid in its own postmaster.pid.
  [ -f "$home/data/postmaster.pid" ] && as_pg_user "$pg_bin/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$home" "$dir/postgres.home" "$dir/postgres.env"
}

write_env() {
  local s="$dir/sftp"
  {
    echo "SFTP_HOST=127.0.0.1"
    echo "SFTP_PORT=$(cat "$s/port")"
    echo "SFTP_USER=$(id -un)"
    echo "SFTP_KEY=$s/client_rsa"
    echo "SFTP_HOSTKEY_SHA256=$(ssh-keygen -l -E sha256 -f "$s/host_ed25519.pub" | awk '{print $2}')"
    echo "SFTP_ROOT=$s/data"
    echo "IMAP_HOST=127.0.0.1"
    echo "IMAP_PORT=$(cat "$dir/imap/port")"
    echo "IMAP_USER=gateway@integra.test"
    echo "IMAP_PASSWORD_FILE=$dir/imap/password"
    echo "SMTP_HOST=127.0.0.1"
    echo "SMTP_PORT=$(cat "$dir/smtp/port")"
    echo "SMTP_MAILDIR=$dir/smtp/maildir"
  } > "$dir/servers.env"
  printf 'gateway-test-password' > "$dir/imap/password"
}

case "$cmd" in
  start)
    sftp_setup
    stop_pidfile "$dir/sftp/sshd.pid"
    sftp_start
    imap_setup
    stop_pidfile "$dir/imap/dovecot.pid"
    imap_start
    stop_pidfile "$dir/smtp/smtpd.pid"
    smtp_start
    write_env
    ;;
  stop)
    stop_pidfile "$dir/sftp/sshd.pid"
    stop_pidfile "$dir/imap/dovecot.pid"
    stop_pidfile "$dir/smtp/smtpd.pid"
    pg_stop
    ;;
  imap-stop)
    stop_pidfile "$dir/imap/dovecot.pid"
    ;;
  imap-start)
    imap_start
    ;;
  sftp-stop)
    stop_pidfile "$dir/sftp/sshd.pid"
    ;;
  sftp-start)
    sftp_start
    ;;
  pg-start)
    pg_stop
    pg_start
    ;;
  pg-stop)
    pg_stop
    ;;
  pg-restart)
    # Same port and options (pg_ctl keeps them in postmaster.opts); the server answers again when this returns.
    home=$(cat "$dir/postgres.home")
    as_pg_user "$pg_bin/pg_ctl" -D "$home/data" -l "$home/postgres.log" -m immediate -w -t 60 restart >/dev/null
    ;;
  *)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
