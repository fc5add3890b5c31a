#!/usr/bin/env bash
# GPU check, one call: records the host, the CPU path, the driver and NVRTC (versions and files), the device and
# the compile target; runs the CPU kernel checks on this machine's CPU; then on the GPU every kernel shape, the
# generated kernels and the trainer against the CPU, a map and a sum over 2^31 + 1000 floats, 16 concurrent
# host threads, the NVRTC compile-error path, and the device benchmarks against the copy bandwidth.
#
#   tools/gpu-check.sh [publish|run|all] [program options]
#
#   publish  publish tools/Simd.GpuCheck self-contained, trimmed, single-file for linux-x64 into
#            out/gpu-check/ (needs the .NET SDK; out/ is ignored by git)
#   run      run out/gpu-check/Simd.GpuCheck (needs only the NVIDIA driver and NVRTC: no .NET, no downloads;
#            set SIMD_NVRTC_PATH if NVRTC is neither on the loader path nor in a toolkit or pip-wheel folder)
#   all      publish if the SDK is present, then run (the default)
#
# Program options: --gb <GB per benchmark array, default 2>, --no-benchmarks.
# Exit codes: 0 all checks passed, 1 a device result differs from the CPU, 2 no GPU (a failed run; the reason
# is printed), 3 a group of checks threw (printed), 4 nothing to run, 64 bad options.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/out/gpu-check"
binary="$out/Simd.GpuCheck"
mode="all"
case "${1:-}" in
  publish|run|all) mode="$1"; shift ;;
esac

if [[ "$mode" != "run" ]]; then
  if command -v dotnet >/dev/null 2>&1; then
    echo "Publishing Simd.GpuCheck (linux-x64, self-contained, trimmed, single file) to out/gpu-check/ ..."
    dotnet publish "$root/tools/Simd.GpuCheck/Simd.GpuCheck.csproj" \
      --configuration Release --runtime linux-x64 \
      --output "$out" --nologo --verbosity quiet
    echo "Published: $(du -h "$binary" | cut -f1) $binary"
  elif [[ "$mode" == "publish" ]]; then
    echo "gpu-check: no .NET SDK here; publish on a machine with one and carry out/gpu-check/ along." >&2
    exit 4
  fi
fi

[[ "$mode" == "publish" ]] && exit 0

if [[ ! -x "$binary" ]]; then
  echo "gpu-check: $binary is missing; run 'tools/gpu-check.sh publish' where the .NET SDK is installed." >&2
  exit 4
fi

exec "$binary" "$@"
