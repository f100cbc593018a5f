#!/usr/bin/env bash
# Kills a training run with SIGKILL in the middle of an epoch, starts it again with the same
# command, and checks that it resumes from its BackupAndRestore backup and ends with the same
# losses, bit for bit, as a run never interrupted. Writes the outcome into docs/resume.md.
#   exercises/resume-check.sh [ID] [KILL_IN_EPOCH]     (default: homl-stacked, killed in epoch 5 of 10)
set -euo pipefail
cd "$(dirname "$0")/.."
id="${1:-homl-stacked}"
kill_in="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./nabla run "$id" --out "$work/whole" > "$work/whole.log"

./nabla run "$id" --out "$work/resumed" --backup "$work/backup" > "$work/killed.log" 2>&1 &
pid=$!
until grep -q "Epoch $kill_in/" "$work/killed.log"; do
  kill -0 "$pid" 2>/dev/null || { echo "the run ended before epoch $kill_in" >&2; exit 1; }
  sleep 0.2
done
sleep 1                                              # into the epoch, after the previous one's backup
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
ls "$work/backup/fit-1/backup.nabla" > /dev/null

./nabla run "$id" --out "$work/resumed" --backup "$work/backup" > "$work/resumed.log"
resumed_line="$(grep -m1 '^Resuming after epoch' "$work/resumed.log")"
whole_last="$(tail -1 "$work/whole/$id-history.tsv")"
resumed_last="$(tail -1 "$work/resumed/$id-history.tsv")"
[ -e "$work/backup/fit-1/backup.nabla" ] && { echo "the finished run left its backup" >&2; exit 1; }
verdict=DIFFERENT
[ "$whole_last" = "$resumed_last" ] && verdict=IDENTICAL

header="$(head -1 "$work/whole/$id-history.tsv" | tr '\t' ' ')"
whole_last="$(echo "$whole_last" | tr '\t' ' ')"
resumed_last="$(echo "$resumed_last" | tr '\t' ' ')"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores)"
cat > docs/resume.md <<DOC
# Resuming a killed training run

\`BackupAndRestore(dir)\` (Keras's callback of the same name) writes, after every epoch and
atomically, the model's weights, the optimizer's state (its step count and every slot), the epoch
and the random state (each layer's noise count; the shuffle of an epoch follows from the seed
and the epoch) to \`dir/backup.nabla\`. A fit that finds the file when it starts restores it and
goes on with the next epoch; a finished fit deletes it. \`./nabla run ID --backup DIR\` gives every
fit of an exercise its own backup under \`DIR/fit-N/\`.

A layer's noise (Dropout's mask, GaussianNoise) for its n-th call comes from a generator seeded by
the layer's noise seed folded with n (as JAX's \`fold_in\` and PyTorch's Philox offsets do), so the
random state to save is one count per layer rather than a generator's internals.

## Check: kill -9 in the middle of an epoch, start again, compare

Command: \`exercises/resume-check.sh $id $kill_in\` — runs \`./nabla run $id\` once without
interruption; once with \`--backup\`, killed with SIGKILL one second into epoch $kill_in (so epoch
$((kill_in - 1))'s backup is the last one); then the same command again, which printed:

    $resumed_line

Last epoch's history row (\`$header\`), full precision:

| run | row |
|---|---|
| never interrupted | \`$whole_last\` |
| killed and resumed | \`$resumed_last\` |

Result: **$verdict**. Machine: $cpu; $(date -u +%Y-%m-%d).
DOC
echo "RESUME $id killed-in-epoch=$kill_in $verdict"
echo "  whole:   $whole_last"
echo "  resumed: $resumed_last"
[ "$verdict" = IDENTICAL ]
