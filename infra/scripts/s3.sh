#!/usr/bin/env bash
# A throwaway S3 server for the integration tests: Ceph RADOS Gateway with one
# monitor and one in-memory (memstore) OSD, all on 127.0.0.1, from Debian
# packages; no systemd, no Docker, no disk.
#
#   s3.sh start    install what is missing, build and start a cluster unless
#                  one is already serving, wait until S3 answers with the test
#                  user in place; prints KEY=value lines for the tests
#   s3.sh stop     stop the daemons (the data goes with them: memstore)
#   s3.sh status   exit 0 when every daemon runs and S3 answers
#
# Environment: HDS_S3_STATE_DIR (/var/lib/hds-s3; config, keyrings, logs),
# HDS_S3_PORT (7480), HDS_S3_MON_PORT (3300), HDS_S3_ACCESS_KEY /
# HDS_S3_SECRET_KEY (fixed test credentials), HDS_S3_TIMEOUT (seconds a start
# may wait for the daemons, 120; the package install is not counted).
set -euo pipefail

state="${HDS_S3_STATE_DIR:-/var/lib/hds-s3}"
port="${HDS_S3_PORT:-7480}"
mon_port="${HDS_S3_MON_PORT:-3300}"
access_key="${HDS_S3_ACCESS_KEY:-hdstestaccess}"
secret_key="${HDS_S3_SECRET_KEY:-hdstestsecret}"
timeout_s="${HDS_S3_TIMEOUT:-120}"
conf="$state/ceph.conf"
endpoint="http://127.0.0.1:$port"
# The pools RGW would otherwise create lazily on its first bucket and object
# (~2 s of peering inside a test); made up front so `start` means ready.
pools=(.rgw.root default.rgw.control default.rgw.meta default.rgw.log default.rgw.buckets.index default.rgw.buckets.data default.rgw.buckets.non-ec)

say() { echo "s3: $*" >&2; }
die() { say "$*"; exit 1; }

# The daemons, their state and the package install all need root; re-running
# the whole script under sudo keeps every step below simple.
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "run as root: the Ceph daemons and $state need it, and sudo is missing"
  exec sudo env HDS_S3_STATE_DIR="$state" HDS_S3_PORT="$port" HDS_S3_MON_PORT="$mon_port" \
    HDS_S3_ACCESS_KEY="$access_key" HDS_S3_SECRET_KEY="$secret_key" HDS_S3_TIMEOUT="$timeout_s" "$0" "$@"
fi

apt_install() {
  env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; } \
    || die "could not install $* with apt-get"
}

ensure_packages() {
  local cmd missing=0
  for cmd in ceph-mon ceph-osd radosgw radosgw-admin ceph ceph-authtool monmaptool rados; do
    command -v "$cmd" >/dev/null 2>&1 || missing=1
  done
  [ "$missing" = 0 ] && return
  say "installing Ceph (radosgw, ceph-mon, ceph-osd) from Debian packages"
  apt_install radosgw ceph-mon ceph-osd ceph-common
}

# name -> the program whose pid file it owns; a pid only counts while that
# program still holds it, so a recycled pid is never taken for (or killed as) ours.
program_of() { case "$1" in mon.a) echo ceph-mon ;; osd.0) echo ceph-osd ;; client.rgw.a) echo radosgw ;; esac; }

pid_of() {
  local f="$state/run/$1.pid" pid
  [ -s "$f" ] || return 1
  pid="$(cat "$f")"
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$(program_of "$1")" || return 1
  echo "$pid"
}

all_running() { pid_of mon.a >/dev/null && pid_of osd.0 >/dev/null && pid_of client.rgw.a >/dev/null; }

# An anonymous GET / is RGW's bucket list; matching its body tells our gateway
# apart from anything else that might hold the port. Plain bash: CI images
# need not have curl.
s3_answers() {
  local reply
  reply="$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3" 2>/dev/null)" || return 1
  [[ "$reply" == *ListAllMyBucketsResult* ]]
}

port_taken() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

deadline=0
remaining() { echo $((deadline - SECONDS)); }

# Runs "$@" until it succeeds or the start deadline passes; $1 says what we wait for.
wait_for() {
  local what="$1"; shift
  until "$@" >/dev/null 2>&1; do
    [ "$(remaining)" -gt 0 ] || die "timed out after ${timeout_s}s waiting for $what; logs in $state/log"
    sleep 0.2
  done
}

ceph_cli() { timeout "$(( $(remaining) > 5 ? $(remaining) : 5 ))" ceph -c "$conf" --connect-timeout 10 "$@"; }

# A zombie counts as gone: only the container's init can reap it, in its own time.
any_alive() {
  local p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && [ "$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null)" != Z ] && return 0; done
  return 1
}

# All at once, with a short grace: the data is thrown away anyway, and an OSD
# whose monitor is already gone waits 5 s for it before exiting.
stop_daemons() {
  local name pid pids=()
  for name in client.rgw.a osd.0 mon.a; do
    pid="$(pid_of "$name")" && pids+=("$pid")
  done
  if [ "${#pids[@]}" -gt 0 ]; then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 1 10); do any_alive "${pids[@]}" || break; sleep 0.1; done
    kill -KILL "${pids[@]}" 2>/dev/null || true
    while any_alive "${pids[@]}"; do sleep 0.05; done
  fi
  rm -f "$state"/run/*.pid
}

write_conf() {
  cat >"$conf" <<EOF
# Generated by infra/scripts/s3.sh; rebuilt on every cold start.
[global]
fsid = $1
mon_host = [v2:127.0.0.1:$mon_port]
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_ipv6 = false
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
keyring = $state/admin.keyring
run_dir = $state/run
log_file = $state/log/\$name.log
# One OSD: every pool has a single replica and the warnings about it are noise.
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
mon_allow_pool_delete = true
# A full build disk must not stop a monitor whose data is a few megabytes.
mon_data_avail_crit = 1

[mon]
mon_data = $state/mon/\$id
# Each pool change waits for the next Paxos proposal (1 s by default); one
# monitor has nobody to batch with, so propose quickly.
paxos_propose_interval = 0.05
pid_file = $state/run/\$name.pid

[osd]
osd_data = $state/osd/\$id
keyring = $state/osd/\$id/keyring
pid_file = $state/run/\$name.pid
osd_objectstore = memstore
# Tests churn through buckets; deleted objects are only freed by RGW's
# garbage collection (below), so leave room for a whole suite run.
memstore_device_bytes = 6442450944
# memstore reports a tiny size; a zero CRUSH weight would map no PG to the OSD.
osd_crush_initial_weight = 1

[client.rgw.a]
keyring = $state/rgw.keyring
pid_file = $state/run/\$name.pid
rgw_frontends = beast endpoint=127.0.0.1:$port
rgw_data = $state/rgw
# The default 512 threads are sized for production traffic, not a test run.
rgw_thread_pool_size = 32
# Free the space of deleted objects within a minute, not after two hours:
# test runs create and delete thousands of objects in memory.
rgw_gc_obj_min_wait = 30
rgw_gc_processor_period = 30
rgw_gc_processor_max_time = 30
EOF
}

# A fresh cluster every cold start: memstore loses the OSD's objects when it
# stops, and a monitor that remembers pools the blank OSD no longer has would
# leave their placement groups stuck. Rebuilding takes a few seconds.
build_and_start() {
  local fsid osd_uuid k pool
  rm -rf "${state:?}/mon" "$state/osd" "$state/rgw" "$state/run" "$state/log" "$state"/*.keyring "$state/monmap" "$conf" "$state/user.ok"
  mkdir -p "$state/mon/a" "$state/osd/0" "$state/rgw" "$state/run" "$state/log"
  chmod 700 "$state"
  fsid="$(cat /proc/sys/kernel/random/uuid)"
  osd_uuid="$(cat /proc/sys/kernel/random/uuid)"
  write_conf "$fsid"

  # Every key goes into the monitor's initial keyring: no `ceph auth add` round trips later.
  {
    ceph-authtool --create-keyring "$state/mon.keyring" --gen-key -n mon. --cap mon 'allow *'
    ceph-authtool --create-keyring "$state/admin.keyring" --gen-key -n client.admin \
      --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *'
    ceph-authtool --create-keyring "$state/osd/0/keyring" --gen-key -n osd.0 \
      --cap mon 'allow profile osd' --cap osd 'allow *' --cap mgr 'allow profile osd'
    ceph-authtool --create-keyring "$state/rgw.keyring" --gen-key -n client.rgw.a \
      --cap mon 'allow rw' --cap osd 'allow rwx' --cap mgr 'allow rw'
    for k in admin.keyring osd/0/keyring rgw.keyring; do
      ceph-authtool "$state/mon.keyring" --import-keyring "$state/$k"
    done
    monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$state/monmap"
  } >>"$state/log/setup.log" 2>&1 || die "creating keyrings and the monitor map failed; see $state/log/setup.log"
  ceph-mon -c "$conf" -i a --mkfs --monmap "$state/monmap" --keyring "$state/mon.keyring" \
    >>"$state/log/setup.log" 2>&1 || die "ceph-mon --mkfs failed; see $state/log/setup.log"
  ceph-mon -c "$conf" -i a 9>&- >>"$state/log/setup.log" 2>&1 || die "ceph-mon did not start; see $state/log/mon.a.log"
  ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$state/log/setup.log" 2>&1 \
    || die "ceph-osd --mkfs failed; see $state/log/setup.log and $state/log/osd.0.log"
  ceph_cli osd new "$osd_uuid" 0 >>"$state/log/setup.log" 2>&1 \
    || die "the monitor did not register osd.0; see $state/log/mon.a.log"
  ceph-osd -c "$conf" -i 0 9>&- >>"$state/log/setup.log" 2>&1 || die "ceph-osd did not start; see $state/log/osd.0.log"

  # One CLI session for all pools: each `ceph` invocation costs a Python start-up.
  {
    for pool in "${pools[@]}"; do
      echo "osd pool create $pool 8 8"
      echo "osd pool application enable $pool rgw"
    done
  } | ceph_cli >>"$state/log/setup.log" 2>&1 || die "creating the RGW pools failed; see $state/log/setup.log"
  # `rados ls` visits every placement group, so it returns only once all of them are active.
  for pool in "${pools[@]}"; do
    wait_for "pool $pool to become active" timeout 10 rados -c "$conf" -p "$pool" ls
  done

  radosgw -c "$conf" -n client.rgw.a 9>&- >>"$state/log/setup.log" 2>&1 || die "radosgw did not start; see $state/log/client.rgw.a.log"
}

ensure_user() {
  [ -f "$state/user.ok" ] && return
  if ! timeout 30 radosgw-admin -c "$conf" user info --uid=hds >/dev/null 2>&1; then
    timeout 30 radosgw-admin -c "$conf" user create --uid=hds --display-name="HDS tests" \
      --access-key="$access_key" --secret-key="$secret_key" >/dev/null 2>>"$state/log/setup.log" \
      || die "could not create the S3 test user; see $state/log/setup.log"
  fi
  touch "$state/user.ok"
}

print_env() {
  echo "HDS_TEST_S3_ENDPOINT=$endpoint"
  echo "HDS_TEST_S3_ACCESS_KEY=$access_key"
  echo "HDS_TEST_S3_SECRET_KEY=$secret_key"
}

start() {
  mkdir -p "$state"
  # Two test runs starting at once must not build two clusters in one directory.
  # The daemons are started with fd 9 closed, or they would hold the lock for life.
  exec 9>"$state/.lock"
  flock -w "$timeout_s" 9 || die "another s3.sh holds $state/.lock"
  if all_running && s3_answers && [ -f "$state/user.ok" ]; then print_env; return; fi
  ensure_packages
  deadline=$((SECONDS + timeout_s))
  if ! all_running; then
    stop_daemons  # whatever half of an earlier cluster is left
    if port_taken "$port"; then die "127.0.0.1:$port is taken by a process that is not this script's radosgw"; fi
    if port_taken "$mon_port"; then die "127.0.0.1:$mon_port is taken; set HDS_S3_MON_PORT"; fi
    say "starting Ceph RADOS Gateway on $endpoint (state in $state)"
    build_and_start
  fi
  wait_for "S3 to answer on $endpoint" s3_answers
  ensure_user
  print_env
}

status() {
  local name pid ok=0
  for name in mon.a osd.0 client.rgw.a; do
    if pid="$(pid_of "$name")"; then echo "$name: running (pid $pid)"; else echo "$name: stopped"; ok=1; fi
  done
  if s3_answers; then echo "s3: answering on $endpoint"; else echo "s3: not answering on $endpoint"; ok=1; fi
  return "$ok"
}

case "${1:-}" in
  start) start ;;
  stop) stop_daemons ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac
