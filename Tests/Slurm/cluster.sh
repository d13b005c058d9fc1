#!/usr/bin/env bash
# A single-node Slurm cluster for `make test-slurm` (Debian bookworm's slurm-wlm 22.05), as root in a
# container: `cluster.sh install`, `cluster.sh start [MAX_ARRAY_SIZE]`, `cluster.sh stop`.
# Everything lives in $SLURM_TEST_DIR (default /tmp/quire-slurm): slurm.conf, spools, logs, PID files.
set -euo pipefail
DIR=${SLURM_TEST_DIR:-/tmp/quire-slurm}
NODE=$(hostname -s)
CONF=$DIR/slurm.conf
export SLURM_CONF=$CONF

install() {
  if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurmctld slurmd slurm-client munge
  fi
}

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local seconds=$1
  shift
  for _ in $(seq $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  return 1
}

start() {
  local max_array=${1:-1001}
  # A fresh cluster each time: no job or state left from an earlier run (slurmctld -c too).
  rm -rf "$DIR"/ctld "$DIR"/d
  mkdir -p "$DIR"/{ctld,d,log,run}
  # munge: a key readable by the munge user only, munged running as that user.
  mkdir -p /etc/munge /var/lib/munge /var/log/munge /run/munge
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge
  chmod 0700 /etc/munge /var/lib/munge /var/log/munge
  chmod 0755 /run/munge
  chmod 0400 /etc/munge/munge.key
  if ! { [ -f "$DIR/run/munged.pid" ] && kill -0 "$(cat "$DIR/run/munged.pid")" 2>/dev/null; }; then
    su -s /bin/sh munge -c "/usr/sbin/munged --pid-file=/run/munge/munged.pid --force"
    wait_for 10 test -S /run/munge/munge.socket.2
    cp /run/munge/munged.pid "$DIR/run/munged.pid"
  fi
  local memory
  memory=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)
  cat >"$CONF" <<CONF
ClusterName=quire-test
SlurmctldHost=$NODE
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$DIR/ctld
SlurmdSpoolDir=$DIR/d
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MaxArraySize=$max_array
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
Waittime=0
NodeName=$NODE CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
  /usr/sbin/slurmctld -D -c -f "$CONF" >"$DIR/log/slurmctld.out" 2>&1 &
  echo $! >"$DIR/run/slurmctld.daemon"
  /usr/sbin/slurmd -D -N "$NODE" -f "$CONF" >"$DIR/log/slurmd.out" 2>&1 &
  echo $! >"$DIR/run/slurmd.daemon"
  if ! wait_for 60 sh -c "sinfo -h -N -o '%T' | grep -qx idle"; then
    echo "cluster.sh: the node did not become idle within 60 s; logs in $DIR/log" >&2
    sinfo -N >&2 || true
    tail -20 "$DIR"/log/*.log >&2 || true
    exit 1
  fi
  echo "cluster.sh: Slurm is up (node $NODE idle, MaxArraySize=$max_array, SLURM_CONF=$CONF)"
}

# Kills the process whose PID is in file $1 and waits for it to exit.
stop_pid() {
  [ -f "$1" ] || return 0
  local pid
  pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$1"
}

stop() {
  # Jobs finish first: no step socket left in slurmd's spool (up to 60 s).
  wait_for 60 sh -c "! ls '$DIR/d/$NODE'_* >/dev/null 2>&1" || echo "cluster.sh: job steps still running; stopping anyway" >&2
  stop_pid "$DIR/run/slurmd.daemon"
  stop_pid "$DIR/run/slurmctld.daemon"
  stop_pid "$DIR/run/munged.pid"
}

case ${1:-} in
  install) install ;;
  start) start "${2:-}" ;;
  stop) stop ;;
  *) echo "usage: $0 install|start [MAX_ARRAY_SIZE]|stop" >&2; exit 2 ;;
esac
