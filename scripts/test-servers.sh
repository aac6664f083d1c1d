#!/usr/bin/env bash
# Starts and stops the real servers the integration tests use, on loopback high ports, each with its own
# config, keys and data in one folder. Nothing here needs or changes system-wide configuration.
#
#   scripts/test-servers.sh start DIR      start everything, write DIR/servers.env (KEY=VALUE lines)
#   scripts/test-servers.sh stop DIR       stop everything started in DIR (by pid files, never by name)
#   scripts/test-servers.sh sftp-stop DIR  stop only sshd (tests of a server going away)
#   scripts/test-servers.sh sftp-start DIR start sshd again with the same port, keys and data
set -euo pipefail

cmd=${1:?usage: test-servers.sh start|stop|sftp-start|sftp-stop DIR}
dir=${2:?usage: test-servers.sh start|stop|sftp-start|sftp-stop DIR}
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
  command -v /usr/sbin/sshd >/dev/null || { echo "openssh-server is not installed (apt-get install openssh-server)" >&2; exit 1; }
  [ "$(id -u)" -ne 0 ] || mkdir -p /run/sshd
  /usr/sbin/sshd -f "$s/sshd_config" -E "$s/sshd.log"
  wait_for_greeting "$(cat "$s/port")" "SSH-2.0"
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
  } > "$dir/servers.env"
}

case "$cmd" in
  start)
    sftp_setup
    stop_pidfile "$dir/sftp/sshd.pid"
    sftp_start
    write_env
    ;;
  stop)
    stop_pidfile "$dir/sftp/sshd.pid"
    ;;
  sftp-stop)
    stop_pidfile "$dir/sftp/sshd.pid"
    ;;
  sftp-start)
    sftp_start
    ;;
  *)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
